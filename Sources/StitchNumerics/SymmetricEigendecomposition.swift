import CLAPACK

/// Eigenvalues and eigenvectors of a real symmetric matrix, computed by LAPACK's `dsyevr` (MRRR).
///
/// `dsyevr` is the fastest LAPACK driver for symmetric problems and can compute just a slice of
/// the spectrum (`RANGE = 'I'`), which is what spectral methods usually need. Only the lower
/// triangle of the input is read, as in `numpy.linalg.eigh`.
///
/// Eigenvalues come back in ascending order, and column `j` of `eigenvectors` is the unit
/// eigenvector of `eigenvalues[j]` (its sign is arbitrary).
///
/// ```swift
/// let a = try Matrix(rows: [[2, 1], [1, 2]])
/// let eig = try SymmetricEigendecomposition(a)
/// eig.eigenvalues          // [1.0, 3.0]
/// eig.eigenvectors?.column(1)  // ±[0.707, 0.707]
/// ```
public struct SymmetricEigendecomposition: Sendable {
    /// The selected eigenvalues, ascending.
    public let eigenvalues: [Double]
    /// The eigenvectors as columns (`n × eigenvalues.count`), or `nil` if they were not requested.
    public let eigenvectors: Matrix?

    /// Decomposes the symmetric `matrix`.
    ///
    /// - Parameters:
    ///   - matrix: A square matrix; only its lower triangle is read.
    ///   - selection: Which eigenvalues to compute; `.all` by default.
    ///   - computeEigenvectors: Pass `false` to skip the (more expensive) eigenvectors.
    /// - Throws: `LAPACKError.invalidDimensions` if `matrix` is not square, `.invalidArgument` for
    ///   a selection outside the spectrum, `.nonFiniteInput`/`.nonFiniteOutput` for NaN or infinity,
    ///   `.failed` if LAPACK reports an error.
    public init(
        _ matrix: Matrix,
        selection: EigenvalueSelection = .all,
        computeEigenvectors: Bool = true
    ) throws(LAPACKError) {
        let routine = "dsyevr_"
        guard matrix.rows == matrix.columns else {
            throw .invalidDimensions(
                routine: routine, reason: "matrix is \(matrix.rows) × \(matrix.columns), not square")
        }
        let n = matrix.rows
        let positions = try selection.positions(forOrder: n, routine: routine)
        guard matrix.isFinite else { throw .nonFiniteInput(routine: routine) }
        let m = positions.count
        guard m > 0 else {
            self.eigenvalues = []
            self.eigenvectors = computeEigenvectors ? Matrix(rows: n, columns: 0) : nil
            return
        }

        var order = try LAPACKSupport.int32(n, routine: routine)
        var lda = order
        var ldz: Int32 = computeEigenvectors ? order : 1
        var lower = try LAPACKSupport.int32(positions.lowerBound + 1, routine: routine)
        var upper = try LAPACKSupport.int32(positions.upperBound, routine: routine)
        var bounds = (low: 0.0, high: 0.0)
        var abstol = 0.0
        var found: Int32 = 0
        let jobz = computeEigenvectors ? "V" : "N"
        let range = m == n ? "A" : "I"

        var a = matrix.columnMajor
        var w = [Double](repeating: 0, count: n)
        var z = [Double](repeating: 0, count: computeEigenvectors ? n * m : 1)
        var isuppz = [Int32](repeating: 0, count: 2 * n)
        try a.withLAPACKPointer(routine: routine) { (a) throws(LAPACKError) in
            try w.withLAPACKPointer(routine: routine) { (w) throws(LAPACKError) in
                try z.withLAPACKPointer(routine: routine) { (z) throws(LAPACKError) in
                    try isuppz.withLAPACKPointer(routine: routine) { (isuppz) throws(LAPACKError) in
                        try LAPACKSupport.withWorkspaces(routine: routine, minimumWork: 26 * n, minimumIntegerWork: 10 * n) {
                            work, lwork, iwork, liwork in
                            var lwork = lwork, liwork = liwork, info: Int32 = 0
                            dsyevr_(
                                jobz, range, "L", &order, a, &lda, &bounds.low, &bounds.high, &lower, &upper,
                                &abstol, &found, w, z, &ldz, isuppz, work, &lwork, iwork, &liwork, &info, 1, 1, 1
                            )
                            return info
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
