/// Which eigenvalues of an `n × n` symmetric matrix to compute, counted in ascending order.
///
/// Asking LAPACK for a subset (`RANGE = 'I'`) is much cheaper than computing everything when only
/// a few extreme eigenpairs matter, as in spectral embeddings or a Lanczos solver's Ritz values.
/// Whatever the selection, results come back in ascending order.
///
/// ```swift
/// let top3 = try SymmetricEigendecomposition(a, selection: .largest(3))
/// let middle = try SymmetricEigendecomposition(a, selection: .indices(10...12))
/// ```
public enum EigenvalueSelection: Sendable, Hashable {
    /// Every eigenvalue.
    case all
    /// The `k` smallest eigenvalues (0 ≤ k ≤ n).
    case smallest(Int)
    /// The `k` largest eigenvalues (0 ≤ k ≤ n), still returned in ascending order.
    case largest(Int)
    /// The eigenvalues at these 0-based positions in ascending order, within `0..<n`.
    case indices(ClosedRange<Int>)

    /// The 0-based ascending positions this selection covers for an `n × n` matrix.
    ///
    /// Throws `LAPACKError.invalidArgument` when `k` is negative or larger than `n`, or the range leaves `0..<n`.
    func positions(forOrder n: Int, routine: String) throws(LAPACKError) -> Range<Int> {
        switch self {
        case .all:
            return 0..<n
        case .smallest(let k), .largest(let k):
            guard k >= 0, k <= n else {
                throw .invalidArgument(routine: routine, reason: "k = \(k) is outside 0...\(n)")
            }
            if case .smallest = self { return 0..<k }
            return (n - k)..<n
        case .indices(let range):
            guard range.lowerBound >= 0, range.upperBound < n else {
                throw .invalidArgument(
                    routine: routine,
                    reason: "indices \(range.lowerBound)...\(range.upperBound) are outside 0..<\(n)"
                )
            }
            return range.lowerBound..<(range.upperBound + 1)
        }
    }
}
