/// A hard constraint that excluded a candidate. Hard constraints are never broken: an excluded
/// candidate is never ranked, only counted (and explained by ``StitchEngine/explain(_:)``).
public enum ExclusionReason: String, CaseIterable, Sendable, Hashable, Codable {
    /// An `avoid` on either side.
    case safeguarding
    /// The request requires an enhanced DBS check the helper does not hold.
    case dbs
    /// An access need the activity does not meet.
    case access
    /// Beyond a travel radius, or a housebound person and an activity in person.
    case distance
    /// No overlap with the times asked for, or (buddies) not free at the activity's time.
    case availability
    /// No places left.
    case capacity
    /// Outside the activity's age range.
    case age
    /// The requester themself, or the referred person as their own buddy.
    case `self`
    /// The member is not active.
    case inactive
    /// The help is at home and the helper does not do home visits.
    case homeVisits
    /// The helper gave more hours recently than the overload limit.
    case overload

    /// A plain-English explanation for reasons and `explain`.
    public var explanation: String {
        switch self {
        case .safeguarding: "Safeguarding: these two must not be matched"
        case .dbs: "Needs an enhanced DBS check"
        case .access: "Does not meet an access need"
        case .distance: "Too far to travel"
        case .availability: "Not free at the time needed"
        case .capacity: "No places left"
        case .age: "Outside the age range"
        case .self: "Is the person asking"
        case .inactive: "Not an active member"
        case .homeVisits: "Does not do home visits"
        case .overload: "Has given a lot of time lately"
        }
    }
}

/// Counts of exclusions by reason; encodes as `{"safeguarding": 1, "dbs": 3, …}` with every reason.
public struct ExclusionCounts: Sendable, Hashable, Codable {
    public private(set) var counts: [ExclusionReason: Int] = [:]

    public init() {}

    public subscript(reason: ExclusionReason) -> Int { counts[reason, default: 0] }

    mutating func add(_ reason: ExclusionReason) { counts[reason, default: 0] += 1 }

    /// Total exclusions.
    public var total: Int { counts.values.reduce(0, +) }

    public init(from decoder: any Decoder) throws {
        let raw = try [String: Int](from: decoder)
        // Zero counts are written out for readers but not kept, so a round trip compares equal.
        for (k, v) in raw where v != 0 { if let r = ExclusionReason(rawValue: k) { counts[r] = v } }
    }

    public func encode(to encoder: any Encoder) throws {
        var raw: [String: Int] = [:]
        for r in ExclusionReason.allCases { raw[r.rawValue] = counts[r, default: 0] }
        try raw.encode(to: encoder)
    }
}
