/// The modularity of a partition of a weighted graph, with a resolution parameter.
///
///     Q = Σ_c [ L_c / m − γ · (K_c / 2m)² ]
///
/// `L_c` is the weight of the ties inside community `c` (each tie once), `K_c` the summed
/// weighted degree of its members and `m` the weight of every tie (Newman & Girvan 2004; the
/// resolution `γ` of Reichardt & Bornholdt 2006). It is what networkx's `modularity(G,
/// communities, weight="weight", resolution=γ)` computes, and what ``Leiden`` maximises.
/// A graph without ties has modularity 0.
///
/// ```swift
/// Modularity.value(of: found.membership, in: graph)                  // γ = 1
/// Modularity.value(of: found.membership, in: graph, resolution: 2)
/// ```
public enum Modularity {
    /// The modularity of `membership` (one community number per node, any non-negative numbers).
    public static func value(of membership: [Int32], in graph: CommunityGraph, resolution: Double = 1) -> Double {
        precondition(membership.count == graph.nodeCount, "one community per node")
        let twiceM = graph.strengths.reduce(0, +)
        guard twiceM > 0 else { return 0 }
        let count = Int(membership.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count)
        var total = [Double](repeating: 0, count: count)
        for v in 0..<graph.nodeCount {
            let c = Int(membership[v])
            total[c] += graph.strengths[v]
            for e in graph.offsets[v]..<graph.offsets[v + 1] where membership[Int(graph.columns[e])] == membership[v] {
                inside[c] += graph.weights[e]
            }
        }
        var q = 0.0
        for c in 0..<count {
            let share = total[c] / twiceM
            q += inside[c] / twiceM - resolution * share * share
        }
        return q
    }
}
