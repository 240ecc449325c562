/// The dense vector kernels of the Lanczos solver, on raw buffers.
///
/// SIMD accumulators keep several multiply–adds in flight (a single running sum is one long
/// dependency chain); the solver spends most of its time here and in the sparse product,
/// reorthogonalising each new vector against the whole basis.
enum VectorKernels {
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ n: Int) -> Double {
        let xr = UnsafeRawPointer(x)
        let yr = UnsafeRawPointer(y)
        var s0 = SIMD4<Double>()
        var s1 = SIMD4<Double>()
        var i = 0
        while i + 8 <= n {
            s0 +=
                xr.loadUnaligned(fromByteOffset: i &* 8, as: SIMD4<Double>.self)
                * yr.loadUnaligned(fromByteOffset: i &* 8, as: SIMD4<Double>.self)
            s1 +=
                xr.loadUnaligned(fromByteOffset: (i &+ 4) &* 8, as: SIMD4<Double>.self)
                * yr.loadUnaligned(fromByteOffset: (i &+ 4) &* 8, as: SIMD4<Double>.self)
            i &+= 8
        }
        var sum = (s0 + s1).sum()
        while i < n {
            sum += x[i] * y[i]
            i &+= 1
        }
        return sum
    }

    /// `y += a · x`.
    @inline(__always)
    static func axpy(_ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, _ n: Int) {
        for i in 0..<n { y[i] += a * x[i] }
    }

    /// `x *= a`.
    @inline(__always)
    static func scale(_ a: Double, _ x: UnsafeMutablePointer<Double>, _ n: Int) {
        for i in 0..<n { x[i] *= a }
    }

    @inline(__always)
    static func norm(_ x: UnsafePointer<Double>, _ n: Int) -> Double { dot(x, x, n).squareRoot() }

    /// Makes `w` orthogonal to the `count` contiguous vectors of length `n` at `basis` (classical
    /// Gram–Schmidt), adding the removed coefficients to `coefficients`.
    ///
    /// Rows are processed in blocks small enough for `w`'s block to stay in the first-level
    /// cache while the basis streams past it: once for the coefficients, once for the update.
    static func orthogonalise(
        _ w: UnsafeMutablePointer<Double>, against basis: UnsafePointer<Double>, count: Int, length n: Int,
        coefficients: UnsafeMutablePointer<Double>
    ) {
        guard count > 0 else { return }
        let block = 2_048
        var h = [Double](repeating: 0, count: count)
        h.withUnsafeMutableBufferPointer { h in
            var start = 0
            while start < n {
                let length = min(block, n - start)
                for j in 0..<count { h[j] += dot(basis + j * n + start, w + start, length) }
                start += length
            }
            start = 0
            while start < n {
                let length = min(block, n - start)
                for j in 0..<count { axpy(-h[j], basis + j * n + start, w + start, length) }
                start += length
            }
            for j in 0..<count { coefficients[j] += h[j] }
        }
    }
}
