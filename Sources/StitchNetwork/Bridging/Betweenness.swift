import Foundation

/// Betweenness centrality (Freeman 1977) by Brandes' algorithm (2001), on weighted ties: the
/// share of shortest paths between two other members that pass through a member.
///
/// **Ties' weights are strengths**, so a path's length is the sum of `1 / weight` over its ties
/// (Newman 2001; Opsahl, Agneessens & Skvoretz 2010): two hours a week bring people closer than
/// a quarter hour a year ago. networkx's `betweenness_centrality(G, weight="distance",
/// normalized=True)` with `distance = 1 / weight` on every tie gives the same values.
///
///     b(v) = 1 / ((n − 1)(n − 2)) · Σ_{s ≠ v ≠ t} σ_st(v) / σ_st
///
/// `σ_st` counting the shortest paths from `s` to `t` and `σ_st(v)` those through `v`; `n`
/// counts every member (those without ties too), and each unordered pair is counted once in
/// each direction, so `b` is in [0, 1]. One Dijkstra search per source (a 4-ary heap on flat
/// arrays), then the dependencies are accumulated in reverse order of distance; the
/// predecessors of a member are found again from the distances (`d(u) + ℓ(u, v) = d(v)`), so
/// nothing per path is stored.
///
/// **Exact or sampled.** A source's search and accumulation cost about `2 · ties + n` steps. When
/// `n × (2 · ties + n)` is at most ``Options/exactWork`` (10⁸: 0.9–1.9 s of CPU on this project's
/// 2-core build machine, e.g. 3,000 members with 15,000 ties or 2,000 with 20,000), every member
/// is a source and the values are exact. Above it, ``pivots`` sources,
/// `k = sampledWork / (2 · ties + n)` (3 × 10⁷, at least 16: one to two seconds on a large graph,
/// whose searches miss the cache more), are drawn without replacement (seeded), and each member's
/// value is the mean dependency over the sources other than itself,
/// `b̂(v) = Σ_{s ∈ pivots, s ≠ v} δ_s(v) / (k_v (n − 2))`, `k_v` the number of such sources:
/// unbiased, as networkx's `k=` estimate. Each term `δ_s(v) / (n − 2)` lies in [0, 1], so by
/// Hoeffding's inequality (which holds for sampling without replacement) a member's estimate is
/// within ``errorBound`` `= √(ln(2/δ) / (2 (k − 1)))` of the exact value with probability at least
/// `1 − δ`, `δ = 0.05`; for every member at once, replace `δ` by `δ / n`.
///
/// ```swift
/// let b = Betweenness(graph: graph)
/// b.values[3]      // share of shortest paths through member 3
/// b.isExact        // true up to a few thousand members
/// ```
public struct Betweenness: Sendable {
    /// When the values are exact, and how pivots are drawn above that.
    public struct Options: Sendable, Hashable {
        /// Exact when `n × (2 · ties + n)` is at most this.
        public var exactWork: Int
        /// Above ``exactWork``, the number of pivots is this divided by `2 · ties + n` (at least
        /// ``minimumPivots``).
        public var sampledWork: Int
        /// The fewest pivots drawn when sampling.
        public var minimumPivots: Int
        /// The seed of the pivots.
        public var seed: UInt64

        /// Options with the defaults: exact up to 10⁸ steps, else 3 × 10⁷ steps of pivots (at
        /// least 16), seed 1: about two seconds at most either way.
        public init(
            exactWork: Int = 100_000_000, sampledWork: Int = 30_000_000, minimumPivots: Int = 16, seed: UInt64 = 1
        ) {
            self.exactWork = exactWork
            self.sampledWork = sampledWork
            self.minimumPivots = minimumPivots
            self.seed = seed
        }
    }

    /// The confidence of ``errorBound``: it holds for each member with probability `1 − δ`.
    public static let errorProbability = 0.05

    /// Each member's betweenness, normalised to [0, 1] (0 for members without ties).
    public let values: [Double]
    /// The sources searched: every member when exact.
    public let pivots: Int
    /// Whether every member was a source.
    public let isExact: Bool
    /// 0 when exact; else the Hoeffding bound on a member's error at probability ``errorProbability``.
    public let errorBound: Double

    /// Computes every member's betweenness, exactly or from pivots (see the type's notes).
    public init(graph: CommunityGraph, options: Options = Options()) {
        let n = graph.nodeCount
        let work = 2 * graph.tieCount + n
        let exact = n * work <= options.exactWork
        var sources: [Int32]
        if exact {
            sources = (0..<n).map { Int32($0) }
        } else {
            let k = min(n, max(options.minimumPivots, options.sampledWork / max(work, 1)))
            var all = (0..<n).map { Int32($0) }
            var random = SeededRandom(seed: options.seed)
            for i in 0..<k { all.swapAt(i, i + random.below(n - i)) }
            sources = Array(all.prefix(k))
        }
        let search = ShortestPaths(graph: graph)
        var raw = [Double](repeating: 0, count: n)
        raw.withUnsafeMutableBufferPointer { raw in
            for s in sources where graph.tieCount(of: Int(s)) > 0 { search.accumulate(from: Int(s), into: raw) }
        }
        var values = [Double](repeating: 0, count: n)
        if n > 2 {
            let k = sources.count
            var isSource = [Bool](repeating: false, count: n)
            for s in sources { isSource[Int(s)] = true }
            for v in 0..<n {
                let others = isSource[v] ? k - 1 : k
                values[v] = others > 0 ? raw[v] / (Double(others) * Double(n - 2)) : 0
            }
        }
        self.values = values
        self.pivots = sources.count
        self.isExact = exact
        self.errorBound =
            exact ? 0 : (log(2 / Self.errorProbability) / (2 * Double(max(sources.count - 1, 1)))).squareRoot()
    }
}
