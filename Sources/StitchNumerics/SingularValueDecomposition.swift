import CLAPACK

/// The thin singular value decomposition `A = U · diag(σ) · Vᵀ`, computed by LAPACK's `dgesdd`.
///
/// `dgesdd` (divide and conquer) is the fastest LAPACK SVD for full decompositions, and the thin
/// form (`JOBZ = 'S'`) keeps only the `r = min(m, n)` singular vectors that carry information,
/// which is what low-rank embeddings and pseudo-inverses use.
///
/// For an `m × n` matrix: `u` is `m × r`, `singularValues` has `r` entries in descending order,
/// and `vt` is `r × n`. Each singular pair's sign is arbitrary (flip column j of `u` and row j of `vt` together).
///
/// ```swift
/// let svd = try SingularValueDecomposition(a)
/// let best2 = svd.truncated(rank: 2)      // best rank-2 approximation's factors
/// let approx = try best2.reconstructed()  // U₂ · diag(σ₂) · V₂ᵀ
/// ```
public struct SingularValueDecomposition: Sendable {
    /// The left singular vectors as columns (`m × r`).
    public let u: Matrix
    /// The singular values, descending and non-negative.
    public let singularValues: [Double]
    /// The right singular vectors as rows (`r × n`).
    public let vt: Matrix

    /// Decomposes `matrix` (any shape; an empty matrix gives an empty decomposition).
    ///
    /// - Throws: `LAPACKError.nonFiniteInput`/`.nonFiniteOutput` for NaN or infinity, `.failed` if
    ///   the bidiagonal divide and conquer does not converge, `.invalidDimensions` on 32-bit overflow.
    public init(_ matrix: Matrix) throws(LAPACKError) {
        let routine = "dgesdd_"
        guard matrix.isFinite else { throw .nonFiniteInput(routine: routine) }
        let m = matrix.rows
        let n = matrix.columns
        let r = min(m, n)
        guard r > 0 else {
            self.init(u: Matrix(rows: m, columns: 0), singularValues: [], vt: Matrix(rows: 0, columns: n))
            return
        }

        var rows = try LAPACKSupport.int32(m, routine: routine)
        var columns = try LAPACKSupport.int32(n, routine: routine)
        var lda = rows
        var ldu = rows
        var ldvt = try LAPACKSupport.int32(r, routine: routine)
        var info: Int32 = 0

        var a = matrix.columnMajor
        var s = [Double](repeating: 0, count: r)
        var u = [Double](repeating: 0, count: m * r)
        var vt = [Double](repeating: 0, count: r * n)
        var iwork = [Int32](repeating: 0, count: 8 * r)
        try a.withLAPACKPointer(routine: routine) { (a) throws(LAPACKError) in
            try s.withLAPACKPointer(routine: routine) { (s) throws(LAPACKError) in
                try u.withLAPACKPointer(routine: routine) { (u) throws(LAPACKError) in
                    try vt.withLAPACKPointer(routine: routine) { (vt) throws(LAPACKError) in
                        try iwork.withLAPACKPointer(routine: routine) { (iwork) throws(LAPACKError) in
                            func run(_ work: UnsafeMutablePointer<Double>, _ lwork: Int32) {
                                var lwork = lwork
                                dgesdd_(
                                    "S", &rows, &columns, a, &lda, s, u, &ldu, vt, &ldvt, work, &lwork, iwork, &info, 1
                                )
                            }
                            var workQuery = 0.0
                            run(&workQuery, -1)
                            try LAPACKSupport.check(info: info, routine: routine)
                            // LAPACK's documented minimum for JOBZ = 'S'.
                            let minimum = 3 * r + max(max(m, n), 4 * r * r + 4 * r)
                            let lwork = try LAPACKSupport.workspaceSize(workQuery, minimum: minimum, routine: routine)
                            var work = [Double](repeating: 0, count: lwork)
                            let lwork32 = try LAPACKSupport.int32(lwork, routine: routine)
                            try work.withLAPACKPointer(routine: routine) { (work) throws(LAPACKError) in
                                run(work, lwork32)
                            }
                        }
                    }
                }
            }
        }
        try LAPACKSupport.check(info: info, routine: routine)
        try LAPACKSupport.requireFiniteOutput(s, routine: routine)
        try LAPACKSupport.requireFiniteOutput(u, routine: routine)
        try LAPACKSupport.requireFiniteOutput(vt, routine: routine)
        self.init(
            u: try Matrix(rows: m, columns: r, columnMajor: u),
            singularValues: s,
            vt: try Matrix(rows: r, columns: n, columnMajor: vt)
        )
    }

    /// Assembles a decomposition from its factors (used by `truncated(rank:)`).
    init(u: Matrix, singularValues: [Double], vt: Matrix) {
        self.u = u
        self.singularValues = singularValues
        self.vt = vt
    }

    /// The rank of the decomposition as stored: the number of singular triplets.
    public var rank: Int { self.singularValues.count }

    /// The leading `rank` singular triplets: the factors of the best rank-`rank` approximation (Eckart–Young).
    ///
    /// `rank` is clamped to `0...self.rank`, so asking for more triplets than exist returns them all.
    public func truncated(rank: Int) -> SingularValueDecomposition {
        let k = min(max(rank, 0), self.rank)
        guard k < self.rank else { return self }
        return SingularValueDecomposition(
            u: self.u.leadingBlock(rows: self.u.rows, columns: k),
            singularValues: Array(self.singularValues[0..<k]),
            vt: self.vt.leadingBlock(rows: k, columns: self.vt.columns)
        )
    }

    /// The product `U · diag(σ) · Vᵀ`: the original matrix, or its best low-rank approximation after truncation.
    public func reconstructed() throws(LAPACKError) -> Matrix {
        var scaled = self.u
        for (j, sigma) in self.singularValues.enumerated() {
            for i in 0..<scaled.rows {
                scaled.columnMajor[i + j * scaled.rows] *= sigma
            }
        }
        return try scaled.multiplied(by: self.vt)
    }
}
