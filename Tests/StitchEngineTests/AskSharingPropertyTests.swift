import Foundation
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

/// The helpers close to the best put forward in turn by the request's id (docs/scoring.md,
/// "Sharing asks in turn"): what changes is only the order within the band, and only for a
/// request with an id.
@Suite struct AskSharingPropertyTests {
    static let forward = "Close to the others listed; put forward in turn so that asks are shared"

    /// Property: for random generated communities, requests and request ids, the list in turn
    /// holds the same helpers as the list by score except for helpers within the band of the
    /// best; every helper listed passes every hard constraint (is in the full ranking by score)
    /// and shows their true score; a helper put before a higher score says why; the same id gives
    /// the same order, from a fresh engine too; a request without an id is ranked by score; and a
    /// pairing's helper stays first.
    @Test func turnsStayWithinTheBandAndAreAFunctionOfTheID() throws {
        let taxonomy = try Fixtures.taxonomy
        var random = SplitMix64(seed: 4242)
        var reordered = 0
        var brought = 0
        var requests = 0
        for round in 0..<3 {
            let generator = CommunityGenerator(
                configuration: GeneratorConfiguration(members: 150 + 50 * round, seed: random.next() % 10_000),
                taxonomy: taxonomy)
            let community = generator.generate()
            let engine = try Engine(community: community, taxonomy: taxonomy)
            var byScore = engine.configuration
            byScore.askSharingBand = 0
            let plain = try Engine(community: community, taxonomy: taxonomy, configuration: byScore)
            let band = engine.configuration.askSharingBand
            #expect(band > 0)
            let askers = community.members.filter { !$0.needs.isEmpty }
            for _ in 0..<30 {
                let person = askers[Int(random.next() % UInt64(askers.count))]
                let need = person.needs[Int(random.next() % UInt64(person.needs.count))]
                let limit = 1 + Int(random.next() % 8)
                let id = "req-\(random.next() % 1_000_000)"
                let request = HelpRequest(requester: person.id, skill: need, id: id)
                let turned = try engine.whoCanHelp(request, limit: limit)
                let scored = try plain.whoCanHelp(request, limit: limit)
                let all = try plain.whoCanHelp(request, limit: Engine.maximumLimit)
                requests += 1
                // Without an id, the order is by score alone.
                var anonymous = request
                anonymous.id = nil
                #expect(try engine.whoCanHelp(anonymous, limit: limit) == scored)
                guard let best = scored.matches.first?.score else {
                    #expect(turned.matches.isEmpty)
                    continue
                }
                let trueScore = Dictionary(uniqueKeysWithValues: all.matches.map { ($0.id, $0.score) })
                // Only helpers who pass every hard constraint, with their true scores.
                for match in turned.matches { #expect(trueScore[match.id] == match.score, "\(id) \(match.id)") }
                // The same set except within the band.
                let a = Set(turned.matches.map(\.id))
                let b = Set(scored.matches.map(\.id))
                for helper in a.symmetricDifference(b) {
                    #expect(trueScore[helper]! >= best - band - 1e-12, "\(id) \(helper)")
                }
                #expect(turned.matches.count == scored.matches.count)
                brought += a.subtracting(b).count
                // Outside the band, the order by score.
                let outside = turned.matches.filter { $0.score < best - band }.map(\.id)
                #expect(outside == scored.matches.filter { $0.score < best - band }.map(\.id))
                // Each helper put before a higher score says so.
                for (i, match) in turned.matches.enumerated()
                where turned.matches[(i + 1)...].contains(where: { $0.score > match.score }) {
                    #expect(match.reasons.contains(Self.forward), "\(id) \(match.id)")
                }
                if turned.matches.map(\.id) != scored.matches.map(\.id) { reordered += 1 }
                // A function of the id: again, and from an engine built afresh.
                #expect(try engine.whoCanHelp(request, limit: limit) == turned)
                if requests % 10 == 0 {
                    let again = try Engine(community: community, taxonomy: taxonomy)
                    #expect(try again.whoCanHelp(request, limit: limit) == turned)
                }
                // A pairing's helper stays first, whoever else is in the band.
                let helper = all.matches[Int(random.next() % UInt64(min(all.matches.count, 12)))].id
                let today = engine.referenceDate
                let paired = engine.judgingPairings(
                    [Pairing(person: person.id, helper: helper, kind: need, review: today.adding(days: 30))], on: today)
                let first = try paired.whoCanHelp(request, limit: limit).matches.first
                #expect(first?.id == helper, "\(id) \(helper)")
                #expect(first?.reasons.first == "Already helps them every week")
            }
        }
        // The band did reorder answers, and brought helpers from beyond the limit.
        #expect(reordered > 10)
        #expect(brought > 0)
    }

    /// The same request asked under different ids puts each helper within the band of the best
    /// first for some of them, and no one else; a clearly best helper keeps first place.
    @Test func differentIDsPutEachCloseHelperFirstInTurn() throws {
        let engine = try Fixtures.lewishamEngine
        let band = engine.configuration.askSharingBand
        let pairs = try Fixtures.lewisham.members.flatMap { m in m.needs.map { (m.id, $0) } }
        // A request whose best helper is ahead of the second by more than the band keeps its order.
        let clear = try #require(
            try pairs.first { person, need in
                let ranked = try engine.whoCanHelp(HelpRequest(requester: person, skill: need), limit: 5).matches
                return ranked.count > 2 && ranked[0].score - ranked[1].score > band
            })
        let clearlyBest = try engine.whoCanHelp(HelpRequest(requester: clear.0, skill: clear.1), limit: 5).matches
        for n in 1...10 {
            let ranking = try engine.whoCanHelp(
                HelpRequest(requester: clear.0, skill: clear.1, id: "call-\(n)"), limit: 5)
            #expect(ranking.matches.first == clearlyBest.first)
        }
        // A request whose best three or four helpers score within the band.
        let asked = try #require(
            try pairs.first { person, need in
                let close = try engine.whoCanHelp(HelpRequest(requester: person, skill: need), limit: 20).matches
                return close.count > 4 && close[2].score >= close[0].score - band
                    && close[4].score < close[0].score - band
            })
        let byScore = try engine.whoCanHelp(HelpRequest(requester: asked.0, skill: asked.1), limit: 20).matches
        let close = Set(byScore.filter { $0.score >= byScore[0].score - band }.map(\.id))
        var firsts: Set<String> = []
        for n in 1...40 {
            let ranking = try engine.whoCanHelp(
                HelpRequest(requester: asked.0, skill: asked.1, id: "call-\(n)"), limit: 5)
            firsts.insert(try #require(ranking.matches.first).id)
        }
        #expect(firsts == close, "\(asked): \(firsts) of \(close)")
    }

    /// A request's id is read from the wire, written back, and held to the bounds of an id: an
    /// empty one is refused under `id` when decoded and under `request.id` when asked in code.
    @Test func aRequestIDIsReadWrittenAndChecked() throws {
        let request = try JSONDecoder().decode(
            HelpRequest.self, from: Data(#"{"id":"req-9","requester":"m-vera","skill":"shopping"}"#.utf8))
        #expect(request.id == "req-9")
        #expect(try JSONDecoder().decode(HelpRequest.self, from: JSONEncoder().encode(request)) == request)
        do {
            _ = try JSONDecoder().decode(
                HelpRequest.self, from: Data(#"{"id":" ","requester":"m-vera","skill":"shopping"}"#.utf8))
            Issue.record("an empty id was accepted")
        } catch let error as DecodingError {
            #expect(ValidationError(error).field == "id")
        }
        #expect(throws: QueryError.invalid(field: "request.id", reason: "must not be empty")) {
            try Fixtures.lewishamEngine.whoCanHelp(HelpRequest(requester: "m-vera", skill: "shopping", id: ""))
        }
    }
}
