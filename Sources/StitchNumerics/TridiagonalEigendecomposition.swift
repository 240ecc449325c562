import CLAPACK

/// Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix, computed by LAPACK's `dstevr` (MRRR).
///
/// A Lanczos solver reduces a large sparse symmetric problem to a small tridiagonal one; this
/// type solves that small problem in O(n²) (O(n·k) for k eigenpairs) without ever forming the
/// dense matrix. The matrix is given by its diagonal `d` (length n) and its off-diagonal `e`
/// (length n − 1).
///
/// ```swift
/// // The 1-D Laplacian: 2 on the diagonal, −1 beside it.
/// let eig = try TridiagonalEigendecomposition(
///     diagonal: [2, 2, 2], offDiagonal: [-1, -1], selection: .smallest(1))
/// eig.eigenvalues  // [2 − √2]
/// ```
public struct TridiagonalEigendecomposition: Sendable {
    /// The selected eigenvalues, ascending.
    public let eigenvalues: [Double]
    /// The eigenvectors as columns (`n × eigenvalues.count`), or `nil` if they were not requested.
    public let eigenvectors: Matrix?

    /// Decomposes the tridiagonal matrix with `diagonal` d and `offDiagonal` e.
    ///
    /// - Throws: `LAPACKError.invalidDimensions` unless `offDiagonal.count == max(0, diagonal.count − 1)`,
    ///   `.invalidArgument` for a selection outside the spectrum, `.nonFiniteInput`/`.nonFiniteOutput`
    ///   for NaN or infinity, `.failed` if LAPACK reports an error.
    public init(
        diagonal: [Double],
        offDiagonal: [Double],
        selection: EigenvalueSelection = .all,
        computeEigenvectors: Bool = true
    ) throws(LAPACKError) {
        let routine = "dstevr_"
        let n = diagonal.count
        guard offDiagonal.count == max(0, n - 1) else {
            throw .invalidDimensions(
                routine: routine,
                reason: "off-diagonal has \(offDiagonal.count) elements; expected \(max(0, n - 1))"
            )
        }
        let positions = try selection.positions(forOrder: n, routine: routine)
        try LAPACKSupport.requireFiniteInput(diagonal, routine: routine)
        try LAPACKSupport.requireFiniteInput(offDiagonal, routine: routine)
        let m = positions.count
        guard m > 0 else {
            self.eigenvalues = []
            self.eigenvectors = computeEigenvectors ? Matrix(rows: n, columns: 0) : nil
            return
        }

        var order = try LAPACKSupport.int32(n, routine: routine)
        var ldz: Int32 = computeEigenvectors ? order : 1
        var lower = try LAPACKSupport.int32(positions.lowerBound + 1, routine: routine)
        var upper = try LAPACKSupport.int32(positions.upperBound, routine: routine)
        var bounds = (low: 0.0, high: 0.0)
        var abstol = 0.0
        var found: Int32 = 0
        let jobz = computeEigenvectors ? "V" : "N"
        let range = m == n ? "A" : "I"

        // dstevr overwrites d and e; e gets one spare slot because some paths touch e[n-1].
        var d = diagonal
        var e = offDiagonal + [0]
        var w = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: computeEigenvectors ? n * m : 1)
        var isuppz = [Int32](repeating: 0, count: 2 * n)
        try d.withLAPACKPointer(routine: routine) { (d) throws(LAPACKError) in
            try e.withLAPACKPointer(routine: routine) { (e) throws(LAPACKError) in
                try w.withLAPACKPointer(routine: routine) { (w) throws(LAPACKError) in
                    try z.withLAPACKPointer(routine: routine) { (z) throws(LAPACKError) in
                        try isuppz.withLAPACKPointer(routine: routine) { (isuppz) throws(LAPACKError) in
                            try LAPACKSupport.withWorkspaces(routine: routine, minimumWork: 20 * n, minimumIntegerWork: 10 * n) {
                                work, lwork, iwork, liwork in
                                var lwork = lwork, liwork = liwork, info: Int32 = 0
                                dstevr_(
                                    jobz, range, &order, d, e, &bounds.low, &bounds.high, &lower, &upper, &abstol,
                                    &found, w, z, &ldz, isuppz, work, &lwork, iwork, &liwork, &info, 1, 1
                                )
                                return info
                            }
                        }
                    }
                }
            }
        }
        let pairs = try LAPACKSupport.eigenpairs(
            values: w, vectors: z, found: found, expected: m, order: n, withVectors: computeEigenvectors, routine: routine)
        self.eigenvalues = pairs.values
        self.eigenvectors = pairs.vectors
    }
}
