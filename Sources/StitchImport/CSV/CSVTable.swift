import CSV
import Foundation

/// A CSV file's header and rows, read with CSV.swift, with its columns matched to a known set.
///
/// The first row is the header. Header names are matched ignoring case, spaces, hyphens and
/// underscores (`Travel km`, `travel_km` and `travelKm` are one column), so a sheet exported from
/// any spreadsheet works; columns may come in any order. An unknown column is reported once and
/// ignored; a missing required column, a repeated column, an empty file or a file that is not
/// UTF-8 text stops the whole file. Row numbers are the file's record numbers, the header being
/// row 1, as a spreadsheet shows them (a cell holding a line break does not start a new row).
///
/// A column-mapping file (``CSVColumnMap``) renames the sheet's own headers to Stitch's columns,
/// names columns to ignore quietly, and replaces whole cells by a column's value map.
struct CSVTable {
    /// One data row: its number in the file and its cells, by column.
    struct Row {
        var number: Int
        var cells: [String: String]

        /// The trimmed cell of a column, or `nil` when the column is absent or the cell empty.
        subscript(column: String) -> String? {
            guard let raw = cells[column] else { return nil }
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
    }

    var rows: [Row] = []
    var issues: [ImportIssue] = []
    /// The header each column was read from, as the sheet writes it, by canonical column.
    var headerNames: [String: String] = [:]
    /// The number of data rows, blank ones included.
    var recordCount = 0

    /// Reads `data` against `columns` (canonical names, by matching key) and their aliases.
    ///
    /// - Returns: `nil` rows and a file-level issue when the file cannot be used at all.
    init(_ data: Data, columns: [String], aliases: [String: String], required: [String], map: CSVColumnMap? = nil) {
        guard let text = Self.decodeText(data) else {
            issues.append(
                ImportIssue(
                    list: "rows", field: "$",
                    reason: "is not UTF-8 text; save the sheet as \"CSV UTF-8\" and import it again"))
            return
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            issues.append(ImportIssue(list: "rows", field: "$", reason: "could not be read as CSV"))
            return
        }
        guard let header = reader.next(), header.contains(where: { !Self.key($0).isEmpty }) else {
            issues.append(
                ImportIssue(list: "rows", field: "$", reason: "is empty; expected a header row naming the columns"))
            return
        }
        var byKey: [String: String] = [:]
        for column in columns { byKey[Self.key(column)] = column }
        for (alias, column) in aliases { byKey[Self.key(alias)] = column }
        var mapped: [String: String] = [:]
        for (source, target) in map?.columns ?? [:] {
            guard let column = byKey[Self.key(target)] else {
                issues.append(
                    ImportIssue(
                        list: "rows", field: "map.columns",
                        reason: "'\(source)' is mapped to '\(target)', which is not a column of this kind of file; "
                            + "known columns: \(columns.joined(separator: ", "))"))
                return
            }
            mapped[Self.key(source)] = column
        }
        let ignored = Set((map?.ignore ?? []).map(Self.key))
        var columnAt: [Int: String] = [:]
        var seen: [String: String] = [:]
        var unknown: [String] = []
        for (i, name) in header.enumerated() {
            let key = Self.key(name)
            if key.isEmpty || ignored.contains(key) { continue }
            guard let column = mapped[key] ?? byKey[key] else {
                unknown.append(name.trimmingCharacters(in: .whitespaces))
                continue
            }
            if let first = seen[column] {
                issues.append(
                    ImportIssue(
                        list: "rows", field: "header",
                        reason: "columns '\(first)' and '\(name)' are both \(column); keep one"))
                return
            }
            seen[column] = name
            columnAt[i] = column
            headerNames[column] = name.trimmingCharacters(in: .whitespaces)
        }
        var valueMaps: [String: [String: String]] = [:]
        for (name, values) in map?.values ?? [:] {
            let column = mapped[Self.key(name)] ?? byKey[Self.key(name)] ?? name
            valueMaps[column, default: [:]].merge(values.map { (Self.cellKey($0.key), $0.value) }) { $1 }
        }
        let missing = required.filter { seen[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            issues.append(
                ImportIssue(
                    list: "rows", field: "header",
                    reason: "the required column\(missing.count == 1 ? "" : "s") \(names) "
                        + "\(missing.count == 1 ? "is" : "are") missing; the header has "
                        + header.map { "'\($0)'" }.joined(separator: ", ")))
            return
        }
        if !unknown.isEmpty {
            issues.append(
                ImportIssue(
                    list: "rows", field: "header",
                    reason: "unknown column\(unknown.count == 1 ? "" : "s") "
                        + unknown.map { "'\($0)'" }.joined(separator: ", ")
                        + " ignored; known columns: \(columns.joined(separator: ", "))",
                    recordSkipped: false))
        }
        var number = 1
        while let cells = reader.next() {
            number += 1
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            recordCount += 1
            if cells.count > header.count,
                cells[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            {
                issues.append(
                    ImportIssue(
                        list: "rows", index: number, field: "$",
                        reason: "has \(cells.count) cells but the header has \(header.count) columns"))
                continue
            }
            var row = Row(number: number, cells: [:])
            for (i, cell) in cells.enumerated() {
                guard let column = columnAt[i] else { continue }
                row.cells[column] = valueMaps[column]?[Self.cellKey(cell)] ?? cell
            }
            rows.append(row)
        }
    }

    /// The matching key of a header name: lowercase letters and digits only.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// A cell as a value map matches it: trimmed, lower case.
    static func cellKey(_ cell: String) -> String { cell.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }

    /// UTF-8 text without its byte-order mark; `nil` for anything else (UTF-16, Latin-1 with
    /// accented letters, binary files).
    static func decodeText(_ data: Data) -> String? {
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        if text.contains("\u{0}") { return nil }  // UTF-16 whose bytes happen to be valid UTF-8
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
