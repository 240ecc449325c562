import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Ongoing pairings: the paired helper comes first for that person and kind, however many asks
/// they have, unless a hard constraint rules them out.
@Suite struct PairingTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 7)!

    /// Property: for random people, kinds, paired helpers and ask loads on the bundled community,
    /// the paired helper is first whenever they pass every hard constraint, and is absent from
    /// first place only when `explain` shows a constraint that fails.
    @Test func aPairingSurvivesLoadSpreading() throws {
        let engine = try Fixtures.lewishamEngine
        let community = try Fixtures.lewisham
        let people = community.members.filter { !$0.needs.isEmpty }
        let helpers = community.members.filter { !$0.offers.isEmpty }
        var random = SplitMix64(seed: 2026)
        var checked = 0, ruledOut = 0
        for _ in 0..<60 {
            let person = people[Int(random.next() % UInt64(people.count))]
            let kind = person.needs[Int(random.next() % UInt64(person.needs.count))]
            let helper = helpers[Int(random.next() % UInt64(helpers.count))]
            guard helper.id != person.id else { continue }
            let asks = (0..<Int(random.next() % 40)).map { i in
                Ask(subject: people[i % people.count].id, candidate: helper.id, date: Self.today.adding(days: -(i % 20)))
            }
            let judged = engine.weighingAsks(asks, exchanges: [], on: Self.today)
                .judgingPairings([Pairing(person: person.id, helper: helper.id, kind: kind, review: Self.today.adding(days: 30))], on: Self.today)
            let ranking = try judged.whoCanHelp(HelpRequest(requester: person.id, skill: kind), limit: 5)
            let explained = try judged.explain(ExplainQuery(subject: .id(person.id), candidate: helper.id, skill: kind))
            if explained.excludedBy?.isEmpty ?? true {
                #expect(ranking.matches.first?.id == helper.id, "\(person.id) \(kind) \(helper.id) with \(asks.count) asks")
                #expect(ranking.matches.first?.reasons.first == "Already helps them every week")
                checked += 1
            } else {
                #expect(ranking.matches.first?.id != helper.id)
                ruledOut += 1
            }
        }
        #expect(checked > 10 && ruledOut > 0)
    }

    /// Once its review day has passed, a pairing no longer puts the helper first.
    @Test func aPairingPastItsReviewDayNoLongerHolds() throws {
        let pairing = Pairing(person: "m-hodan", helper: "m-gordon", kind: "shopping", start: Self.today.adding(days: -60), review: Self.today.adding(days: -1))
        #expect(!pairing.holds(on: Self.today) && pairing.holds(on: Self.today.adding(days: -1)))
        #expect(pairing.isKind(" Shopping ") && !pairing.isKind("lifts"))
    }
}
