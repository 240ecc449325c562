@testable import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// A job exactly as given, but with no optimistic factors: every candidate is scored in full.
struct Unpruned<J: ScoringJob>: ScoringJob {
    let job: J
    var weights: FactorWeights { job.weights }
    func forEachCandidate(_ body: (Int32) -> Void) { job.forEachCandidate(body) }
    func checkConstraints(_ candidate: Int32, _ report: inout ConstraintReport) { job.checkConstraints(candidate, &report) }
    func factors(_ candidate: Int32) -> FactorScores { job.factors(candidate) }
    func score(_ candidate: Int32, factors: FactorScores) -> Double { job.score(candidate, factors: factors) }
    func idRank(_ candidate: Int32) -> Int32 { job.idRank(candidate) }
    func match(_ candidate: Int32, score: Double, factors: FactorScores) -> Match { job.match(candidate, score: score, factors: factors) }
}

/// Skipping candidates whose optimistic score cannot enter the top k changes no answer: the
/// pruned rankings equal the rankings that score every candidate, entry for entry.
@Suite("Pruning by optimistic scores")
struct PruningTests {
    static func expectSame<J: ScoringJob>(_ job: J, limit: Int, _ context: String) {
        let pruned = job.ranked(limit: limit), full = Pipeline.rank(Unpruned(job: job), limit: limit)
        #expect(pruned.entries.map(\.candidate) == full.entries.map(\.candidate), "\(context): order")
        #expect(pruned.entries.map(\.score) == full.entries.map(\.score), "\(context): scores")
        if job.countsExclusions {
            #expect(pruned.considered == full.considered && pruned.excluded == full.excluded, "\(context): counts")
        }
    }

    /// Every optimistic factor is at least the factor itself, and every rough one at least the
    /// optimistic one, for every candidate.
    static func expectOptimistic<J: ScoringJob>(_ job: J, _ context: String) {
        job.forEachCandidate { c in
            let rough = job.roughFactors(c).clamped(), bound = job.optimisticFactors(c).clamped(), f = job.factors(c).clamped()
            for factor in Factor.allCases where bound[factor] < f[factor] || rough[factor] < bound[factor] {
                Issue.record("\(context): candidate \(c) \(factor) rough \(rough[factor]), bound \(bound[factor]), factor \(f[factor])")
            }
        }
    }

    /// A request from `member` with every option drawn: a time, at home, DBS, a place of its own.
    static func randomRequest(_ member: Member, using rng: inout SplitMix64) -> HelpRequest {
        let days: [Weekday] = [.mon, .wed, .sat]
        let when: [Slot] = Bool.random(using: &rng)
            ? [Slot(days.randomElement(using: &rng)!, ["09:00", "13:00", "18:00"].randomElement(using: &rng)!, "20:00")!] : []
        let elsewhere = Int.random(in: 0..<4, using: &rng) == 0
            ? Location(lat: 51.45 + Double.random(in: -0.03...0.03, using: &rng), lon: -0.02 + Double.random(in: -0.03...0.03, using: &rng))
            : nil
        return HelpRequest(
            requester: member.id, skill: (PropertyTests.skills + member.needs).randomElement(using: &rng)!, when: when,
            atHome: member.location != nil && Bool.random(using: &rng), requiresDBS: Int.random(in: 0..<3, using: &rng) == 0,
            location: elsewhere)
    }

