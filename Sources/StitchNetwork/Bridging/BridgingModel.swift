/// How much a new tie between two members would bridge the network, in [0, 1].
///
/// **Measure: effective resistance, approximated from the spectral embedding.** Treat each tie as
/// a conductor of its weight; the effective resistance `R(a, b)` between two members is low when
/// many short, strong paths join them (they already share friends, exchanges, groups) and high
/// when every path crosses a thin seam between groups. It is `1 / vol(G)` times the commute time
/// of a random walk, and with the normalized Laplacian's eigenpairs `(λ_i, u_i)`:
///
///     R(a, b) = Σ_{i: λ_i > 0} (1 / λ_i) · (u_i(a) / √d_a − u_i(b) / √d_b)²
///
/// (Lovász, *Random walks on graphs*, 1993, Thm 3.1). With degree regularization `τ̄` (see
/// ``SpectralEmbedding/Options/regularization``) the same sum over the eigenpairs of `L_τ`, with
/// `d + τ̄` for `d`, is `(e_a − e_b)ᵀ (D − W + τ̄ I)⁻¹ (e_a − e_b)`: the resistance when every
/// member is also grounded by a weak tie of weight `τ̄`, which keeps it finite and stops a
/// handful of loosely attached members from dominating. Stitch keeps only the community-scale
/// terms it already has from the embedding: the eigenpairs with eigenvalues up to the largest of
/// the 13 smallest (``Options/eigenpairs``) of its components of 20 members or more. Each member gets coordinates
/// `x_a = (u_i(a) / √(λ_i · d_a))_i` and `R(a, b) ≈ ‖x_a − x_b‖²`: O(k) per pair, no solve.
///
/// Why this rather than plain distance in the clustering embedding: (1) the `1 / λ_i` weights put
/// the coarse community structure first, so a pair across two communities scores above a pair
/// far apart inside one; (2) the `1 / √d` factor makes a tie for someone with few or weak ties
/// worth more, which is the principle that an isolated person matters most; (3) it has a plain
/// meaning a connector can be told ("help rarely flows between these two"). The full sum is known
/// to degenerate to `1/d_a + 1/d_b` on large graphs (von Luxburg, Radl & Hein, 2014); the
/// truncation keeps the global part and drops that local noise, and the same eigenvalue cut-off
/// in every component measures all of them at one scale (inside a small, tight circle whose
/// eigenvalues are all above it, every pair is already as close as can be: 0). The
/// row-normalised clustering embedding, by contrast, discards degree and distance to the
/// community's centre, and would rate a stranger at the far end of one's own community as
/// close as a neighbour.
///
/// **Scale.** `value = 0.9 · min(1, R / R₉₅)`, where `R₉₅` is the 95th percentile of `R` over a
/// seeded sample of pairs in the same component, so most pairs spread over [0, 0.9]. Pairs that
/// nothing joins yet score above that: members of two different components `0.95`, and any pair
/// involving an isolated member (no ties at all) `1`, because a first tie counts most.
///
/// ```swift
/// let bridging = BridgingModel(graph: graph, embedding: embedding)
/// bridging.bridging("m-vera", "m-jade")    // e.g. 0.74
/// bridging.bridging("m-vera", "m-edith")   // e.g. 0.05: already tied, same scheme
/// ```
public struct BridgingModel: Sendable {
    /// How the model is scaled.
    public struct Options: Sendable, Hashable {
        /// The eigenpairs the network analysis computes, and the community scale: the resistance
        /// keeps the terms up to the largest of this many smallest eigenvalues.
        public var eigenpairs: Int
        /// Components smaller than this do not set the community scale (their spectra are still used).
        public var minimumComponentSize: Int
        /// Pairs sampled for the robust scale.
        public var sampleSize: Int
        /// The percentile of sampled resistances that maps to 0.9.
        public var percentile: Double
        /// The seed of the sample.
        public var seed: UInt64

        /// Options with the defaults: 13 eigenpairs, components of 20 or more, 4,000 pairs,
        /// 95th percentile, seed 1.
        public init(
            eigenpairs: Int = 13, minimumComponentSize: Int = 20, sampleSize: Int = 4_000, percentile: Double = 0.95,
            seed: UInt64 = 1
        ) {
            self.eigenpairs = eigenpairs
            self.minimumComponentSize = minimumComponentSize
            self.sampleSize = sampleSize
            self.percentile = percentile
            self.seed = seed
        }
    }

    /// The value of a tie between two members of different components.
    public static let acrossComponents = 0.95
    /// The value of a tie involving a member with no ties.
    public static let firstTie = 1.0
    /// The highest value of a tie inside one component.
    public static let withinComponent = 0.9

    let graph: CommunityGraph
    /// The connected components of the graph; a pair in two of them has no resistance.
    public let components: GraphComponents
    /// The number of resistance coordinates of each member (the eigenpairs used, at most the
    /// number computed; 0 when nothing has ties).
    public let dimension: Int
    /// Row-major `nodeCount × dimension` resistance coordinates: member `v`'s are at
    /// `v * dimension ..< (v + 1) * dimension`, and ``resistance(_:_:)`` is their squared distance.
    /// Isolated members' rows are zero.
    public let coordinates: [Double]
    /// The resistance that maps to ``withinComponent``.
    public let scale: Double

