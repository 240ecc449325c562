/// A small seeded random number generator (SplitMix64), so every random choice in the network
/// analysis (Lanczos start vectors, the Leiden algorithm's orders and merges, betweenness pivots,
/// the bridging scale's sample of pairs) is the same on every run and every machine.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in `[0, 1)`, from the top 53 bits.
    mutating func unit() -> Double { Double(self.next() >> 11) * 0x1.0p-53 }

    /// A uniform double in `[-1, 1)`.
    mutating func symmetric() -> Double { 2 * self.unit() - 1 }

    /// A uniform integer in `0..<bound` (`bound > 0`).
    mutating func below(_ bound: Int) -> Int { Int(self.next() % UInt64(bound)) }
}
