import Foundation
import StitchModel

extension TimeOverflowReader {
    /// The members and exchanges read so far, report by report.
    struct Reading {
        typealias Rows = [(number: Int, cells: [String])]

        var members: [(member: Member, row: Int)] = []
        /// Position in `members` by TimeOverflow member number.
        var memberAt: [String: Int] = [:]
        var exchanges: [ImportedRecord<Exchange>] = []

        /// The users report: one member per row.
        mutating func users(_ rows: Rows, issues: inout [ImportIssue]) {
            for row in rows {
                func problem(_ field: String, _ reason: String) {
                    issues.append(ImportIssue(list: "users", index: row.number, field: field, reason: reason))
                }
                let cells = row.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                guard cells.count >= 2, let number = Self.memberNumber(cells[0]) else {
                    problem("N", "'\(cells.first ?? "")' is not a member number (N); the user is left out")
                    continue
                }
                if let first = memberAt[number] {
                    problem("N", "member number \(number) is also on row \(members[first].row); the first is kept")
                    continue
                }
                let name = cells[1].isEmpty ? nil : cells[1]
                memberAt[number] = members.count
                members.append((Member(id: TimeOverflowReader.memberID(number), name: name), row.number))
            }
        }

        /// An offers or inquiries report: each post's tags and title added to its user's
        /// `offers` or `needs`. Category rows (an empty first cell) only head their posts.
        mutating func posts(
            _ rows: Rows, report: Report, into list: WritableKeyPath<Member, [String]>, issues: inout [ImportIssue]
        ) {
            let noun = report == .offers ? "offer" : "inquiry"
            for row in rows {
                let cells = row.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                guard cells.count >= 4, !cells[0].isEmpty else { continue }
                func problem(_ field: String, _ reason: String) {
                    issues.append(
                        ImportIssue(
                            list: report.rawValue, index: row.number, id: cells[0], field: field, reason: reason))
                }
                guard let number = Self.numberInParentheses(cells[3]), let at = memberAt[number] else {
                    problem("user", "'\(cells[3])' is not a user of the users report; the \(noun) is left out")
                    continue
                }
                let tags = cells[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let terms = (tags + [cells[1]]).filter { !$0.isEmpty }
                guard !terms.isEmpty else {
                    problem("title", "the \(noun) has no title and no tags; left out")
                    continue
                }
                var member = members[at].member
                for term in terms {
                    let key = SkillTaxonomy.normalise(term)
                    if !member[keyPath: list].contains(where: { SkillTaxonomy.normalise($0) == key }) {
                        member[keyPath: list].append(term)
                    }
                }
                members[at].member = member
            }
        }

        /// The transfers report: one exchange per row between two members.
        mutating func transfers(_ rows: Rows, issues: inout [ImportIssue]) {
            var ids: [String: Int] = [:]
            for row in rows {
                func problem(_ field: String, _ reason: String) {
                    issues.append(ImportIssue(list: "transfers", index: row.number, field: field, reason: reason))
                }
                let cells = row.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                guard cells.count >= 5 else {
                    problem("$", "has \(cells.count) cells; a transfer has date, from, to, post and quantity")
                    continue
                }
                var parties: [String] = []
                for (field, cell) in [("from", cells[1]), ("to", cells[2])] {
                    guard let number = Self.numberInParentheses(cell) else {
                        problem(
                            field,
                            "'\(cell)' is not a member (the time bank's own account, or a user no longer active); "
                                + "the transfer is left out")
                        break
                    }
                    guard memberAt[number] != nil else {
                        problem(field, "'\(cell)' is not a user of the users report; the transfer is left out")
                        break
                    }
                    parties.append(number)
                }
                guard parties.count == 2 else { continue }
                guard let hours = Self.hours(cells[4]) else {
                    problem(
                        "quantity",
                        "'\(cells[4])' is not a time as TimeOverflow writes it (H:MM); the transfer is left out")
                    continue
                }
                let date = cells[0].count >= 10 ? CalendarDate(parsing: String(cells[0].prefix(10))) : nil
                let stamp = cells[0].filter(\.isNumber).prefix(14)
                var id = "to-x-\(stamp)-\(parties[0])-\(parties[1])"
                ids[id, default: 0] += 1
                if let n = ids[id], n > 1 { id += "-\(n)" }
                let exchange = Exchange(
                    id: id, giver: TimeOverflowReader.memberID(parties[1]),
                    receiver: TimeOverflowReader.memberID(parties[0]),
                    hours: hours, skill: cells[3].isEmpty ? nil : cells[3], date: date)
                if let bad = exchange.boundErrors().first {
                    problem(bad.field, bad.reason + "; the transfer is left out")
                    continue
                }
                exchanges.append(ImportedRecord(exchange, index: row.number, list: "transfers"))
            }
        }

        /// A member number: digits.
        static func memberNumber(_ text: String) -> String? {
            !text.isEmpty && text.allSatisfy({ $0.isASCII && $0.isNumber }) ? text : nil
        }

        /// `Ada Lovelace (12)` → `12`: the number in the last parentheses, which end the cell.
        static func numberInParentheses(_ text: String) -> String? {
            guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
            return memberNumber(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
        }

        /// `2:30` → 2.5; `0` → 0 (TimeOverflow writes a zero quantity so).
        static func hours(_ text: String) -> Double? {
            if text == "0" { return 0 }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let h = Int(parts[0]), h >= 0, parts[1].count == 2, let m = Int(parts[1]),
                (0..<60).contains(m)
            else { return nil }
            return Double(h) + Double(m) / 60
        }
    }
}
