import Foundation
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

/// Asks in the reciprocity factor's load term: how often a helper is asked spreads the next
/// answers, at little cost to how well the helpers listed fit (docs/scoring.md, "Asks in the load term").
@Suite struct AskSpreadTests {
    /// A seeded month of requests on a generated community: the asks are spread more evenly than
    /// by today's ranking, and the helpers listed are within 2% of today's on skill, availability
    /// and distance.
    @Test func asksSpreadFairlyOnASeededReplay() throws {
        let taxonomy = try Fixtures.taxonomy
        let community = CommunityGenerator(configuration: GeneratorConfiguration(members: 300, seed: 11), taxonomy: taxonomy).generate()
        let replay = AskReplay(community: community, taxonomy: taxonomy, settings: .init(requests: 240, seed: 5))
        let relevance = try replay.run(.relevanceOnly), today = try replay.run(.today), asks = try replay.run(.withAsks)
        print(relevance, today, asks, separator: "\n")
        // Asks weighed spread them more evenly than today's ranking, and fewer helpers go unasked.
        #expect(asks.askGini < today.askGini)
        #expect(asks.neverAsked < today.neverAsked)
        // The target of a fifth below relevance alone is not reached by the load term alone
        // (docs/scoring.md, "Asks in the load term"): kept here so that reaching it shows.
        withKnownIssue("the Gini of asks is not yet 0.8 times that of relevance alone") {
            #expect(asks.askGini <= 0.8 * relevance.askGini)
        }
        #expect(asks.meanSkill >= 0.98 * today.meanSkill)
        #expect(asks.meanAvailability >= 0.98 * today.meanAvailability)
        #expect(asks.meanDistanceKm <= 1.02 * today.meanDistanceKm)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["STITCH_ASK_REPLAY"] != nil))
    func bundledCommunityMonth() throws {
        let replay = AskReplay(community: try Fixtures.lewisham, taxonomy: try Fixtures.taxonomy)
        for mode in AskReplay.Mode.allCases { print(try replay.run(mode)) }
    }
}
