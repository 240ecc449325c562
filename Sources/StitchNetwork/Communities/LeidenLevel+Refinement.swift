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
        for v in 0..<n {
            let s = membership[v]
            communityWeight[Int(s)] += self.nodeWeights[v]
            var inside = 0.0
            for e in self.offsets[v]..<self.offsets[v + 1] where membership[Int(self.columns[e])] == s {
                inside += self.weights[e]
            }
            external[v] = inside
        }
        work.shuffle(n, random: &random)
        let (weightTo, touched, chances) = (work.weightTo, work.touched, work.chances)
        for position in 0..<n {
            let v = Int(work.queue[position])
            guard size[v] == 1, refined[v] == Int32(v) else { continue }
            let s = membership[v]
            let kv = self.nodeWeights[v]
            let ks = communityWeight[Int(s)]
            guard external[v] >= scale * kv * (ks - kv) else { continue }
            var touchedCount = 0
            for e in self.offsets[v]..<self.offsets[v + 1] {
                let u = Int(self.columns[e])
                guard membership[u] == s else { continue }
                let c = Int(refined[u])
                if weightTo[c] == 0 {
                    touched[touchedCount] = Int32(c)
                    touchedCount += 1
                }
                weightTo[c] += self.weights[e]
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
            var chosen = -1
            if best >= 0 {
                if randomness > 0 {
                    var sum = exp(-bestGain / randomness)
                    for t in 0..<touchedCount where chances[t] >= 0 {
                        chances[t] = exp((chances[t] - bestGain) / randomness)
                        sum += chances[t]
                    }
                    var target = random.unit() * sum - exp(-bestGain / randomness)
                    if target >= 0 {
                        chosen = best
                        for t in 0..<touchedCount where chances[t] >= 0 {
                            target -= chances[t]
                            if target < 0 {
                                chosen = t
                                break
                            }
                        }
                    }
                } else {
                    chosen = best
                }
            }
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
        return refined
    }
}
