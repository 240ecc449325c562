import Foundation
import StitchModel
import StitchEngine

/// Prints rankings as readable tables with reasons, or as the protocol's JSON.
enum RankingPrinter {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    static func number(_ v: Double) -> String { String(format: "%.2f", v) }

    /// The factor columns' headings, in `Factor` order, each five characters.
    static let factorHeadings = ["skill", "avail", "local", "wellb", "bridg", "recip"]

    static func table(_ ranking: Ranking, title: String, terminal: Terminal = .current()) -> String {
        var out = terminal.wrap(title, indent: "") + [""]
        if let reading = ranking.reading {
            let needs = reading.needs.map { "\($0.need.label) ('\($0.words)')" }
            out += terminal.wrap("The reason reads as: " + (needs.isEmpty ? "no need recognised" : needs.joined(separator: "; ")), indent: "  ")
            if let goals = reading.goals {
                let ways = WellbeingWay.allCases.filter { goals[$0] > 0 }.map { "\($0.displayName) \(number(goals[$0]))" }
                out += terminal.wrap("Goals taken from it: " + ways.joined(separator: ", "), indent: "  ")
            }
            if !reading.interests.isEmpty {
                out += terminal.wrap("Interests in it: " + reading.interests.map { "'\($0.words)' → \($0.term)" }.joined(separator: "; "), indent: "  ")
            }
            out.append("")
        }
        let oneToOne = ranking.oneToOne.map { oneToOneSection($0, terminal: terminal) } ?? []
        if ranking.oneToOne?.first == true { out += oneToOne }
        if ranking.oneToOne != nil { out.append("Activities") }
        out += rows(ranking.matches, terminal: terminal)
        out.append("")
        let excluded = ranking.excluded.counts.filter { $0.value > 0 }.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
        let excludedText = excluded.isEmpty ? "none" : excluded.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        out += terminal.wrap("Considered \(ranking.considered); excluded: \(excludedText)", indent: "  ")
        for note in ranking.notes { out += terminal.wrap("Note: \(note)", indent: "  ") }
        if ranking.oneToOne?.first == false { out += [""] + oneToOne }
        return out.joined(separator: "\n")
    }

    /// A referral's one-to-one support, under its own heading: why, the members, the counts.
    static func oneToOneSection(_ oneToOne: OneToOneRanking, terminal: Terminal) -> [String] {
        var out = ["One-to-one (befriending, going along to appointments, peer support)"]
        out += terminal.wrap(oneToOne.why, indent: "  ")
        if !oneToOne.matches.isEmpty { out += rows(oneToOne.matches, terminal: terminal) }
        let excluded = oneToOne.excluded.counts.filter { $0.value > 0 }.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
        let excludedText = excluded.isEmpty ? "none" : excluded.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        out += terminal.wrap("Considered \(oneToOne.considered); excluded: \(excludedText)", indent: "  ")
        out.append("")
        return out
    }

    /// The table of matches: a row each, with its factors, reasons and buddy.
    static func rows(_ matches: [Match], terminal: Terminal) -> [String] {
        var out: [String] = []
        if matches.isEmpty { out.append("  No match meets every constraint.") }
        // Columns: "  " rank(3) id " " name " " score(4) and, when they fit, six factors of "  0.00".
        let idWidth = min(max(matches.map(\.id.count).max() ?? 0, 2), 24)
        let fixed = 2 + 3 + idWidth + 1 + 1 + 5
        let factorWidth = 6 * factorHeadings.count
        let names = matches.map { ($0.kind == .need ? "needs: " : "") + ($0.name ?? "") }
        let longestName = max(names.map(\.count).max() ?? 0, 4)
        let wide = terminal.columns - fixed - factorWidth >= min(longestName, 12)
        let nameWidth = max(min(longestName, 30, terminal.columns - fixed - (wide ? factorWidth : 0)), 4)
        var heading = "  #  " + Terminal.cell("id", idWidth) + " " + Terminal.cell("name", nameWidth) + " score"
        if wide { heading += " " + factorHeadings.joined(separator: " ") }
        out.append(heading)
        for (i, m) in matches.enumerated() {
            let cells = Factor.allCases.map { number(m.factors[$0]) }
            var row = "  " + Terminal.cell(String(i + 1), 3) + Terminal.cell(m.id, idWidth) + " " + Terminal.cell(names[i], nameWidth) + " " + number(m.score)
            if wide { row += "  " + cells.joined(separator: "  ") }
            out.append(row)
            if !wide {
                out += terminal.wrap(zip(factorHeadings, cells).map { "\($0) \($1)" }.joined(separator: ", "), indent: "       ")
            }
            for reason in m.reasons { out += bullet(reason, terminal: terminal, indent: "       ") }
            if let l = m.lift {
                out += terminal.wrap(
                    "Lift: \(l.id)\(l.name.map { " (\($0))" } ?? ""): \(l.reasons.joined(separator: "; "))",
                    indent: "       ")
            }
            if let b = m.buddy {
                out += terminal.wrap(
                    "Buddy: \(b.id)\(b.name.map { " (\($0))" } ?? ""), score \(number(b.score)): \(b.reasons.joined(separator: "; "))",
                    indent: "       ")
            }
        }
        return out
    }

    /// "- text" wrapped under `indent`, its continuation lines aligned after the dash.
    static func bullet(_ text: String, terminal: Terminal, indent: String) -> [String] {
        let lines = terminal.wrap(text, indent: indent + "  ")
        guard let first = lines.first else { return [] }
        return [indent + "- " + first.dropFirst(indent.count + 2)] + lines.dropFirst()
    }

    static func explanation(_ m: Match, title: String, terminal: Terminal = .current()) -> String {
        var out = terminal.wrap(title, indent: "") + [""]
        out += terminal.wrap("\(m.id)\(m.name.map { " (\($0))" } ?? ""): score \(number(m.score))" + ((m.excludedBy ?? []).isEmpty ? "" : " — EXCLUDED"), indent: "  ")
        out.append("  Constraints:")
        for c in m.constraints ?? [] {
            let lines = terminal.wrap(c.detail, indent: String(repeating: " ", count: 23))
            out.append("    \(c.passed ? "ok  " : "FAIL") \(pad(c.constraint.rawValue, 13)) " + (lines.first?.dropFirst(23) ?? ""))
            out += lines.dropFirst()
        }
        out.append("  Factors:")
        for f in Factor.allCases { out.append("    \(pad(f.rawValue, 13)) \(number(m.factors[f]))") }
        out.append("  Reasons:")
        for r in m.reasons { out += bullet(r, terminal: terminal, indent: "    ") }
        return out.joined(separator: "\n")
    }
}
