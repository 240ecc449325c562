/// Yes/no facts about a member packed in a byte.
struct MemberFlags: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let active = MemberFlags(rawValue: 1 << 0)
    static let homeVisits = MemberFlags(rawValue: 1 << 1)
    static let housebound = MemberFlags(rawValue: 1 << 2)
    static let dbsChecked = MemberFlags(rawValue: 1 << 3)
    static let hasLocation = MemberFlags(rawValue: 1 << 4)
    static let hasAvailability = MemberFlags(rawValue: 1 << 5)
    static let hasWellbeing = MemberFlags(rawValue: 1 << 6)
    /// Accepts an interpreter when a helper, buddy or activity shares no language with them.
    static let interpreter = MemberFlags(rawValue: 1 << 7)
}
