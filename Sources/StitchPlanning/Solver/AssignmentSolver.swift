/// Exact allocation of a ``CandidateGraph``: as many placements as possible, then the best
/// total (or, with ``Fairness/maximin``, the best lowest score and then the best total).
///
/// The problem is a minimum-cost flow (``PlanningNetwork``) solved by successive shortest
/// paths with potentials (``MinCostFlow``); every unit that stays unplaced costs `M`, more
/// than any total of scores, so the cheapest flow places the most people and, among those
/// allocations, has the highest total value. The maximin variant first finds, by binary
/// search over the distinct values with a maximum-flow check, the highest threshold that
/// still lets as many people be placed, and then solves with only the candidates at or above it.
///
/// ```swift
/// let allocation = AssignmentSolver.solve(graph, fairness: .maximin)
/// let greedy = AssignmentSolver.greedy(graph)
/// assert(allocation.placed >= greedy.placed)
/// ```
public enum AssignmentSolver {
    /// The best allocation under `fairness`.
    public static func solve(_ graph: CandidateGraph, fairness: Fairness = .total) -> Allocation {
        switch fairness {
        case .total:
            return self.solve(graph, minimumValue: 0)
        case .maximin:
            return self.solve(graph, minimumValue: self.maximinThreshold(graph) ?? 0)
        }
    }

    /// The most placements possible, using only candidates worth at least `minimumValue`.
    public static func maximumPlacements(_ graph: CandidateGraph, minimumValue: Int64 = 0) -> Int {
        let layout = PlanningNetwork(graph, minimumValue: minimumValue, layout: .maximumFlow)
        var flow = MaxFlow(layout.network)
        return flow.run(from: layout.source, to: layout.sink)
    }

    /// The highest value `t` such that as many people can be placed using only candidates worth
    /// at least `t` as with every candidate; `nil` when nobody can be placed.
    public static func maximinThreshold(_ graph: CandidateGraph) -> Int64? {
        let most = self.maximumPlacements(graph)
        guard most > 0 else { return nil }
        let values = Array(Set(graph.value)).sorted()
        // The answer is the last index `i` with maximumPlacements(≥ values[i]) == most; index 0
        // always qualifies, since it keeps every candidate.
        var low = 0
        var high = values.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if self.maximumPlacements(graph, minimumValue: values[middle]) == most {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return values[low]
    }

    /// The lexicographic optimum over the candidates worth at least `minimumValue`.
    static func solve(_ graph: CandidateGraph, minimumValue: Int64) -> Allocation {
        var layout = PlanningNetwork(graph, minimumValue: minimumValue, layout: .minimumCost)
        var flow = MinCostFlow(layout.network)
        for supply in layout.supplies where supply.units > 0 {
            flow.send(supply.units, from: supply.node, to: layout.sink)
        }
        layout.network = flow.network
        return layout.allocation(of: graph)
    }

    /// Greedy placement, the baseline a plan is compared with: referrals in order, each taking
    /// its best candidates that still have a place (up to its most placements and its group's
    /// cap); ties go to the earlier candidate.
    public static func greedy(_ graph: CandidateGraph) -> Allocation {
        var left = graph.activityCapacities
        var groupLeft = graph.groupCapacities
        var chosen: [[Int]] = []
        chosen.reserveCapacity(graph.referralCount)
        for r in 0..<graph.referralCount {
            let base = graph.start[r]
            let order = (0..<(graph.start[r + 1] - base)).sorted {
                (graph.value[base + $0], -$0) > (graph.value[base + $1], -$1)
            }
            var mine: [Int] = []
            for k in order where mine.count < graph.referralCapacity {
                let a = Int(graph.activity[base + k])
                guard left[a] > 0 else { continue }
                if let g = graph.groups[r], let cap = groupLeft[g] {
                    guard cap > 0 else { break }
                    groupLeft[g] = cap - 1
                }
                left[a] -= 1
                mine.append(k)
            }
            chosen.append(mine)
        }
        return Allocation(graph: graph, chosen: chosen)
    }
}
