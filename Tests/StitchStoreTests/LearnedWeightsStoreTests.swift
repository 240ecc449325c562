import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchStore

@Suite("Wellbeing measurements and learned weight fits survive reopening the store")
struct LearnedWeightsStoreTests {
    static let day = CalendarDate(year: 2026, month: 11, day: 2)!

    @Test func aReferralsMeasurementsSurviveReopening() throws {
        let file = try TemporaryStore()
        var record = ReferralRecord(id: "r-1", person: .id("m-maud"), date: Self.day)
        try record.record(
            wellbeing: WellbeingScores(date: Self.day, swemwbs: try SWEMWBS(items: [2, 2, 3, 2, 3, 2, 3])), when: .before, activity: "a-knit")
        try record.record(
            wellbeing: WellbeingScores(
                date: Self.day.adding(days: 40), swemwbs: try SWEMWBS(items: [3, 3, 4, 3, 3, 3, 4]),
                ons4: try ONS4(satisfied: 6, worthwhile: 6, happy: 6, anxious: 3)),
            when: .after, activity: "a-knit")
        do { try file.open().save(referral: record) }
        let reopened = try file.open().loadReferrals()
        #expect(reopened == [record])
        #expect(reopened.first?.wellbeing.first?.change?.swemwbs?.change == 3.85)
    }

    @Test func aFitIsKeptByVersionWithTheDayItWasApplied() throws {
        let file = try TemporaryStore()
        var random = SplitMix64(seed: 3)
        let rows = (0..<400).map { _ in
            let factors = FactorScores(
                skill: .random(in: 0...1, using: &random), availability: .random(in: 0...1, using: &random),
                locality: .random(in: 0...1, using: &random), wellbeing: .random(in: 0...1, using: &random),
                bridging: .random(in: 0...1, using: &random), reciprocity: .random(in: 0...1, using: &random))
            let took = Double.random(in: 0...1, using: &random) < factors.locality
            return OutcomeRow(factors: factors, tookUp: took, group: OutcomeGroup(profile: .referral))
        }
        let fit = try OutcomeLearning.fit(
            rows, target: .uptake, group: OutcomeGroup(profile: .referral),
            current: FactorWeights(skill: 1, availability: 1, locality: 1, wellbeing: 1, bridging: 1, reciprocity: 1))
        var stored = LearnedFit(learned: Self.day, fit: fit)
        do {
            let store = try file.open()
            try store.save(fit: stored)
            stored.applied = Self.day.adding(days: 1)
            try store.save(fit: stored)
        }
        let reopened = try file.open()
        #expect(try reopened.loadFits() == [stored])
        #expect(reopened.integrityCheck())
    }
}

extension LearnedWeightsStoreTests {
    /// 800 referral records stored as a practice's would be, each offered one activity with
    /// uniform factors and taken up (then completed) with `logit p = −2 + 4 · locality + 1 · skill`,
    /// or declined.
    static func planted(_ count: Int) -> [ReferralRecord] {
        var random = SplitMix64(seed: 11)
        return (0..<count).map { i in
            let values = Factor.allCases.map { _ in Double.random(in: 0...1, using: &random) }
            let named = Dictionary(uniqueKeysWithValues: zip(Factor.allCases.map(\.rawValue), values))
            let eta = -2 + 4 * named["locality"]! + named["skill"]!
            let activity = "a-knit-natter"
            var history = [StatusChange(status: .referred, date: day), StatusChange(status: .contacted, date: day)]
            if Double.random(in: 0...1, using: &random) < 1 / (1 + exp(-eta)) {
                history += [
                    StatusChange(status: .offered, date: day), StatusChange(status: .attending, date: day, activity: activity),
                    StatusChange(status: .completed, date: day),
                ]
            } else {
                history.append(StatusChange(status: .declined, date: day, note: "not now"))
            }
            return ReferralRecord(
                id: "r-\(i)", person: .id("m-maud"), date: day,
                offered: [OfferedActivity(activity: activity, score: 0.5, factors: named, reasons: [])],
                weights: .init(profile: "referral", weights: [:]), history: history)
        }
    }

    @Test func learningFromStoredReferralsChangesTheWeightsOnlyWhenAFitIsApplied() throws {
        let file = try TemporaryStore()
        let runner = CommandRunner()
        #expect(try runner.run(["demo", "--db", file.path]).status == 0)
        do {
            let store = try file.open()
            for record in Self.planted(800) { try store.save(referral: record) }
        }
        let health = Data(#"{"jsonrpc":"2.0","id":1,"method":"weights.get","params":{"profile":"referral"}}"#.utf8 + [10])
        func weights() throws -> [String: Double] {
            let run = try runner.run(["serve", "--stdio", "--db", file.path], input: health)
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return try #require((object?["result"] as? [String: Any])?["weights"] as? [String: Double])
        }
        let before = try weights()

        let learned = try runner.run(["weights", "learn", "--db", file.path, "--target", "uptake", "--json"])
        #expect(learned.status == 0, "\(learned.stderr)")
        let fit = try #require(try JSONSerialization.jsonObject(with: Data(learned.stdout.utf8)) as? [String: Any])
        let version = try #require(fit["version"] as? String)
        let fitted = try #require((fit["fit"] as? [String: Any])?["weights"] as? [String: Double])
        #expect(fitted["locality"]! > fitted["skill"]! && fitted["skill"]! > 0, "the planted effect's order is recovered: \(fitted)")
        #expect(fit["applied"] == nil)
        #expect(try weights() == before, "a fit changes no weight")

        let listed = try runner.run(["weights", "fits", "--db", file.path])
        #expect(listed.stdout.contains("\(version): referral uptake"), "\(listed.stdout)")
        #expect(listed.stdout.contains("(not applied)"))

        let applied = try runner.run(["weights", "apply", "--db", file.path, version])
        #expect(applied.status == 0, "\(applied.stderr)")
        let now = try weights()
        #expect(now != before)
        for (factor, weight) in fitted { #expect(abs(now[factor]! - weight) < 1e-12, "\(factor)") }
        let again = try runner.run(["weights", "fits", "--db", file.path, "--json"])
        #expect(again.stdout.contains(#""applied" : "#), "\(again.stdout)")
    }
}
