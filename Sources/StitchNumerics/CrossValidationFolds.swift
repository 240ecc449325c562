/// A seeded, deterministic split of `n` rows into `k` folds for cross-validation.
///
/// With `labels`, the split is **stratified**: the rows of each label are shuffled and dealt
/// round-robin over the folds (continuing from where the previous label stopped), so every fold
/// holds about the same share of each outcome, which matters when the rarer outcome has few
/// rows. The shuffle is SplitMix64 from `seed` followed by Fisher–Yates: the same rows, labels
/// and seed give the same folds on every machine.
///
/// ```swift
/// let folds = CrossValidationFolds(count: 100, folds: 5, labels: uptake, seed: 7)
/// for k in 0..<folds.count {
///     let (train, test) = folds.split(k)   // row indices, ascending
/// }
/// ```
public struct CrossValidationFolds: Sendable, Hashable {
    /// The fold of each row, `0..<count`.
    public let assignment: [Int]
    /// The number of folds.
    public let count: Int

    /// Splits `rows` rows into `folds` folds (at least 2, at most `rows`).
    ///
    /// - Parameter labels: one label per row to stratify by, or `nil` for a plain shuffle.
    public init(count rows: Int, folds: Int, labels: [Int]? = nil, seed: UInt64) {
        precondition(folds >= 2 && folds <= max(rows, 2), "cross-validation needs 2 to `rows` folds")
        precondition(labels == nil || labels?.count == rows, "one label per row")
        var random = SplitMix64(seed: seed)
        var assignment = [Int](repeating: 0, count: rows)
        let strata = Dictionary(grouping: 0..<rows) { labels?[$0] ?? 0 }
        var next = 0
        for label in strata.keys.sorted() {
            var members = strata[label] ?? []
            for i in stride(from: members.count - 1, to: 0, by: -1) {
                let j = Int(random.next() % UInt64(i + 1))
                members.swapAt(i, j)
            }
            for row in members {
                assignment[row] = next
                next = (next + 1) % folds
            }
        }
        self.assignment = assignment
        self.count = folds
    }

    /// The rows to train on and the rows held out for fold `k`, each ascending.
    public func split(_ k: Int) -> (train: [Int], test: [Int]) {
        precondition(k >= 0 && k < count, "no such fold")
        var train: [Int] = []
        var test: [Int] = []
        for (row, fold) in assignment.enumerated() {
            if fold == k { test.append(row) } else { train.append(row) }
        }
        return (train, test)
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator for reproducible shuffles.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
