public import StitchEngine
public import StitchModel

extension MethodParams {
    /// `weights.learn`: what to predict (`uptake`, `completion` or `wellbeing`), whose weights
    /// (the `referral` profile by default), and optionally one need-and-concern group's referrals.
    public struct LearnWeights: Decodable, Sendable {
        public var target: String
        public var profile: ScoringProfile?
        public var needs: String?

        public init(target: String, profile: ScoringProfile? = nil, needs: String? = nil) {
            self.target = target
            self.profile = profile
            self.needs = needs
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case target, profile, needs }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            target = try c.decode(String.self, forKey: .target)
            profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
            needs = try c.decodeIfPresent(String.self, forKey: .needs)
        }
    }

    /// `weights.fits`: the stored fits, optionally of one profile only.
    public struct WeightFits: Decodable, Sendable {
        public var profile: ScoringProfile?

        public init(profile: ScoringProfile? = nil) { self.profile = profile }

        private enum CodingKeys: String, CodingKey, CaseIterable { case profile }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
        }
    }

    /// `weights.apply`: the version of a stored fit whose weights to put in force.
    public struct ApplyWeights: Decodable, Sendable {
        public var version: String

        public init(version: String) { self.version = version }

        private enum CodingKeys: String, CodingKey, CaseIterable { case version }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            version = try c.decode(String.self, forKey: .version)
        }
    }
}

extension MethodResults {
    /// `weights.fits`: the stored fits, newest first.
    public struct WeightFits: Encodable, Sendable {
        public var fits: [LearnedFit]
    }

    /// `weights.apply`: the fit applied, the profile, its weights now in force and those before.
    public struct AppliedWeights: Encodable, Sendable {
        public var version: String
        public var profile: ScoringProfile
        public var weights: FactorWeights
        public var previous: FactorWeights
    }
}
