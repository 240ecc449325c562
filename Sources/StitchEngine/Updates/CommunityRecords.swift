import StitchModel

/// The records behind an engine's index, by slot: what a full build starts from, and what a
/// removal needs (a member's exchanges, the members who name them in `avoid`).
struct CommunityRecords: Sendable {
    /// Members by slot; `nil` for a removed member's vacant slot.
    var members: [Member?]
    /// Slots in the order the members came (the community's order, then each member added).
    private var memberOrder: [Int32]
    var activities: [Activity?]
    var exchanges: [Exchange]
    var attendance: [Attendance]
    var exchangeIDs: Set<String>
    var accounts: [LedgerAccount]
    var ledger: [LedgerEntry]
    var ledgerIDs: Set<String>

    /// The records of `community`, members placed in the slots `memberIndex` gives them.
    init(_ community: Community, memberIndex: [String: Int32]) {
        memberOrder = community.members.map { memberIndex[$0.id]! }
        var members = [Member?](repeating: nil, count: community.members.count)
        for (member, slot) in zip(community.members, memberOrder) { members[Int(slot)] = member }
        self.members = members
        activities = community.activities
        exchanges = community.exchanges
        attendance = community.attendance
        exchangeIDs = Set(community.exchanges.compactMap(\.id))
        accounts = community.accounts
        ledger = community.ledger
        ledgerIDs = Set(community.ledger.compactMap(\.id))
    }

    /// Adds a member in a new slot at the end.
    mutating func appendMember(_ member: Member) {
        memberOrder.append(Int32(members.count))
        members.append(member)
    }

    /// The community as it stands: members in the order they came, activities in slot order.
    var community: Community {
        Community(
            members: memberOrder.compactMap { members[Int($0)] }, activities: activities.compactMap { $0 }, exchanges: exchanges,
            attendance: attendance, accounts: accounts, ledger: ledger)
    }
}
