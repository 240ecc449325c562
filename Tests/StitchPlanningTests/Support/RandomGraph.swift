import StitchPlanning
import StitchTestSupport

/// Seeded random candidate graphs for the solver's tests: sparse or dense, with full, small and
/// large capacities, ties (few distinct values) or near-continuous values, and optional groups.
struct RandomGraph {
    var referrals: Int
    var activities: Int
    var maxCandidates: Int
    var maxCapacity: Int
    var referralCapacity = 1
    /// Distinct values drawn from (small: many ties).
    var valueLevels = 1_000_000
    /// Number of groups (0: none), and whether they are capped.
    var groups = 0
    var groupCap: Int? = nil

    func make(seed: UInt64) throws -> CandidateGraph {
        var rng = SplitMix64(seed: seed)
        let capacities = (0..<self.activities).map { _ in Int.random(in: 0...self.maxCapacity, using: &rng) }
        var candidates: [[CandidateGraph.Candidate]] = []
        for _ in 0..<self.referrals {
            let count = Int.random(in: 0...min(self.maxCandidates, self.activities), using: &rng)
            let chosen = Array((0..<self.activities).shuffled(using: &rng).prefix(count))
            candidates.append(
                chosen.map { a in
                    let level = Int64.random(in: 0..<Int64(self.valueLevels), using: &rng)
                    let value =
                        self.valueLevels == 1 ? 0 : level * CandidateGraph.valueScale / Int64(self.valueLevels - 1)
                    return CandidateGraph.Candidate(activity: a, value: min(value, CandidateGraph.valueScale))
                })
        }
        let groups: [Int?]? =
            self.groups == 0
            ? nil
            : (0..<self.referrals).map { _ in
                Bool.random(using: &rng) ? Int.random(in: 0..<self.groups, using: &rng) : nil
            }
        return try CandidateGraph(
            activityCapacities: capacities, referralCapacity: self.referralCapacity, candidates: candidates,
            groups: groups,
            groupCapacities: Array(repeating: self.groupCap, count: self.groups))
    }
}
