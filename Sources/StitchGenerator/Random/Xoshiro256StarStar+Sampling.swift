/// Sampling helpers built only on exact arithmetic, so results never depend on a platform's
/// maths library.
extension Xoshiro256StarStar {
    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform double in [lo, hi).
    @inline(__always)
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * uniform() }

    /// A uniform integer in 0 ..< n (Lemire's nearly divisionless method, unbiased).
    @inline(__always)
    mutating func int(below n: Int) -> Int {
        precondition(n > 0, "empty range")
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// A uniform integer in the closed range.
    @inline(__always)
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + int(below: range.count) }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { uniform() < p }

    /// A uniformly chosen element (the collection must not be empty).
    mutating func pick<C: RandomAccessCollection>(_ items: C) -> C.Element {
        items[items.index(items.startIndex, offsetBy: int(below: items.count))]
    }

    /// An approximately normal value with mean 0 and standard deviation 1: the centred sum of six
    /// uniforms (Irwin–Hall), which needs no logarithm or cosine and is bounded by ±4.24.
    mutating func bell() -> Double {
        var sum = 0.0
        for _ in 0..<6 { sum += uniform() }
        return (sum - 3) * 1.414_213_562_373_095_1
    }

    /// A Pareto value with shape 2 and minimum 1, capped: `1 / √u`. Square roots are exactly
    /// rounded in IEEE 754, so this heavy-tailed draw is the same everywhere.
    mutating func pareto2(cap: Double) -> Double {
        let u = 1 - uniform()  // (0, 1]
        return min(cap, 1 / u.squareRoot())
    }

    /// The index of a weight, chosen in proportion to the weights (linear scan: for short lists).
    mutating func index(weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        guard total > 0 else { return int(below: weights.count) }
        var target = uniform() * total
        for (i, w) in weights.enumerated() {
            target -= w
            if target < 0 { return i }
        }
        return weights.count - 1
    }

    /// Shuffles in place (Fisher–Yates).
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(below: i + 1))
        }
    }
}
