import Foundation
import StitchModel

/// The part the member and activity readers share: each row assembled into a record object,
/// decoded by the model, and kept unless it is bad or repeats an earlier row's id.
enum CSVRecords {
    /// Reads the rows; `assemble` builds each row's record object, and may add notes (a field
    /// changed but kept), reported when the row is kept.
    static func read<T: Decodable & Identifiable & Sendable & Hashable>(
        _ data: Data, as type: T.Type, columns: [String], aliases: [String: String], required: [String],
        assemble: (CSVTable.Row, inout [CellError]) throws(CellError) -> [String: JSONValue]
    ) -> (records: [ImportedRecord<T>], issues: [ImportIssue], rowCount: Int) where T.ID == String {
        let table = CSVTable(data, columns: columns, aliases: aliases, required: required)
        var issues = table.issues
        var records: [ImportedRecord<T>] = []
        var firstRow: [String: Int] = [:]
        for row in table.rows {
            let id = row["id"]
            func problem(_ field: String, _ reason: String) {
                issues.append(ImportIssue(list: "rows", index: row.number, id: id, field: field, reason: reason))
            }
            let object: [String: JSONValue]
            var notes: [CellError] = []
            do {
                object = try assemble(row, &notes)
            } catch {
                problem(error.field, error.reason)
                continue
            }
            switch CSVCells.decode(T.self, from: object) {
            case .failure(let error):
                problem(error.field, error.reason)
            case .success(let record):
                if let first = firstRow[record.id] {
                    problem("id", "duplicate id '\(record.id)' (first on row \(first))")
                    continue
                }
                firstRow[record.id] = row.number
                records.append(ImportedRecord(record, index: row.number))
                for note in notes {
                    issues.append(
                        ImportIssue(
                            list: "rows", index: row.number, id: id, field: note.field, reason: note.reason,
                            recordSkipped: false))
                }
            }
        }
        issues.sort { ($0.index ?? 0) < ($1.index ?? 0) }
        return (records, issues, table.recordCount)
    }
}

/// Reads a CSV file of members, one per row, for `stitch import --format csv-members`.
///
/// The header row names the columns, in any order and case (`Travel km` is `travelKm`); only
/// `id` is required. Lists (`offers`, `interests`, `needs`, `experiences`, `languages`, `groups`,
/// `avoid`, `accessNeeds`, `availability`) are separated by `;`; `availability` is slots such as
/// `Mon 10:00-12:00; Wed 14:00-16:00`; `wellbeing` is goals such as `connect=1; beActive=0.5`;
/// yes/no columns take yes, no, true, false, 1 or 0; an empty cell is the field's default.
/// Every row is checked by the model's own decoder, as a member in a community file is.
/// A bad row is reported with its row number (`rows[12].availability[1].day: unknown day…`) and
/// skipped; a later row repeating an id is skipped too; the good rows are kept.
///
/// ```swift
/// let result = CSVMemberReader().read(try Data(contentsOf: url))
/// for issue in result.issues { print(issue.path, issue.reason) }
/// ```
public struct CSVMemberReader: Sendable {
    /// The columns, by their canonical names (the model's field names, and `lat`/`lon`).
    public static let columns = [
        "id", "name", "offers", "interests", "needs", "experiences", "availability", "lat", "lon", "travelKm",
        "homeVisits", "housebound", "accessNeeds", "languages", "dbsChecked", "birthYear", "groups", "wellbeing",
        "avoid", "active",
    ]
    /// Other header names accepted for a column.
    public static let aliases = [
        "skills": "offers", "dbs": "dbsChecked", "access": "accessNeeds", "latitude": "lat", "longitude": "lon",
        "lng": "lon", "goals": "wellbeing",
    ]

    public init() {}

