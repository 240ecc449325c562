/// Communities by the Leiden algorithm (Traag, Waltman & van Eck, 2019), optimising modularity
/// with a resolution parameter on the weighted tie graph.
///
/// The quality optimised is modularity with resolution `γ` (Reichardt & Bornholdt's
/// configuration model):
///
///     Q = Σ_c [ L_c / m − γ · (K_c / 2m)² ]
///
/// `L_c` being the weight of the ties inside community `c`, `K_c` the summed weighted degree of
/// its members and `m` the weight of all ties. `γ = 1` is Newman's modularity; a higher `γ` gives
/// more, smaller communities, a lower one fewer, larger ones.
///
/// One iteration, from a starting partition (every member alone at first, the previous
/// iteration's partition afterwards):
///
/// 1. **Local moving with a queue**: nodes are visited from a queue in a seeded random order;
///    each goes to the neighbouring community (or an empty one) that raises `Q` most, and when
///    it moves, its neighbours outside its new community are queued again. It ends when the
///    queue is empty: no single move raises `Q`.
/// 2. **Refinement**: inside each community, start from singletons and merge only nodes still
///    alone and well connected to the rest of the community (`E(v, S − v) ≥ γ k_v (K_S − k_v) / 2m`)
///    into well-connected sub-communities of it, each choice drawn with probability
///    `∝ exp(ΔQ / θ)` among those that do not lower `Q` (`θ`: ``Options/randomness``). This is what
///    guarantees communities that are connected, where the Louvain method can leave a community
///    in pieces.
/// 3. **Aggregation** on the *refined* partition: each sub-community becomes one node (its
///    weighted degree the sum of its members', ties summed), and the unrefined partition is the
///    starting one on the aggregate, so a community may hold several aggregate nodes.
///
/// Steps 1–3 repeat on each aggregate until local moving leaves every node in a community of its
/// own; iterations repeat until one moves no node at all, or ``Options/maximumIterations`` (10). With
/// several ``Options/restarts`` the partition with the highest `Q` is kept (the first on a tie).
///
/// Every array is flat (compressed rows, per-node and per-community totals, a ring-buffer queue),
/// and no dictionary is used: 100,000 members and a million ties take about 3 s of CPU for ten
/// iterations, where leidenalg takes 43 s for its default of two (docs/performance.md). Every
/// random draw comes from ``Options/seed``, so the same graph always gives the same communities.
///
/// ```swift
/// let found = Leiden(options: .init(resolution: 1, seed: 7)).partition(graph)
/// found.membership[3]   // the community of node 3
/// found.modularity      // e.g. 0.42
/// ```
public struct Leiden: Sendable, Hashable {
    /// How the algorithm runs.
    public struct Options: Sendable, Hashable {
        /// `γ`: 1 is Newman's modularity; higher finds more, smaller communities.
        public var resolution: Double
        /// `θ` of the refinement: how far a merge may be drawn from the greediest one (in units
        /// of tie weight); small values merge almost greedily.
        public var randomness: Double
        /// Independent runs, from seeds `seed`, `seed + 1`, …; the best modularity is kept.
        public var restarts: Int
        /// ``Communities`` runs once on graphs with more ties than this (a run over a million ties
        /// takes about 3 s of CPU, and large graphs vary least from run to run).
        public var restartTieLimit: Int
        /// The most iterations of one run (each iteration runs until its aggregates stop
        /// shrinking); a run stops sooner when an iteration moves no node. On a million ties the
        /// iterations past the tenth add about 10⁻⁴ to the modularity, at a third of a second each.
        public var maximumIterations: Int
        /// The seed of the first run.
        public var seed: UInt64

        /// Options with the defaults: `γ = 1`, `θ = 0.01`, 8 runs (one above 200,000 ties) of at
        /// most 10 iterations, seed 1.
        public init(
            resolution: Double = 1, randomness: Double = 0.01, restarts: Int = 8, restartTieLimit: Int = 200_000,
            maximumIterations: Int = 10, seed: UInt64 = 1
        ) {
            self.resolution = resolution
            self.randomness = randomness
            self.restarts = restarts
            self.restartTieLimit = restartTieLimit
            self.maximumIterations = maximumIterations
            self.seed = seed
        }
    }

