import Foundation

extension LeidenLevel {
    /// The refinement phase (the Leiden paper's `RefinePartition` and `MergeNodesSubset`): inside
    /// each community `S` of `membership`, start from singletons and visit the nodes in a seeded
    /// random order; a node still alone and well connected to the rest of `S`,
    /// `E(v, S − v) ≥ s · k_v · (K_S − k_v)`, joins one of the well-connected sub-communities
    /// `C ⊆ S` (`E(C, S − C) ≥ s · K_C · (K_S − K_C)`) or stays alone, drawn with probability
    /// `∝ exp(ΔH / θ)` among the choices with `ΔH ≥ 0`, `ΔH = w(v, C) − s · k_v · K_C` (0 for
    /// staying). `s = γ / 2m`; `θ = 0` picks the best choice (the first on a tie).
    ///
    /// Returns each node's sub-community, labelled by a node of it (any labels: the caller
    /// renumbers them). Every sub-community lies inside one community of `membership` and is
    /// connected.
    func refine(
        _ membership: [Int32], communities: Int, scale: Double, randomness: Double, random: inout SeededRandom,
        work: LeidenWorkspace
    ) -> [Int32] {
        let n = self.nodeCount
        var refined = (0..<n).map { Int32($0) }
        var weight = self.nodeWeights
        var size = [Int32](repeating: 1, count: n)
        var external = [Double](repeating: 0, count: n)
        var communityWeight = [Double](repeating: 0, count: communities)
        work.shuffle(n, random: &random)
        let (weightTo, touched, chances, queue) = (work.weightTo, work.touched, work.chances, work.queue)
        self.withBuffers { rows, columns, weights, k in
            membership.withUnsafeBufferPointer { label in
                for v in 0..<n {
                    let s = label[v]
                    communityWeight[Int(s)] += k[v]
                    var inside = 0.0
                    for e in rows[v]..<rows[v + 1] where label[Int(columns[e])] == s { inside += weights[e] }
                    external[v] = inside
                }
                for position in 0..<n {
                    let v = Int(queue[position])
                    guard size[v] == 1, refined[v] == Int32(v) else { continue }
                    let s = label[v]
                    let kv = k[v]
                    let ks = communityWeight[Int(s)]
                    guard external[v] >= scale * kv * (ks - kv) else { continue }
                    var touchedCount = 0
                    for e in rows[v]..<rows[v + 1] {
                        let u = Int(columns[e])
                        guard label[u] == s else { continue }
                        let c = Int(refined[u])
                        if weightTo[c] == 0 {
                            touched[touchedCount] = Int32(c)
                            touchedCount += 1
                        }
                        weightTo[c] += weights[e]
                    }
                    // Gains of the well-connected candidates (−1 marks the others); staying gains 0.
                    var bestGain = 0.0
                    var best = -1
                    for t in 0..<touchedCount {
                        let c = Int(touched[t])
                        let connected = external[c] >= scale * weight[c] * (ks - weight[c])
                        let gain = weightTo[c] - scale * kv * weight[c]
                        chances[t] = connected && gain >= 0 ? gain : -1
                        if chances[t] >= 0 && (best < 0 ? gain >= bestGain : gain > bestGain) {
                            best = t
                            bestGain = gain
                        }
                    }
                    let chosen = best < 0 ? -1 : Self.draw(best, bestGain, touchedCount, chances, randomness, &random)
                    if chosen >= 0 {
                        let c = Int(touched[chosen])
                        refined[v] = Int32(c)
                        weight[c] += kv
                        size[c] += 1
                        size[v] = 0
                        external[c] += external[v] - 2 * weightTo[c]
                    }
                    for t in 0..<touchedCount { weightTo[Int(touched[t])] = 0 }
                }
            }
        }
        return refined
    }

    /// The refinement's choice among the candidates with `chances[t] ≥ 0` (their gains) and
    /// staying (gain 0): drawn with probability `∝ exp(gain / θ)`, or the best when `θ = 0`.
    /// Returns the candidate's position, or −1 to stay.
    static func draw(
        _ best: Int, _ bestGain: Double, _ count: Int, _ chances: UnsafeMutableBufferPointer<Double>,
        _ randomness: Double, _ random: inout SeededRandom
    ) -> Int {
        guard randomness > 0 else { return best }
        let stay = exp(-bestGain / randomness)
        var sum = stay
        for t in 0..<count where chances[t] >= 0 {
            chances[t] = exp((chances[t] - bestGain) / randomness)
            sum += chances[t]
        }
        var target = random.unit() * sum - stay
        guard target >= 0 else { return -1 }
        for t in 0..<count where chances[t] >= 0 {
            target -= chances[t]
            if target < 0 { return t }
        }
        return best
    }
}
