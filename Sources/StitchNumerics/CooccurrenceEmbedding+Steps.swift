#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension CooccurrenceEmbedding {
    /// Step 1: the item × item co-occurrence counts `C = XᵀX`, column-major; the diagonal holds how
    /// many members hold each item.
    ///
    /// Each set is de-duplicated with a "last seen in member m" stamp per item (no sorting, no
    /// allocation per member), then each unordered pair adds 1 to both `Cᵢⱼ` and `Cⱼᵢ`.
    static func cooccurrenceCounts(sets: [[Int]], itemCount n: Int) throws(LAPACKError) -> [Double] {
        var counts = [Double](repeating: 0, count: n * n)
        var lastSeen = [Int](repeating: -1, count: n)
        var distinct: [Int] = []
        distinct.reserveCapacity(16)
        for (member, set) in sets.enumerated() {
            distinct.removeAll(keepingCapacity: true)
            for item in set {
                guard item >= 0, item < n else {
                    throw .invalidArgument(
                        routine: "CooccurrenceEmbedding",
                        reason: "member \(member) holds item \(item), outside 0..<\(n)"
                    )
                }
                if lastSeen[item] != member {
                    lastSeen[item] = member
                    distinct.append(item)
                }
            }
            for item in distinct { counts[item + item * n] += 1 }
            guard distinct.count > 1 else { continue }
            for x in 0..<(distinct.count - 1) {
                let a = distinct[x]
                for y in (x + 1)..<distinct.count {
                    let b = distinct[y]
                    counts[a + b * n] += 1
                    counts[b + a * n] += 1
                }
            }
        }
        return counts
    }

    /// Step 2: positive pointwise mutual information of the symmetric counts `C` (n × n, column-major).
    ///
    /// `Pᵢⱼ = max(0, ln(Cᵢⱼ · N / (cᵢ · cⱼ)))` where `Cᵢⱼ > 0`, else 0; all zeros when `N = 0`.
    static func positivePointwiseMutualInformation(_ counts: [Double], n: Int) -> [Double] {
        var rowSums = [Double](repeating: 0, count: n)
        for j in 0..<n {
            for i in 0..<n {
                rowSums[i] += counts[i + j * n]
            }
        }
        let total = rowSums.reduce(0, +)
        var ppmi = [Double](repeating: 0, count: n * n)
        guard total > 0 else { return ppmi }
        for j in 0..<n {
            for i in 0..<n where counts[i + j * n] > 0 {
                ppmi[i + j * n] = max(0, log(counts[i + j * n] * total / (rowSums[i] * rowSums[j])))
            }
        }
        return ppmi
    }

    /// Step 4: the cosine of every pair of rows of `embedding`, clipped to [0, 1], with a unit diagonal.
    ///
    /// Rows are normalised once (rows with norm < 1e-12 become zero) into the columns of a
    /// `k × n` matrix `Q`; then every cosine at once is `QᵀQ`, one `dsyrk`.
    static func cosineTable(_ embedding: Matrix) throws(LAPACKError) -> [Double] {
        let n = embedding.rows
        let k = embedding.columns
        var unitRows = Matrix(rows: k, columns: n)
        for i in 0..<n {
            var squaredNorm = 0.0
            for j in 0..<k {
                squaredNorm += embedding.columnMajor[i + j * n] * embedding.columnMajor[i + j * n]
            }
            let norm = squaredNorm.squareRoot()
            guard norm >= 1e-12 else { continue }
            for j in 0..<k {
                unitRows.columnMajor[j + i * k] = embedding.columnMajor[i + j * n] / norm
            }
        }
        var table = try unitRows.gram().columnMajor
        for index in table.indices {
            table[index] = min(1, max(0, table[index]))
        }
        for i in 0..<n {
            table[i + i * n] = 1
        }
        try LAPACKSupport.requireFiniteOutput(table, routine: "CooccurrenceEmbedding")
        return table
    }
}
