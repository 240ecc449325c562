import StitchEngine
import StitchPlanning
import StitchTestSupport
import Testing

/// Properties of every allocation, on random graphs, and the graph's own checks.
@Suite("Allocation solver: properties")
struct SolverPropertyTests {
    static let shapes: [RandomGraph] = [
        RandomGraph(referrals: 300, activities: 40, maxCandidates: 10, maxCapacity: 3),
        RandomGraph(referrals: 300, activities: 100, maxCandidates: 5, maxCapacity: 8, valueLevels: 4),
        RandomGraph(referrals: 200, activities: 30, maxCandidates: 12, maxCapacity: 6, referralCapacity: 3),
        RandomGraph(referrals: 250, activities: 50, maxCandidates: 8, maxCapacity: 4, groups: 3, groupCap: 40),
    ]

    @Test(arguments: 0..<shapes.count)
    func capacitiesHoldAndThePlanIsNeverWorseThanGreedy(shape: Int) throws {
        for seed in UInt64(0)..<5 {
            let graph = try Self.shapes[shape].make(seed: 77 + seed)
            let greedy = AssignmentSolver.greedy(graph)
            #expect(greedy.isFeasible(in: graph))
            for fairness in Fairness.allCases {
                let plan = AssignmentSolver.solve(graph, fairness: fairness)
                // Capacities, the most per person, group caps, no activity twice.
                #expect(plan.isFeasible(in: graph), "shape \(shape) seed \(seed) \(fairness)")
                #expect(plan.chosen.allSatisfy { $0.count <= graph.referralCapacity })
                for (a, load) in plan.activityLoads.enumerated() { #expect(load <= graph.activityCapacities[a]) }
                // Everyone who can be placed is placed.
                #expect(plan.placed == AssignmentSolver.maximumPlacements(graph))
                // Never worse than greedy: more placements, or as many with at least its total.
                #expect(plan.placed >= greedy.placed)
                if plan.placed == greedy.placed, fairness == .total { #expect(plan.totalValue >= greedy.totalValue) }
            }
        }
    }

    @Test func maximinKeepsThePlacementsAndRaisesTheLowestScore() throws {
        for seed in UInt64(0)..<10 {
            let graph = try RandomGraph(referrals: 150, activities: 30, maxCandidates: 6, maxCapacity: 4).make(
                seed: 500 + seed)
            let total = AssignmentSolver.solve(graph, fairness: .total)
            let fair = AssignmentSolver.solve(graph, fairness: .maximin)
            #expect(fair.placed == total.placed)
            #expect((fair.lowestValue ?? 0) >= (total.lowestValue ?? 0))
            #expect(fair.totalValue <= total.totalValue)
            #expect(fair.lowestValue == AssignmentSolver.maximinThreshold(graph))
        }
    }

    @Test func deterministic() throws {
        let shape = RandomGraph(referrals: 400, activities: 50, maxCandidates: 10, maxCapacity: 5, valueLevels: 3)
        for seed in UInt64(0)..<3 {
            let a = try shape.make(seed: seed)
            let b = try shape.make(seed: seed)
            #expect(AssignmentSolver.solve(a) == AssignmentSolver.solve(b))
            #expect(AssignmentSolver.solve(a, fairness: .maximin) == AssignmentSolver.solve(b, fairness: .maximin))
            #expect(AssignmentSolver.greedy(a) == AssignmentSolver.greedy(b))
        }
    }

    @Test func emptyAndDegenerateGraphs() throws {
        let empty = try CandidateGraph(activityCapacities: [], candidates: [])
        #expect(AssignmentSolver.solve(empty).placed == 0)
        #expect(AssignmentSolver.maximinThreshold(empty) == nil)
        let nobody = try CandidateGraph(activityCapacities: [0, 0], candidates: [[.init(activity: 0, value: 5)], []])
        let plan = AssignmentSolver.solve(nobody, fairness: .maximin)
        #expect(plan.placed == 0 && plan.chosen == [[], []] && plan.lowestValue == nil)
        let capZero = try CandidateGraph(
            activityCapacities: [3], candidates: [[.init(activity: 0, value: 5)]], groups: [0], groupCapacities: [0])
        #expect(AssignmentSolver.solve(capZero).placed == 0)
    }

    @Test func badGraphsAreRefusedWithTheField() {
        #expect(throws: QueryError.invalid(field: "activityCapacities[1]", reason: "-2 must not be negative")) {
            try CandidateGraph(activityCapacities: [1, -2], candidates: [])
        }
        #expect(throws: QueryError.invalid(field: "candidates[0][0].value", reason: "must be in 0...1000000")) {
            try CandidateGraph(activityCapacities: [1], candidates: [[.init(activity: 0, value: -1)]])
        }
        #expect(throws: QueryError.invalid(field: "candidates[1][0].activity", reason: "no activity 4")) {
            try CandidateGraph(activityCapacities: [1], candidates: [[], [.init(activity: 4, value: 1)]])
        }
        #expect(throws: QueryError.invalid(field: "candidates[0][1].activity", reason: "activity 0 is listed twice")) {
            try CandidateGraph(
                activityCapacities: [1], candidates: [[.init(activity: 0, value: 1), .init(activity: 0, value: 2)]])
        }
        #expect(throws: QueryError.invalid(field: "referralCapacity", reason: "must be at least 1")) {
            try CandidateGraph(activityCapacities: [1], referralCapacity: 0, candidates: [])
        }
        #expect(throws: QueryError.invalid(field: "groups[0]", reason: "unknown group 2")) {
            try CandidateGraph(activityCapacities: [1], candidates: [[]], groups: [2], groupCapacities: [nil])
        }
        #expect(throws: QueryError.invalid(field: "groupCapacities[0]", reason: "-1 must not be negative")) {
            try CandidateGraph(activityCapacities: [1], candidates: [[]], groups: [0], groupCapacities: [-1])
        }
    }

    @Test func scoresBecomeValuesOnTheScale() {
        #expect(CandidateGraph.value(forScore: 0.8123456) == 812_346)
        #expect(CandidateGraph.value(forScore: 1.5) == CandidateGraph.valueScale)
        #expect(CandidateGraph.value(forScore: -1) == 0)
        #expect(CandidateGraph.value(forScore: .nan) == 0)
    }
}
