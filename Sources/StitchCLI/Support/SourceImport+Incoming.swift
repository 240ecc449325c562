import StitchApplication
import StitchImport

extension SourceImport {
    /// The source's records as the import merges them: each with its place in the source
    /// (`rows[12]`), and the records the reader skipped (problems with the whole file are not
    /// records: the import stops on them before).
    var incoming: IncomingCommunity {
        func place(_ index: Int?) -> String? { index.map { "\(list)[\($0)]" } }
        return IncomingCommunity(
            members: members.map { IncomingRecord($0.value, list: list, index: $0.index) },
            activities: activities.map { IncomingRecord($0.value, list: list, index: $0.index) },
            skipped: issues.filter { $0.recordSkipped && $0.index != nil }.map { issue in
                SkippedRecord(
                    kind: nil, path: place(issue.index), id: issue.id, field: issue.field, reason: issue.reason)
            })
    }
}
