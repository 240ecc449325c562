import Foundation
import StitchModel

/// Builds one row's record object, cell by cell, noting every cell it cannot use.
///
/// A cell that cannot be read is left out of the record (the field keeps its default, as if the
/// cell were empty) and becomes a problem; a cell read with a change (a cut description, a cost
/// read from words) becomes a note. Whether a problem costs the whole row is decided by
/// ``CSVRecords`` (only for the fields people's safety rests on).
struct CSVRowReader {
    let row: CSVTable.Row
    let words: CSVCellWords
    /// The header each column was read from, for messages when it differs from the column's name.
    let headers: [String: String]
    var object: [String: JSONValue] = [:]
    var problems: [CellError] = []
    var notes: [CellError] = []

    init(row: CSVTable.Row, words: CSVCellWords, headers: [String: String]) {
        self.row = row
        self.words = words
        self.headers = headers
    }

    /// `(column 'When free')` when the sheet names the column otherwise, for a problem's reason.
    private func named(_ column: String) -> String {
        guard let header = headers[column], CSVTable.key(header) != CSVTable.key(column) else { return "" }
        return "column '\(header)': "
    }

    private mutating func problem(_ column: String, _ error: CellError, leftOut element: Bool = false) {
        let tail = element ? "; left out" : "; the cell is left empty"
        problems.append(CellError(field: error.field, reason: named(column) + error.reason + tail))
    }

    mutating func text(_ column: String) {
        if let text = row[column] { object[column] = .string(text) }
    }

    mutating func strings(_ column: String) {
        if let text = row[column] {
            object[column] = .array(CSVCells.list(text, separator: words.listSeparator).map(JSONValue.string))
        }
    }

    /// A list of languages: codes as written, and English names ("Somali") as their codes.
    mutating func languages(_ column: String) {
        if let text = row[column] {
            object[column] = .array(
                CSVCells.list(text, separator: words.listSeparator).map {
                    JSONValue.string(LanguageCode.packed($0) == nil ? LanguageCode.code(named: $0) ?? $0 : $0)
                })
        }
    }

    mutating func bool(_ column: String) {
        guard let text = row[column] else { return }
        do throws(CellError) {
            object[column] = .bool(try CSVCells.bool(text, field: column, words: words))
        } catch {
            problem(column, error)
        }
    }

    mutating func number(_ column: String) {
        guard let text = row[column] else { return }
        do throws(CellError) {
            object[column] = .number(try CSVCells.number(text, field: column))
        } catch {
            problem(column, error)
        }
    }

    /// A whole number; `plus` takes `18+` as 18 (ages).
    mutating func wholeNumber(_ column: String, plus: Bool = false) {
        guard let text = row[column] else { return }
        do throws(CellError) {
            object[column] = .number(try CSVCells.wholeNumber(text, field: column, plus: plus))
        } catch {
            problem(column, error)
        }
    }

    /// Slots, each `;`-separated piece (or line) read on its own, so one bad piece costs itself.
    mutating func slots(_ column: String) {
        guard let text = row[column] else { return }
        var slots: [JSONValue] = []
        let pieces = text.split(whereSeparator: { $0 == ";" || $0.isNewline }).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        for (i, piece) in pieces.enumerated() {
            do throws(CellError) {
                let field = pieces.count == 1 ? column : "\(column)[\(i)]"
                if let dated = try CSVCells.datedSlot(piece, field: field) {
                    let value = JSONValue.object([
                        "date": .string(dated.date.description), "start": .string(dated.start.description),
                        "end": .string(dated.end.description),
                    ])
                    if !slots.contains(value) { slots.append(value) }
                    continue
                }
                for slot in try CSVCells.slots(piece, field: field, words: words) {
                    let value = JSONValue.object([
                        "day": .string(slot.day.rawValue), "start": .string(slot.start.description),
                        "end": .string(slot.end.description),
                    ])
                    if !slots.contains(value) { slots.append(value) }
                }
            } catch {
                problem(column, error, leftOut: pieces.count > 1)
            }
        }
        if !slots.isEmpty { object[column] = .array(slots) }
    }

    /// Days away: `;`-separated periods, each `2026-12-20 to 2027-01-03` or one day `2026-12-25`.
    mutating func away(_ column: String) {
        guard let text = row[column] else { return }
        var periods: [JSONValue] = []
        let pieces = text.split(whereSeparator: { $0 == ";" || $0.isNewline }).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        for (i, piece) in pieces.enumerated() {
            do throws(CellError) {
                let period = try CSVCells.awayPeriod(piece, field: pieces.count == 1 ? column : "\(column)[\(i)]")
                periods.append(.object(["from": .string(period.from.description), "to": .string(period.to.description)]))
            } catch {
                problem(column, error, leftOut: pieces.count > 1)
            }
        }
        if !periods.isEmpty { object[column] = .array(periods) }
    }

    /// Access terms or phrases; an item that names none is a problem.
    mutating func access(_ column: String) {
        guard let text = row[column] else { return }
        var terms: [AccessTerm] = []
        for (i, item) in CSVCells.list(text, separator: words.listSeparator).enumerated() {
            do throws(CellError) {
                terms += try CSVCells.accessTerms(item, field: "\(column)[\(i)]").filter { !terms.contains($0) }
            } catch {
                problem(column, error, leftOut: true)
            }
        }
        if !terms.isEmpty { object[column] = .array(terms.map { .string($0.rawValue) }) }
    }

