import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Weights anywhere in their allowed range (each 0 or 10⁻⁶ to 1000) never make an answer NaN
/// or infinite, nor trap: who-can-help, a referral with buddies and explain, on random communities.
@Suite("Weights in bounds keep every answer finite")
struct WeightBoundsTests {
    /// A weight drawn from the edges and the inside of the allowed range.
    static func weight(_ rng: inout SplitMix64) -> Double {
        switch rng.next() % 6 {
        case 0: 0
        case 1: RecordBounds.weight.lowerBound
        case 2: RecordBounds.weight.upperBound
        case 3: RecordBounds.weight.lowerBound * Double(1 + rng.next() % 10)
        default: Double(rng.next() % 1_000_000) / 1000 + RecordBounds.weight.lowerBound
        }
    }

    static func weights(_ rng: inout SplitMix64) -> FactorWeights {
        var w = FactorWeights()
        for f in Factor.allCases { w[f] = weight(&rng) }
        if Factor.allCases.allSatisfy({ w[$0] == 0 }) { w.skill = RecordBounds.weight.lowerBound }
        return w
    }

    static func finite(_ match: Match) -> Bool {
        match.score.isFinite && Factor.allCases.allSatisfy { match.factors[$0].isFinite }
            && (match.buddy.map { b in b.score.isFinite && Factor.allCases.allSatisfy { b.factors[$0].isFinite } } ?? true)
    }

    @Test(arguments: [UInt64(3), 5, 7, 11])
    func randomWeightsInBoundsNeverGiveNaNOrATrap(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let community = RandomCommunity.make(seed: seed, members: 200, activities: 40, skills: PropertyTests.skills)
        for round in 0..<12 {
            var configuration = EngineConfiguration()
            for profile in ScoringProfile.allCases {
                configuration.weights[profile] = try Self.weights(&rng).validatedAsWeights(field: "weights")
            }
            let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy, configuration: configuration)
            let member = community.members[Int(rng.next() % UInt64(community.members.count))]
            let helpers = try engine.whoCanHelp(HelpRequest(requester: member.id, skill: "gardening"), limit: 10)
            #expect(helpers.matches.allSatisfy(Self.finite), "seed \(seed) round \(round): who-can-help")
            for profile in ScoringProfile.allCases {
                let referral = try engine.refer(Referral(person: .id(member.id)), limit: 10, withBuddy: true, profile: profile)
                #expect(referral.matches.allSatisfy(Self.finite), "seed \(seed) round \(round): refer \(profile)")
                if let first = referral.matches.first {
                    let explained = try engine.explain(ExplainQuery(subject: .id(member.id), candidate: first.id, profile: profile))
                    #expect(Self.finite(explained), "seed \(seed) round \(round): explain")
                }
            }
        }
    }

    @Test func weightsOutOfBoundsAreRefusedWithTheRange() {
        for bad in [Double.leastNonzeroMagnitude, 1e-7, 1000.5, 1e308, -1, .nan, .infinity] {
            var w = FactorWeights(skill: 1)
            w.locality = bad
            #expect(throws: QueryError.self) { try w.validatedAsWeights(field: "weights") }
        }
        var w = FactorWeights(skill: 1)
        w.locality = 1e308
        do {
            _ = try w.validatedAsWeights(field: "weights")
        } catch {
            #expect(error.field == "weights.locality")
            #expect(error.reason == "locality 1e+308 is out of range; expected 0 or 1e-06 to 1000")
        }
    }
}
