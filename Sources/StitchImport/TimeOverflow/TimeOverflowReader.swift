import CSV
import Foundation
import StitchModel

/// Reads a TimeOverflow export (`stitch import FOLDER --format timeoverflow`): its users, offers,
/// inquiries and transfers reports, as CSV files, into members with their offers and needs, and
/// exchanges.
///
/// TimeOverflow's "download all" gives a zip of four CSV files (`Members_<date>.csv`,
/// `Offers_<date>.csv`, `Inquiries_<date>.csv`, `Transfers_<date>.csv`); each report can also be
/// downloaded on its own. Each file is told by its header (``TimeOverflowLabels``), in any of
/// TimeOverflow's languages, not by its name; the users report is required, the others optional.
///
/// - users (`N`, name) → a member `to-<N>` with that name; email, phones, dates, locale and
///   balance are not kept;
/// - offers (title, tags, user) → the user's `offers`: each tag, and the title (free text,
///   matched by meaning);
/// - inquiries → the user's `needs`, the same way;
/// - transfers (date, from, to, post, quantity) → an exchange: `giver` the *to* member (who
///   earned the time), `receiver` the *from* member, `hours` from `H:MM`, `skill` the post's
///   title, `date` the day; id `to-x-<date and time>-<from>-<to>`, so the same export imported
///   again updates its exchanges rather than repeating them.
///
/// A post or transfer naming a user who is not in the users report, a transfer to or from the
/// time bank's own account or a user no longer active, and a row that cannot be read are
/// reported and left out. Issues are under `users[row]`, `offers[row]`, `inquiries[row]`,
/// `transfers[row]`, rows numbered as a spreadsheet shows them (the header is row 1).
///
/// ```swift
/// let source = TimeOverflowReader().read([("Members_2026-03-02.csv", users), ("Offers_2026-03-02.csv", offers)])
/// ```
public struct TimeOverflowReader: Sendable {
    /// The kinds of report.
    public enum Report: String, Sendable, Hashable, CaseIterable {
        case users, offers, inquiries, transfers
    }

    public init() {}

    /// The member id of a TimeOverflow member number.
    public static func memberID(_ number: String) -> String { "to-\(number)" }

    /// The report a CSV file is, from its header row (and its name, for a posts report whose
    /// type header is in no known language); `nil` when it is none.
    public static func report(header: [String], fileName: String) -> Report? {
        let cells = header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        if cells.count == TimeOverflowLabels.usersColumns, cells.first == TimeOverflowLabels.usersFirst {
            return .users
        }
        guard cells.count == TimeOverflowLabels.postsColumns else { return nil }
        if cells[0].isEmpty {
            if TimeOverflowLabels.offer.contains(cells[1]) { return .offers }
            if TimeOverflowLabels.inquiry.contains(cells[1]) { return .inquiries }
            let name = fileName.lowercased()
            if TimeOverflowLabels.offerFileWords.contains(where: name.contains) { return .offers }
            if TimeOverflowLabels.inquiryFileWords.contains(where: name.contains) { return .inquiries }
            return nil
        }
        // Transfers: "Date, From, To, Post, Quantity" in English; in another language, five
        // columns none of which is a column of Stitch's own member or activity sheets.
        if cells == TimeOverflowLabels.transfersEnglish { return .transfers }
        let stitchColumns = Set(
            (CSVMemberReader.columns + CSVMemberReader.aliases.keys + CSVActivityReader.columns + CSVActivityReader.aliases.keys)
                .map { $0.lowercased() })
        return cells.contains(where: stitchColumns.contains) ? nil : .transfers
    }

    /// Reads the export's files, given by name and bytes.
    public func read(_ files: [(name: String, data: Data)]) -> SourceImport {
        var issues: [ImportIssue] = []
        var reports: [Report: (name: String, rows: [(number: Int, cells: [String])])] = [:]
        for file in files {
            guard let table = Self.rows(file.data) else {
                issues.append(
                    ImportIssue(
                        list: file.name, field: file.name,
                        reason: "is not UTF-8 CSV text, so not one of TimeOverflow's reports; ignored",
                        recordSkipped: false))
                continue
            }
            guard let header = table.first, let report = Self.report(header: header.cells, fileName: file.name) else {
                issues.append(
                    ImportIssue(
                        list: file.name, field: file.name,
                        reason:
                            "is not one of TimeOverflow's reports (users, offers, inquiries, transfers): its header "
                            + "is none of theirs; ignored",
                        recordSkipped: false))
                continue
            }
            if let earlier = reports[report] {
                issues.append(
                    ImportIssue(
                        list: file.name, field: file.name,
                        reason: "is a second \(report.rawValue) report (the first is \(earlier.name)); give one export")
                )
                continue
            }
            reports[report] = (file.name, Array(table.dropFirst()))
        }
        guard let users = reports[.users] else {
            let given = reports.keys.map(\.rawValue).sorted().joined(separator: ", ")
            issues.append(
                ImportIssue(
                    list: "users", field: "$",
                    reason: "no users report was given\(given.isEmpty ? "" : " (only \(given))"); give the export's "
                        + "users (members) CSV too, in the same folder"))
            return SourceImport(list: "users", issues: issues)
        }
        var read = Reading()
        read.users(users.rows, issues: &issues)
        for (report, list) in [(Report.offers, \Member.offers), (.inquiries, \Member.needs)] {
            if let posts = reports[report] { read.posts(posts.rows, report: report, into: list, issues: &issues) }
        }
        if let transfers = reports[.transfers] { read.transfers(transfers.rows, issues: &issues) }
        let count = reports.values.reduce(0) { $0 + $1.rows.count }
        return SourceImport(
            list: "users", members: read.members.map { ImportedRecord($0.member, index: $0.row, list: "users") },
            exchanges: read.exchanges, issues: issues, recordCount: count)
    }

    /// The file's rows (header first), each with its row number; `nil` when it is not UTF-8 CSV.
    static func rows(_ data: Data) -> [(number: Int, cells: [String])]? {
        guard let text = CSVTable.decodeText(data), let reader = try? CSVReader(string: text, hasHeaderRow: false)
        else {
            return nil
        }
        var rows: [(Int, [String])] = []
        var number = 0
        while let cells = reader.next() {
            number += 1
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            rows.append((number, cells))
        }
        return rows
    }
}
