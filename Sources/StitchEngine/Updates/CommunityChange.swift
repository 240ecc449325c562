public import StitchModel

/// One write to a community: what a daemon's `member.upsert`, `exchange.record`, … change.
///
/// ``Engine/apply(_:)`` checks a change against the community and edits the engine in place.
public enum CommunityChange: Sendable, Hashable {
    /// Adds a member, or replaces the member with the same id.
    case upsertMember(Member)
    /// Removes a member with their exchanges and attendance; others' `avoid` lists drop them.
    case removeMember(id: String)
    /// Adds an activity, or replaces the activity with the same id (its attendance stays).
    case upsertActivity(Activity)
    /// Removes an activity with its attendance.
    case removeActivity(id: String)
    /// Records an exchange of time.
    case recordExchange(Exchange)
    /// Records that a member attends an activity.
    case recordAttendance(Attendance)
    /// Records a ledger entry: a group exchange, a donation, credits spent (docs/ledger.md).
    case recordLedgerEntry(LedgerEntry)
    /// Adds an account that is not a member's: the time bank, an organisation, the pot.
    case addAccount(LedgerAccount)

    /// The date the change carries, if any (an exchange's or attendance's).
    var date: CalendarDate? {
        switch self {
        case .recordExchange(let x): x.date
        case .recordAttendance(let r): r.date
        case .recordLedgerEntry(let e): e.date
        default: nil
        }
    }
}
