public import StitchModel

/// Adds or updates a source's members, activities and exchanges in a community, by id, keeping
/// the community sound.
///
/// A record whose id is already in the community replaces it in place; a new one goes last
/// (as `member.upsert` and `activity.upsert` do); an exchange without an id is added. Members, activities, exchanges and attendance
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
    /// The source's exchanges that went in, in source order.
    public var exchanges: [Exchange]
    /// Exchanges the source added, and those it replaced (ids already there).
    public var exchangesAdded = 0
    public var exchangesUpdated = 0

    /// Merges `source` into `base`.
    public static func merge(_ source: SourceImport, into base: Community) -> CommunityUpsert {
        var members = source.members
        var activities = source.activities
        var exchanges = source.exchanges
        var issues: [ImportIssue] = []
        while true {
            var community = base
            let memberAt = upsert(members, into: &community.members)
            let activityAt = upsert(activities, into: &community.activities)
            let exchangeAt = upsert(exchanges, into: &community.exchanges)
            var dropMembers = Set<Int>()
            var dropActivities = Set<Int>()
            var dropExchanges = Set<Int>()
            for error in community.validationErrors() {
                guard let (list, index, rest) = split(error.field) else { continue }
                let record: (id: String?, index: Int?, list: String?)?
                switch list {
                case "members":
                    let incoming = memberAt[index]
                    record = incoming.map { (members[$0].value.id, members[$0].index, members[$0].list) }
                    if let incoming { dropMembers.insert(incoming) }
                case "activities":
                    let incoming = activityAt[index]
                    record = incoming.map { (activities[$0].value.id, activities[$0].index, activities[$0].list) }
                    if let incoming { dropActivities.insert(incoming) }
                case "exchanges":
                    let incoming = exchangeAt[index]
                    record = incoming.map { (exchanges[$0].value.id, exchanges[$0].index, exchanges[$0].list) }
                    if let incoming { dropExchanges.insert(incoming) }
                default:
                    record = nil
                }
                guard let record else { continue }
                issues.append(
                    ImportIssue(
                        list: record.list ?? source.list, index: record.index, id: record.id,
                        field: rest.isEmpty ? "$" : String(rest), reason: error.reason))
            }
            if dropMembers.isEmpty, dropActivities.isEmpty, dropExchanges.isEmpty {
                let known = Set(base.members.map(\.id))
                let knownActivities = Set(base.activities.map(\.id))
                let knownExchanges = Set(base.exchanges.compactMap(\.id))
                let updated =
                    members.count { known.contains($0.value.id) }
                    + activities.count { knownActivities.contains($0.value.id) }
                var merged = CommunityUpsert(
                    community: community, added: members.count + activities.count - updated, updated: updated,
                    issues: issues, members: members.map(\.value), activities: activities.map(\.value),
                    exchanges: exchanges.map(\.value))
                merged.exchangesUpdated = exchanges.count { $0.value.id.map(knownExchanges.contains) ?? false }
                merged.exchangesAdded = exchanges.count - merged.exchangesUpdated
                return merged
            }
            members = members.enumerated().filter { !dropMembers.contains($0.offset) }.map(\.element)
            activities = activities.enumerated().filter { !dropActivities.contains($0.offset) }.map(\.element)
            exchanges = exchanges.enumerated().filter { !dropExchanges.contains($0.offset) }.map(\.element)
        }
    }

    /// Replaces each exchange with the same id where it stands, or appends it (always, without
    /// an id); returns, for each position written, which incoming exchange went there.
    private static func upsert(_ records: [ImportedRecord<Exchange>], into list: inout [Exchange]) -> [Int: Int] {
        var written: [Int: Int] = [:]
        var position: [String: Int] = [:]
        for (i, exchange) in list.enumerated() { if let id = exchange.id, position[id] == nil { position[id] = i } }
        for (n, record) in records.enumerated() {
            if let id = record.value.id, let i = position[id] {
                list[i] = record.value
                written[i] = n
            } else {
                if let id = record.value.id { position[id] = list.count }
                written[list.count] = n
                list.append(record.value)
            }
        }
        return written
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