    /// A partition found by ``partition(_:)``.
    public struct Partition: Sendable, Hashable {
        /// The community of every node, `0..<count`, numbered in order of first appearance.
        /// Every node has one, a member with no ties a community of their own.
        public let membership: [Int32]
        /// The number of communities.
        public let count: Int
        /// Its modularity at the resolution used (``Modularity/value(of:in:resolution:)``).
        public let modularity: Double
        /// The iterations of the run that found it.
        public let iterations: Int
    }

    /// The options.
    public var options: Options

    /// The algorithm with some options.
    public init(options: Options = Options()) { self.options = options }

    /// The best partition of `graph` over the restarts.
    public func partition(_ graph: CommunityGraph) -> Partition {
        let level = LeidenLevel(graph: graph)
        var best: Partition?
        for run in 0..<max(1, self.options.restarts) {
            var random = SeededRandom(seed: self.options.seed &+ UInt64(run))
            let (membership, iterations) = self.run(level, random: &random)
            let quality = Modularity.value(of: membership, in: graph, resolution: self.options.resolution)
            if best == nil || quality > best!.modularity + 1e-12 * max(1, abs(best!.modularity)) {
                let renumbered = Self.renumbered(membership)
                best = Partition(
                    membership: renumbered.labels, count: renumbered.count, modularity: quality,
                    iterations: iterations)
            }
        }
        return best!
    }

    /// One run: iterations from singletons until one moves nothing.
    func run(_ base: LeidenLevel, random: inout SeededRandom) -> (membership: [Int32], iterations: Int) {
        let n = base.nodeCount
        var membership = (0..<n).map { Int32($0) }
        guard n > 0, base.totalWeight > 0 else { return (membership, 0) }
        let scale = self.options.resolution / base.totalWeight
        let workspace = LeidenWorkspace(nodeCount: n)
        var iterations = 0
        while iterations < max(1, self.options.maximumIterations) {
            iterations += 1
            let moved = self.iterate(base, membership: &membership, scale: scale, random: &random, work: workspace)
            if !moved { break }
        }
        return (membership, iterations)
    }

    /// One Leiden iteration from `membership` (on the base graph); whether any node moved.
    func iterate(
        _ base: LeidenLevel, membership: inout [Int32], scale: Double, random: inout SeededRandom,
        work: LeidenWorkspace
    ) -> Bool {
        var level = base
        var current = Self.renumbered(membership).labels
        var nodeOf = (0..<base.nodeCount).map { Int32($0) }
        var moved = false
        while true {
            if level.moveNodes(&current, scale: scale, random: &random, work: work) { moved = true }
            let communities = Self.renumbered(current)
            current = communities.labels
            if communities.count == level.nodeCount { break }
            var refined = level.refine(
                current, communities: communities.count, scale: scale, randomness: self.options.randomness,
                random: &random, work: work)
            var merged = Self.renumbered(refined)
            if merged.count == level.nodeCount {
                // The refinement merged nothing: aggregate on the communities themselves.
                refined = current
                merged = communities
            }
            refined = merged.labels
            let next = level.aggregate(by: refined, count: merged.count, work: work)
            var initial = [Int32](repeating: 0, count: merged.count)
            for v in 0..<level.nodeCount { initial[Int(refined[v])] = current[v] }
            for o in 0..<nodeOf.count { nodeOf[o] = refined[Int(nodeOf[o])] }
            level = next
            current = initial
        }
        for o in 0..<membership.count { membership[o] = current[Int(nodeOf[o])] }
        return moved
    }

    /// Labels renumbered `0..<count` in order of first appearance.
    static func renumbered(_ labels: [Int32]) -> (labels: [Int32], count: Int) {
        var map = [Int32](repeating: -1, count: labels.count)
        var out = [Int32](repeating: 0, count: labels.count)
        var count: Int32 = 0
        for (i, label) in labels.enumerated() {
            let l = Int(label)
            if map[l] < 0 {
                map[l] = count
                count += 1
            }
            out[i] = map[l]
        }
        return (out, Int(count))
    }
}
