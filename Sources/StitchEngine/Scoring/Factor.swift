public import StitchModel

/// The six factors every match is scored on, each in [0, 1].
public enum Factor: String, CaseIterable, Sendable, Hashable, Codable {
    case skill, availability, locality, wellbeing, bridging, reciprocity

    public init(from decoder: any Decoder) throws {
        self = try Self.decodeNamed(from: decoder, kind: "factor")
    }
}

/// A value for each ``Factor``: a match's factor scores, or a profile's weights.
public struct FactorScores: Sendable, Hashable, Codable {
    public var skill: Double
    public var availability: Double
    public var locality: Double
    public var wellbeing: Double
    public var bridging: Double
    public var reciprocity: Double

    public init(skill: Double = 0, availability: Double = 0, locality: Double = 0, wellbeing: Double = 0, bridging: Double = 0, reciprocity: Double = 0) {
        self.skill = skill
        self.availability = availability
        self.locality = locality
        self.wellbeing = wellbeing
        self.bridging = bridging
        self.reciprocity = reciprocity
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case skill, availability, locality, wellbeing, bridging, reciprocity }

    /// The keys of its JSON object, one per factor: any other is refused (`weights.set`).
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        skill = try c.decode(Double.self, forKey: .skill)
        availability = try c.decode(Double.self, forKey: .availability)
        locality = try c.decode(Double.self, forKey: .locality)
        wellbeing = try c.decode(Double.self, forKey: .wellbeing)
        bridging = try c.decode(Double.self, forKey: .bridging)
        reciprocity = try c.decode(Double.self, forKey: .reciprocity)
    }

    public subscript(factor: Factor) -> Double {
        get {
            switch factor {
            case .skill: skill
            case .availability: availability
            case .locality: locality
            case .wellbeing: wellbeing
            case .bridging: bridging
            case .reciprocity: reciprocity
            }
        }
        set {
            switch factor {
            case .skill: skill = newValue
            case .availability: availability = newValue
            case .locality: locality = newValue
            case .wellbeing: wellbeing = newValue
            case .bridging: bridging = newValue
            case .reciprocity: reciprocity = newValue
            }
        }
    }

    /// Every factor at its best: the optimistic value of a factor not yet computed.
    static let ones = FactorScores(skill: 1, availability: 1, locality: 1, wellbeing: 1, bridging: 1, reciprocity: 1)

    /// Every value clamped into [0, 1]; a NaN becomes 0 (and trips an assertion in debug builds).
    @inline(__always)
    func clamped() -> FactorScores {
        @inline(__always) func unit(_ v: Double) -> Double {
            assert(!v.isNaN, "a factor is NaN")
            return v.isNaN ? 0 : min(1, max(0, v))
        }
        return FactorScores(
            skill: unit(skill), availability: unit(availability), locality: unit(locality), wellbeing: unit(wellbeing),
            bridging: unit(bridging), reciprocity: unit(reciprocity))
    }
}

/// Weights of the factors in a profile: non-negative, not all zero.
public typealias FactorWeights = FactorScores

extension FactorScores {
    /// The weighted mean of `scores` under these weights, in [0, 1].
    @inline(__always)
    func combine(_ scores: FactorScores) -> Double {
        let total = skill + availability + locality + wellbeing + bridging + reciprocity
        guard total > 0 else { return 0 }
        let sum = skill * scores.skill + availability * scores.availability + locality * scores.locality
            + wellbeing * scores.wellbeing + bridging * scores.bridging + reciprocity * scores.reciprocity
        return min(1, max(0, sum / total))
    }

    /// Checks weights: each 0 or within ``RecordBounds/weight`` (10⁻⁶ to 1000), not all zero.
    ///
    /// The bounds keep every weighted sum the engine forms finite and normal: six weights of at
    /// most 1000 times factors in [0, 1] never overflow, and a weight of at least 10⁻⁶ is never
    /// subnormal, so no bound, bucket or score derived from them is NaN or infinite.
    public func validatedAsWeights(field: String) throws(QueryError) -> FactorWeights {
        let range = RecordBounds.weight
        for f in Factor.allCases where !(self[f] == 0 || (self[f].isFinite && range.contains(self[f]))) {
            throw .invalid(
                field: "\(field).\(f.rawValue)",
                reason: "\(f.rawValue) \(self[f]) is out of range; expected 0 or \(range.lowerBound) to \(Int(range.upperBound))")
        }
        guard Factor.allCases.contains(where: { self[$0] > 0 }) else {
            throw .invalid(field: field, reason: "at least one weight must be above zero")
        }
        return self
    }
}
