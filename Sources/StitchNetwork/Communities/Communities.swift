/// Groups of members more tied to each other than to the rest: spectral clustering of the graph.
///
/// 1. Members with no ties are ``isolated`` and belong to no community (a community of one says
///    nothing; their first tie matters most, see ``BridgingModel``).
/// 2. A connected component smaller than ``Options/minimumClusteredSize`` is one community as it
///    stands (a small circle that meets nobody else).
/// 3. The larger components are clustered together (Ng, Jordan & Weiss): take their `k` smallest
///    Laplacian eigenvectors, normalise each member's row to unit length, and run ``KMeans``
///    (k-means++, seeded restarts). Unless the caller sets `k`, it is chosen by the largest
///    eigengap `λ_k − λ_{k−1}` among the first ``Options/maximumK`` + 1 eigenvalues, splitting
///    at least one large component (`k` ≥ their number + 1); a caller's `k` is never below the
///    number of large components (each needs at least one community).
///
/// Communities are numbered by size, largest first (ties by their first member id), and members
/// listed in id order, so the same community always gives the same answer.
///
/// ```swift
/// let embedding = try SpectralEmbedding(graph: graph, count: 13)
/// let found = Communities(graph: graph, embedding: embedding)
/// found.members[0]      // node indices of the largest community
/// found.label[42]       // the community of node 42, or nil when isolated
/// found.k               // communities found spectrally
/// ```
public struct Communities: Sendable {
    /// How communities are found.
    public struct Options: Sendable, Hashable {
        /// The number of spectral communities; `nil` to choose it by the largest eigengap.
        public var k: Int?
        /// The largest `k` the eigengap may choose (the embedding needs `maximumK + 1` eigenpairs).
        public var maximumK: Int
        /// Components smaller than this are communities as they stand.
        public var minimumClusteredSize: Int
        /// k-means restarts.
        public var restarts: Int
        /// The seed of k-means.
        public var seed: UInt64

        /// Options with the defaults: k by eigengap up to 12, components under 20 kept whole.
        public init(
            k: Int? = nil, maximumK: Int = 12, minimumClusteredSize: Int = 20, restarts: Int = 8, seed: UInt64 = 1
        ) {
            self.k = k
            self.maximumK = maximumK
            self.minimumClusteredSize = minimumClusteredSize
            self.restarts = restarts
            self.seed = seed
        }

        /// How many eigenpairs the embedding needs for these options.
        public var eigenpairsNeeded: Int { max(self.maximumK, self.k ?? 0) + 1 }
    }

    /// Node indices of each community, largest community first, members in id order.
    public let members: [[Int]]
    /// Members with no ties, in id order.
    public let isolated: [Int]
    /// The number of communities found by clustering the embedding (the rest are small components).
    public let k: Int
    /// The eigenvalues the eigengap was read from (those of the clustered components), ascending.
    public let eigenvalues: [Double]
    /// The community of each node (`-1` when isolated).
    let labels: [Int32]

    /// The community of node `i`, or `nil` when the member is isolated.
    public func label(of i: Int) -> Int? { self.labels[i] < 0 ? nil : Int(self.labels[i]) }

    /// Finds the communities of `graph` from its `embedding` (computed with at least
    /// `max(maximumK, k) + 1` eigenpairs, see ``Options/eigenpairsNeeded``).
    public init(graph: CommunityGraph, embedding: SpectralEmbedding, options: Options = Options()) {
        let parts = embedding.components
        let large = (0..<parts.count).filter { parts.size(of: $0) >= max(2, options.minimumClusteredSize) }
        let largeSet = Set(large)
        let available = embedding.spectra.enumerated().flatMap { c, spectrum -> [SpectralEmbedding.Pair] in
            guard largeSet.contains(c), let spectrum else { return [] }
            return spectrum.eigenvalues.indices.map {
                SpectralEmbedding.Pair(value: spectrum.eigenvalues[$0], component: c, column: $0)
            }
        }.sorted { ($0.value, $0.component, $0.column) < ($1.value, $1.component, $1.column) }
        let considered = Array(available.prefix(max(options.maximumK, options.k ?? 0, large.count) + 1))
        let k = Self.chooseK(considered.map(\.value), components: large.count, options: options)

        var groups: [[Int]] = []
        if k > 0 {
            let clustered = large.flatMap { parts.nodes(in: $0).map(Int.init) }
            let points = Self.rows(of: clustered, pairs: Array(considered.prefix(k)), embedding: embedding)
            let result = KMeans(clusters: k, restarts: options.restarts, seed: options.seed).fit(points, dimension: k)
            groups = [[Int]](repeating: [], count: (result.labels.max() ?? -1) + 1)
            for (i, v) in clustered.enumerated() { groups[result.labels[i]].append(v) }
        }
        for c in 0..<parts.count where parts.size(of: c) > 1 && !largeSet.contains(c) {
            groups.append(parts.nodes(in: c).map(Int.init))
        }
        let ids = graph.memberIDs
        groups = groups.map { $0.sorted { ids[$0] < ids[$1] } }
            .sorted { $0.count != $1.count ? $0.count > $1.count : ids[$0[0]] < ids[$1[0]] }
        var labels = [Int32](repeating: -1, count: graph.nodeCount)
        for (c, group) in groups.enumerated() { for v in group { labels[v] = Int32(c) } }
        self.members = groups
        self.isolated = (0..<parts.count).filter { parts.size(of: $0) == 1 }.map { Int(parts.nodes(in: $0).first!) }
            .sorted { ids[$0] < ids[$1] }
        self.k = k
        self.eigenvalues = considered.map(\.value)
        self.labels = labels
    }

    /// The caller's `k`, or the largest eigengap's, within what the eigenvalues allow.
    ///
    /// With `c` large components the first `c` eigenvalues are 0 and the gap after them is
    /// usually the largest, which would only rediscover the components; so the eigengap looks
    /// for at least one split beyond them (`k ≥ c + 1`, which is `k ≥ 2` for a connected graph).
    static func chooseK(_ values: [Double], components: Int, options: Options) -> Int {
        guard components > 0, !values.isEmpty else { return 0 }
        if let k = options.k { return min(max(k, components), values.count) }
        let lowest = min(components + 1, values.count)
        let highest = max(lowest, min(values.count - 1, options.maximumK))
        guard highest > lowest else { return lowest }
        var best = lowest
        var bestGap = -Double.infinity
        for k in lowest...highest where values[k] - values[k - 1] > bestGap + 1e-12 {
            best = k
            bestGap = values[k] - values[k - 1]
        }
        return best
    }

    /// Unit-normalised rows of the first eigenvectors, one row per clustered node, row-major.
    static func rows(of nodes: [Int], pairs: [SpectralEmbedding.Pair], embedding: SpectralEmbedding) -> [Double] {
        let d = pairs.count
        var points = [Double](repeating: 0, count: nodes.count * d)
        let parts = embedding.components
        for (row, v) in nodes.enumerated() {
            let c = Int(parts.label[v])
            let i = Int(parts.localIndex[v])
            guard let spectrum = embedding.spectra[c] else { continue }
            let n = spectrum.nodes.count
            var norm = 0.0
            for (j, pair) in pairs.enumerated() where pair.component == c {
                let x = spectrum.eigenvectors[i + pair.column * n]
                points[row * d + j] = x
                norm += x * x
            }
            norm = norm.squareRoot()
            if norm > 0 { for j in 0..<d { points[row * d + j] /= norm } }
        }
        return points
    }
}
