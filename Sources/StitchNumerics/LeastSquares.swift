import CLAPACK

/// The least-squares solution of an overdetermined, full-rank system `A · X ≈ B`, computed by LAPACK's `dgels` (QR).
///
/// Calibrating scoring weights means fitting a few coefficients to many observed outcomes: a tall,
/// full-rank `A`. QR is the numerically sound way to do that (the normal equations square the
/// condition number). A rank-deficient `A` is reported as `LAPACKError.failed` rather than
/// answered with meaningless coefficients.
///
/// ```swift
/// // Fit y ≈ c₀ + c₁·x.
/// let a = try Matrix(rows: [[1, 0], [1, 1], [1, 2], [1, 3]])
/// let fit = try LeastSquares.solve(a: a, b: [1, 3, 5, 8])
/// fit.solution                   // [c₀, c₁]
/// fit.residualSumOfSquares[0]    // Σ (y − ŷ)²
/// ```
public struct LeastSquares: Sendable {
    /// The coefficients `X` (`n × k`): column j minimises ‖A·xⱼ − bⱼ‖₂.
    public let coefficients: Matrix
    /// The residual sum of squares ‖A·xⱼ − bⱼ‖₂² of each right-hand side j.
    public let residualSumOfSquares: [Double]

    /// The coefficients of the first right-hand side, for the common single-vector case.
    public var solution: [Double] {
        self.coefficients.columns > 0 ? self.coefficients.column(0) : []
    }

    /// Solves `min ‖A·x − b‖₂` for one right-hand side vector `b` (length `a.rows`).
    public static func solve(a: Matrix, b: [Double]) throws(LAPACKError) -> LeastSquares {
        try self.solve(a: a, b: Matrix(rows: b.count, columns: 1, columnMajor: b))
    }

    /// Solves `min ‖A·xⱼ − bⱼ‖₂` for every column `bⱼ` of `b` at once (one QR factorisation).
    ///
    /// - Parameters:
    ///   - a: An `m × n` matrix with `m ≥ n` and full column rank.
    ///   - b: An `m × k` matrix of right-hand sides.
    /// - Throws: `LAPACKError.invalidDimensions` if `m < n` or `b.rows != m`, `.nonFiniteInput` or
    ///   `.nonFiniteOutput` for NaN or infinity, `.failed` (info > 0) if `a` is rank-deficient.
    public static func solve(a: Matrix, b: Matrix) throws(LAPACKError) -> LeastSquares {
        let routine = "dgels_"
        let m = a.rows
        let n = a.columns
        let k = b.columns
        guard m >= n else {
            throw .invalidDimensions(
                routine: routine, reason: "\(m) × \(n) system is underdetermined; need rows ≥ columns")
        }
        guard b.rows == m else {
            throw .invalidDimensions(routine: routine, reason: "right-hand side has \(b.rows) rows; expected \(m)")
        }
        guard a.isFinite else { throw .nonFiniteInput(routine: routine) }
        guard b.isFinite else { throw .nonFiniteInput(routine: routine) }
        guard n > 0, k > 0 else {
            // No unknowns: every residual is the right-hand side itself.
            let rss = (0..<k).map { j in b.column(j).reduce(0) { $0 + $1 * $1 } }
            return LeastSquares(coefficients: Matrix(rows: n, columns: k), residualSumOfSquares: rss)
        }

        var rows = try LAPACKSupport.int32(m, routine: routine)
        var columns = try LAPACKSupport.int32(n, routine: routine)
        var rightHandSides = try LAPACKSupport.int32(k, routine: routine)
        var lda = rows
        var ldb = rows
        var info: Int32 = 0
        var factors = a.columnMajor
        var solutions = b.columnMajor
        try factors.withLAPACKPointer(routine: routine) { (a) throws(LAPACKError) in
            try solutions.withLAPACKPointer(routine: routine) { (b) throws(LAPACKError) in
                func run(_ work: UnsafeMutablePointer<Double>, _ lwork: Int32) {
                    var lwork = lwork
                    dgels_("N", &rows, &columns, &rightHandSides, a, &lda, b, &ldb, work, &lwork, &info, 1)
                }
                var workQuery = 0.0
                run(&workQuery, -1)
                try LAPACKSupport.check(info: info, routine: routine)
                let minimum = n + max(m, k)
                let lwork = try LAPACKSupport.workspaceSize(workQuery, minimum: minimum, routine: routine)
                var work = [Double](repeating: 0, count: lwork)
                let lwork32 = try LAPACKSupport.int32(lwork, routine: routine)
                try work.withLAPACKPointer(routine: routine) { (work) throws(LAPACKError) in
                    run(work, lwork32)
                }
            }
        }
        try LAPACKSupport.check(info: info, routine: routine)
        try LAPACKSupport.requireFiniteOutput(solutions, routine: routine)

        // Rows 0..<n of each column hold xⱼ; rows n..<m hold Qᵀbⱼ's residual part.
        var coefficients = Matrix(rows: n, columns: k)
        var rss = [Double](repeating: 0, count: k)
        for j in 0..<k {
            for i in 0..<n {
                coefficients.columnMajor[i + j * n] = solutions[i + j * m]
            }
            for i in n..<m {
                rss[j] += solutions[i + j * m] * solutions[i + j * m]
            }
        }
        return LeastSquares(coefficients: coefficients, residualSumOfSquares: rss)
    }
}
