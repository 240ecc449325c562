import StitchApplication
import StitchImport

extension SourceImport {
    /// The source's records as the import merges them: each with its place in the source
    /// (`rows[12]`), and the records the reader skipped (problems with the whole file are not
    /// records: the import stops on them before).
    var incoming: IncomingCommunity {
        // A record's or problem's own list (`transfers` in a TimeOverflow export), else the source's.
        func place(_ issue: ImportIssue) -> String? { issue.index.map { "\(issue.list ?? list)[\($0)]" } }
        return IncomingCommunity(
            members: members.map { IncomingRecord($0.value, list: $0.list ?? list, index: $0.index) },
            activities: activities.map { IncomingRecord($0.value, list: $0.list ?? list, index: $0.index) },
            exchanges: exchanges.map { IncomingRecord($0.value, list: $0.list ?? list, index: $0.index) },
            skipped: issues.filter { $0.recordSkipped && $0.index != nil }.map { issue in
                SkippedRecord(
                    kind: nil, path: place(issue), id: issue.id, field: issue.field, reason: issue.reason)
            })
    }
}
