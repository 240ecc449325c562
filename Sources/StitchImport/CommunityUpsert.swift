public import StitchModel

/// Adds or updates a source's members and activities in a community, by id, keeping the
/// community sound.
///
/// A record whose id is already in the community replaces it in place; a new one goes last
/// (as `member.upsert` and `activity.upsert` do). Members, activities, exchanges and attendance
/// the source does not name stay as they are. Then the model's community-level checks
/// (`Community.validationErrors()`) run on the result, and each incoming record they flag is
/// left out, with the stored version (if any) kept: a member whose `avoid` names someone the
/// community does not know, an activity with more enrolled than places. The checks run again
/// until nothing incoming is flagged.
///
/// ```swift
/// let merged = CommunityUpsert.merge(source, into: try store.load())
/// for issue in merged.issues { print(issue) }   // rows[4] (m-7) avoid[0]: unknown member id 'm-99'…
/// ```
public struct CommunityUpsert: Sendable, Hashable {
    /// The community with the source's good records in it.
    public var community: Community
    /// Members and activities the source added (new ids).
    public var added: Int
    /// Members and activities the source replaced (ids already there).
    public var updated: Int
    /// Records left out because the merged community would not be sound.
    public var issues: [ImportIssue]
    /// The source's members that went in, in source order (what a store must write).
    public var members: [Member]
    /// The source's activities that went in, in source order.
    public var activities: [Activity]

    /// Merges `source` into `base`.
    public static func merge(_ source: SourceImport, into base: Community) -> CommunityUpsert {
        var members = source.members
        var activities = source.activities
        var issues: [ImportIssue] = []
        while true {
            let (community, memberAt, activityAt) = apply(members: members, activities: activities, to: base)
            var dropMembers = Set<Int>()
            var dropActivities = Set<Int>()
            for error in community.validationErrors() {
                guard let (list, index, rest) = split(error.field) else { continue }
                let incoming: Int?
                let record: (id: String, index: Int?)?
                switch list {
                case "members":
                    incoming = memberAt[index]
                    record = incoming.map { (members[$0].value.id, members[$0].index) }
                    if let incoming { dropMembers.insert(incoming) }
                case "activities":
                    incoming = activityAt[index]
                    record = incoming.map { (activities[$0].value.id, activities[$0].index) }
                    if let incoming { dropActivities.insert(incoming) }
                default:
                    record = nil
                }
                guard let record else { continue }
                issues.append(
                    ImportIssue(
                        list: source.list, index: record.index, id: record.id, field: rest.isEmpty ? "$" : String(rest),
                        reason: error.reason))
            }
            if dropMembers.isEmpty, dropActivities.isEmpty {
                let known = Set(base.members.map(\.id))
                let knownActivities = Set(base.activities.map(\.id))
                let updated =
                    members.count { known.contains($0.value.id) }
                    + activities.count { knownActivities.contains($0.value.id) }
                return CommunityUpsert(
                    community: community, added: members.count + activities.count - updated, updated: updated,
                    issues: issues, members: members.map(\.value), activities: activities.map(\.value))
            }
            members = members.enumerated().filter { !dropMembers.contains($0.offset) }.map(\.element)
            activities = activities.enumerated().filter { !dropActivities.contains($0.offset) }.map(\.element)
        }
    }

    /// The base with the records upserted; for each position in the result, which incoming
    /// record (if any) is there.
    private static func apply(
        members: [ImportedRecord<Member>], activities: [ImportedRecord<Activity>], to base: Community
    ) -> (Community, [Int: Int], [Int: Int]) {
        var community = base
        let memberAt = upsert(members, into: &community.members)
        let activityAt = upsert(activities, into: &community.activities)
        return (community, memberAt, activityAt)
    }

    /// Replaces each record with the same id where it stands, or appends it; returns, for each
    /// position written, which incoming record went there (the last one with that id).
    private static func upsert<T: Identifiable>(_ records: [ImportedRecord<T>], into list: inout [T]) -> [Int: Int]
    where T.ID == String {
        var written: [Int: Int] = [:]
        var position = Dictionary(list.enumerated().map { ($1.id, $0) }) { first, _ in first }
        for (n, record) in records.enumerated() {
            if let i = position[record.value.id] {
                list[i] = record.value
                written[i] = n
            } else {
                position[record.value.id] = list.count
                written[list.count] = n
                list.append(record.value)
            }
        }
        return written
    }

    /// `members[12].avoid[0]` → ("members", 12, "avoid[0]").
    private static func split(_ field: String) -> (String, Int, Substring)? {
        guard let open = field.firstIndex(of: "["), let close = field[open...].firstIndex(of: "]"),
            let index = Int(field[field.index(after: open)..<close])
        else { return nil }
        var rest = field[field.index(after: close)...]
        if rest.first == "." { rest = rest.dropFirst() }
        return (String(field[..<open]), index, rest)
    }
}
