/// A person's goals (or interest) for each of the Five Ways to Wellbeing, each in [0, 1].
///
/// On the wire: `{"connect": 1.0, "beActive": 0.3, "keepLearning": 0.5, "takeNotice": 0.2, "give": 0.8}`;
/// a missing way is 0.
public struct FiveWays: Sendable, Hashable, Codable {
    public var connect: Double
    public var beActive: Double
    public var keepLearning: Double
    public var takeNotice: Double
    public var give: Double

    public init(connect: Double = 0, beActive: Double = 0, keepLearning: Double = 0, takeNotice: Double = 0, give: Double = 0) {
        self.connect = connect
        self.beActive = beActive
        self.keepLearning = keepLearning
        self.takeNotice = takeNotice
        self.give = give
    }

    /// The goal for one way.
    public subscript(way: WellbeingWay) -> Double {
        get {
            switch way {
            case .connect: connect
            case .beActive: beActive
            case .keepLearning: keepLearning
            case .takeNotice: takeNotice
            case .give: give
            }
        }
        set {
            switch way {
            case .connect: connect = newValue
            case .beActive: beActive = newValue
            case .keepLearning: keepLearning = newValue
            case .takeNotice: takeNotice = newValue
            case .give: give = newValue
            }
        }
    }

    /// Sum of all goals.
    public var total: Double { connect + beActive + keepLearning + takeNotice + give }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: AnyKey.self)
        for key in c.allKeys {
            guard let way = WellbeingWay(rawValue: key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription: WellbeingWay.unknownNameReason(key.stringValue, kind: "wellbeing way"))
            }
            let value = try c.decode(Double.self, forKey: key)
            guard value.isFinite, (0...1).contains(value) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: RecordBounds.outOfRange(field: key.stringValue, value: "\(value)", allowed: "0 to 1").reason)
            }
            self[way] = value
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for way in WellbeingWay.allCases {
            try c.encode(self[way], forKey: AnyKey(stringValue: way.rawValue))
        }
    }
}
