import Foundation
import StitchApplication
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

@Suite("weights.learn, weights.fits and weights.apply: weights learnt from referral records, applied only when asked")
struct LearningServiceTests {
    static let day = CalendarDate(year: 2026, month: 3, day: 2)!

    /// `count` referral records ranked under the referral profile, each offered one activity with
    /// uniform factors, taken up with `logit p = −2 + 4 · locality + 1 · skill` (then completed),
    /// or declined.
    static func planted(_ count: Int, seed: UInt64 = 7) -> [ReferralRecord] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { i in
            let factors = Factor.allCases.map { _ in Double.random(in: 0...1, using: &random) }
            let named = Dictionary(uniqueKeysWithValues: zip(Factor.allCases.map(\.rawValue), factors))
            let eta = -2 + 4 * named["locality"]! + 1 * named["skill"]!
            let tookUp = Double.random(in: 0...1, using: &random) < 1 / (1 + exp(-eta))
            let activity = "a-\(i % 40)"
            var history = [StatusChange(status: .referred, date: day), StatusChange(status: .contacted, date: day)]
            if tookUp {
                history += [
                    StatusChange(status: .offered, date: day), StatusChange(status: .attending, date: day, activity: activity),
                    StatusChange(status: .completed, date: day),
                ]
            } else {
                history.append(StatusChange(status: .declined, date: day, note: "not for me"))
            }
            return ReferralRecord(
                id: "r-\(i)", person: .id("m-maud"), date: day, needs: i.isMultiple(of: 2) ? ["loneliness-isolation"] : [],
                offered: [OfferedActivity(activity: activity, score: 0.5, factors: named, reasons: [])],
                weights: .init(profile: "referral", weights: [:]), history: history)
        }
    }

    static func service(_ records: [ReferralRecord]) throws -> StitchService {
        try StitchService(community: ScenarioCast.community, taxonomy: try Fixtures.taxonomy, referrals: records)
    }

    @Test func tooFewOutcomesAreRefusedSayingHowManyMoreAreNeeded() async throws {
        let service = try Self.service(Self.planted(40))
        do {
            _ = try await service.learnWeights(MethodParams.LearnWeights(target: "uptake"))
            Issue.record("40 outcomes were fitted")
        } catch {
            #expect(error.code == ServiceError.Code.invalidParams.rawValue)
            #expect(error.data?.field == "params.target")
            #expect(error.data?.reason.contains("needs at least 60 outcomes where the person") == true, "\(error)")
            #expect(error.data?.reason.contains("more outcomes at the rate seen so far") == true, "\(error)")
        }
        do {
            _ = try await service.learnWeights(MethodParams.LearnWeights(target: "uptak"))
            Issue.record("an unknown target was taken")
        } catch {
            #expect(error.data?.reason.contains("did you mean 'uptake'?") == true, "\(error)")
        }
        #expect(try await service.weightFits(MethodParams.WeightFits()).fits.isEmpty, "a refusal stores nothing")
    }

    @Test func aPlantedEffectIsRecoveredAndAppliedOnlyWhenAsked() async throws {
        let service = try Self.service(Self.planted(800))
        let before = await service.currentEngine.configuration.weights(for: .referral)
        let learned = try await service.learnWeights(MethodParams.LearnWeights(target: "uptake"))
        let fit = learned.fit
        #expect(fit.rows == 800)
        let total = Factor.allCases.reduce(0) { $0 + before[$1] }
        #expect(fit.weights.locality > before.locality / total, "locality drives uptake, so its weight grows")
        #expect(fit.weights.locality > fit.weights.skill && fit.weights.skill > 0)
        #expect(fit.coefficients.locality > 0)
        #expect(fit.heldOut.improved)
        #expect(learned.applied == nil)
        #expect(await service.currentEngine.configuration.weights(for: .referral) == before, "learning changes no weight")

        let listed = try await service.weightFits(MethodParams.WeightFits(profile: .referral))
        #expect(listed.fits.map(\.version) == [fit.version])
        #expect(try await service.weightFits(MethodParams.WeightFits(profile: .broker)).fits.isEmpty)

        let applied = try await service.applyWeights(MethodParams.ApplyWeights(version: fit.version))
        #expect(applied.previous == before)
        #expect(applied.weights == fit.weights)
        #expect(await service.currentEngine.configuration.weights(for: .referral) == fit.weights)
        #expect(try await service.weightFits(MethodParams.WeightFits()).fits.first?.applied != nil)

        do {
            _ = try await service.applyWeights(MethodParams.ApplyWeights(version: "lw1-nope"))
            Issue.record("an unknown version was applied")
        } catch {
            #expect(error.data?.field == "params.version")
        }
    }

    @Test func aNeedGroupLearnsFromItsOwnReferralsOnly() async throws {
        let service = try Self.service(Self.planted(800))
        let group = try await service.learnWeights(MethodParams.LearnWeights(target: "uptake", needs: "loneliness-isolation"))
        #expect(group.fit.rows == 400)
        #expect(group.fit.group == OutcomeGroup(profile: .referral, needs: "loneliness-isolation"))
        let completion = try? await service.learnWeights(MethodParams.LearnWeights(target: "completion"))
        #expect(completion == nil, "every referral taken up completed: nothing to learn about completion")
    }

    @Test func rowsFollowWhatBecameOfEachOffer() {
        let records = Self.planted(10)
        let rows = StitchService.outcomeRows(records, profile: .referral, needs: nil)
        #expect(rows.count == 10)
        for (row, record) in zip(rows, records) {
            #expect(row.tookUp == (record.status == .completed))
            #expect(row.completed == (row.tookUp ? true : nil))
        }
        var open = records[0]
        open.history = [StatusChange(status: .referred, date: Self.day)]
        #expect(StitchService.outcomeRows([open], profile: .referral, needs: nil).isEmpty, "an open referral's outcome is not known")
        #expect(StitchService.outcomeRows(records, profile: .broker, needs: nil).isEmpty)
    }
}
