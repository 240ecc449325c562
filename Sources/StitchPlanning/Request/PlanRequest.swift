public import StitchEngine
public import StitchModel

/// A planning session's request (`plan.allocate`): many referrals to place at once in scarce
/// activity places.
///
/// Only `referrals` is required; every other field has a default. Decoding checks each field's
/// JSON type; ``validate()`` checks the values, naming the first bad field.
///
/// ```json
/// {"referrals": [{"id": "r-1", "person": "m-maud", "referrer": "gp-downham"}],
///  "maxPerPerson": 1, "topK": 20, "withBuddies": true, "buddyLimitPerWeek": 2,
///  "fairness": "total", "profile": "planning"}
/// ```
public struct PlanRequest: Sendable, Hashable, Codable {
    /// The referrals to place; each needs an `id`, unique within the request.
    public var referrals: [Referral]
    /// The most activities one person may be placed in (default 1).
    public var maxPerPerson: Int
    /// How many of each referral's best feasible activities the allocation considers (default 20).
    public var topK: Int
    /// Whether to suggest a buddy for each placement (default true).
    public var withBuddies: Bool
    /// The most newcomers one member is asked to accompany in a plan, a week's first visits (default 2).
    public var buddyLimitPerWeek: Int
    /// How people are weighed against each other (default ``Fairness/total``).
    public var fairness: Fairness
    /// The largest share of the placements one referrer (GP practice) may take, in (0, 1]; no
    /// cap when absent.
    public var maxSharePerPractice: Double?
    /// The weights profile for scores (default ``ScoringProfile/planning``).
    public var profile: ScoringProfile

    /// The most referrals in one request.
    public static let maximumReferrals = 100_000
    /// The most activities per person.
    public static let maximumPerPerson = 10

    public init(
        referrals: [Referral], maxPerPerson: Int = 1, topK: Int = 20, withBuddies: Bool = true,
        buddyLimitPerWeek: Int = 2,
        fairness: Fairness = .total, maxSharePerPractice: Double? = nil, profile: ScoringProfile = .planning
    ) {
        self.referrals = referrals
        self.maxPerPerson = maxPerPerson
        self.topK = topK
        self.withBuddies = withBuddies
        self.buddyLimitPerWeek = buddyLimitPerWeek
        self.fairness = fairness
        self.maxSharePerPractice = maxSharePerPractice
        self.profile = profile
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case referrals, maxPerPerson, topK, withBuddies, buddyLimitPerWeek, fairness, maxSharePerPractice, profile
    }

    /// The keys of a request's object: any other is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        self.referrals = try c.decode([Referral].self, forKey: .referrals)
        self.maxPerPerson = try c.decodeWholeNumber(forKey: .maxPerPerson) ?? 1
        self.topK = try c.decodeWholeNumber(forKey: .topK) ?? 20
        self.withBuddies = try c.decodeIfPresent(Bool.self, forKey: .withBuddies) ?? true
        self.buddyLimitPerWeek = try c.decodeWholeNumber(forKey: .buddyLimitPerWeek) ?? 2
        self.maxSharePerPractice = try c.decodeIfPresent(Double.self, forKey: .maxSharePerPractice)
        self.fairness = try Self.decodeChoice(Fairness.self, c, .fairness) ?? .total
        self.profile = try Self.decodeChoice(ScoringProfile.self, c, .profile) ?? .planning
    }

    /// Decodes a string choice, naming the values allowed when it is none of them.
    private static func decodeChoice<T: RawRepresentable & CaseIterable>(
        _: T.Type, _ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> T? where T.RawValue == String {
        guard let raw = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let value = T(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: T.unknownNameReason(raw, kind: "value"))
        }
        return value
    }
}
