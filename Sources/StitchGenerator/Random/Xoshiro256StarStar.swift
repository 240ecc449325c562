/// A small, fast, seeded random number generator: xoshiro256** (Blackman and Vigna, 2018),
/// seeded through SplitMix64.
///
/// Stitch's generated communities must be identical for a given seed on every machine and every
/// Swift release, so the generator never uses `SystemRandomNumberGenerator` or the standard
/// library's sampling methods (`Int.random(in:using:)`, `shuffled()`), whose algorithms may
/// change. Each phase of generation draws from its own named stream, so adding exchanges does
/// not change the members.
///
/// ```swift
/// var random = Xoshiro256StarStar(seed: 2026, stream: "members")
/// let roll = random.next() % 6    // the same on every machine
/// ```
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the state with four outputs of SplitMix64 started at `seed`.
    public init(seed: UInt64) {
        var sm = seed
        func splitMix() -> UInt64 {
            sm &+= 0x9E37_79B9_7F4A_7C15
            var z = sm
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// Seeds an independent stream for one purpose (`"members"`, `"exchanges"`…): the seed is mixed
    /// with an FNV-1a hash of the name.
    public init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in stream.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        self.init(seed: seed ^ hash)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let r = s1 &* 5
        let result = ((r << 7) | (r >> 57)) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }
}
