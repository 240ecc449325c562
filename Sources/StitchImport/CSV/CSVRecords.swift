import Foundation
import StitchModel

/// The part the member and activity readers share: each row assembled into a record object,
/// decoded by the model, and kept unless it repeats an earlier row's id or a cell that people's
/// safety rests on cannot be used.
///
/// A row reports every problem it has, not the first only. A cell that cannot be used is left
/// empty and the row kept, unless its field is one of the reader's `guarded` fields (an id, a
/// name, and the fields that keep people safe: a member's `avoid`, `accessNeeds`, `housebound`
/// and `active`, an activity's ages): then the row is skipped, with all its problems listed.
/// The model's own checks run the same way: a field the model refuses is dropped and the record
/// decoded again, until it is read or a guarded field is at fault.
enum CSVRecords {
    /// Reads the rows; `assemble` reads each row's cells into its record object.
    static func read<T: Decodable & Identifiable & Sendable & Hashable>(
        _ data: Data, as type: T.Type, columns: [String], aliases: [String: String], required: [String],
        guarded: Set<String>, map: CSVColumnMap?, assemble: (inout CSVRowReader) -> Void
    ) -> (records: [ImportedRecord<T>], issues: [ImportIssue], rowCount: Int) where T.ID == String {
        let table = CSVTable(data, columns: columns, aliases: aliases, required: required, map: map)
        var issues = table.issues
        var records: [ImportedRecord<T>] = []
        var firstRow: [String: Int] = [:]
        let words = map?.words ?? CSVCellWords()
        for row in table.rows {
            let id = row["id"]
            var reader = CSVRowReader(row: row, words: words, headers: table.headerNames)
            assemble(&reader)
            var problems = reader.problems
            var object = reader.object
            var record: T?
            // The model's checks, one field at a time: a refused field is dropped and the rest read again.
            decoding: while true {
                switch CSVCells.decode(T.self, from: object) {
                case .success(let value):
                    record = value
                    break decoding
                case .failure(let error):
                    let dropped = Self.drop(error.field, from: &object)
                    problems.append(CellError(field: error.field, reason: error.reason + (dropped ? "; left out" : "")))
                    if !dropped { break decoding }
                }
            }
            let skip = record == nil || problems.contains { guarded.contains(Self.topField($0.field)) }
            func issue(_ problem: CellError, skipped: Bool) -> ImportIssue {
                var reason = problem.reason
                if skipped, reason.hasSuffix("; left out") { reason.removeLast("; left out".count) }
                if skipped, reason.hasSuffix("; the cell is left empty") {
                    reason.removeLast("; the cell is left empty".count)
                }
                return ImportIssue(
                    list: "rows", index: row.number, id: id, field: problem.field, reason: reason,
                    recordSkipped: skipped)
            }
            guard !skip, let record else {
                issues += problems.map { issue($0, skipped: true) }
                continue
            }
            if let first = firstRow[record.id] {
                issues.append(
                    ImportIssue(
                        list: "rows", index: row.number, id: id, field: "id",
                        reason: "duplicate id '\(record.id)' (first on row \(first))"))
                continue
            }
            firstRow[record.id] = row.number
            records.append(ImportedRecord(record, index: row.number))
            issues += (problems + reader.notes).map { issue($0, skipped: false) }
        }
        issues.sort { ($0.index ?? 0) < ($1.index ?? 0) }
        return (records, issues, table.recordCount)
    }

    /// The record's own field a path is in: `availability[1].day` → `availability`; `lat` → `location`.
    static func topField(_ path: String) -> String {
        let top = String(path.prefix { $0 != "[" && $0 != "." })
        return top == "lat" || top == "lon" ? "location" : top
    }

    /// Removes the value at a path from the record object: the element of a list
    /// (`availability[1].day`), else the whole field. False when nothing was there to remove.
    private static func drop(_ path: String, from object: inout [String: JSONValue]) -> Bool {
        let top = topField(path)
        guard let value = object[top] else { return false }
        if case .array(var list) = value, path.dropFirst(top.count).first == "[",
            let close = path.firstIndex(of: "]"),
            let index = Int(path[path.index(path.startIndex, offsetBy: top.count + 1)..<close]),
            list.indices.contains(index)
        {
            list.remove(at: index)
            object[top] = list.isEmpty ? nil : .array(list)
        } else {
            object[top] = nil
        }
        return true
    }
}
