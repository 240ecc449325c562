@testable import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

/// Buddies who fit the person (shared lived experience, interests, language, age) and lifts
/// that bring an activity beyond the person's travel radius within reach.
@Suite("Buddy fit and lifts")
struct BuddyFitLiftTests {
    /// The bundled community with changes to some of its members.
    static func engine(changing changes: [String: (inout Member) -> Void] = [:]) throws -> Engine {
        var community = try Fixtures.lewisham
        for i in community.members.indices { changes[community.members[i].id]?(&community.members[i]) }
        return try Engine(community: community, taxonomy: Fixtures.taxonomy)
    }

    // MARK: Buddy fit

    @Test func theMumsGroupBuddySharesLaylasLivedExperienceAndInterests() throws {
        let engine = try Fixtures.lewishamEngine
        let ranking = try engine.refer(Referral(person: .id("m-layla")), limit: 5)
        let mums = try #require(ranking.matches.first { $0.id == "a-mums-morning" }, "\(ranking.matches.map(\.id))")
        let buddy = try #require(mums.buddy)
        // Carla, the smaller id, attends and lives in the same place: only the fit sets Rania apart.
        #expect(buddy.id == "m-rania")
        #expect(buddy.reasons.contains("Also a parent; survived domestic abuse"), "\(buddy.reasons)")
        #expect(buddy.reasons.contains("Both enjoy baking and knitting"), "\(buddy.reasons)")
        #expect(buddy.reasons.contains("Close in age"), "\(buddy.reasons)")
        // The plan's buddies rank by the same score.
        let planned = try engine.buddies(for: .id("m-layla"), activity: "a-mums-morning", limit: 5, profile: .referral)
        #expect(planned.matches.prefix(2).map(\.id) == ["m-rania", "m-carla"])
        #expect(abs(planned.matches[0].score - buddy.score) < 1e-12)
        #expect(planned.matches[0].factors == planned.matches[1].factors, "the factors alone tie")
    }

    @Test func withNothingToFitOnTiesStillGoByID() throws {
        // Layla with no lived experience, interests, languages or birth year: Carla and Rania tie.
        let engine = try Self.engine(changing: [
            "m-layla": { $0.experiences = []; $0.interests = ["parenting-support"]; $0.birthYear = nil; $0.languages = [] }
        ])
        let planned = try engine.buddies(for: .id("m-layla"), activity: "a-mums-morning", limit: 2)
        #expect(planned.matches.map(\.id) == ["m-carla", "m-rania"])
        #expect(planned.matches[0].score == planned.matches[1].score)
    }

