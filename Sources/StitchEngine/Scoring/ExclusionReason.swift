/// A hard constraint that excluded a candidate. Hard constraints are never broken: an excluded
/// candidate is never ranked, only counted (and explained by ``StitchEngine/explain(_:)``).
public enum ExclusionReason: String, CaseIterable, Sendable, Hashable, Codable {
    /// An `avoid` on either side.
    case safeguarding
    /// The request requires a DBS check the helper does not hold: none, one of a lower level, or
    /// one that expired before the day judged.
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
    /// The broker dismissed this candidate for this subject ("not this one"), and the dismissal
    /// has not lapsed.
    case dismissed
    /// Both sides state languages and share none, and no interpreter is accepted.
    case language
    /// The activity costs more a session than the person can pay (`maxCost`).
    case cost
    /// Help at home or personal help, and the person asked for a helper of a gender this helper
    /// has not stated (``HomeVisitRule``).
    case gender
    /// Help at home or personal help, and the helper is allergic to a pet kept there or asks for
    /// smoke-free homes when someone smokes there (``HomeVisitRule``).
    case home

    /// A plain-English explanation for reasons and `explain`.
    public var explanation: String {
        switch self {
        case .safeguarding: "Safeguarding: these two must not be matched"
        case .dbs: "Needs a DBS check in date"
        case .access: "Does not meet an access need"
        case .distance: "Too far to travel"
        case .availability: "Not free at the time needed"
        case .capacity: "No places left"
        case .age: "Outside the age range"
        case .self: "Is the person asking"
        case .inactive: "Not an active member"
        case .homeVisits: "Does not do home visits"
        case .overload: "Has given a lot of time lately"
        case .dismissed: "Dismissed by the broker for this person"
        case .language: "No language in common"
        case .cost: "Costs more than they can pay"
        case .gender: "Not the helper gender they asked for at home"
        case .home: "Cannot visit their home (pets or smoking)"
        }
    }
}

/// Counts of exclusions by reason; encodes as `{"safeguarding": 1, "dbs": 3, …}` with every reason.
///
/// A fixed array indexed by reason, so counting in the scoring loop hashes nothing.
public struct ExclusionCounts: Sendable, Hashable, Codable {
    private var values = [Int](repeating: 0, count: ExclusionReason.allCases.count)

    public init() {}

    public subscript(reason: ExclusionReason) -> Int { values[reason.ordinal] }

    /// The non-zero counts by reason.
    public var counts: [ExclusionReason: Int] {
        var out: [ExclusionReason: Int] = [:]
        for r in ExclusionReason.allCases where values[r.ordinal] != 0 { out[r] = values[r.ordinal] }
        return out
    }

    @inline(__always)
    mutating func add(_ reason: ExclusionReason) { values[reason.ordinal] += 1 }

    /// Total exclusions.
    public var total: Int { values.reduce(0, +) }

    public init(from decoder: any Decoder) throws {
        let raw = try [String: Int](from: decoder)
        for (k, v) in raw { if let r = ExclusionReason(rawValue: k) { values[r.ordinal] = v } }
    }

    public func encode(to encoder: any Encoder) throws {
        var raw: [String: Int] = [:]
        for r in ExclusionReason.allCases { raw[r.rawValue] = values[r.ordinal] }
        try raw.encode(to: encoder)
    }
}

extension ExclusionReason {
    /// Position among all reasons.
    var ordinal: Int {
        switch self {
        case .safeguarding: 0
        case .dbs: 1
        case .access: 2
        case .distance: 3
        case .availability: 4
        case .capacity: 5
        case .age: 6
        case .self: 7
        case .inactive: 8
        case .homeVisits: 9
        case .overload: 10
        case .dismissed: 11
        case .language: 12
        case .cost: 13
        case .gender: 14
        case .home: 15
        }
    }
}
