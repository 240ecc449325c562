import Foundation
public import StitchModel

/// A column-mapping file for a CSV sheet laid out its own way (`stitch import FILE --map MAP`):
/// which of the sheet's columns is which Stitch column, which to ignore, and how its cells say
/// yes, no and the days.
///
/// The file is JSON (every key optional; an unknown key is an error):
///
/// ```json
/// {
///   "kind": "members",
///   "columns": {"Member no": "id", "Full name": "name", "Can help with": "offers",
///               "Free on": "availability", "DBS?": "dbsChecked", "Post code": "postcode"},
///   "ignore": ["Email", "Phone"],
///   "yes": ["✓", "x"], "no": ["-"],
///   "days": {"Lun": "mon", "Mer": "wed"},
///   "values": {"Status": {"Left": "no", "Current": "yes"}},
///   "listSeparator": ","
/// }
/// ```
///
/// - `kind`: `members` or `activities` (what `--format csv-members` / `csv-activities` say);
///   without it the mapped header tells, as for any CSV file.
/// - `columns`: the sheet's header → a Stitch column (any of its names and aliases, in any case
///   and spacing). Headers not named here are matched as usual.
/// - `ignore`: headers to leave out without a note.
/// - `yes`, `no`: more words for yes/no cells (any case), besides Stitch's own.
/// - `days`: more names of days (any case) → a day as Stitch reads it (`mon`, `Tuesday`…),
///   replaced wherever they stand as a word in a slot cell.
/// - `values`: per column (the sheet's header or the Stitch column), whole cells (any case,
///   trimmed) → what to read instead.
/// - `listSeparator`: one character separating the items of list cells (default `;`).
public struct CSVColumnMap: Sendable, Hashable {
    /// Members or activities.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case members, activities
    }

    public var kind: Kind?
    /// The sheet's header → a Stitch column.
    public var columns: [String: String] = [:]
    /// Headers ignored without a note.
    public var ignore: [String] = []
    /// Per column, whole cells → what to read instead.
    public var values: [String: [String: String]] = [:]
    /// Yes/no words, day names and the list separator.
    public var words = CSVCellWords()

    public init() {}

    /// The keys a mapping file may hold.
    public static let keys = ["kind", "columns", "ignore", "yes", "no", "days", "values", "listSeparator"]

    /// Reads a mapping file.
    ///
    /// - Throws: every problem found, each with its path (`days.Lun`, `listSeparator`).
    public static func read(_ data: Data) throws(ValidationErrors) -> CSVColumnMap {
        let object: [String: Any]
        do {
            guard let top = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ValidationErrors([
                    ValidationError(field: "$", reason: "is not a JSON object; expected {\"columns\": {…}, …}")
                ])
            }
            object = top
        } catch let error as ValidationErrors {
            throw error
        } catch {
            throw ValidationErrors([ValidationError(field: "$", reason: "is not valid JSON")])
        }
        var map = CSVColumnMap()
        var errors: [ValidationError] = []
        for key in object.keys.sorted() where !keys.contains(key) {
            errors.append(
                ValidationError(
                    field: key, reason: "is not a key of a mapping file; known keys: \(keys.joined(separator: ", "))"))
        }
        if let raw = object["kind"] {
            if let text = raw as? String, let kind = Kind(rawValue: text.lowercased()) {
                map.kind = kind
            } else {
                errors.append(ValidationError(field: "kind", reason: "expected \"members\" or \"activities\""))
            }
        }
        map.columns = strings(object["columns"], field: "columns", into: &errors)
        if let raw = object["ignore"] {
            if let list = raw as? [String] {
                map.ignore = list
            } else {
                errors.append(ValidationError(field: "ignore", reason: "expected a list of column names"))
            }
        }
        for (key, field) in [("yes", \CSVCellWords.yes), ("no", \CSVCellWords.no)] {
            guard let raw = object[key] else { continue }
            if let list = raw as? [String] {
                map.words[keyPath: field] = Set(list.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            } else {
                errors.append(ValidationError(field: key, reason: "expected a list of words, as [\"Y\", \"✓\"]"))
            }
        }
        for (name, day) in strings(object["days"], field: "days", into: &errors).sorted(by: { $0.key < $1.key }) {
            do {
                map.words.days[name.lowercased()] = try WeeklyTimeText.weekday(day)
            } catch {
                errors.append(
                    ValidationError(field: "days.\(name)", reason: "'\(day)' is not a day; expected mon … sun"))
            }
        }
        if let raw = object["values"] {
            if let table = raw as? [String: Any] {
                for (column, entries) in table {
                    map.values[column] = strings(entries, field: "values.\(column)", into: &errors)
                }
            } else {
                errors.append(
                    ValidationError(field: "values", reason: "expected an object of columns, each {cell: value}"))
            }
        }
        if let raw = object["listSeparator"] {
            if let text = raw as? String, text.count == 1, let separator = text.first {
                map.words.listSeparator = separator
            } else {
                errors.append(
                    ValidationError(field: "listSeparator", reason: "expected one character, as \";\" or \",\""))
            }
        }
        if !errors.isEmpty { throw ValidationErrors(errors) }
        return map
    }

    /// A JSON object of strings, or an error at `field`.
    private static func strings(_ raw: Any?, field: String, into errors: inout [ValidationError]) -> [String: String] {
        guard let raw else { return [:] }
        guard let object = raw as? [String: Any] else {
            errors.append(
                ValidationError(field: field, reason: "expected an object of names, as {\"Full name\": \"name\"}"))
            return [:]
        }
        var out: [String: String] = [:]
        for (key, value) in object {
            if let text = value as? String {
                out[key] = text
            } else {
                errors.append(ValidationError(field: "\(field).\(key)", reason: "expected a string"))
            }
        }
        return out
    }
}
