import StitchModel

/// The records behind an engine's index, by slot: what a full build starts from, and what a
/// removal needs (a member's exchanges, the members who name them in `avoid`).
struct CommunityRecords: Sendable {
    /// Members by slot; `nil` for a removed member's vacant slot.
    var members: [Member?]
    var activities: [Activity?]
    var exchanges: [Exchange]
    var attendance: [Attendance]
    var exchangeIDs: Set<String>

    init(_ community: Community) {
        members = community.members
        activities = community.activities
        exchanges = community.exchanges
        attendance = community.attendance
        exchangeIDs = Set(community.exchanges.compactMap(\.id))
    }

    /// The community as it stands: members and activities in slot order.
    var community: Community {
        Community(
            members: members.compactMap { $0 }, activities: activities.compactMap { $0 }, exchanges: exchanges,
            attendance: attendance)
    }
}
