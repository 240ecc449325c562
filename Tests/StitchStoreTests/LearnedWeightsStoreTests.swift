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
