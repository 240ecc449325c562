import Foundation
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

/// Asks in the reciprocity factor's load term, and the helpers close to the best put forward in
/// turn: how often a helper is asked spreads the next answers, at little cost to how well the
/// helpers listed fit (docs/scoring.md, "Asks in the load term" and "Sharing asks in turn").
@Suite struct AskSpreadTests {
    /// A seeded month of requests on a generated community: with asks weighed and the helpers
    /// close to the best put forward in turn, the Gini of asks is at most 0.8 times that of
    /// relevance alone, and the helpers listed are within 2% of today's on skill, availability
    /// and distance.
    @Test func asksSpreadFairlyOnASeededReplay() throws {
        let taxonomy = try Fixtures.taxonomy
        let community = CommunityGenerator(configuration: GeneratorConfiguration(members: 300, seed: 11), taxonomy: taxonomy).generate()
        let replay = AskReplay(community: community, taxonomy: taxonomy, settings: .init(requests: 240, seed: 5))
        let relevance = try replay.run(.relevanceOnly), today = try replay.run(.today)
        let asks = try replay.run(.withAsks), shared = try replay.run(.withAsksInTurn)
        print(relevance, today, asks, shared, separator: "\n")
        // Asks weighed alone spread them more evenly than today's ranking, but not by a fifth.
        #expect(asks.askGini < today.askGini)
        #expect(asks.neverAsked < today.neverAsked)
        // Taking turns as well reaches the target, and leaves fewer helpers unasked still.
        #expect(shared.askGini <= 0.8 * relevance.askGini)
        #expect(shared.neverAsked < asks.neverAsked)
        #expect(shared.meanSkill >= 0.98 * today.meanSkill)
        #expect(shared.meanAvailability >= 0.98 * today.meanAvailability)
        #expect(shared.meanDistanceKm <= 1.02 * today.meanDistanceKm)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["STITCH_ASK_REPLAY"] != nil))
    func bundledCommunityMonth() throws {
        let replay = AskReplay(community: try Fixtures.lewisham, taxonomy: try Fixtures.taxonomy)
        for mode in AskReplay.Mode.allCases { print(try replay.run(mode)) }
    }

    /// The figures for other bands, on the bundled and the seeded generated community: how the
    /// default was chosen (docs/scoring.md, "Sharing asks in turn").
    @Test(.enabled(if: ProcessInfo.processInfo.environment["STITCH_ASK_BANDS"] != nil))
    func bandSweep() throws {
        let taxonomy = try Fixtures.taxonomy
        let generated = CommunityGenerator(configuration: GeneratorConfiguration(members: 300, seed: 11), taxonomy: taxonomy).generate()
        let bands = (ProcessInfo.processInfo.environment["STITCH_ASK_BANDS"] ?? "").split(separator: ",").compactMap { Double($0) }
        for (name, community, settings) in [
            ("generated", generated, AskReplay.Settings(requests: 240, seed: 5)), ("bundled", try Fixtures.lewisham, AskReplay.Settings()),
        ] {
            for band in bands.isEmpty ? [0.02, 0.04, 0.06] : bands {
                var settings = settings
                settings.band = band
                let replay = AskReplay(community: community, taxonomy: taxonomy, settings: settings)
                print(name, band, try replay.run(.inTurn))
                print(name, band, try replay.run(.withAsksInTurn))
            }
        }
    }
}
