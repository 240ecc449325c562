import CSV
import Foundation

/// The referrals of a planning session as a connector gives them: a CSV file (a header row,
/// then one referral a row: `id`, `person`, `referrer`, `interests` separated by semicolons,
/// `reason`), or lines typed in the form (`person, referrer`). Each becomes a referral's JSON
/// for the `plan.allocate` params, with where it came from, to name in an error.
struct ReferralRows: Sendable {
    /// Each referral's JSON object (plain values only).
    private(set) var referrals: [[String: String]] = []
    /// Where each came from: "row 3 of referrals.csv", "line 2 of the list".
    private(set) var sources: [String] = []
    /// Why the file or the list could not be read, if it could not.
    private(set) var problem: String?

    /// The columns a CSV may have (any case; others are refused with these listed).
    static let columns = ["id", "person", "referrer", "interests", "reason"]

    init() {}

    /// Adds the rows of a CSV file.
    mutating func addCSV(_ data: Data, filename: String) {
        guard let text = String(data: data, encoding: .utf8) else {
            problem = "\(filename) is not UTF-8 text; save it as “CSV UTF-8” and send it again"
            return
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            problem = "\(filename) could not be read as CSV"
            return
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard header.contains("person") else {
            problem = "\(filename) has no “person” column; its first row must name the columns: \(Self.columns.joined(separator: ", "))"
            return
        }
        if let unknown = header.first(where: { !$0.isEmpty && !Self.columns.contains($0) }) {
            problem = "\(filename) has a column “\(unknown)” that Stitch does not know; the columns are: \(Self.columns.joined(separator: ", "))"
            return
        }
        var row = 1
        while let cells = reader.next() {
            row += 1
            var cell: [String: String] = [:]
            for (i, name) in header.enumerated() where i < cells.count && !name.isEmpty {
                let value = cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
                if !value.isEmpty { cell[name] = value }
            }
            if cell.isEmpty { continue }
            var referral: [String: String] = ["id": cell["id"] ?? "r-\(referrals.count + 1)", "person": cell["person"] ?? ""]
            if let referrer = cell["referrer"] { referral["referrer"] = referrer }
            if let interests = cell["interests"] { referral["interests"] = interests }
            if let reason = cell["reason"] { referral["reason"] = reason }
            referrals.append(referral)
            sources.append("row \(row) of \(filename)")
        }
    }

    /// Adds the lines typed in the form: `person` or `person, referrer`.
    mutating func addLines(_ text: String) {
        for (i, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let person = parts.first, !person.isEmpty else { continue }
            var referral = ["id": "r-\(referrals.count + 1)", "person": person]
            if parts.count > 1, !parts[1].isEmpty { referral["referrer"] = parts[1] }
            referrals.append(referral)
            sources.append("line \(i + 1) of the list")
        }
    }

    /// The referrals as the params' JSON (interests as a list).
    var json: [Any] {
        referrals.map { referral in
            var object: [String: Any] = referral
            if let interests = referral["interests"] { object["interests"] = ParamsJSON.list(interests, separators: ";") }
            return object
        }
    }
}
