/// A learned similarity between items (skills, interests) from which items people hold together.
///
/// Two skills are "similar" for Stitch when the same members tend to have them, even if their
/// names share nothing ("gardening" and "allotment help"). This type turns the members' item sets
/// into a dense similarity table once, so that scoring can look up any pair in O(1).
///
/// The algorithm, exactly (the tests reproduce it in numpy):
/// 1. **Co-occurrence.** `C = XᵀX` where `X` is the members × items binary incidence matrix
///    (duplicates within a member's set count once). `C` is accumulated pair by pair from the sets,
///    never by forming `X`; its diagonal counts the members who hold each item.
/// 2. **PPMI.** With row sums `cᵢ = Σⱼ Cᵢⱼ` and total `N = Σᵢⱼ Cᵢⱼ`:
///    `Pᵢⱼ = max(0, ln(Cᵢⱼ · N / (cᵢ · cⱼ)))` where `Cᵢⱼ > 0`, else 0. If `N = 0`, `P = 0`.
/// 3. **Low rank.** Thin SVD of `P` (n × n) with `dgesdd`; keep the top `k = min(rank, itemCount)`
///    singular triplets; the embedding is `E = U_k · diag(√σ_k)` (n × k).
/// 4. **Similarity.** `similarity(i, j)` is the cosine of rows i and j of `E`, clipped to [0, 1];
///    it is 0 if either row has norm < 1e-12, and `similarity(i, i) = 1`.
///
/// Two items are similar when the same members hold them, and when they keep the same company.
/// An item nearly everyone holds carries no information (its PMI is never positive), so it is
/// similar to nothing: that keeps a ubiquitous skill from linking everything to everything.
///
/// Cost: O(Σ |set|²) to count pairs, O(n³) for the SVD (about 2 s for 1,000 items with reference
/// LAPACK; skipped when nothing co-occurs), and 8·n² bytes for the table (8 MB for 1,000 items).
///
/// ```swift
/// // Members hold {gardening, allotment} twice, {IT help, phones} twice, and {allotment, phones} once.
/// let embedding = try CooccurrenceEmbedding(sets: [[0, 1], [0, 1], [2, 3], [2, 3], [1, 3]], itemCount: 4, rank: 2)
/// embedding.similarity(0, 1)   // 1: gardening and allotment go together
/// embedding.similarity(0, 2)   // 0: gardening and IT help do not
/// ```
public struct CooccurrenceEmbedding: Sendable {
    /// The number of items, `n`: valid ids are `0..<itemCount`.
    public let itemCount: Int
    /// The rank actually kept: `min(requested rank, itemCount)`.
    public let rank: Int
    /// The item embedding `E = U_k · diag(√σ_k)`, one row per item (`itemCount × rank`).
    public let embedding: Matrix
    /// The top `rank` singular values of the PPMI matrix, descending.
    public let singularValues: [Double]
    /// The `n × n` similarity table, column-major (symmetric, so the order does not matter).
    private let table: [Double]

    /// Learns the embedding from each member's item set.
    ///
    /// - Parameters:
    ///   - sets: For each member, the ids (in `0..<itemCount`) of the items they hold; repeats count once.
    ///   - itemCount: The number of distinct items, `n`.
    ///   - rank: The embedding dimension, clamped to `itemCount`; 24 by default.
    /// - Throws: `LAPACKError.invalidArgument` for a negative `itemCount` or `rank`, or an id outside
    ///   `0..<itemCount`; any error of the underlying SVD.
    public init(sets: [[Int]], itemCount: Int, rank: Int = 24) throws(LAPACKError) {
        let routine = "CooccurrenceEmbedding"
        guard itemCount >= 0 else {
            throw .invalidArgument(routine: routine, reason: "itemCount = \(itemCount) is negative")
        }
        guard rank >= 0 else {
            throw .invalidArgument(routine: routine, reason: "rank = \(rank) is negative")
        }
        let n = itemCount
        let k = min(rank, n)
        let counts = try Self.cooccurrenceCounts(sets: sets, itemCount: n)
        let ppmi = try Matrix(rows: n, columns: n, columnMajor: Self.positivePointwiseMutualInformation(counts, n: n))
        // An all-zero P (no co-occurrence at all) has σ = 0 and E = 0 whatever its singular vectors,
        // so skip the O(n³) SVD: reference LAPACK spends over a second on a zero 1,000 × 1,000 matrix.
        let svd: SingularValueDecomposition
        if ppmi.columnMajor.contains(where: { $0 != 0 }) {
            svd = try SingularValueDecomposition(ppmi).truncated(rank: k)
        } else {
            svd = SingularValueDecomposition(
                u: Matrix(rows: n, columns: k),
                singularValues: [Double](repeating: 0, count: k),
                vt: Matrix(rows: k, columns: n)
            )
        }

        var embedding = svd.u
        for (j, sigma) in svd.singularValues.enumerated() {
            let scale = sigma.squareRoot()
            for i in 0..<n {
                embedding.columnMajor[i + j * n] *= scale
            }
        }
        self.itemCount = n
        self.rank = svd.rank
        self.embedding = embedding
        self.singularValues = svd.singularValues
        self.table = try Self.cosineTable(embedding)
    }

    /// The learned similarity of items `i` and `j`, in [0, 1]; O(1).
    ///
    /// An id outside `0..<itemCount` (an item added after the embedding was learned) is similar
    /// to nothing but itself: the result is 1 if `i == j`, else 0.
    public func similarity(_ i: Int, _ j: Int) -> Double {
        guard i != j else { return 1 }
        guard i >= 0, i < self.itemCount, j >= 0, j < self.itemCount else { return 0 }
        return self.table[i + j * self.itemCount]
    }
}
