import Foundation
import StitchEngine
import StitchModel

/// A ranking as the pages show it: each match with its score bar, a bar per factor (its number
/// in text too, for screen readers), its reasons, buddy and lift; the notes; and the counts of what
/// the hard constraints left out, in words.
struct RankingView: Sendable {
    struct MatchView: Sendable {
        var rank: Int
        var matchID: String
        var matchName: String
        var matchScore: String
        var barWidth: String
        var factorBars: [FactorView]
        var matchReasons: [String]
        var hasBuddy: Bool
        var buddyID: String
        var buddyName: String
        var buddyScore: String
        var buddyReasons: [String]
        var hasLift: Bool
        var liftID: String
        var liftName: String
        var liftReasons: [String]
    }

    struct FactorView: Sendable {
        var factorLabel: String
        var factorValue: String
        var factorWidth: String
    }

    struct ExcludedView: Sendable {
        var excludedWords: String
        var excludedCount: Int
    }

    var matches: [MatchView]
    var hasMatches: Bool
    var notes: [String]
    var hasNotes: Bool
    var excludedRows: [ExcludedView]
    var hasExclusions: Bool
    var considered: Int

    init(_ ranking: Ranking) {
        matches = ranking.matches.enumerated().map { i, match in
            let buddy = match.buddy
            return MatchView(
                rank: i + 1, matchID: match.id, matchName: match.name ?? match.id, matchScore: Self.number(match.score),
                barWidth: Stylesheet.widthClass(match.score), factorBars: Self.factors(match.factors), matchReasons: match.reasons,
                hasBuddy: buddy != nil, buddyID: buddy?.id ?? "", buddyName: buddy.map { $0.name ?? $0.id } ?? "",
                buddyScore: buddy.map { Self.number($0.score) } ?? "", buddyReasons: buddy?.reasons ?? [],
                hasLift: match.lift != nil, liftID: match.lift?.id ?? "", liftName: match.lift.map { $0.name ?? $0.id } ?? "",
                liftReasons: match.lift?.reasons ?? [])
        }
        hasMatches = !matches.isEmpty
        notes = ranking.notes
        hasNotes = !notes.isEmpty
        excludedRows = ExclusionReason.allCases.compactMap { reason in
            let count = ranking.excluded[reason]
            return count > 0 ? ExcludedView(excludedWords: reason.explanation, excludedCount: count) : nil
        }
        hasExclusions = !excludedRows.isEmpty
        considered = ranking.considered
    }

    /// The factors in the order the README lists them, with their names for a person.
    static let factorLabels: [(Factor, String)] = [
        (.skill, "Skills and interests"), (.availability, "Times free"), (.locality, "Nearby"),
        (.wellbeing, "Wellbeing goals"), (.bridging, "New connections"), (.reciprocity, "Give and take"),
    ]

    static func factors(_ scores: FactorScores) -> [FactorView] {
        factorLabels.map { factor, label in
            FactorView(factorLabel: label, factorValue: number(scores[factor]), factorWidth: Stylesheet.widthClass(scores[factor]))
        }
    }

    /// `0.82`.
    static func number(_ value: Double) -> String { String(format: "%.2f", value) }
}
