/// Burt's structural holes (1992): how much a member's contacts are tied to each other, so how
/// much of a broker they are between them. As networkx's `constraint(G, weight="weight")` and
/// `effective_size(G, weight="weight")` compute them on an undirected weighted graph.
///
/// With `p_ij = w_ij / s_i` the share of `i`'s tie weight that goes to `j` (`s_i` its weighted
/// degree) and `m_jk = w_jk / max_l w_jl` the strength of `j`'s tie to `k` against `j`'s
/// strongest tie, for a member `i` with contacts `N(i)`:
///
///     constraint(i)     = Σ_{j ∈ N(i)} (p_ij + Σ_{q ∈ N(i), q ≠ j} p_iq · p_qj)²
///     effective size(i) = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i)} p_iq · m_jq)
///
/// A member whose contacts do not know each other has constraint `Σ_j p_ij²` (down to `1 / |N(i)|`
/// with equal ties) and effective size `|N(i)|`: every contact is a separate world. A member
/// inside a tight circle where everyone knows everyone has high constraint (up to about 1) and an
/// effective size near 1. Both are `nil` for a member with no ties (networkx's NaN).
///
/// One pass per member over its contacts' rows, marking its own contacts in a flat array:
/// `O(Σ_j deg(j)²)` time, no dictionaries.
///
/// ```swift
/// let holes = StructuralHoles(graph: graph)
/// holes.constraint[4]      // e.g. 0.21 for the Medici in Padgett's Florentine families
/// holes.effectiveSize[4]   // e.g. 4.33
/// ```
public struct StructuralHoles: Sendable {
    /// Each member's constraint; `nil` without ties.
    public let constraint: [Double?]
    /// Each member's effective size; `nil` without ties.
    public let effectiveSize: [Double?]

    /// Computes both measures for every member.
    public init(graph: CommunityGraph) {
        let n = graph.nodeCount
        let offsets = graph.offsets
        let columns = graph.columns
        let weights = graph.weights
        var strongest = [Double](repeating: 0, count: n)
        for v in 0..<n { strongest[v] = graph.tieWeights(of: v).max() ?? 0 }
        // Per stored tie q → j: p_qj = w_qj / s_q and m_jq = w_qj / max_l w_jl, divided once here
        // rather than in the O(Σ deg²) loop below.
        var share = [Double](repeating: 0, count: weights.count)
        var marginal = [Double](repeating: 0, count: weights.count)
        for q in 0..<n {
            let sq = graph.strength(of: q)
            for f in offsets[q]..<offsets[q + 1] {
                share[f] = weights[f] / sq
                marginal[f] = weights[f] / strongest[Int(columns[f])]
            }
        }
        var mark = [Int32](repeating: -1, count: n)
        var indirect = [Double](repeating: 0, count: n)
        var redundancy = [Double](repeating: 0, count: n)
        var constraint = [Double?](repeating: nil, count: n)
        var effectiveSize = [Double?](repeating: nil, count: n)
        for i in 0..<n where graph.tieCount(of: i) > 0 {
            for e in offsets[i]..<offsets[i + 1] {
                let j = Int(columns[e])
                mark[j] = Int32(i)
                indirect[j] = 0
                redundancy[j] = 0
            }
            // Through each contact q: p_iq · p_qj for constraint, p_iq · m_jq for effective size.
            for e in offsets[i]..<offsets[i + 1] {
                let q = Int(columns[e])
                let piq = share[e]
                for f in offsets[q]..<offsets[q + 1] {
                    let j = Int(columns[f])
                    guard mark[j] == Int32(i), j != i else { continue }
                    indirect[j] += piq * share[f]
                    redundancy[j] += piq * marginal[f]
                }
            }
            var c = 0.0
            var size = 0.0
            for e in offsets[i]..<offsets[i + 1] {
                let j = Int(columns[e])
                let local = share[e] + indirect[j]
                c += local * local
                size += 1 - redundancy[j]
            }
            constraint[i] = c
            effectiveSize[i] = size
        }
        self.constraint = constraint
        self.effectiveSize = effectiveSize
    }
}
