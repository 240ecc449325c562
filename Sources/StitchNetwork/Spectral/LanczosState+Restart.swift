import StitchNumerics

extension LanczosState {
    /// Runs cycles of extension, Rayleigh–Ritz and thick restart until the `count` largest Ritz
    /// pairs converge or the restarts run out.
    mutating func run(
        count k: Int, tolerance: Double, maximumRestarts: Int,
        apply: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) throws(LAPACKError) -> LanczosEigensolver.Result {
        guard self.randomVector(slot: 0) else {
            throw .invalidArgument(routine: "Lanczos", reason: "no start vector outside the deflated space")
        }
        var start = 0
        var restarts = 0
        while true {
            let (size, beta) = self.extend(from: start, apply: apply)
            let (values, vectors) = try self.ritzPairs(size: size, tridiagonal: restarts == 0)
            // Ascending values: the wanted pairs are the last k, largest first.
            let wanted = Array(((size - k)..<size).reversed())
            let estimates = wanted.map { abs(beta * vectors[(size - 1) + $0 * size]) }
            let converged = estimates.allSatisfy { $0 <= tolerance }
            if converged || restarts >= maximumRestarts || size < self.m {
                return try self.finish(
                    values: wanted.map { values[$0] }, vectors: vectors, columns: wanted, size: size,
                    converged: converged || size < self.m, restarts: restarts, apply: apply)
            }
            // Keep the wanted Ritz vectors and about half of the others, largest first.
            let keep = min(size - 1, k + (size - k) / 2)
            let kept = Array(((size - keep)..<size).reversed())
            self.rotateBasis(vectors: vectors, columns: kept, size: size)
            self.vector(keep).update(from: self.vector(size), count: self.n)
            for i in 0..<self.projection.count { self.projection[i] = 0 }
            for (i, c) in kept.enumerated() {
                self.projection[i + i * self.m] = values[c]
                let coupling = beta * vectors[(size - 1) + c * size]
                self.projection[i + keep * self.m] = coupling
                self.projection[keep + i * self.m] = coupling
            }
            start = keep
            restarts += 1
        }
    }

    /// The eigenpairs of the leading `size × size` block of the projection, ascending; the
    /// eigenvectors column-major (`size × size`).
    func ritzPairs(size: Int, tridiagonal: Bool) throws(LAPACKError) -> ([Double], [Double]) {
        let eig: (values: [Double], vectors: Matrix?)
        if tridiagonal {
            let d = (0..<size).map { self.projection[$0 + $0 * self.m] }
            let e = (0..<max(0, size - 1)).map { self.projection[$0 + ($0 + 1) * self.m] }
            let t = try TridiagonalEigendecomposition(diagonal: d, offDiagonal: e)
            eig = (t.eigenvalues, t.eigenvectors)
        } else {
            var block = [Double](repeating: 0, count: size * size)
            for j in 0..<size {
                for i in 0..<size { block[i + j * size] = self.projection[i + j * self.m] }
            }
            let s = try SymmetricEigendecomposition(Matrix(rows: size, columns: size, columnMajor: block))
            eig = (s.eigenvalues, s.eigenvectors)
        }
        return (eig.values, eig.vectors?.columnMajor ?? [])
    }

    /// Replaces basis vectors `0..<columns.count` by `V · Y[:, columns]` (the Ritz vectors), in
    /// place, a block of rows at a time (each block's output is finished before it is written back).
    func rotateBasis(vectors y: [Double], columns: [Int], size: Int) {
        let l = columns.count
        let block = 512
        let out = UnsafeMutablePointer<Double>.allocate(capacity: block * max(1, l))
        defer { out.deallocate() }
        y.withUnsafeBufferPointer { y in
            var start = 0
            while start < self.n {
                let height = min(block, self.n - start)
                for (i, c) in columns.enumerated() {
                    let target = out + i * block
                    target.update(repeating: 0, count: height)
                    for j in 0..<size {
                        VectorKernels.axpy(y[j + c * size], self.vector(j) + start, target, height)
                    }
                }
                for i in 0..<l { (self.vector(i) + start).update(from: out + i * block, count: height) }
                start += height
            }
        }
    }

    /// Forms the wanted Ritz vectors and checks each residual with one more product.
    mutating func finish(
        values: [Double], vectors: [Double], columns: [Int], size: Int, converged: Bool, restarts: Int,
        apply: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) throws(LAPACKError) -> LanczosEigensolver.Result {
        self.rotateBasis(vectors: vectors, columns: columns, size: size)
        var result = [Double](repeating: 0, count: self.n * columns.count)
        var residuals: [Double] = []
        for (i, theta) in values.enumerated() {
            let x = self.vector(i)
            let norm = VectorKernels.norm(x, self.n)
            VectorKernels.scale(1 / norm, x, self.n)
            self.applyOperator(x, into: self.work, apply)
            VectorKernels.axpy(-theta, x, self.work, self.n)
            residuals.append(VectorKernels.norm(self.work, self.n))
            for r in 0..<self.n { result[r + i * self.n] = x[r] }
        }
        return LanczosEigensolver.Result(
            eigenvalues: values,
            eigenvectors: try Matrix(rows: self.n, columns: columns.count, columnMajor: result),
            residuals: residuals, products: self.products, restarts: restarts, converged: converged)
    }
}
