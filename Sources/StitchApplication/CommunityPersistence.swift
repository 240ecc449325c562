public import StitchEngine
public import StitchModel

/// Where a service keeps its community, so that an acknowledged write survives a restart.
///
/// ``StitchService`` calls exactly one method for each write, after the change has been
/// validated and applied to the engine in memory, and before it is published to readers or
/// acknowledged. Each method is synchronous and returns only once its change is committed: a
/// write is acknowledged only when it is stored. When a method throws, nothing may have been
/// stored; the service then puts back the state the store holds (``loadCommunity()``) and the
/// client gets error -32603.
///
/// Each method mirrors one write of the service, with the same effect on the stored community
/// as the service has on its own (for example, removing a member also removes their exchanges,
/// attendance and every mention in other members' `avoid` lists).
///
/// Errors thrown are logged by the daemon as they are: their descriptions must name no
/// personal data (no names, no field values).
///
/// ```swift
/// let store = try SQLiteCommunityStore(path: "stitch.sqlite")
/// let service = try StitchService(community: try store.load(), taxonomy: taxonomy, persistence: store)
/// ```
public protocol CommunityPersistence: Sendable {
    /// The community as stored (what a failed write falls back to).
    func loadCommunity() throws -> Community

    /// Replaces everything stored with this community (`community.load`, an import), keeping
    /// the stored weights and the recorded outcomes whose subject and candidate are in it.
    func replaceAll(_ community: Community) throws

    /// Adds a member, or replaces the member with the same id in place.
    func upsert(member: Member) throws

    /// Removes a member with their exchanges, attendance and the outcomes naming them, and
    /// drops their id from every other member's `avoid` list.
    func remove(memberID: String) throws

    /// Adds an activity, or replaces the activity with the same id in place.
    func upsert(activity: Activity) throws

    /// Removes an activity with its attendance and the outcomes naming it.
    func remove(activityID: String) throws

    /// Appends an exchange of time.
    func record(exchange: Exchange) throws

    /// Appends an attendance.
    func record(attendance: Attendance) throws

    /// Stores the factor weights of a profile (`weights.set`, `weights.calibrate`).
    func setWeights(profile: ScoringProfile, weights: FactorWeights) throws

    /// Appends a recorded outcome (`outcome.record`).
    func record(outcome: Outcome) throws
}
