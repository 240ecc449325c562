import Foundation
import StitchModel

/// A cell that could not be read: the field path inside the row and why.
struct CellError: Error {
    var field: String
    var reason: String
}

/// Turns CSV cells into the JSON values of a community file's record, so the model's own decoder
/// checks them exactly as it checks a JSON record.
///
/// Only the CSV-specific syntax is read here (numbers, yes/no, `;`-separated lists, slots such as
/// `Mon 10:00-12:00`); what the values mean (a known day, a time between 00:00 and 24:00, an end
/// after its start, a plausible birth year, a known access term) is left to the model.
enum CSVCells {
    /// `gardening; lifts ;  ` → `["gardening", "lifts"]`.
    static func list(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func strings(_ text: String) -> JSONValue { .array(list(text).map(JSONValue.string)) }

    /// yes/no, true/false, y/n, 1/0, in any case.
    static func bool(_ text: String, field: String) throws(CellError) -> JSONValue {
        switch text.lowercased() {
        case "yes", "y", "true", "t", "1": return .bool(true)
        case "no", "n", "false", "f", "0": return .bool(false)
        default: throw CellError(field: field, reason: "'\(text)' is not yes or no")
        }
    }

    /// A finite number (`3`, `-0.02`, `7.50`; a leading `£` is allowed for costs).
    static func number(_ text: String, field: String, currency: Bool = false) throws(CellError) -> JSONValue {
        var digits = Substring(text)
        if currency, digits.first == "£" { digits = digits.dropFirst() }
        guard let value = Double(digits.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw CellError(field: field, reason: "'\(text)' is not a number")
        }
        return .number(value)
    }

    /// Lowercase terms, for the model's vocabulary check (`Step-free` is `step-free`).
    static func terms(_ text: String) -> JSONValue { .array(list(text).map { .string($0.lowercased()) }) }

    /// Way names in any case and spacing (`Be Active`, `beActive`, `be-active`); unknown names are
    /// passed on for the model to reject.
    static func way(_ text: String) -> String {
        let key = CSVTable.key(text)
        return WellbeingWay.allCases.first { $0.rawValue.lowercased() == key }?.rawValue ?? text
    }

    static func ways(_ text: String) -> JSONValue { .array(list(text).map { .string(way($0)) }) }

    /// Goals: `connect=1; beActive=0.5`; a way without a value is 1.
    static func goals(_ text: String, field: String) throws(CellError) -> JSONValue {
        var goals: [String: JSONValue] = [:]
        for item in list(text) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = parts.first else { throw CellError(field: field, reason: "'\(item)' names no way") }
            let name = way(first)
            if parts.count == 1 {
                goals[name] = .number(1)
            } else {
                guard let value = Double(parts[1]), value.isFinite else {
                    throw CellError(field: "\(field).\(name)", reason: "'\(parts[1])' is not a number")
                }
                goals[name] = .number(value)
            }
        }
        return .object(goals)
    }

    /// Slots: `Mon 10:00-12:00; Wed 14:00-16:00` → `[{"day":"mon","start":"10:00","end":"12:00"}, …]`.
    /// Days may be written in full (`Monday`) or cut to three or more letters (`Tues`).
    static func slots(_ text: String, field: String) throws(CellError) -> JSONValue {
        var slots: [JSONValue] = []
        for (i, item) in list(text).enumerated() {
            let words = item.split(whereSeparator: \.isWhitespace)
            guard let dayWord = words.first, words.count >= 2 else {
                throw CellError(
                    field: "\(field)[\(i)]",
                    reason: "'\(item)' is not a slot; expected a day and times, as 'Mon 10:00-12:00'")
            }
            let times = words.dropFirst().joined().split(whereSeparator: { $0 == "-" || $0 == "–" })
            guard times.count == 2 else {
                throw CellError(
                    field: "\(field)[\(i)]",
                    reason: "'\(item)' is not a slot; expected a day and times, as 'Mon 10:00-12:00'")
            }
            slots.append(
                .object([
                    "day": .string(day(String(dayWord))), "start": .string(String(times[0])),
                    "end": .string(String(times[1])),
                ]))
        }
        return .array(slots)
    }

    /// `Monday`, `mon`, `Tues` → `mon`, `tue`; anything else is passed on for the model to reject.
    static func day(_ word: String) -> String {
        let lower = word.lowercased()
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        guard lower.count >= 3, let match = names.firstIndex(where: { $0.hasPrefix(lower) }) else { return word }
        return Weekday.allCases[match].rawValue
    }

    /// The location from `lat` and `lon`: both or neither.
    static func location(lat: String?, lon: String?) throws(CellError) -> JSONValue? {
        switch (lat, lon) {
        case (nil, nil): return nil
        case (_?, nil): throw CellError(field: "lon", reason: "is required when lat is given")
        case (nil, _?): throw CellError(field: "lat", reason: "is required when lon is given")
        case (let lat?, let lon?):
            return .object(["lat": try number(lat, field: "lat"), "lon": try number(lon, field: "lon")])
        }
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