    @Test func fitPartsFollowTheirFormulas() throws {
        let engine = try Fixtures.lewishamEngine
        let index = engine.index
        let layla = index.members.features(of: Int(try #require(index.memberIndex["m-layla"])), index: index)
        let rania = Int(try #require(index.memberIndex["m-rania"])), carla = Int(try #require(index.memberIndex["m-carla"]))
        let fit = BuddyFit.of(layla, member: rania, index: index)
        #expect(fit.experience == 1 && fit.interests == 2.0 / 3 && fit.language == 0 && fit.age == 1)
        #expect(abs(fit.value - (0.4 + 0.3 * 2 / 3 + 0.15)) < 1e-12)
        #expect(BuddyFit.of(layla, member: carla, index: index).value == 0)
        // Counted without listing (as the buddy search does) gives the same fit.
        #expect(BuddyFit.of(layla, member: rania, index: index, listing: false).value == fit.value)
        #expect(abs(BuddyFit.blend(0.5, fit: 1) - 0.6) < 1e-12)
    }

    @Test func aSharedLanguageBeyondTheCommunitysCounts() throws {
        let engine = try Self.engine(changing: [
            "m-layla": { $0.languages = ["so", "en"] }, "m-carla": { $0.languages = ["en", "so"] },
        ])
        let index = engine.index
        let layla = index.members.features(of: Int(try #require(index.memberIndex["m-layla"])), index: index)
        let fit = BuddyFit.of(layla, member: Int(try #require(index.memberIndex["m-carla"])), index: index)
        #expect(fit.language == 1)
    }

    /// The referral's pruned buddy search finds the same buddy, with the same score, as scoring
    /// every candidate, on random communities where fit varies.
    @Test(arguments: [41, 42, 43, 44] as [UInt64])
    func prunedBuddySearchEqualsExhaustive(seed: UInt64) throws {
        let (community, engine) = try PropertyTests.engine(seed: seed)
        let index = engine.index
        var rng = SplitMix64(seed: seed &* 6151)
        var fitted = 0, compared = 0
        for q in 0..<40 {
            let member = community.members.randomElement(using: &rng)!
            let person = index.members.features(of: Int(try #require(index.memberIndex[member.id])), index: index)
            let profile = [ScoringProfile.referral, .planning, .broker].randomElement(using: &rng)!
            let weights = index.configuration.weights(for: profile)
            let referral = ReferralJob(index: index, person: person, referral: Referral(person: .id(member.id)), weights: weights)
            let activities = Pipeline.rank(referral, limit: 4).entries.map { Int($0.candidate) }
            var search = BuddySearch(
                index: index, person: person, weights: weights, bridging: referral.bridging, avoided: referral.avoided,
                activities: q % 2 == 0 ? activities : [])
            let nearby = BuddyJob.nearby(person, index: index)
            for a in activities {
                let job = BuddyJob(
                    index: index, person: person, activity: a, bridging: referral.bridging, avoided: referral.avoided, weights: weights,
                    nearby: nearby, countsExclusions: true)
                let full = Pipeline.rank(Unpruned(job: job), limit: 1).entries.first
                let found = search.best(activity: a)
                #expect(found?.id == full.map { index.members.ids[Int($0.candidate)] }, "seed \(seed) query \(q) activity \(a)")
                #expect(found?.score == full?.score, "seed \(seed) query \(q) activity \(a)")
                if let full {
                    compared += 1
                    if job.fit(full.candidate).value > 0 { fitted += 1 }
                }
            }
        }
        #expect(compared > 20 && fitted > 5, "compared \(compared), with fit \(fitted)")
    }

    // MARK: Lifts

    @Test func desGivesWendyALiftToTheChoirBeyondHerReach() throws {
        let engine = try Fixtures.lewishamEngine
        let ranking = try engine.refer(Referral(person: .id("m-wendy")), limit: 10)
        let choir = try #require(ranking.matches.first { $0.id == "a-blackheath-choir" }, "\(ranking.matches.map(\.id))")
        let lift = try #require(choir.lift)
        #expect(lift.id == "m-des" && lift.name == "Des")
        #expect(abs(lift.distanceKm - 0.6028) < 0.001)
        #expect(choir.reasons.contains("With a lift from Des, 600 m away"), "\(choir.reasons)")
        #expect((choir.distanceKm ?? 0) > 1.5, "the activity itself stays beyond her 1 km")
        // Locality on the distance to Des, not to the choir.
        #expect(abs(choir.factors.locality - Formulas.locality(km: lift.distanceKm) * Formulas.costShare(-1)) < 1e-9)
        // Activities within reach carry no lift.
        #expect(ranking.matches.filter { $0.id != "a-blackheath-choir" }.allSatisfy { $0.lift == nil || ($0.distanceKm ?? 0) > 1 })
        let explained = try engine.explain(ExplainQuery(subject: .id("m-wendy"), candidate: "a-blackheath-choir"))
        #expect(explained.excludedBy == [])
        #expect(explained.lift?.id == "m-des")
    }

    /// Without a lift-giver who meets every constraint, the choir is excluded under `distance`.
    @Test(arguments: ["inactive", "avoid", "expired DBS", "not free", "no language", "too far for him", "housebound", "no DBS"])
    func noLiftWithoutEveryConstraint(change: String) throws {
        let before = try Fixtures.lewishamEngine.refer(Referral(person: .id("m-wendy")), limit: 200)
        #expect(before.matches.contains { $0.id == "a-blackheath-choir" })
        var changes: [String: (inout Member) -> Void] = [:]
        switch change {
        case "inactive": changes["m-des"] = { $0.active = false }
        case "avoid": changes["m-wendy"] = { $0.avoid = ["m-des"] }
        case "expired DBS": changes["m-des"] = { $0.dbs = DBSCheck(checked: CalendarDate(parsing: "2020-01-10")!, level: .enhanced) }
        case "no DBS": changes["m-des"] = { $0.dbs = nil }
        case "not free": changes["m-des"] = { $0.availability = [Slot(.wed, "09:00", "12:00")!] }
        case "no language": changes["m-des"] = { $0.languages = ["pl"] }
        case "too far for him": changes["m-des"] = { $0.travelKm = 0.5 }
        default: changes["m-wendy"] = { $0.housebound = true }
        }
        let engine = try Self.engine(changing: changes)
        let after = try engine.refer(Referral(person: .id("m-wendy")), limit: 200)
        #expect(!after.matches.contains { $0.id == "a-blackheath-choir" }, "\(change)")
        if change != "housebound" {
            // The choir, and any other activity only Des brought within reach (free on Wednesday
            // mornings instead, he brings others).
            if change != "not free" { #expect(after.excluded[.distance] > before.excluded[.distance], "\(change)") }
            let explained = try engine.explain(ExplainQuery(subject: .id("m-wendy"), candidate: "a-blackheath-choir"))
            #expect(explained.excludedBy == [.distance])
            #expect(explained.constraints?.first { $0.constraint == .distance }?.detail.hasSuffix("no lift free then") == true)
        }
    }

    @Test func aDismissedLiftGiverGivesNoLift() throws {
        let engine = try Fixtures.lewishamEngine
        let dismissed = engine.judgingDismissals([Dismissal(subject: "m-wendy", candidate: "m-des")], on: engine.index.today)
        let ranking = try dismissed.refer(Referral(person: .id("m-wendy")), limit: 200)
        #expect(!ranking.matches.contains { $0.id == "a-blackheath-choir" })
    }

    /// Lifts on random communities where people travel little: each one meets every constraint,
    /// and some are found.
    @Test(arguments: [51, 52, 53] as [UInt64])
    func aLiftNeverBreaksAConstraint(seed: UInt64) throws {
        var (community, _) = try PropertyTests.engine(seed: seed)
        var rng = SplitMix64(seed: seed &* 31)
        for i in community.members.indices where Bool.random(using: &rng) { community.members[i].travelKm = 0.5 }
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy)
        let oracle = ConstraintOracle(community, engine: engine)
        var lifts = 0
        for q in 0..<150 {
            let person = community.members.randomElement(using: &rng)!
            let referral = Referral(person: .id(person.id))
            let ranking = try engine.refer(referral, limit: 30)
            for m in ranking.matches {
                let broken = oracle.brokenActivityConstraint(person, oracle.activities[m.id]!, referral: referral, lift: m.lift)
                #expect(broken == nil, "seed \(seed) query \(q): \(m.id) breaks \(broken ?? "")")
                if m.lift != nil { lifts += 1 }
            }
        }
        #expect(lifts > 0, "seed \(seed): no lift found")
    }
}
