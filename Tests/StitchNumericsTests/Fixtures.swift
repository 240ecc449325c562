import StitchNumerics

/// Seeded random matrices and the comparisons the numerics tests share.
enum Fixtures {
    /// An `rows × columns` matrix with entries uniform in [-1, 1).
    static func randomMatrix(rows: Int, columns: Int, generator: inout SplitMix64) -> Matrix {
        var result = Matrix(rows: rows, columns: columns)
        for j in 0..<columns {
            for i in 0..<rows {
                result[i, j] = Double.random(in: -1..<1, using: &generator)
            }
        }
        return result
    }

    /// A random symmetric `n × n` matrix, `(R + Rᵀ) / 2`.
    static func randomSymmetric(_ n: Int, generator: inout SplitMix64) -> Matrix {
        let r = self.randomMatrix(rows: n, columns: n, generator: &generator)
        var result = Matrix(rows: n, columns: n)
        for j in 0..<n {
            for i in 0..<n {
                result[i, j] = (r[i, j] + r[j, i]) / 2
            }
        }
        return result
    }

    /// The largest absolute difference between two equally long sequences (∞ if their lengths differ).
    static func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    /// The largest absolute difference between the columns of `a` and `b`, each column of `b`
    /// first flipped in sign to best match `a` (eigen- and singular vectors are defined up to sign).
    static func maxColumnDifferenceUpToSign(_ a: Matrix, _ b: Matrix) -> Double {
        guard a.rows == b.rows, a.columns == b.columns else { return .infinity }
        var worst = 0.0
        for j in 0..<a.columns {
            let x = a.column(j)
            let y = b.column(j)
            let dot = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
            let sign: Double = dot < 0 ? -1 : 1
            worst = max(worst, self.maxAbsDifference(x, y.map { sign * $0 }))
        }
        return worst
    }
}
