import StitchNumerics

/// The smallest eigenpairs of the normalized Laplacian of one connected component (size ≥ 2).
///
/// A component of at most `denseLimit` members is solved densely by `dsyevr`; a larger one by
/// ``LanczosEigensolver`` on the normalized adjacency `A = I − L`, with (when there is no
/// regularization) the known eigenvector of eigenvalue 0 (`√d / ‖√d‖`) deflated and prepended
/// exactly. Eigenvectors are in the component's local indices, each signed so that its
/// largest-magnitude entry is positive (the first such entry on a tie), so results are
/// reproducible.
struct ComponentSpectrum: Sendable {
    /// The component's nodes (global indices, ascending).
    let nodes: [Int32]
    /// Eigenvalues of `L`, ascending.
    let eigenvalues: [Double]
    /// Unit eigenvectors, `nodes.count × eigenvalues.count`, column-major.
    let eigenvectors: [Double]
    /// `‖Lx − λx‖` of each pair.
    let residuals: [Double]
    /// Whether the sparse path was used.
    let usedLanczos: Bool
    /// Whether every pair met the tolerance (always true on the dense path).
    let converged: Bool

    init(
        graph: CommunityGraph, components: GraphComponents, component c: Int, count: Int,
        regularization: Double, options: SpectralEmbedding.Options
    ) throws(LAPACKError) {
        let nodes = components.nodes(in: c)
        let adjacency = NormalizedAdjacency(
            graph: graph, nodes: nodes, localIndex: components.localIndex, regularization: regularization)
        let n = nodes.count
        let k = min(count, n)
        var values: [Double]
        var vectors: [Double]
        var residuals: [Double]
        if n <= options.denseLimit {
            let laplacian = adjacency.denseLaplacian()
            let eig = try SymmetricEigendecomposition(laplacian, selection: .smallest(k))
            values = eig.eigenvalues
            vectors = eig.eigenvectors?.columnMajor ?? []
            residuals = Self.residuals(values: values, vectors: vectors, n: n, adjacency: adjacency)
            self.usedLanczos = false
            self.converged = true
        } else {
            // Without regularization the top eigenvector is known: deflate it and prepend it exactly.
            let trivial = regularization > 0 ? [] : adjacency.trivialEigenvector
            let known = trivial.isEmpty ? 0 : 1
            let solver = LanczosEigensolver(
                count: k - known, basisSize: options.basisSize, tolerance: options.tolerance,
                maximumRestarts: options.maximumRestarts, seed: options.seed &+ UInt64(c))
            let top = try solver.largest(dimension: n, deflating: trivial.isEmpty ? [] : [trivial]) { x, y in
                adjacency.apply(x, y)
            }
            values = (known == 1 ? [0] : []) + top.eigenvalues.map { 1 - $0 }
            vectors = trivial + top.eigenvectors.columnMajor
            residuals =
                (known == 1 ? Self.residuals(values: [0], vectors: trivial, n: n, adjacency: adjacency) : [])
                + top.residuals
            self.usedLanczos = true
            self.converged = top.converged
        }
        for j in 0..<values.count { Self.fixSign(&vectors, column: j, n: n) }
        self.nodes = Array(nodes)
        self.eigenvalues = values
        self.eigenvectors = vectors
        self.residuals = residuals
    }

    /// `‖Lx − λx‖ = ‖Ax − (1 − λ)x‖` for each column.
    static func residuals(values: [Double], vectors: [Double], n: Int, adjacency: NormalizedAdjacency) -> [Double] {
        var y = [Double](repeating: 0, count: n)
        return values.enumerated().map { j, lambda in
            vectors.withUnsafeBufferPointer { all in
                let x = UnsafeBufferPointer(rebasing: all[(j * n)..<((j + 1) * n)])
                y.withUnsafeMutableBufferPointer { adjacency.apply(x, $0) }
                var sum = 0.0
                for i in 0..<n {
                    let r = y[i] - (1 - lambda) * x[i]
                    sum += r * r
                }
                return sum.squareRoot()
            }
        }
    }

    /// Flips column `j` so that its largest-magnitude entry (the first, on a tie) is positive.
    static func fixSign(_ vectors: inout [Double], column j: Int, n: Int) {
        var best = 0.0
        var sign = 1.0
        for i in 0..<n {
            let v = vectors[i + j * n]
            if abs(v) > best + 1e-12 {
                best = abs(v)
                sign = v < 0 ? -1 : 1
            }
        }
        if sign < 0 { for i in 0..<n { vectors[i + j * n] = -vectors[i + j * n] } }
    }
}