    /// Builds the model from the graph and its embedding, at the community scale.
    ///
    /// Only eigenpairs at the community scale enter: those with eigenvalues up to the largest of
    /// the ``Options/eigenpairs`` smallest among the components of at least
    /// ``Options/minimumComponentSize`` members (at least one per such component; every computed
    /// pair when there is none). That is a fixed number of eigenpairs, so values do not jump when
    /// a little new data moves the communities.
    public init(graph: CommunityGraph, embedding: SpectralEmbedding, options: Options = Options()) {
        self.init(
            graph: graph, embedding: embedding,
            maximumEigenvalue: Self.communityScaleCutoff(embedding, options: options), options: options)
    }

    /// The largest eigenvalue of the community-scale terms (see ``init(graph:embedding:options:)``),
    /// with a hair of slack so that the eigenvalue itself is kept; infinity when no component is
    /// large enough.
    static func communityScaleCutoff(_ embedding: SpectralEmbedding, options: Options) -> Double {
        let parts = embedding.components
        var values: [Double] = []
        var large = 0
        for (c, spectrum) in embedding.spectra.enumerated() {
            guard parts.size(of: c) >= max(2, options.minimumComponentSize), let spectrum else { continue }
            large += 1
            values += spectrum.eigenvalues
        }
        values.sort()
        let kept = values.prefix(max(options.eigenpairs, large + 1))
        return kept.last.map { $0 * (1 + 1e-9) + 1e-12 } ?? .infinity
    }

    /// Builds the model from the eigenpairs of `embedding` with eigenvalues up to `maximumEigenvalue`
    /// (with every eigenpair of a component, ``resistance(_:_:)`` is its exact effective resistance).
    public init(
        graph: CommunityGraph, embedding: SpectralEmbedding, maximumEigenvalue cutoff: Double,
        options: Options = Options()
    ) {
        let used = embedding.spectra.map { spectrum in
            spectrum.map { s in
                (0..<s.eigenvalues.count).filter { s.eigenvalues[$0] > 1e-9 && s.eigenvalues[$0] <= cutoff }
            }
                ?? []
        }
        let d = used.map(\.count).max() ?? 0
        var coordinates = [Double](repeating: 0, count: graph.nodeCount * d)
        for (c, spectrum) in embedding.spectra.enumerated() {
            guard let spectrum else { continue }
            let n = spectrum.nodes.count
            for (i, v) in spectrum.nodes.enumerated() {
                let root = (graph.strength(of: Int(v)) + embedding.regularization).squareRoot()
                for (t, j) in used[c].enumerated() {
                    coordinates[Int(v) * d + t] =
                        spectrum.eigenvectors[i + j * n] / (spectrum.eigenvalues[j].squareRoot() * root)
                }
            }
        }
        self.graph = graph
        self.components = embedding.components
        self.dimension = d
        self.coordinates = coordinates
        self.scale = Self.sampledScale(coordinates, dimension: d, components: embedding.components, options: options)
    }

    /// The approximate effective resistance between nodes `a` and `b` (infinite across components).
    public func resistance(_ a: Int, _ b: Int) -> Double {
        if a == b { return 0 }
        guard self.components.label[a] == self.components.label[b] else { return .infinity }
        return Self.squaredDistance(self.coordinates, a, b, dimension: self.dimension)
    }

    /// The bridging value of a new tie between nodes `a` and `b`, in [0, 1].
    public func bridging(_ a: Int, _ b: Int) -> Double {
        if a == b { return 0 }
        if self.graph.tieCount(of: a) == 0 || self.graph.tieCount(of: b) == 0 { return Self.firstTie }
        guard self.components.label[a] == self.components.label[b] else { return Self.acrossComponents }
        return Self.withinComponent * min(1, self.resistance(a, b) / self.scale)
    }

    /// The bridging value of a new tie between two members, or `nil` when either is unknown.
    public func bridging(_ a: String, _ b: String) -> Double? {
        guard let i = self.graph.index(of: a), let j = self.graph.index(of: b) else { return nil }
        return self.bridging(i, j)
    }

    static func squaredDistance(_ coordinates: [Double], _ a: Int, _ b: Int, dimension d: Int) -> Double {
        var sum = 0.0
        for t in 0..<d {
            let diff = coordinates[a * d + t] - coordinates[b * d + t]
            sum += diff * diff
        }
        return sum
    }

    /// The chosen percentile of resistances over a seeded sample of pairs in the same component
    /// (members drawn uniformly among those with ties, partners uniformly within their component).
    static func sampledScale(
        _ coordinates: [Double], dimension d: Int, components: GraphComponents, options: Options
    ) -> Double {
        let connected = (0..<components.label.count).filter { components.size(of: Int(components.label[$0])) > 1 }
        guard !connected.isEmpty, d > 0 else { return 1 }
        var random = SeededRandom(seed: options.seed)
        var sample: [Double] = []
        sample.reserveCapacity(options.sampleSize)
        for _ in 0..<options.sampleSize {
            let a = connected[random.below(connected.count)]
            let group = components.nodes(in: Int(components.label[a]))
            let b = Int(group[group.startIndex + random.below(group.count)])
            if a != b { sample.append(Self.squaredDistance(coordinates, a, b, dimension: d)) }
        }
        guard !sample.isEmpty else { return 1 }
        sample.sort()
        let position = min(sample.count - 1, Int((options.percentile * Double(sample.count - 1)).rounded()))
        return sample[position] > 0 ? sample[position] : 1
    }
}
