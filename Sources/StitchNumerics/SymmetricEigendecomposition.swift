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
        var info: Int32 = 0
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
                        func run(
                            _ work: UnsafeMutablePointer<Double>, _ lwork: Int32,
                            _ iwork: UnsafeMutablePointer<Int32>, _ liwork: Int32
                        ) {
                            var lwork = lwork
                            var liwork = liwork
                            dsyevr_(
                                jobz, range, "L", &order, a, &lda, &bounds.low, &bounds.high, &lower, &upper,
                                &abstol, &found, w, z, &ldz, isuppz, work, &lwork, iwork, &liwork, &info, 1, 1, 1
                            )
                        }
                        var workQuery = 0.0
                        var iworkQuery: Int32 = 0
                        run(&workQuery, -1, &iworkQuery, -1)
                        try LAPACKSupport.check(info: info, routine: routine)
                        let lwork = try LAPACKSupport.workspaceSize(workQuery, minimum: 26 * n, routine: routine)
                        let liwork = max(Int(iworkQuery), 10 * n, 1)
                        var work = [Double](repeating: 0, count: lwork)
                        var iwork = [Int32](repeating: 0, count: liwork)
                        let lwork32 = try LAPACKSupport.int32(lwork, routine: routine)
                        let liwork32 = try LAPACKSupport.int32(liwork, routine: routine)
                        try work.withLAPACKPointer(routine: routine) { (work) throws(LAPACKError) in
                            try iwork.withLAPACKPointer(routine: routine) { (iwork) throws(LAPACKError) in
                                run(work, lwork32, iwork, liwork32)
                            }
                        }
                    }
                }
            }
        }
        try LAPACKSupport.check(info: info, routine: routine)
        guard Int(found) == m else {
            // An internal MRRR failure: report it as a convergence failure, naming the shortfall.
            throw .failed(routine: "\(routine) (found \(found) of \(m) eigenvalues)", info: 1)
        }
        let values = Array(w[0..<m])
        try LAPACKSupport.requireFiniteOutput(values, routine: routine)
        self.eigenvalues = values
        if computeEigenvectors {
            try LAPACKSupport.requireFiniteOutput(z, routine: routine)
            self.eigenvectors = try Matrix(rows: n, columns: m, columnMajor: z)
        } else {
            self.eigenvectors = nil
        }
    }
}
