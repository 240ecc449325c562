import Benchmark
import StitchPlanning

/// A planning session at scale: 10,000 referrals and 2,000 activities with about 20,000 places,
/// each referral with its best 20 feasible activities, solved exactly (min-cost flow) and, for
/// comparison, greedily. Candidates cluster around nearby activities and popular ones, as the
/// engine's placements do.
enum PlanningBenchmarks {
    static func graph(referrals: Int = 10_000, activities: Int = 2_000, candidatesPerReferral k: Int = 20) -> CandidateGraph {
        var rng = BenchmarkRandom(seed: 7)
        let quality = (0..<activities).map { _ in Double.random(in: 0...1, using: &rng) }
        let capacities = (0..<activities).map { _ in Int.random(in: 1...19, using: &rng) }
        var candidates: [[CandidateGraph.Candidate]] = []
        candidates.reserveCapacity(referrals)
        for _ in 0..<referrals {
            let centre = Int.random(in: 0..<activities, using: &rng)
            var seen = Set<Int>()
            var list: [CandidateGraph.Candidate] = []
            while list.count < k {
                let a = (centre + Int.random(in: -60...60, using: &rng) + activities) % activities
                guard seen.insert(a).inserted else { continue }
                let score = 0.5 * quality[a] + 0.5 * Double.random(in: 0...1, using: &rng)
                list.append(.init(activity: a, value: CandidateGraph.value(forScore: score)))
            }
            candidates.append(list)
        }
        return try! CandidateGraph(activityCapacities: capacities, candidates: candidates)
    }

    static func register() {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(20),
            maxIterations: 20)
        Benchmark(
            "plan.allocate solve 10000 referrals x 2000 activities", configuration: configuration,
            closure: { benchmark, graph in
                for _ in benchmark.scaledIterations { blackHole(AssignmentSolver.solve(graph)) }
            },
            setup: { graph() })
        Benchmark(
            "plan.allocate greedy 10000 referrals x 2000 activities", configuration: configuration,
            closure: { benchmark, graph in
                for _ in benchmark.scaledIterations { blackHole(AssignmentSolver.greedy(graph)) }
            },
            setup: { graph() })
    }
}

/// SplitMix64, seeded: the same instance on every run.
struct BenchmarkRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
