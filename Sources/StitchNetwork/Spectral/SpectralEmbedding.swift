import StitchNumerics

/// The smallest eigenpairs of a community graph's normalized Laplacian
/// `L = I − D^{-1/2} W D^{-1/2}`: the coordinates the bridging value (effective resistance,
/// ``BridgingModel``) works in.
///
/// Eigenvectors of small eigenvalues vary slowly along strong ties, so members who are closely
/// knit get nearby coordinates; the number of eigenvalues near 0 is the number of loosely joined
/// groups. An isolated member (degree 0) has a zero row and column in `D^{-1/2} W D^{-1/2}`, so
/// it contributes the eigenvalue 1 with its own unit vector; eigenvalue 0 has the multiplicity of
/// the number of components of two or more members.
///
/// With ``Options/regularization`` `τ > 0` every degree is raised by `τ̄ = τ · mean degree`:
/// `L_τ = I − D_τ^{-1/2} W D_τ^{-1/2}` (Qin & Rohe, 2013). On large sparse networks the smallest
/// eigenvectors of the plain `L` tend to sit on a few dozen loosely attached members ("dangling
/// sets", Zhang & Rohe, 2018) rather than on the real communities; regularization lifts those and
/// brings the communities back to the bottom of the spectrum. Components stay separate, each
/// with its own smallest eigenvalue (no longer exactly 0).
///
/// The spectrum is computed per connected component (``GraphComponents``) and merged: each
/// component of at most ``Options/denseLimit`` members by `dsyevr`, a larger one by
/// ``LanczosEigensolver`` on `D^{-1/2} W D^{-1/2}` (whose largest eigenvalues are `1 − λ`).
/// Working per component makes eigenvalues repeated across components (every component's 0, and
/// identical components' whole spectra) come out exactly, which a single Krylov space cannot do.
///
/// ```swift
/// let embedding = try SpectralEmbedding(graph: graph, count: 8)
/// embedding.eigenvalues       // the 8 smallest, ascending; as many 0s as components
/// embedding.eigenvectors      // n × 8, column j for eigenvalues[j]
/// embedding.residuals         // ‖Lx − λx‖ of each pair
/// ```
public struct SpectralEmbedding: Sendable {
    /// How the eigenpairs are computed.
    public struct Options: Sendable, Hashable {
        /// Components up to this size are solved densely by `dsyevr`; larger ones by Lanczos.
        public var denseLimit: Int
        /// The Lanczos basis size (see ``LanczosEigensolver/basisSize``).
        public var basisSize: Int?
        /// The Lanczos residual tolerance (see ``LanczosEigensolver/tolerance``).
        public var tolerance: Double
        /// The most Lanczos restarts.
        public var maximumRestarts: Int
        /// The seed of the Lanczos start vectors.
        public var seed: UInt64
        /// Degree regularization `τ`, as a share of the mean weighted degree: every degree is
        /// raised by `τ̄ = τ · mean degree` (0, the default, is the plain normalized Laplacian).
        public var regularization: Double

        /// Options with the defaults: dense up to 800 members, tolerance 1e-8, seed 1, no regularization.
        public init(
            denseLimit: Int = 800, basisSize: Int? = nil, tolerance: Double = 1e-8, maximumRestarts: Int = 2_000,
            seed: UInt64 = 1, regularization: Double = 0
        ) {
            self.regularization = regularization
            self.denseLimit = denseLimit
            self.basisSize = basisSize
            self.tolerance = tolerance
            self.maximumRestarts = maximumRestarts
            self.seed = seed
        }
    }

    /// One merged eigenpair: its value and where its vector lives.
    struct Pair: Sendable {
        let value: Double
        let component: Int
        /// The column in the component's spectrum; -1 for an isolated node's unit vector.
        let column: Int
    }

    /// The components of the graph.
    public let components: GraphComponents
    /// The `count` smallest eigenvalues of `L`, ascending.
    public let eigenvalues: [Double]
    /// `‖Lx − λx‖` of each pair.
    public let residuals: [Double]
    /// Whether every Lanczos run met its tolerance.
    public let converged: Bool
    /// Whether any component was solved by Lanczos.
    public let usedLanczos: Bool
    /// Per component of two or more members, its own smallest eigenpairs (`nil` for isolated nodes).
    let spectra: [ComponentSpectrum?]
    let pairs: [Pair]
    let nodeCount: Int
    /// The regularization `τ̄` added to every degree (absolute, not relative).
    public let regularization: Double

    /// Computes the `count` smallest eigenpairs of `graph`'s normalized Laplacian.
    ///
    /// - Throws: `LAPACKError.invalidArgument` when `count` exceeds the number of nodes, or any
    ///   error of the eigensolvers.
    public init(graph: CommunityGraph, count: Int, options: Options = Options()) throws(LAPACKError) {
        guard count >= 0, count <= graph.nodeCount else {
            throw .invalidArgument(
                routine: "SpectralEmbedding", reason: "k = \(count) is outside 0...\(graph.nodeCount)")
        }
        let components = GraphComponents(graph)
        let connected = graph.strengths.filter { $0 > 0 }
        let meanDegree = connected.isEmpty ? 0 : connected.reduce(0, +) / Double(connected.count)
        let regularization = max(0, options.regularization) * meanDegree
        var spectra: [ComponentSpectrum?] = []
        var candidates: [Pair] = []
        for c in 0..<components.count {
            guard components.size(of: c) > 1, count > 0 else {
                spectra.append(nil)
                if count > 0 { candidates.append(Pair(value: 1, component: c, column: -1)) }
                continue
            }
            let spectrum = try ComponentSpectrum(
                graph: graph, components: components, component: c, count: count, regularization: regularization,
                options: options)
            spectra.append(spectrum)
            for (j, value) in spectrum.eigenvalues.enumerated() {
                candidates.append(Pair(value: value, component: c, column: j))
            }
        }
        self.init(
            components: components, spectra: spectra, pairs: candidates, count: count, nodeCount: graph.nodeCount,
            regularization: regularization)
    }

    init(
        components: GraphComponents, spectra: [ComponentSpectrum?], pairs candidates: [Pair], count: Int,
        nodeCount: Int,
        regularization: Double
    ) {
        let pairs = Array(
            candidates.sorted { ($0.value, $0.component, $0.column) < ($1.value, $1.component, $1.column) }.prefix(
                count))
        self.components = components
        self.spectra = spectra
        self.pairs = pairs
        self.nodeCount = nodeCount
        self.regularization = regularization
        self.eigenvalues = pairs.map(\.value)
        self.residuals = pairs.map { $0.column < 0 ? 0 : spectra[$0.component]!.residuals[$0.column] }
        self.converged = spectra.allSatisfy { $0?.converged ?? true }
        self.usedLanczos = spectra.contains { $0?.usedLanczos ?? false }
    }

    /// The number of eigenpairs.
    public var count: Int { self.pairs.count }

    /// The unit eigenvectors as columns (`n × count`), each zero outside its component.
    public var eigenvectors: Matrix {
        var result = Matrix(rows: self.nodeCount, columns: self.pairs.count)
        for (j, pair) in self.pairs.enumerated() {
            let nodes = self.components.nodes(in: pair.component)
            guard pair.column >= 0, let spectrum = self.spectra[pair.component] else {
                result[Int(nodes.first!), j] = 1
                continue
            }
            let n = nodes.count
            for (i, v) in nodes.enumerated() { result[Int(v), j] = spectrum.eigenvectors[i + pair.column * n] }
        }
        return result
    }
}
