import StitchNumerics

/// The largest eigenpairs of a large sparse symmetric operator, by thick-restart Lanczos with full
/// reorthogonalisation.
///
/// Lanczos builds an orthonormal basis `V` of the Krylov space `span{v, Av, A²v, …}` one vector at
/// a time; the projection `VᵀAV` is small (tridiagonal in the first cycle) and its extreme
/// eigenpairs approximate those of `A`, the largest ones fastest. Here:
///
/// - **Full reorthogonalisation**: every new vector is orthogonalised twice (classical
///   Gram–Schmidt, "twice is enough") against the whole basis and the deflated vectors, so no
///   spurious copies of converged eigenvalues appear; it costs O(n·m) per step.
/// - **Thick restart** (Wu & Simon, 2000): when the basis reaches `basisSize` vectors, the best
///   Ritz vectors (the wanted ones and about half the rest) are kept with the last Lanczos vector,
///   and the iteration continues from there. The memory stays at `basisSize + 1` vectors of
///   length `n` however many iterations convergence takes.
/// - **Small problems**: the first cycle's projection is tridiagonal and is solved by LAPACK's
///   `dstevr` (``TridiagonalEigendecomposition``); after a restart it is "arrowhead plus
///   tridiagonal" and is solved by `dsyevr` (``SymmetricEigendecomposition``). Both are tiny.
/// - **Convergence**: a Ritz pair `(θ, Vy)` has residual `‖A·Vy − θ·Vy‖ = |β_m · y_m|`, read off
///   the projection; the solver stops when every wanted pair is below `tolerance`, then checks each
///   residual explicitly with one more product.
/// - **Deflation**: known eigenvectors (such as a graph's trivial one) can be passed in; the
///   Krylov space is kept orthogonal to them.
/// - **Determinism**: the start vector is drawn from `seed`.
///
/// ```swift
/// let solver = LanczosEigensolver(count: 4, seed: 7)
/// let top = try solver.largest(dimension: n) { x, y in operator.apply(x, y) }
/// top.eigenvalues      // largest first
/// top.residuals        // ‖Ax − θx‖ of each pair, computed explicitly
/// ```
public struct LanczosEigensolver: Sendable {
    /// How many of the largest eigenpairs to compute.
    public var count: Int
    /// The Krylov basis size before a restart; by default `max(2·count + 8, 32)`.
    public var basisSize: Int?
    /// The residual norm `‖Ax − θx‖` below which a pair has converged (absolute; scale the operator
    /// to norm about 1, as a normalized adjacency already is).
    public var tolerance: Double
    /// The most restarts before returning the best pairs found, with `converged == false`.
    public var maximumRestarts: Int
    /// The seed of the start vector.
    public var seed: UInt64

    /// A solver for the `count` largest eigenpairs.
    public init(
        count: Int, basisSize: Int? = nil, tolerance: Double = 1e-8, maximumRestarts: Int = 2_000, seed: UInt64 = 1
    ) {
        self.count = count
        self.basisSize = basisSize
        self.tolerance = tolerance
        self.maximumRestarts = maximumRestarts
        self.seed = seed
    }

    /// Eigenpairs found by ``LanczosEigensolver/largest(dimension:deflating:applying:)``.
    public struct Result: Sendable {
        /// The eigenvalues, largest first.
        public let eigenvalues: [Double]
        /// The unit eigenvectors as columns (`n × count`), in the order of `eigenvalues`.
        public let eigenvectors: Matrix
        /// `‖Ax − θx‖` of each pair, computed explicitly after the iteration.
        public let residuals: [Double]
        /// How many times the operator was applied.
        public let products: Int
        /// How many thick restarts were made.
        public let restarts: Int
        /// Whether every pair met the tolerance.
        public let converged: Bool
    }

    /// Computes the `count` largest eigenpairs of the symmetric operator `apply` (`y = A x`).
    ///
    /// - Parameters:
    ///   - n: The dimension of the operator.
    ///   - deflating: Orthonormal vectors (eigenvectors of `A`) to leave out of the search.
    ///   - apply: Writes `A x` into `y`; both buffers have length `n`.
    /// - Throws: `LAPACKError.invalidArgument` when `count` exceeds the dimension left after
    ///   deflation, or any error of the small LAPACK problems.
    public func largest(
        dimension n: Int, deflating: [[Double]] = [],
        applying apply: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) throws(LAPACKError) -> Result {
        let available = n - deflating.count
        guard self.count >= 0, self.count <= available, deflating.allSatisfy({ $0.count == n }) else {
            throw .invalidArgument(
                routine: "Lanczos", reason: "\(self.count) eigenpairs asked of a space of dimension \(available)")
        }
        guard self.count > 0 else {
            return Result(
                eigenvalues: [], eigenvectors: Matrix(rows: n, columns: 0), residuals: [], products: 0, restarts: 0,
                converged: true)
        }
        let m = min(max(self.basisSize ?? max(2 * self.count + 8, 32), self.count + 1), available)
        var state = LanczosState(dimension: n, basisSize: m, deflating: deflating, seed: self.seed)
        defer { state.deallocate() }
        return try state.run(
            count: self.count, tolerance: self.tolerance, maximumRestarts: self.maximumRestarts, apply: apply)
    }
}