    /// Who-can-help's fast constraint check names the same first failure as the constraints
    /// themselves, for every candidate of every kind of request.
    @Test(arguments: [31, 32] as [UInt64])
    func theScanChecksConstraintsAsTheJobDoes(seed: UInt64) throws {
        let (community, engine) = try PropertyTests.engine(seed: seed)
        let index = engine.index
        var rng = SplitMix64(seed: seed)
        var failures: [ExclusionReason: Int] = [:]
        for _ in 0..<60 {
            let member = community.members.randomElement(using: &rng)!
            let person = index.members.features(of: Int(try #require(index.memberIndex[member.id])), index: index)
            let job = HelperJob(index: index, request: Self.randomRequest(member, using: &rng), requester: person, weights: index.configuration.weights(for: .broker))
            job.forEachCandidate { c in
                var report = ConstraintReport(explain: false)
                job.checkConstraints(c, &report)
                var chord = -1.0
                let fast = job.firstFailure(c, HelperJob.Columns(index), chordSquared: &chord)
                #expect(fast == report.firstFailure, "candidate \(c)")
                if let fast { failures[fast, default: 0] += 1 }
            }
        }
        // The requests reach every constraint a helper can fail.
        let reachable: Set<ExclusionReason> = [.self, .inactive, .dbs, .homeVisits, .distance, .availability]
        #expect(reachable.isSubset(of: Set(failures.keys)), "\(failures)")
    }

    @Test(arguments: [21, 22, 23, 24] as [UInt64])
    func prunedRankingsEqualFullRankings(seed: UInt64) throws {
        let (community, engine) = try PropertyTests.engine(seed: seed)
        let index = engine.index
        var rng = SplitMix64(seed: seed)
        var supportChecked = 0
        defer { #expect(supportChecked > 0, "seed \(seed): no one-to-one support was ranked") }
        for q in 0..<20 {
            let member = community.members.randomElement(using: &rng)!
            let slot = try #require(index.memberIndex[member.id])
            let person = index.members.features(of: Int(slot), index: index)
            let limit = [1, 3, 10, 25].randomElement(using: &rng)!
            for profile in [ScoringProfile.broker, .referral, .planning] {
                let weights = index.configuration.weights(for: profile)
                let context = "seed \(seed) query \(q) \(profile)"
                let request = Self.randomRequest(member, using: &rng)
                let helper = HelperJob(index: index, request: request, requester: Optional(person), weights: weights)
                Self.expectSame(helper, limit: limit, "help " + context)
                let give = GiveJob(index: index, giver: person, weights: weights)
                Self.expectSame(give, limit: limit, "give " + context)
                let referral = ReferralJob(index: index, person: person, referral: Referral(person: .id(member.id)), weights: weights)
                Self.expectSame(referral, limit: limit, "refer " + context)
                // One-to-one support's own loop against scoring every candidate, needs read or not.
                let support = OneToOneJob(
                    index: index, person: person, referral: Referral(person: .id(member.id)), goals: referral.goals,
                    needs: q % 2 == 0 ? ["befriending"] : [], weights: weights)
                Self.expectSame(support, limit: limit, "one-to-one " + context)
                supportChecked += support.ranked(limit: limit).entries.count
                if q % 4 == 0 {
                    Self.expectOptimistic(give, "give " + context)
                    Self.expectOptimistic(referral, "refer " + context)
                }
                let nearby = BuddyJob.nearby(person, index: index)
                let activities = Pipeline.rank(referral, limit: 3).entries.map(\.candidate)
                // Searches told of their activities (term masks) and searches that are not.
                var search = BuddySearch(
                    index: index, person: person, weights: weights, bridging: referral.bridging, avoided: referral.avoided,
                    activities: q % 2 == 0 ? activities.map(Int.init) : [])
                for a in activities {
                    for counts in [true, false] {
                        let buddy = BuddyJob(
                            index: index, person: person, activity: Int(a), bridging: referral.bridging, avoided: referral.avoided,
                            weights: weights, nearby: nearby, countsExclusions: counts)
                        Self.expectSame(buddy, limit: counts ? limit : 1, "buddy \(a) " + context)
                        if counts {
                            // The referral's search finds the same best buddy as scoring everyone.
                            let full = Pipeline.rank(Unpruned(job: buddy), limit: 1).entries.first
                            let found = search.best(activity: Int(a))
                            let expected = full.map { index.members.ids[Int($0.candidate)] }
                            let where_ = "search \(a) " + context
                            #expect(found?.id == expected, "\(where_)")
                            #expect(found?.score == full?.score, "\(where_)")
                        }
                        if q % 4 == 0, counts { Self.expectOptimistic(buddy, "buddy \(a) " + context) }
                    }
                }
            }
        }
    }
}