    /// An activity's ways.
    mutating func ways(_ column: String) {
        guard let text = row[column] else { return }
        var ways: [JSONValue] = []
        for (i, item) in CSVCells.list(text, separator: words.listSeparator).enumerated() {
            do throws(CellError) {
                let way = JSONValue.string(try CSVCells.way(item, field: "\(column)[\(i)]").rawValue)
                if !ways.contains(way) { ways.append(way) }
            } catch {
                problem(column, error, leftOut: true)
            }
        }
        if !ways.isEmpty { object[column] = .array(ways) }
    }

    /// A member's goals.
    mutating func goals(_ column: String) {
        guard let text = row[column] else { return }
        let (goals, errors) = CSVCells.goals(text, field: column, separator: words.listSeparator)
        for error in errors { problems.append(CellError(field: error.field, reason: named(column) + error.reason)) }
        if !goals.isEmpty { object[column] = .object(goals) }
    }

    /// A cost, with a note when words were read (`£2 donation`).
    mutating func cost(_ column: String) {
        guard let text = row[column] else { return }
        do throws(CellError) {
            let (cost, note) = try CSVCost.read(text, field: column)
            object[column] = .number(cost)
            if let note { notes.append(CellError(field: column, reason: named(column) + note)) }
        } catch {
            problem(column, error)
        }
    }

    /// `lat` and `lon` into `location`: both or neither.
    mutating func location() {
        let lat = row["lat"]
        let lon = row["lon"]
        do throws(CellError) {
            switch (lat, lon) {
            case (nil, nil): return
            case (_?, nil): throw CellError(field: "lon", reason: "is required when lat is given")
            case (nil, _?): throw CellError(field: "lat", reason: "is required when lon is given")
            case (let lat?, let lon?):
                object["location"] = .object([
                    "lat": .number(try CSVCells.number(lat, field: "lat")),
                    "lon": .number(try CSVCells.number(lon, field: "lon")),
                ])
            }
        } catch {
            problem(error.field, error)
        }
    }

    /// A DBS check from `dbsIssued` (a date) and `dbsLevel` (basic, standard or enhanced), with
    /// `dbsUpdateService` (yes/no); it stands for the check, so `dbsChecked` is then left out.
    mutating func dbs() {
        let issued = row["dbsIssued"], level = row["dbsLevel"]
        do throws(CellError) {
            switch (issued, level) {
            case (nil, nil): return
            case (_?, nil): throw CellError(field: "dbsLevel", reason: "is required when dbsIssued is given: basic, standard or enhanced")
            case (nil, _?): throw CellError(field: "dbsIssued", reason: "is required when dbsLevel is given, as 2024-03-01")
            case (let issued?, let level?):
                guard CalendarDate(parsing: issued) != nil else {
                    throw CellError(field: "dbsIssued", reason: "'\(issued)' is not a date; write it as 2024-03-01")
                }
                guard let named = DBSLevel(rawValue: level.lowercased()) else {
                    throw CellError(field: "dbsLevel", reason: DBSLevel.unknownNameReason(level, kind: "DBS level"))
                }
                var check: [String: JSONValue] = ["checked": .string(issued), "level": .string(named.rawValue)]
                if let text = row["dbsUpdateService"] {
                    check["updateService"] = .bool(try CSVCells.bool(text, field: "dbsUpdateService", words: words))
                }
                object["dbs"] = .object(check)
                object["dbsChecked"] = nil
            }
        } catch {
            problem(error.field, error)
        }
    }

    /// A gender word (woman, man, non-binary) in any case; anything else is a problem whose
    /// reason does not repeat the cell.
    mutating func gender(_ column: String) {
        guard let text = row[column] else { return }
        if let gender = Gender(word: text) {
            object[column] = .string(gender.rawValue)
        } else {
            problem(column, CellError(field: column, reason: Gender.refusal))
        }
    }

    /// A member's `home` (columns `pets` and `smoking`) or `visitLimits` (`allergies` and
    /// `smokeFree`): a list of animals and a yes/no, made into one object.
    mutating func visit(_ field: String, animals: String, flag: String) {
        var visit: [String: JSONValue] = [:]
        if let text = row[animals] {
            var pets: [JSONValue] = []
            for (i, item) in CSVCells.list(text, separator: words.listSeparator).enumerated() {
                if let pet = Pet(word: item) {
                    if !pets.contains(.string(pet.rawValue)) { pets.append(.string(pet.rawValue)) }
                } else {
                    problem(animals, CellError(field: "\(field).\(animals)[\(i)]", reason: Pet.refusal), leftOut: true)
                }
            }
            visit[animals] = .array(pets)
        }
        if let text = row[flag] {
            do throws(CellError) {
                visit[flag] = .bool(try CSVCells.bool(text, field: "\(field).\(flag)", words: words))
            } catch {
                problem(flag, error)
            }
        }
        if !visit.isEmpty { object[field] = .object(visit) }
    }

    /// A UK postcode in any case and spacing.
    mutating func postcode() {
        guard let text = row["postcode"] else { return }
        if let postcode = Postcode(text) {
            object["postcode"] = .string(postcode.text)
        } else {
            problem("postcode", CellError(field: "postcode", reason: Postcode.problem(text)))
        }
    }

    /// A description: white space collapsed, cut with a note when too long.
    mutating func description(_ column: String) {
        guard let text = row[column] else { return }
        let (description, note) = DescriptionText.clean(text, html: false)
        if let description { object[column] = .string(description) }
        if let note { notes.append(CellError(field: column, reason: note)) }
    }
}
