import Foundation
import StitchModel

/// Reads a CSV file of members, one per row, for `stitch import --format csv-members`.
///
/// The header row names the columns, in any order and case (`Travel km` is `travelKm`); only
/// `id` is required. Lists (`offers`, `interests`, `needs`, `experiences`, `languages`, `groups`,
/// `avoid`, `accessNeeds`) are separated by `;`; `availability` is slots as people write them
/// (`Tuesdays 2pm-4pm; Thu 10-12`, read by ``StitchModel/WeeklyTimeText``); `wellbeing` is goals
/// such as `connect=1; beActive=0.5`; yes/no columns take yes, no, y, n, true, false, 1, 0, ✓ or ✗;
/// `postcode` is a UK postcode; `gender` and `helperGender` are woman, man or non-binary; `pets`
/// and `smoking` make the member's `home`, `allergies` and `smokeFree` their `visitLimits`
/// (animals: cat, dog, bird, rabbit, rodent, other-pet); an empty cell is the field's default.
/// Every row is checked by the model's own decoder, as a member in a community file is.
/// A cell that cannot be used is reported with its row and column and left empty, and the row
/// kept; only a problem in `id`, `avoid`, `accessNeeds`, `housebound`, `active`, `helperGender`,
/// the home or the visit limits (what keeps people safe) skips the row. Every problem of a row is reported; a later row repeating an id is
/// skipped.
///
/// ```swift
/// let result = CSVMemberReader().read(try Data(contentsOf: url))
/// for issue in result.issues { print(issue.path, issue.reason) }
/// ```
public struct CSVMemberReader: Sendable {
    /// The columns, by their canonical names (the model's field names, and `lat`/`lon`).
    public static let columns = [
        "id", "name", "offers", "interests", "needs", "experiences", "availability", "lat", "lon", "postcode",
        "travelKm", "homeVisits", "housebound", "accessNeeds", "languages", "dbsChecked", "birthYear", "groups",
        "wellbeing", "avoid", "active", "interpreter", "maxCost", "dbsIssued", "dbsLevel", "dbsUpdateService",
        "away",
        "gender", "helperGender", "pets", "smoking", "allergies", "smokeFree",
    ]
    /// Other header names accepted for a column.
    public static let aliases = [
        "skills": "offers", "dbs": "dbsChecked", "access": "accessNeeds", "latitude": "lat", "longitude": "lon",
        "lng": "lon", "goals": "wellbeing", "postalCode": "postcode",
    ]
    /// Fields whose problems skip the row: a member's safety rests on them.
    static let guarded: Set<String> = ["id", "avoid", "accessNeeds", "housebound", "active", "helperGender", "home", "visitLimits"]

    /// The mapping of a sheet laid out its own way, if any.
    public var map: CSVColumnMap?

    public init(map: CSVColumnMap? = nil) { self.map = map }

    /// Reads the file's bytes (UTF-8, with or without a byte-order mark).
    public func read(_ data: Data) -> SourceImport {
        let (records, issues, count) = CSVRecords.read(
            data, as: Member.self, columns: Self.columns, aliases: Self.aliases, required: ["id"],
            guarded: Self.guarded, map: map
        ) { row in
            for column in ["id", "name"] { row.text(column) }
            for column in ["offers", "interests", "needs", "experiences", "groups", "avoid"] {
                row.strings(column)
            }
            row.languages("languages")
            row.slots("availability")
            row.away("away")
            row.location()
            row.postcode()
            row.number("travelKm")
            row.number("maxCost")
            row.wholeNumber("birthYear")
            for column in ["homeVisits", "housebound", "dbsChecked", "active", "interpreter"] { row.bool(column) }
            row.dbs()
            row.access("accessNeeds")
            row.goals("wellbeing")
            row.gender("gender")
            row.gender("helperGender")
            row.visit("home", animals: "pets", flag: "smoking")
            row.visit("visitLimits", animals: "allergies", flag: "smokeFree")
        }
        return SourceImport(list: "rows", members: records, issues: issues, recordCount: count)
    }
}
