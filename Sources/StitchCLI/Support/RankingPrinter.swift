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

    static func table(_ ranking: Ranking, title: String) -> String {
        var out = [title, ""]
        if let reading = ranking.reading {
            let needs = reading.needs.map { "\($0.need.label) ('\($0.words)')" }
            out.append("  The reason reads as: " + (needs.isEmpty ? "no need recognised" : needs.joined(separator: "; ")))
            if let goals = reading.goals {
                let ways = WellbeingWay.allCases.filter { goals[$0] > 0 }.map { "\($0.displayName) \(number(goals[$0]))" }
                out.append("  Goals taken from it: " + ways.joined(separator: ", "))
            }
            if !reading.interests.isEmpty {
                out.append("  Interests in it: " + reading.interests.map { "'\($0.words)' → \($0.term)" }.joined(separator: "; "))
            }
            out.append("")
        }
        if ranking.matches.isEmpty { out.append("  No match meets every constraint.") }
        out.append("  #  " + pad("id", 24) + pad("name", 30) + "score  skill avail local wellb bridg recip")
        for (i, m) in ranking.matches.enumerated() {
            let f = m.factors
            let rank = pad(String(i + 1), 3)
            let name = (m.kind == .need ? "needs: " : "") + (m.name ?? "")
            let cells = [f.skill, f.availability, f.locality, f.wellbeing, f.bridging, f.reciprocity].map(number)
            out.append("  \(rank)" + pad(m.id, 23) + " " + pad(name, 29) + " " + number(m.score) + "   " + cells.joined(separator: "  "))
            for reason in m.reasons { out.append("       - \(reason)") }
            if let b = m.buddy {
                out.append("       Buddy: \(b.id)\(b.name.map { " (\($0))" } ?? ""), score \(number(b.score)): \(b.reasons.joined(separator: "; "))")
            }
        }
        out.append("")
        let excluded = ranking.excluded.counts.filter { $0.value > 0 }.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
        let excludedText = excluded.isEmpty ? "none" : excluded.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        out.append("  Considered \(ranking.considered); excluded: \(excludedText)")
        for note in ranking.notes { out.append("  Note: \(note)") }
        return out.joined(separator: "\n")
    }

    static func explanation(_ m: Match, title: String) -> String {
        var out = [title, ""]
        out.append("  \(m.id)\(m.name.map { " (\($0))" } ?? ""): score \(number(m.score))" + ((m.excludedBy ?? []).isEmpty ? "" : " — EXCLUDED"))
        out.append("  Constraints:")
        for c in m.constraints ?? [] { out.append("    \(c.passed ? "ok  " : "FAIL") \(pad(c.constraint.rawValue, 13)) \(c.detail)") }
        out.append("  Factors:")
        for f in Factor.allCases { out.append("    \(pad(f.rawValue, 13)) \(number(m.factors[f]))") }
        out.append("  Reasons:")
        for r in m.reasons { out.append("    - \(r)") }
        return out.joined(separator: "\n")
    }
}
