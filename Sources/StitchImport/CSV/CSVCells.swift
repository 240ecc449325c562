import Foundation
import StitchModel

/// A cell that could not be read (or was read with a change): the field path inside the row and why.
struct CellError: Error {
    var field: String
    var reason: String
}

/// The words a sheet uses beyond Stitch's own: more ways to write yes and no, other names of
/// days, and the list separator. A column-mapping file (``CSVColumnMap``) sets them; a plain
/// CSV file uses the defaults.
public struct CSVCellWords: Sendable, Hashable {
    /// Words read as yes, lower case (besides `yes`, `y`, `true`, `t`, `1`, `✓`, `✔`).
    public var yes: Set<String> = []
    /// Words read as no, lower case (besides `no`, `n`, `false`, `f`, `0`, `✗`, `✘`).
    public var no: Set<String> = []
    /// Other names of days, lower case (`lun` → Monday), replaced before a slot cell is read.
    public var days: [String: Weekday] = [:]
    /// What separates the items of a list cell (default `;`).
    public var listSeparator: Character = ";"

    public init() {}

    static let standardYes: [String] = ["yes", "y", "true", "t", "1", "✓", "✔"]
    static let standardNo: [String] = ["no", "n", "false", "f", "0", "✗", "✘"]
}

/// Turns CSV cells into the JSON values of a community file's record, so the model's own decoder
/// checks them exactly as it checks a JSON record.
///
/// Cells are read as people fill in a sheet: days and times by ``StitchModel/WeeklyTimeText``
/// (`Tuesdays 2pm-4pm`, `Mon, Wed 10-12`), costs such as `Free` or `£2 donation`
/// (``CSVCost``), access phrases such as `step free` or `wheelchair accessible`. Each reader
/// throws a ``CellError`` that says what the cell holds, why it cannot be used and what is accepted.
enum CSVCells {
    /// `gardening; lifts ;  ` → `["gardening", "lifts"]`.
    static func list(_ text: String, separator: Character = ";") -> [String] {
        text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }
    }

    /// yes/no, true/false, y/n, 1/0, ✓/✗, in any case, and the sheet's own words.
    static func bool(_ text: String, field: String, words: CSVCellWords = CSVCellWords()) throws(CellError) -> Bool {
        let key = text.lowercased()
        if CSVCellWords.standardYes.contains(key) || words.yes.contains(key) { return true }
        if CSVCellWords.standardNo.contains(key) || words.no.contains(key) { return false }
        let yes = (CSVCellWords.standardYes + words.yes.sorted()).joined(separator: ", ")
        let no = (CSVCellWords.standardNo + words.no.sorted()).joined(separator: ", ")
        throw CellError(field: field, reason: "'\(text)' is not yes or no; accepted: \(yes) for yes, \(no) for no")
    }

    /// A finite number (`3`, `-0.02`, `7.50`).
    static func number(_ text: String, field: String) throws(CellError) -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw CellError(field: field, reason: "'\(text)' is not a number; expected a number, as 3 or 2.5")
        }
        return value
    }

    /// A whole number; an age may be written `18+` (from 18).
    static func wholeNumber(_ text: String, field: String, plus: Bool = false) throws(CellError) -> Double {
        var digits = text.trimmingCharacters(in: .whitespaces)
        if plus, digits.hasSuffix("+") { digits.removeLast() }
        guard let value = Double(digits), value.isFinite, value == value.rounded() else {
            throw CellError(
                field: field,
                reason: "'\(text)' is not a whole number; expected a whole number, as 12\(plus ? " (or 18+)" : "")")
        }
        return value
    }

    /// Access terms: Stitch's own (`step-free`, any case and spacing) or the phrases Open
    /// Referral texts use (`step free`, `wheelchair accessible`, `hearing loop`).
    static func accessTerms(_ item: String, field: String) throws(CellError) -> [AccessTerm] {
        let key = SkillTaxonomy.normalise(item)
        if let term = AccessTerm(rawValue: key) { return [term] }
        let found = OpenReferralVocabulary.access(in: [item])
        guard found.isEmpty else { return found }
        throw CellError(
            field: field,
            reason: "'\(item)' is not an access term; accepted: \(AccessTerm.vocabulary), or phrases such as "
                + "'step free', 'wheelchair accessible', 'hearing loop', 'accessible toilet'")
    }

    /// A way in any case and spacing (`Be Active`, `beActive`, `be-active`).
    static func way(_ text: String, field: String) throws(CellError) -> WellbeingWay {
        let key = CSVTable.key(text)
        guard let way = WellbeingWay.allCases.first(where: { $0.rawValue.lowercased() == key }) else {
            throw CellError(
                field: field, reason: "'\(text)' is not one of the Five Ways; accepted: \(WellbeingWay.allowedNames)")
        }
        return way
    }

    /// Goals: `connect=1; beActive=0.5`; a way without a value is 1. Each bad item is one problem.
    static func goals(_ text: String, field: String, separator: Character) -> ([String: JSONValue], [CellError]) {
        var goals: [String: JSONValue] = [:]
        var problems: [CellError] = []
        for item in list(text, separator: separator) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let shape = "expected way=value with a value from 0 to 1, as connect=1; beActive=0.5"
            guard let first = parts.first, !first.isEmpty else {
                problems.append(CellError(field: field, reason: "'\(item)' names no way; \(shape); left out"))
                continue
            }
            let name: WellbeingWay
            do {
                name = try way(first, field: field)
            } catch {
                problems.append(CellError(field: field, reason: error.reason + "; left out"))
                continue
            }
            if parts.count == 1 {
                goals[name.rawValue] = .number(1)
            } else if let value = Double(parts[1]), value.isFinite {
                goals[name.rawValue] = .number(value)
            } else {
                problems.append(
                    CellError(
                        field: "\(field).\(name.rawValue)", reason: "'\(parts[1])' is not a number; \(shape); left out")
                )
            }
        }
        return (goals, problems)
    }

    /// Slots as ``StitchModel/WeeklyTimeText`` reads them, after the sheet's own day names are
    /// replaced by Stitch's.
    /// A time on one day, `2026-12-19 12:00-14:00` or `2026-12-19T12:00/2026-12-19T14:00`; `nil`
    /// when the text does not start with a date (it is then read as weekly slots).
    static func datedSlot(_ text: String, field: String) throws(CellError) -> DatedSlot? {
        switch DatedSlot.parse(text: text) {
        case nil: return nil
        case .success(let slot)?: return slot
        case .failure(let problem)?: throw CellError(field: field, reason: problem.reason)
        }
    }

    /// Days away, `2026-12-20 to 2027-01-03` (both included) or one day `2026-12-25`.
    static func awayPeriod(_ text: String, field: String) throws(CellError) -> AwayPeriod {
        let parts = text.components(separatedBy: " to ").map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let from = CalendarDate(parsing: parts[0]),
            let to = CalendarDate(parsing: parts[parts.count - 1])
        else {
            throw CellError(field: field, reason: "'\(text.trimmingCharacters(in: .whitespaces))' is not days away; write 2026-12-20 to 2027-01-03, or one day as 2026-12-25")
        }
        guard let period = AwayPeriod(from: from, to: to) else {
            throw CellError(field: field, reason: "\(to) is before \(from)")
        }
        return period
    }

    static func slots(_ text: String, field: String, words: CSVCellWords) throws(CellError) -> [Slot] {
        do {
            return try WeeklyTimeText.slots(replacingDays(in: text, words.days))
        } catch {
            throw CellError(field: field, reason: error.message)
        }
    }

    /// Replaces whole words that are the sheet's names of days (`Lun 10-12` → `mon 10-12`).
    static func replacingDays(in text: String, _ days: [String: Weekday]) -> String {
        guard !days.isEmpty else { return text }
        var out = ""
        var word = ""
        func flush() {
            out += days[word.lowercased()]?.rawValue ?? word
            word = ""
        }
        for ch in text {
            if ch.isLetter {
                word.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }

    /// Decodes a record assembled from cells with the model's decoder.
    ///
    /// - Returns: the record, or the model's complaint with its field named as the column.
    static func decode<T: Decodable>(_ type: T.Type, from object: [String: JSONValue]) -> Result<T, CellError> {
        do {
            let data = try JSONEncoder().encode(JSONValue.object(object))
            return .success(try JSONDecoder().decode(T.self, from: data))
        } catch let error as DecodingError {
            let problem = ValidationError(error)
            var field = problem.field
            if field.hasPrefix("location.") { field.removeFirst("location.".count) }
            return .failure(CellError(field: field, reason: problem.reason))
        } catch {
            return .failure(CellError(field: "$", reason: "could not be read"))
        }
    }
}
