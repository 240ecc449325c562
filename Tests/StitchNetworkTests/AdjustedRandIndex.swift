/// The adjusted Rand index of two labellings (Hubert & Arabie, 1985): 1 for identical partitions
/// (up to renaming), about 0 for independent ones.
///
///     ARI = (Σ_ij C(n_ij, 2) − E) / (½ (Σ_i C(a_i, 2) + Σ_j C(b_j, 2)) − E),
///     E = Σ_i C(a_i, 2) · Σ_j C(b_j, 2) / C(n, 2)
enum AdjustedRandIndex {
    static func value(_ x: [Int], _ y: [Int]) -> Double {
        precondition(x.count == y.count)
        func pairs(_ m: Int) -> Double { Double(m) * Double(m - 1) / 2 }
        var table: [Int: [Int: Int]] = [:]
        var rows: [Int: Int] = [:]
        var columns: [Int: Int] = [:]
        for (a, b) in zip(x, y) {
            table[a, default: [:]][b, default: 0] += 1
            rows[a, default: 0] += 1
            columns[b, default: 0] += 1
        }
        let index = table.values.flatMap(\.values).map(pairs).reduce(0, +)
        let sumRows = rows.values.map(pairs).reduce(0, +)
        let sumColumns = columns.values.map(pairs).reduce(0, +)
        let total = pairs(x.count)
        guard total > 0 else { return 1 }
        let expected = sumRows * sumColumns / total
        let maximum = (sumRows + sumColumns) / 2
        guard maximum != expected else { return 1 }
        return (index - expected) / (maximum - expected)
    }
}
