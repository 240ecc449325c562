import Foundation
import StitchModel

/// Reads a CSV file of activities, one per row, for `stitch import --format csv-activities`.
///
/// The header row names the columns, in any order and case; `id` and `name` are required.
/// `description` (or `about`, `summary`) is free text: white space collapsed, and cut with a note
/// when longer than ``StitchModel/RecordBounds/maximumTextBytes`` (HTML is not removed: a
/// spreadsheet's text is taken as written). `topics` and `groups` are `;`-separated lists;
/// `access` lists access terms or phrases (`step free`, `wheelchair accessible`); `wellbeing`
/// lists ways (`connect; Be Active`); `schedule` is slots as people write them (`Tuesdays 2pm-4pm`,
/// `Mon, Wed 10-12`); `cost` is pounds per session (`3.50`, `£3.50`, `Free`, `£2 donation`, with a
/// note when words were read); ages may be written `18+`; `postcode` is a UK postcode. Every
/// row is checked by the model's own decoder, as an activity in a community file is. A cell that
/// cannot be used is reported and left empty and the row kept; only a problem with `id`, `name`,
/// `ageMin` or `ageMax` (who may go) skips the row.
///
/// ```swift
/// let result = CSVActivityReader().read(try Data(contentsOf: url))
/// print(result.activities.count, "activities;", result.issues.count, "issues")
/// ```
public struct CSVActivityReader: Sendable {
    /// The columns, by their canonical names (the model's field names, and `lat`/`lon`).
    public static let columns = [
        "id", "name", "organisation", "description", "topics", "wellbeing", "schedule", "lat", "lon", "postcode",
        "online", "capacity", "enrolled", "access", "cost", "ageMin", "ageMax", "buddyWelcome", "groups",
        "attribution", "languages",
    ]
    /// Other header names accepted for a column.
    public static let aliases = [
        "organization": "organisation", "latitude": "lat", "longitude": "lon", "lng": "lon", "minAge": "ageMin",
        "maxAge": "ageMax", "places": "capacity", "about": "description", "summary": "description",
        "postalCode": "postcode", "accessibility": "access", "price": "cost", "times": "schedule",
        "when": "schedule", "dayAndTime": "schedule", "daysAndTimes": "schedule", "activity": "name",
        "details": "description",
    ]
    /// Fields whose problems skip the row: who the activity is, and who may go.
    static let guarded: Set<String> = ["id", "name", "ageMin", "ageMax"]

    /// The mapping of a sheet laid out its own way, if any.
    public var map: CSVColumnMap?

    public init(map: CSVColumnMap? = nil) { self.map = map }

    /// Reads the file's bytes (UTF-8, with or without a byte-order mark).
    public func read(_ data: Data) -> SourceImport {
        let (records, issues, count) = CSVRecords.read(
            data, as: Activity.self, columns: Self.columns, aliases: Self.aliases, required: ["id", "name"],
            guarded: Self.guarded, map: map
        ) { row in
            for column in ["id", "name", "organisation", "attribution"] { row.text(column) }
            row.description("description")
            for column in ["topics", "groups"] { row.strings(column) }
            row.languages("languages")
            row.ways("wellbeing")
            row.slots("schedule")
            row.location()
            row.postcode()
            for column in ["capacity", "enrolled"] { row.wholeNumber(column) }
            for column in ["ageMin", "ageMax"] { row.wholeNumber(column, plus: true) }
            row.cost("cost")
            for column in ["online", "buddyWelcome"] { row.bool(column) }
            row.access("access")
        }
        return SourceImport(list: "rows", activities: records, issues: issues, recordCount: count)
    }
}
