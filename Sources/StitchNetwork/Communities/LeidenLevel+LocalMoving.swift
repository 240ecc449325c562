extension LeidenLevel {
    /// Fast local moving (the Leiden paper's `MoveNodesFast`): every node is queued in a seeded
    /// random order; a node taken from the queue joins the neighbouring community, or an empty
    /// one, that raises the modularity most, and when it moves, its neighbours outside its new
    /// community that are not queued are queued again. Returns whether any node moved.
    ///
    /// Moving `v` (weight `k_v`) from its community `D` to `C` changes the unnormalised quality by
    /// `2 · [w(v, C) − s · k_v · K_C] − 2 · [w(v, D∖v) − s · k_v · K_{D∖v}]`, `s = γ / 2m`, `K`
    /// the communities' weights without `v`: the bracket is each community's gain. A move must
    /// beat staying by more than `10⁻¹² · k_v`, so rounding never moves a node back and forth.
    ///
    /// - Parameters:
    ///   - membership: The community of each node, in `0..<nodeCount`; updated in place.
    ///   - scale: `γ / 2m`.
    func moveNodes(
        _ membership: inout [Int32], scale: Double, random: inout SeededRandom, work: LeidenWorkspace
    ) -> Bool {
        let n = self.nodeCount
        guard n > 1 else { return false }
        let (total, size) = (work.total, work.size)
        let (weightTo, touched, queue, inQueue) = (work.weightTo, work.touched, work.queue, work.inQueue)
        for c in 0..<n {
            total[c] = 0
            size[c] = 0
        }
        work.shuffle(n, random: &random)
        return membership.withUnsafeMutableBufferPointer { label in
            self.withBuffers { rows, columns, weights, k in
                for v in 0..<n {
                    total[Int(label[v])] += k[v]
                    size[Int(label[v])] += 1
                    inQueue[v] = true
                }
                var empty: [Int32] = []
                for c in stride(from: n - 1, through: 0, by: -1) where size[c] == 0 { empty.append(Int32(c)) }
                var head = 0
                var tail = 0
                var queued = n
                var moved = false
                while queued > 0 {
                    let v = Int(queue[head])
                    head = head + 1 == n ? 0 : head + 1
                    queued -= 1
                    inQueue[v] = false
                    let own = Int(label[v])
                    let kv = k[v]
                    let (first, end) = (rows[v], rows[v + 1])
                    var touchedCount = 0
                    for e in first..<end {
                        let c = Int(label[Int(columns[e])])
                        if weightTo[c] == 0 {
                            touched[touchedCount] = Int32(c)
                            touchedCount += 1
                        }
                        weightTo[c] += weights[e]
                    }
                    total[own] -= kv
                    let stay = weightTo[own] - scale * kv * total[own]
                    var best = own
                    var bestGain = stay
                    for t in 0..<touchedCount {
                        let c = Int(touched[t])
                        let gain = weightTo[c] - scale * kv * total[c]
                        if gain > bestGain {
                            best = c
                            bestGain = gain
                        }
                    }
                    if bestGain < 0, size[own] > 1, let fresh = empty.last {
                        best = Int(fresh)
                        bestGain = 0
                    }
                    for t in 0..<touchedCount { weightTo[Int(touched[t])] = 0 }
                    guard best != own && bestGain - stay > 1e-12 * kv else {
                        total[own] += kv
                        continue
                    }
                    if let fresh = empty.last, Int(fresh) == best { empty.removeLast() }
                    label[v] = Int32(best)
                    total[best] += kv
                    size[own] -= 1
                    size[best] += 1
                    if size[own] == 0 { empty.append(Int32(own)) }
                    moved = true
                    for e in first..<end {
                        let u = Int(columns[e])
                        if !inQueue[u] && Int(label[u]) != best {
                            inQueue[u] = true
                            queue[tail] = Int32(u)
                            tail = tail + 1 == n ? 0 : tail + 1
                            queued += 1
                        }
                    }
                }
                return moved
            }
        }
    }
}
