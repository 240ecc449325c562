import CLAPACK

extension Matrix {
    /// The matrix product `self · other`, or `selfᵀ · other` when `transposeSelf` is true, via `cblas_dgemm`.
    ///
    /// Transposing inside BLAS avoids materialising `selfᵀ`. Throws `LAPACKError.invalidDimensions`
    /// when the inner dimensions differ, `.nonFiniteInput`/`.nonFiniteOutput` for NaN or infinity
    /// (including overflow).
    ///
    /// ```swift
    /// let c = try a.multiplied(by: b)                      // A·B
    /// let d = try a.multiplied(by: b, transposeSelf: true) // Aᵀ·B
    /// ```
    public func multiplied(by other: Matrix, transposeSelf: Bool = false) throws(LAPACKError) -> Matrix {
        let routine = "cblas_dgemm"
        let m = transposeSelf ? self.columns : self.rows
        let k = transposeSelf ? self.rows : self.columns
        guard k == other.rows else {
            let shape = transposeSelf ? "(\(self.rows) × \(self.columns))ᵀ" : "\(self.rows) × \(self.columns)"
            throw .invalidDimensions(
                routine: routine,
                reason: "cannot multiply \(shape) by \(other.rows) × \(other.columns)"
            )
        }
        guard self.isFinite, other.isFinite else { throw .nonFiniteInput(routine: routine) }
        let n = other.columns
        var result = Matrix(rows: m, columns: n)
        guard m > 0, n > 0, k > 0 else { return result }
        let m32 = try LAPACKSupport.int32(m, routine: routine)
        let n32 = try LAPACKSupport.int32(n, routine: routine)
        let k32 = try LAPACKSupport.int32(k, routine: routine)
        let lda = try LAPACKSupport.int32(self.rows, routine: routine)
        let ldb = try LAPACKSupport.int32(other.rows, routine: routine)
        try self.columnMajor.withLAPACKReadPointer(routine: routine) { (a) throws(LAPACKError) in
            try other.columnMajor.withLAPACKReadPointer(routine: routine) { (b) throws(LAPACKError) in
                try result.columnMajor.withLAPACKPointer(routine: routine) { (c) throws(LAPACKError) in
                    cblas_dgemm(
                        CblasColMajor, transposeSelf ? CblasTrans : CblasNoTrans, CblasNoTrans,
                        m32, n32, k32, 1, a, lda, b, ldb, 0, c, m32
                    )
                }
            }
        }
        guard result.isFinite else { throw .nonFiniteOutput(routine: routine) }
        return result
    }

    /// The Gram matrix `selfᵀ · self` (`columns × columns`), via `cblas_dsyrk`.
    ///
    /// `dsyrk` computes one triangle of the symmetric product with half the work of `dgemm`;
    /// the other triangle is mirrored so the result is exactly symmetric. Throws `.nonFiniteInput`
    /// or `.nonFiniteOutput` for NaN or infinity (including overflow).
    public func gram() throws(LAPACKError) -> Matrix {
        let routine = "cblas_dsyrk"
        guard self.isFinite else { throw .nonFiniteInput(routine: routine) }
        let n = self.columns
        var result = Matrix(rows: n, columns: n)
        guard n > 0, self.rows > 0 else { return result }
        let n32 = try LAPACKSupport.int32(n, routine: routine)
        let k32 = try LAPACKSupport.int32(self.rows, routine: routine)
        try self.columnMajor.withLAPACKReadPointer(routine: routine) { (a) throws(LAPACKError) in
            try result.columnMajor.withLAPACKPointer(routine: routine) { (c) throws(LAPACKError) in
                cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, n32, k32, 1, a, k32, 0, c, n32)
            }
        }
        for j in 0..<n {
            for i in (j + 1)..<n {
                result.columnMajor[j + i * n] = result.columnMajor[i + j * n]
            }
        }
        guard result.isFinite else { throw .nonFiniteOutput(routine: routine) }
        return result
    }

    /// The matrix–vector product `self · vector`, via `cblas_dgemv`.
    ///
    /// Iterative solvers (Lanczos, power iteration) need this without wrapping the vector in a `Matrix`.
    public func multiplied(by vector: [Double]) throws(LAPACKError) -> [Double] {
        let routine = "cblas_dgemv"
        guard vector.count == self.columns else {
            throw .invalidDimensions(
                routine: routine,
                reason: "cannot multiply \(self.rows) × \(self.columns) by a vector of length \(vector.count)"
            )
        }
        guard self.isFinite else { throw .nonFiniteInput(routine: routine) }
        try LAPACKSupport.requireFiniteInput(vector, routine: routine)
        var result = [Double](repeating: 0, count: self.rows)
        guard self.rows > 0, self.columns > 0 else { return result }
        let m32 = try LAPACKSupport.int32(self.rows, routine: routine)
        let n32 = try LAPACKSupport.int32(self.columns, routine: routine)
        try self.columnMajor.withLAPACKReadPointer(routine: routine) { (a) throws(LAPACKError) in
            try vector.withLAPACKReadPointer(routine: routine) { (x) throws(LAPACKError) in
                try result.withLAPACKPointer(routine: routine) { (y) throws(LAPACKError) in
                    cblas_dgemv(CblasColMajor, CblasNoTrans, m32, n32, 1, a, m32, x, 1, 0, y, 1)
                }
            }
        }
        try LAPACKSupport.requireFiniteOutput(result, routine: routine)
        return result
    }
}
