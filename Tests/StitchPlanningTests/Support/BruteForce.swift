import StitchPlanning

/// Every allocation of a tiny graph, enumerated: the reference the solver must equal.
enum BruteForce {
    /// The best (placed, total) and (placed, lowest, total) over every feasible allocation.
    static func best(_ graph: CandidateGraph) -> (total: Score, maximin: Score) {
        let k = graph.referralCapacity
        // Each referral's options: every subset of its candidates with at most k elements.
        let options: [[[Int]]] = (0..<graph.referralCount).map { r in
            let n = graph.candidates(of: r).count
            return (0..<(1 << n)).map { mask in (0..<n).filter { mask & (1 << $0) != 0 } }.filter { $0.count <= k }
        }
        var loads = Array(repeating: 0, count: graph.activityCount)
        var groupLoads = Array(repeating: 0, count: graph.groupCapacities.count)
        var bestTotal = Score(placed: 0, lowest: 0, total: 0)
        var bestMaximin = Score(placed: 0, lowest: 0, total: 0)
        var placed = 0
        var total: Int64 = 0
        var lows: [Int64] = []

        func visit(_ r: Int) {
            if r == graph.referralCount {
                let lowest = lows.min() ?? 0
                bestTotal = max(bestTotal, Score(placed: placed, lowest: 0, total: total))
                bestMaximin = max(bestMaximin, Score(placed: placed, lowest: lowest, total: total))
                return
            }
            let candidates = graph.candidates(of: r)
            for option in options[r] {
                let acts = option.map { candidates[$0].activity }
                guard acts.allSatisfy({ loads[$0] < graph.activityCapacities[$0] }) else { continue }
                if let g = graph.groups[r], let cap = graph.groupCapacities[g], groupLoads[g] + option.count > cap {
                    continue
                }
                for a in acts { loads[a] += 1 }
                if let g = graph.groups[r] { groupLoads[g] += option.count }
                placed += option.count
                for i in option {
                    total += candidates[i].value
                    lows.append(candidates[i].value)
                }
                visit(r + 1)
                for a in acts { loads[a] -= 1 }
                if let g = graph.groups[r] { groupLoads[g] -= option.count }
                placed -= option.count
                for i in option { total -= candidates[i].value }
                lows.removeLast(option.count)
            }
        }
        visit(0)
        return (bestTotal, bestMaximin)
    }
}
