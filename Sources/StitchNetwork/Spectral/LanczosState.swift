import StitchNumerics

/// The working memory and steps of one ``LanczosEigensolver`` run: the basis `V` (`m + 1` vectors
/// of length `n`, contiguous), the deflated vectors `Q`, and the projected matrix `H = VᵀAV`.
struct LanczosState {
    let n: Int
    let m: Int
    let q: Int
    let basis: UnsafeMutablePointer<Double>
    let locked: UnsafeMutablePointer<Double>
    let work: UnsafeMutablePointer<Double>
    /// The projection, `m × m`, column-major.
    var projection: [Double]
    var random: SeededRandom
    var products = 0

    init(dimension n: Int, basisSize m: Int, deflating: [[Double]], seed: UInt64) {
        self.n = n
        self.m = m
        self.q = deflating.count
        self.basis = .allocate(capacity: max(1, (m + 1) * n))
        self.locked = .allocate(capacity: max(1, self.q * n))
        self.work = .allocate(capacity: max(1, n))
        for (j, v) in deflating.enumerated() { (self.locked + j * n).update(from: v, count: n) }
        self.projection = [Double](repeating: 0, count: m * m)
        self.random = SeededRandom(seed: seed)
    }

    func deallocate() {
        self.basis.deallocate()
        self.locked.deallocate()
        self.work.deallocate()
    }

    func vector(_ j: Int) -> UnsafeMutablePointer<Double> { self.basis + j * self.n }

    /// Orthogonalises `w` twice against the deflated vectors and basis vectors `0..<count`; returns
    /// the coefficients removed along each basis vector.
    func orthogonalise(_ w: UnsafeMutablePointer<Double>, basisCount count: Int) -> [Double] {
        var coefficients = [Double](repeating: 0, count: max(1, count))
        var discarded = [Double](repeating: 0, count: max(1, self.q))
        for _ in 0..<2 {
            VectorKernels.orthogonalise(
                w, against: self.locked, count: self.q, length: self.n, coefficients: &discarded)
            VectorKernels.orthogonalise(
                w, against: self.basis, count: count, length: self.n, coefficients: &coefficients)
        }
        return coefficients
    }

    /// Writes a random unit vector orthogonal to `Q` and basis vectors `0..<count` into basis slot
    /// `count`; `false` when the whole space is already spanned.
    mutating func randomVector(slot count: Int) -> Bool {
        let v = self.vector(count)
        for _ in 0..<3 {
            for i in 0..<self.n { v[i] = self.random.symmetric() }
            _ = self.orthogonalise(v, basisCount: count)
            let norm = VectorKernels.norm(v, self.n)
            if norm > 1e-8 {
                VectorKernels.scale(1 / norm, v, self.n)
                return true
            }
        }
        return false
    }

    /// `y = A x` through the caller's operator.
    mutating func applyOperator(
        _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>,
        _ apply: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        apply(UnsafeBufferPointer(start: x, count: self.n), UnsafeMutableBufferPointer(start: y, count: self.n))
        self.products += 1
    }

    /// Extends the basis from `start` vectors to `m` (or fewer if the Krylov space is exhausted).
    ///
    /// Each step removes the known couplings first (`α v_j`, then `β v_{j−1}` or, right after a
    /// restart, the arrow `Σ s_i v_i`), then one full Gram–Schmidt pass against the whole basis,
    /// and a second pass only when the first removed a large part (the DGKS criterion, η = 1/√2):
    /// the basis stays orthogonal to working precision at about half the cost of always repeating.
    ///
    /// - Returns: the basis size reached and `β`, the norm of the last residual (0 when exhausted).
    mutating func extend(
        from start: Int, apply: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> (size: Int, beta: Double) {
        var beta = 0.0
        var discarded = [Double](repeating: 0, count: max(1, self.q))
        for j in start..<self.m {
            let w = self.work
            let n = self.n
            self.applyOperator(self.vector(j), into: w, apply)
            var alpha = VectorKernels.dot(self.vector(j), w, n)
            VectorKernels.axpy(-alpha, self.vector(j), w, n)
            if j > start {
                VectorKernels.axpy(-self.projection[(j - 1) + j * self.m], self.vector(j - 1), w, n)
            } else {
                for i in 0..<j { VectorKernels.axpy(-self.projection[i + j * self.m], self.vector(i), w, n) }
            }
            var before = VectorKernels.norm(w, n)
            for _ in 0..<2 {
                var h = [Double](repeating: 0, count: j + 1)
                VectorKernels.orthogonalise(w, against: self.locked, count: self.q, length: n, coefficients: &discarded)
                VectorKernels.orthogonalise(w, against: self.basis, count: j + 1, length: n, coefficients: &h)
                alpha += h[j]
                beta = VectorKernels.norm(w, n)
                if beta >= 0.7071 * before { break }
                before = beta
            }
            self.projection[j + j * self.m] = alpha
            if beta > 1e-12 {
                let next = self.vector(j + 1)
                next.update(from: w, count: n)
                VectorKernels.scale(1 / beta, next, n)
            } else {
                // An invariant subspace: carry on from a fresh direction, uncoupled (β = 0).
                beta = 0
                if !self.randomVector(slot: j + 1) { return (j + 1, 0) }
            }
            if j + 1 < self.m {
                self.projection[j + (j + 1) * self.m] = beta
                self.projection[(j + 1) + j * self.m] = beta
            }
        }
        return (self.m, beta)
    }
}
