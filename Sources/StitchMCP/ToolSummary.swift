import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchPlanning

/// The plain-English lines a tool's answer starts with, before its JSON: the best few results
/// by id, name and score, and what the hard constraints ruled out.
enum ToolSummary {
    /// How many results a summary names; the JSON holds them all.
    static let shown = 5

    /// A score as people read it: three decimals.
    static func score(_ value: Double) -> String { String(format: "%.3f", value) }

    /// `m-june (June)`, or the id alone when there is no name.
    static func label(_ id: String, _ name: String?) -> String { name.map { "\(id) (\($0))" } ?? id }

    /// `distance 32, availability 41`: the non-zero counts, largest first.
    static func excluded(_ counts: ExclusionCounts) -> String {
        ExclusionReason.allCases.compactMap { reason in counts[reason] > 0 ? (reason, counts[reason]) : nil }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.rawValue < $1.0.rawValue }
            .map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
    }

    /// A ranking: how many were found among how many considered, the best few, and its notes.
    static func ranking(_ ranking: Ranking, of what: String, plural: String) -> String {
        let ruledOut = excluded(ranking.excluded)
        var lines = [
            "\(Wording.count(ranking.matches.count, what, plural: plural)) of \(ranking.considered) considered"
                + (ruledOut.isEmpty ? "." : "; ruled out: \(ruledOut).")
        ]
        for (i, match) in ranking.matches.prefix(shown).enumerated() {
            var line = "\(i + 1). \(label(match.id, match.name)) score \(score(match.score))"
            if let skill = match.skill { line += ", needs \(skill)" }
            if let buddy = match.buddy { line += ", buddy \(label(buddy.id, buddy.name))" }
            if let lift = match.lift { line += ", a lift from \(label(lift.id, lift.name))" }
            lines.append(line)
        }
        if ranking.matches.count > shown {
            lines.append("… and \(ranking.matches.count - shown) more in the JSON below.")
        }
        if let oneToOne = ranking.oneToOne {
            let ruledOut = excluded(oneToOne.excluded)
            lines.append(
                "One-to-one: \(Wording.count(oneToOne.matches.count, "member")) of \(oneToOne.considered) considered"
                    + (ruledOut.isEmpty ? "" : "; ruled out: \(ruledOut)") + ". \(oneToOne.why).")
            for (i, match) in oneToOne.matches.prefix(shown).enumerated() {
                lines.append("\(i + 1). \(label(match.id, match.name)) score \(score(match.score))\(match.support.map { ", \($0.rawValue)" } ?? "")")
            }
        }
        lines += ranking.notes.map { "Note: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// One pair: its score, and whether a constraint rules it out and why.
    static func explanation(_ match: Match) -> String {
        let who = "\(label(match.id, match.name)), \(match.kind.rawValue)"
        let failed = (match.constraints ?? []).filter { !$0.passed }
        guard !failed.isEmpty else {
            return "\(who): score \(score(match.score)); every hard constraint passes, so it may be suggested."
        }
        let why = failed.map { "\($0.constraint.rawValue) (\($0.detail))" }.joined(separator: ", ")
        return "\(who): would score \(score(match.score)) but is ruled out by \(why)."
    }

    /// A plan: how many were placed, the first few placements, and those left out.
    static func plan(_ plan: PlanResult) -> String {
        let referrals = plan.assignments.map(\.referral).uniqueCount + plan.unassigned.count
        var lines = [
            "Placed \(Wording.count(plan.placed, "placement")) for \(Wording.count(referrals, "referral")), "
                + "total score \(score(plan.totalScore)) (one at a time: \(plan.greedyPlaced) placed, "
                + "\(score(plan.greedyTotalScore)))."
        ]
        for a in plan.assignments.prefix(shown) {
            let buddy = a.buddy.map { ", buddy \(label($0, a.buddyName))" } ?? ""
            lines.append(
                "\(a.referral): \(a.person) → \(label(a.activity, a.activityName)) score \(score(a.score))\(buddy)")
        }
        if plan.assignments.count > shown {
            lines.append("… and \(plan.assignments.count - shown) more in the JSON below.")
        }
        for u in plan.unassigned.prefix(shown) {
            lines.append("Not placed: \(u.referral) (\(u.person)): \(u.detail)")
        }
        if plan.unassigned.count > shown { lines.append("… and \(plan.unassigned.count - shown) more not placed.") }
        return lines.joined(separator: "\n")
    }

    /// What the server holds, and whether words are matched by meaning.
    static func health(_ health: MethodResults.Health) -> String {
        var line =
            "Stitch is \(health.status): \(Wording.count(health.members, "member")) and "
            + "\(Wording.count(health.activities, "activity")), reference date \(health.referenceDate); "
            + "words matched by meaning: \(health.meaning)."
        if !health.dbsExpiring.isEmpty {
            let expired = health.dbsExpiring.filter(\.expired).count
            line += "\nDBS checks to renew: \(health.dbsExpiring.count) (\(expired) expired), "
                + health.dbsExpiring.prefix(5).map { "\($0.member) \($0.expired ? "expired" : "expires") \($0.expires)" }
                .joined(separator: ", ") + (health.dbsExpiring.count > 5 ? ", …" : "") + "."
        }
        for note in health.notes { line += "\nNote: \(note)" }
        return line
    }
}

extension Sequence where Element: Hashable {
    /// How many different elements.
    fileprivate var uniqueCount: Int { Set(self).count }
}
