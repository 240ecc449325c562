/// A solution of a ``CandidateGraph``: which candidates each referral was given.
///
/// Placements are named by their position in the referral's candidate list, so a caller can
/// map them back to its own records (the engine's matches, activity ids).
public struct Allocation: Sendable, Hashable {
    /// For each referral, the positions in its candidate list of the placements it was given,
    /// in ascending order; empty when it was not placed.
    public let chosen: [[Int]]
    /// Number of placements.
    public let placed: Int
    /// Sum of the placements' values.
    public let totalValue: Int64
    /// The lowest value among the placements (`nil` when nobody was placed).
    public let lowestValue: Int64?
    /// Placements taken at each activity.
    public let activityLoads: [Int]

    /// Builds an allocation from the chosen candidate positions (each in range), computing its totals.
    init(graph: CandidateGraph, chosen: [[Int]]) {
        var placed = 0
        var total: Int64 = 0
        var lowest: Int64?
        var loads = Array(repeating: 0, count: graph.activityCount)
        for (r, positions) in chosen.enumerated() {
            for k in positions {
                let e = graph.start[r] + k
                placed += 1
                total += graph.value[e]
                lowest = min(lowest ?? .max, graph.value[e])
                loads[Int(graph.activity[e])] += 1
            }
        }
        self.chosen = chosen.map { $0.sorted() }
        self.placed = placed
        self.totalValue = total
        self.lowestValue = lowest
        self.activityLoads = loads
    }

    /// The activities referral `r` was given, as indices into the graph's activities.
    public func activities(of r: Int, in graph: CandidateGraph) -> [Int] {
        self.chosen[r].map { Int(graph.activity[graph.start[r] + $0]) }
    }

    /// Total score: ``totalValue`` divided by ``CandidateGraph/valueScale``.
    public var totalScore: Double { Double(self.totalValue) / Double(CandidateGraph.valueScale) }

    /// Whether this allocation respects every capacity of `graph`: activity places, the most
    /// placements per referral, group caps, and no activity twice for a referral.
    public func isFeasible(in graph: CandidateGraph) -> Bool {
        guard self.chosen.count == graph.referralCount else { return false }
        var groupLoads = Array(repeating: 0, count: graph.groupCapacities.count)
        for (r, positions) in self.chosen.enumerated() {
            let count = graph.start[r + 1] - graph.start[r]
            guard positions.count <= graph.referralCapacity, Set(positions).count == positions.count,
                positions.allSatisfy({ (0..<count).contains($0) })
            else { return false }
            if let g = graph.groups[r] { groupLoads[g] += positions.count }
        }
        for (a, load) in self.activityLoads.enumerated() where load > graph.activityCapacities[a] { return false }
        for (g, load) in groupLoads.enumerated() where load > (graph.groupCapacities[g] ?? .max) { return false }
        return true
    }
}