    /// Reads the file's bytes (UTF-8, with or without a byte-order mark).
    public func read(_ data: Data) -> SourceImport {
        let (records, issues, count) = CSVRecords.read(
            data, as: Member.self, columns: Self.columns, aliases: Self.aliases, required: ["id"]
        ) { row, _ throws(CellError) in
            var object: [String: JSONValue] = [:]
            for column in ["id", "name"] { if let text = row[column] { object[column] = .string(text) } }
            for column in ["offers", "interests", "needs", "experiences", "languages", "groups", "avoid"] {
                if let text = row[column] { object[column] = CSVCells.strings(text) }
            }
            if let text = row["availability"] {
                object["availability"] = try CSVCells.slots(text, field: "availability")
            }
            if let location = try CSVCells.location(lat: row["lat"], lon: row["lon"]) { object["location"] = location }
            for column in ["travelKm", "birthYear"] {
                if let text = row[column] { object[column] = try CSVCells.number(text, field: column) }
            }
            for column in ["homeVisits", "housebound", "dbsChecked", "active"] {
                if let text = row[column] { object[column] = try CSVCells.bool(text, field: column) }
            }
            if let text = row["accessNeeds"] { object["accessNeeds"] = CSVCells.terms(text) }
            if let text = row["wellbeing"] { object["wellbeing"] = try CSVCells.goals(text, field: "wellbeing") }
            return object
        }
        return SourceImport(list: "rows", members: records, issues: issues, recordCount: count)
    }
}

/// Reads a CSV file of activities, one per row, for `stitch import --format csv-activities`.
///
/// The header row names the columns, in any order and case; `id` and `name` are required.
/// `description` (or `about`, `summary`) is free text: white space collapsed, and cut with a note
/// when longer than ``StitchModel/RecordBounds/maximumTextBytes`` (HTML is not removed: a
/// spreadsheet's text is taken as written). `topics`, `groups` and `access` are `;`-separated lists; `wellbeing` lists ways
/// (`connect; beActive`); `schedule` is slots such as `Tue 10:00-11:30; Thu 10:00-11:30`;
/// `cost` is pounds per session (`3.50` or `£3.50`). Every row is checked by the model's own
/// decoder, as an activity in a community file is; bad rows are reported and skipped, good ones kept.
///
/// ```swift
/// let result = CSVActivityReader().read(try Data(contentsOf: url))
/// print(result.activities.count, "activities;", result.issues.count, "issues")
/// ```
public struct CSVActivityReader: Sendable {
    /// The columns, by their canonical names (the model's field names, and `lat`/`lon`).
    public static let columns = [
        "id", "name", "organisation", "description", "topics", "wellbeing", "schedule", "lat", "lon", "online",
        "capacity", "enrolled", "access", "cost", "ageMin", "ageMax", "buddyWelcome", "groups", "attribution",
    ]
    /// Other header names accepted for a column.
    public static let aliases = [
        "organization": "organisation", "latitude": "lat", "longitude": "lon", "lng": "lon", "minAge": "ageMin",
        "maxAge": "ageMax", "places": "capacity", "about": "description", "summary": "description",
    ]

    public init() {}

    /// Reads the file's bytes (UTF-8, with or without a byte-order mark).
    public func read(_ data: Data) -> SourceImport {
        let (records, issues, count) = CSVRecords.read(
            data, as: Activity.self, columns: Self.columns, aliases: Self.aliases, required: ["id", "name"]
        ) { row, notes throws(CellError) in
            var object: [String: JSONValue] = [:]
            for column in ["id", "name", "organisation", "attribution"] {
                if let text = row[column] { object[column] = .string(text) }
            }
            if let text = row["description"] {
                let (description, note) = DescriptionText.clean(text, html: false)
                if let description { object["description"] = .string(description) }
                if let note { notes.append(CellError(field: "description", reason: note)) }
            }
            for column in ["topics", "groups"] { if let text = row[column] { object[column] = CSVCells.strings(text) } }
            if let text = row["wellbeing"] { object["wellbeing"] = CSVCells.ways(text) }
            if let text = row["schedule"] { object["schedule"] = try CSVCells.slots(text, field: "schedule") }
            if let location = try CSVCells.location(lat: row["lat"], lon: row["lon"]) { object["location"] = location }
            for column in ["capacity", "enrolled", "ageMin", "ageMax"] {
                if let text = row[column] { object[column] = try CSVCells.number(text, field: column) }
            }
            if let text = row["cost"] { object["cost"] = try CSVCells.number(text, field: "cost", currency: true) }
            for column in ["online", "buddyWelcome"] {
                if let text = row[column] { object[column] = try CSVCells.bool(text, field: column) }
            }
            if let text = row["access"] { object["access"] = CSVCells.terms(text) }
            return object
        }
        return SourceImport(list: "rows", activities: records, issues: issues, recordCount: count)
    }
}
