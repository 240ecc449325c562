import Foundation
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchEngine

/// A buddy pairing (kind `buddy`): while it holds, the paired buddy goes along to every activity
/// of the person's referrals they can go to, whatever their score or asks, and never to one a
/// hard constraint rules them out of.
@Suite struct BuddyPairingTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 7)!
    static let reason = "Already goes along with them"

    static func buddyPairing(_ person: String, _ buddy: String, review: Int = 30) -> Pairing {
        Pairing(
            person: person, helper: buddy, kind: Pairing.buddyKind, start: today.adding(days: -10),
            review: today.adding(days: review))
    }

    /// Maud's referral, its first activity with a buddy, and a member who could go along there
    /// too but is not today's choice (the last of the buddies who meet every constraint).
    static func maudsSecondChoice() throws -> (engine: Engine, activity: String, chosen: String, other: String) {
        let engine = try Fixtures.lewishamEngine
        let ranking = try engine.refer(Referral(person: .id("m-maud")), limit: 5)
        let match = try #require(ranking.matches.first { $0.buddy != nil }, "\(ranking.matches.map(\.id))")
        let buddies = try engine.buddies(for: .id("m-maud"), activity: match.id, limit: 1000, profile: .referral)
        let other = try #require(buddies.matches.last { $0.id != match.buddy?.id }, "\(buddies.matches.map(\.id))")
        return (engine, match.id, try #require(match.buddy?.id), other.id)
    }

    @Test func aBuddyPairingChoosesTheBuddyOfAReferral() throws {
        let (engine, activity, chosen, other) = try Self.maudsSecondChoice()
        let paired = engine.judgingPairings([Self.buddyPairing("m-maud", other)], on: Self.today)
        let ranking = try paired.refer(Referral(person: .id("m-maud")), limit: 5)
        let match = try #require(ranking.matches.first { $0.id == activity })
        let buddy = try #require(match.buddy)
        #expect(buddy.id == other && other != chosen, "\(buddy.id), today's choice \(chosen)")
        #expect(buddy.reasons.first == Self.reason, "\(buddy.reasons)")
        // The activities themselves do not move: a pairing steers the buddy, not the referral.
        let unpaired = try engine.refer(Referral(person: .id("m-maud")), limit: 5)
        #expect(ranking.matches.map(\.id) == unpaired.matches.map(\.id))
        // The planning list of buddies for that activity agrees, and puts them first.
        let listed = try paired.buddies(for: .id("m-maud"), activity: activity, limit: 3, profile: .referral)
        #expect(listed.matches.first?.id == other && listed.matches.first?.reasons.first == Self.reason)
        #expect(listed.matches.count == 3)
        #expect(abs((listed.matches.first?.score ?? 0) - buddy.score) < 1e-12)
    }

    @Test func aBuddyPairingIsExemptFromLoadSpreading() throws {
        let (engine, activity, _, other) = try Self.maudsSecondChoice()
        let asks = (0..<30).map { i in
            Ask(subject: "m-vera", candidate: other, date: Self.today.adding(days: -(i % 10)))
        }
        let asked = engine.weighingAsks(asks, exchanges: [], on: Self.today)
        let pairing = [Self.buddyPairing("m-maud", other)]
        let quiet = try #require(
            try engine.judgingPairings(pairing, on: Self.today).refer(Referral(person: .id("m-maud")), limit: 5)
                .matches.first { $0.id == activity }?.buddy)
        let busy = try #require(
            try asked.judgingPairings(pairing, on: Self.today).refer(Referral(person: .id("m-maud")), limit: 5)
                .matches.first { $0.id == activity }?.buddy)
        #expect(busy.id == other)
        #expect(busy.factors.reciprocity == quiet.factors.reciprocity && busy.score == quiet.score)
        // Unpaired, the same asks do lower their reciprocity as a buddy.
        let listed = try asked.buddies(for: .id("m-maud"), activity: activity, limit: 1000, profile: .referral)
        let unpaired = try #require(listed.matches.first { $0.id == other })
        #expect(unpaired.factors.reciprocity < quiet.factors.reciprocity)
    }

    @Test func aPairedBuddyARuleKeepsAwayLeavesTodaysChoice() throws {
        let (_, activity, chosen, other) = try Self.maudsSecondChoice()
        // The paired buddy has given too much lately: overload is a hard constraint.
        var community = try Fixtures.lewisham
        community.exchanges.append(
            Exchange(
                id: "x-busy", giver: other, receiver: "m-vera", hours: 40, skill: "befriending",
                date: Self.today.adding(days: -2)))
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy)
        let unpaired = try engine.refer(Referral(person: .id("m-maud")), limit: 5)
        let paired = try engine.judgingPairings([Self.buddyPairing("m-maud", other)], on: Self.today).refer(
            Referral(person: .id("m-maud")), limit: 5)
        #expect(paired.matches.map(\.buddy) == unpaired.matches.map(\.buddy))
        #expect(paired.matches.first { $0.id == activity }?.buddy?.id == chosen)
        #expect(
            paired.notes.contains {
                $0.hasPrefix("The buddy paired with them cannot go along to")
                    && $0.hasSuffix(": Has given a lot of time lately")
            },
            "\(paired.notes)")
        let listed = try engine.judgingPairings([Self.buddyPairing("m-maud", other)], on: Self.today)
            .buddies(for: .id("m-maud"), activity: activity, limit: 5, profile: .referral)
        #expect(!listed.matches.contains { $0.id == other })
    }

    @Test func onlyABuddyPairingThatHoldsSteersTheBuddy() throws {
        let (engine, activity, chosen, other) = try Self.maudsSecondChoice()
        let lapsed = Pairing(
            person: "m-maud", helper: other, kind: "buddy", start: Self.today.adding(days: -100),
            review: Self.today.adding(days: -1))
        let helper = Pairing(person: "m-maud", helper: other, kind: "befriending", review: Self.today.adding(days: 30))
        let someoneElse = Self.buddyPairing("m-vera", other)
        for pairings in [[lapsed], [helper], [someoneElse]] {
            let ranking = try engine.judgingPairings(pairings, on: Self.today).refer(
                Referral(person: .id("m-maud")), limit: 5)
            #expect(ranking.matches.first { $0.id == activity }?.buddy?.id == chosen, "\(pairings)")
        }
        // The kind is compared without case or spaces around it.
        let shouted = Pairing(person: "m-maud", helper: other, kind: " Buddy ", review: Self.today.adding(days: 30))
        let ranking = try engine.judgingPairings([shouted], on: Self.today).refer(
            Referral(person: .id("m-maud")), limit: 5)
        #expect(ranking.matches.first { $0.id == activity }?.buddy?.id == other)
    }

    @Test func explainingABuddyAgreesWithTheReferral() throws {
        let (engine, activity, chosen, other) = try Self.maudsSecondChoice()
        let asks = (0..<12).map { i in Ask(subject: "m-vera", candidate: other, date: Self.today.adding(days: -i)) }
        for judged in [
            engine,
            engine.weighingAsks(asks, exchanges: [], on: Self.today).judgingPairings(
                [Self.buddyPairing("m-maud", other)], on: Self.today),
        ] {
            let buddy = try #require(
                try judged.refer(Referral(person: .id("m-maud")), limit: 5).matches.first { $0.id == activity }?.buddy)
            let explained = try judged.explain(
                ExplainQuery(subject: .id("m-maud"), candidate: buddy.id, activity: activity))
            #expect(explained.excludedBy == [] && explained.constraints?.isEmpty == false)
            #expect(explained.score == buddy.score && explained.factors == buddy.factors)
            #expect(explained.reasons == buddy.reasons)
        }
        // Today's choice, explained beside a paired buddy, is explained as before.
        let paired = engine.judgingPairings([Self.buddyPairing("m-maud", other)], on: Self.today)
        let usual = try paired.explain(ExplainQuery(subject: .id("m-maud"), candidate: chosen, activity: activity))
        #expect(
            usual == (try engine.explain(ExplainQuery(subject: .id("m-maud"), candidate: chosen, activity: activity))))
        #expect(!usual.reasons.contains(Self.reason))
    }

    @Test func explainingAPairedBuddyARuleKeepsAwaySaysWhy() throws {
        let (_, activity, _, other) = try Self.maudsSecondChoice()
        var community = try Fixtures.lewisham
        community.exchanges.append(
            Exchange(
                id: "x-busy", giver: other, receiver: "m-vera", hours: 40, skill: "befriending",
                date: Self.today.adding(days: -2)))
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy).judgingPairings(
            [Self.buddyPairing("m-maud", other)], on: Self.today)
        let explained = try engine.explain(ExplainQuery(subject: .id("m-maud"), candidate: other, activity: activity))
        #expect(explained.excludedBy == [.overload])
        #expect(
            explained.reasons.first == "Excluded: Has given a lot of time lately"
                && !explained.reasons.contains(Self.reason))
    }

    @Test func explainingABuddyRefusesWhatCannotBeABuddy() throws {
        let engine = try Fixtures.lewishamEngine
        #expect(throws: QueryError.unknownActivity(field: "activity", id: "a-nowhere")) {
            try engine.explain(ExplainQuery(subject: .id("m-maud"), candidate: "m-ada", activity: "a-nowhere"))
        }
        for query in [
            ExplainQuery(subject: .id("m-maud"), candidate: "m-ada", skill: "knitting", activity: "a-knit-natter"),
            ExplainQuery(subject: .id("m-maud"), candidate: "m-ada", support: .befriending, activity: "a-knit-natter"),
        ] {
            #expect(
                throws: QueryError.invalid(
                    field: "activity", reason: "explains the candidate as a buddy; give it without skill or support")
            ) {
                try engine.explain(query)
            }
        }
        do {
            _ = try engine.explain(
                ExplainQuery(subject: .id("m-maud"), candidate: "a-knit-natter", activity: "a-knit-natter"))
            Issue.record("an activity explained as a buddy")
        } catch {
            #expect(error.field == "candidate")
        }
    }

    /// Property: for random people, paired buddies (near them or anywhere) and ask loads on the
    /// bundled community, each activity of a referral that takes a buddy gets the paired buddy
    /// exactly when they meet every hard constraint of a buddy there, as the independent
    /// ``ConstraintOracle`` states them.
    @Test func aHoldingBuddyPairingChoosesTheBuddyWheneverEligible() throws {
        let community = try Fixtures.lewisham
        let engine = try Fixtures.lewishamEngine
        let oracle = ConstraintOracle(community, engine: engine)
        let people = community.members.filter { $0.location != nil && $0.active }
        var random = SplitMix64(seed: 2027)
        var chosen = 0
        var ruledOut = 0
        for round in 0..<80 {
            let person = people[Int(random.next() % UInt64(people.count))]
            let near = community.members.filter {
                $0.id != person.id
                    && $0.location.map { ConstraintOracle.haversineKm($0, person.location!) < 2 } ?? false
            }
            let pool = random.next() % 4 == 0 || near.isEmpty ? community.members : near
            let buddy = pool[Int(random.next() % UInt64(pool.count))]
            guard buddy.id != person.id else { continue }
            let asks = (0..<Int(random.next() % 30)).map { i in
                Ask(subject: people[i % people.count].id, candidate: buddy.id, date: Self.today.adding(days: -(i % 20)))
            }
            let judged = engine.weighingAsks(asks, exchanges: [], on: Self.today)
                .judgingPairings([Self.buddyPairing(person.id, buddy.id)], on: Self.today)
            let ranking = try judged.refer(Referral(person: .id(person.id)), limit: 5)
            for match in ranking.matches {
                let activity = try #require(oracle.activities[match.id])
                guard activity.buddyWelcome, !oracle.attendees[activity.id, default: []].contains(person.id) else {
                    continue
                }
                let context = "\(round): \(person.id) with \(buddy.id) at \(activity.id), \(asks.count) asks"
                let explained = try judged.explain(
                    ExplainQuery(subject: .id(person.id), candidate: buddy.id, activity: activity.id))
                if let broken = oracle.brokenBuddyConstraint(buddy, person: person, activity: activity) {
                    #expect(
                        explained.excludedBy?.isEmpty == false,
                        "\(context): explain passes though \(broken) rules them out")
                    #expect(match.buddy?.id != buddy.id, "\(context): chosen though \(broken) rules them out")
                    #expect(
                        ranking.notes.contains {
                            $0.hasPrefix("The buddy paired with them cannot go along to \(activity.name)")
                        }, "\(context)")
                    ruledOut += 1
                } else {
                    #expect(
                        match.buddy?.id == buddy.id,
                        "\(context): \(match.buddy?.id ?? "none") chosen instead; \(explained.constraints?.filter { !$0.passed } ?? [])"
                    )
                    #expect(match.buddy?.reasons.first == Self.reason, "\(context)")
                    #expect(
                        explained.excludedBy == [] && explained.score == match.buddy?.score,
                        "\(context): explain disagrees")
                    chosen += 1
                }
            }
        }
        #expect(chosen > 20 && ruledOut > 20, "\(chosen) chosen, \(ruledOut) ruled out")
    }
}
