import StitchPlanning
import StitchTestSupport
import Testing

/// The solver against independent optima: brute force on tiny graphs, scipy's
/// `linear_sum_assignment` on small and medium ones.
@Suite("Allocation solver: exactly optimal")
struct SolverOptimalityTests {
    @Test func placesMoreThanGreedyByMovingSomeoneToTheirSecondChoice() throws {
        // r0 likes a0 best, but only r1 can go there: greedy strands r1, the plan moves r0 to a1.
        let graph = try CandidateGraph(
            activityCapacities: [1, 1],
            candidates: [
                [.init(activity: 0, value: 900_000), .init(activity: 1, value: 800_000)],
                [.init(activity: 0, value: 700_000)],
            ])
        let plan = AssignmentSolver.solve(graph)
        #expect(plan.chosen == [[1], [0]])
        #expect(plan.placed == 2 && plan.totalValue == 1_500_000)
        let greedy = AssignmentSolver.greedy(graph)
        #expect(greedy.placed == 1 && greedy.totalValue == 900_000)
    }

    @Test func prefersAnotherPlacementToAHigherTotal() throws {
        // The lexicographic objective: two people placed at 0.1 + 0.2 beat one placed at 0.9.
        let graph = try CandidateGraph(
            activityCapacities: [1, 1],
            candidates: [
                [.init(activity: 0, value: 900_000), .init(activity: 1, value: 100_000)],
                [.init(activity: 0, value: 200_000)],
            ])
        let plan = AssignmentSolver.solve(graph)
        #expect(plan.placed == 2 && plan.totalValue == 300_000)
        let greedy = AssignmentSolver.greedy(graph)
        #expect(greedy.placed == 1 && greedy.totalValue == 900_000)
    }

    @Test func maximinRaisesTheWorstOff() throws {
        // Total: r0→a0 (0.9) + r1→a1 (0.3) = 1.2; maximin: r0→a1 (0.6) + r1→a0 (0.5) = 1.1, lowest 0.5.
        let graph = try CandidateGraph(
            activityCapacities: [1, 1],
            candidates: [
                [.init(activity: 0, value: 900_000), .init(activity: 1, value: 600_000)],
                [.init(activity: 0, value: 500_000), .init(activity: 1, value: 300_000)],
            ])
        let total = AssignmentSolver.solve(graph, fairness: .total)
        #expect(total.totalValue == 1_200_000 && total.lowestValue == 300_000)
        let fair = AssignmentSolver.solve(graph, fairness: .maximin)
        #expect(fair.totalValue == 1_100_000 && fair.lowestValue == 500_000)
        #expect(AssignmentSolver.maximinThreshold(graph) == 500_000)
    }

    @Test(arguments: 0..<4)
    func equalsBruteForceOnTinyGraphs(batch: Int) throws {
        for seed in UInt64(batch * 100)..<UInt64(batch * 100 + 100) {
            var shape = RandomGraph(
                referrals: 1 + Int(seed % 5), activities: 1 + Int(seed % 4), maxCandidates: 3, maxCapacity: 2,
                referralCapacity: 1 + Int(seed / 2 % 2), valueLevels: seed % 3 == 0 ? 3 : 1_000_000)
            if seed % 4 == 1 {
                shape.groups = 2
                shape.groupCap = Int(seed / 4 % 3)
            }
            let graph = try shape.make(seed: seed)
            let best = BruteForce.best(graph)
            let total = AssignmentSolver.solve(graph, fairness: .total)
            let fair = AssignmentSolver.solve(graph, fairness: .maximin)
            #expect(total.isFeasible(in: graph) && fair.isFeasible(in: graph), "seed \(seed)")
            #expect(Score(placed: total.placed, lowest: 0, total: total.totalValue) == best.total, "seed \(seed)")
            #expect(Score(fair) == best.maximin, "seed \(seed): maximin")
            #expect(total.placed == AssignmentSolver.maximumPlacements(graph), "seed \(seed)")
        }
    }

    @Test func equalsSciPyOnSmallAndMediumGraphs() throws {
        var graphs: [CandidateGraph] = []
        for seed in UInt64(0)..<40 {
            let shape = RandomGraph(
                referrals: 5 + Int(seed % 11), activities: 2 + Int(seed % 5), maxCandidates: 4, maxCapacity: 3,
                valueLevels: seed % 2 == 0 ? 5 : 1_000_000)
            graphs.append(try shape.make(seed: 1_000 + seed))
        }
        for seed in UInt64(0)..<6 {
            let shape = RandomGraph(
                referrals: 200, activities: 60, maxCandidates: 8, maxCapacity: seed % 2 == 0 ? 2 : 5,
                valueLevels: seed % 3 == 0 ? 10 : 1_000_000)
            graphs.append(try shape.make(seed: 2_000 + seed))
        }
        let optima = try SciPyAssignment.optima(graphs)
        for (graph, optimum) in zip(graphs, optima) {
            let plan = AssignmentSolver.solve(graph)
            #expect(plan.isFeasible(in: graph))
            #expect(plan.placed == optimum.placed, "\(graph.referralCount) referrals")
            #expect(plan.totalValue == optimum.total, "\(graph.referralCount) referrals")
        }
    }
}
