import StitchEngine
import StitchModel
import StitchPlanning
import StitchTestSupport
import Testing

/// Scenario 7: a community connector brings 30 referrals from three GP practices and 40
/// activities with limited places. The plan never exceeds a capacity, never breaks a
/// constraint, gives everyone who can be placed a place, explains each referral left out, and
/// scores at least as much as placing people greedily one at a time.
@Suite("Scenario 7: a planning session")
struct ScenarioSevenTests {
    @Test func thePlanIsSafeCompleteExplainedAndBeatsGreedy() throws {
        let session = try ScenarioSeven.session.get()
        let engine = session.engine
        #expect(session.referrals.count == 30 && engine.activityCount == 40)
        let request = PlanRequest(referrals: session.referrals, topK: 40)
        let plan = try Allocator(engine: engine).allocate(request)

        // Never exceeds a capacity.
        var load: [String: Int] = [:]
        for a in plan.assignments { load[a.activity, default: 0] += 1 }
        for (activity, taken) in load {
            let left = try #require(try engine.remainingPlaces(activity: activity))
            #expect(taken <= left, "\(activity): \(taken) placed, \(left) places")
        }
        // Never breaks a constraint: every placement is one the engine finds feasible, at its
        // score (halved, and marked, when the person is free for none of its sessions).
        var feasible: [String: [String: Double]] = [:]
        for r in session.referrals {
            let ranking = try engine.placements(for: r, limit: 1000)
            let notFree = try engine.notFree(r, activities: ranking.matches.map(\.id))
            feasible[r.id!] = Dictionary(
                uniqueKeysWithValues: zip(ranking.matches, notFree).map { ($0.id, $1 ? $0.score * 0.5 : $0.score) })
        }
        for a in plan.assignments {
            #expect(feasible[a.referral]?[a.activity] == a.score, "\(a.referral) → \(a.activity)")
        }
        #expect(plan.notFreePlaced == plan.assignments.filter(\.notFree).count)
        // Everyone who can be placed is placed: as many as an independent maximum matching.
        let most = Matching.maximum(
            session.referrals.map { Array(feasible[$0.id!]!.keys) },
            capacity: { (try? engine.remainingPlaces(activity: $0)) ?? nil })
        #expect(plan.placed == most)
        // Each referral left out is explained.
        #expect(plan.assignments.count + plan.unassigned.count == 30)
        for u in plan.unassigned {
            switch u.reason {
            case .noFeasibleActivity:
                #expect(feasible[u.referral]!.isEmpty)
                #expect(u.detail.hasPrefix("Every activity excluded: ") && u.excluded != nil)
            case .placesTaken:
                let full = try #require(u.full)
                #expect(Set(full) == Set(feasible[u.referral]!.keys), "every feasible activity is listed")
                for id in full { #expect(load[id, default: 0] == (try engine.remainingPlaces(activity: id))) }
            case .practiceShare:
                Issue.record("no practice cap was asked for")
            }
        }
        // At least as good as greedy, one at a time.
        #expect(plan.placed >= plan.greedyPlaced)
        #expect(plan.totalScore >= plan.greedyTotalScore - 1e-9)
        // The best total among the plans that place the most people: scipy's, on the same candidates.
        let activities = Array(Set(feasible.values.flatMap(\.keys))).sorted()
        let graph = try CandidateGraph(
            activityCapacities: activities.map { try engine.remainingPlaces(activity: $0) ?? 30 },
            candidates: session.referrals.map { r in
                feasible[r.id!]!.map {
                    .init(activity: activities.firstIndex(of: $0.key)!, value: CandidateGraph.value(forScore: $0.value))
                }
            })
        let optimum = try #require(try SciPyAssignment.optima([graph]).first)
        #expect(plan.placed == optimum.placed)
        #expect(plan.assignments.reduce(0) { $0 + CandidateGraph.value(forScore: $1.score) } == optimum.total)
        // Scarce places: some people are left out, for both reasons, and the plan beats greedy here.
        #expect(plan.unassigned.contains { $0.reason == .noFeasibleActivity })
        #expect(plan.unassigned.contains { $0.reason == .placesTaken })
        #expect(plan.placed > plan.greedyPlaced)
        // Each practice's share.
        #expect(plan.practices.map(\.practice) == ScenarioSeven.practices.sorted())
        #expect(plan.practices.allSatisfy { $0.referrals == 10 })
        #expect(plan.practices.reduce(0) { $0 + $1.placed } == plan.placed)
    }
}
