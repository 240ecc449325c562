/// Least squares with a ridge penalty towards a prior: the coefficients that minimise
///
/// `Σᵢ vᵢ (yᵢ − xᵢ·β)² + Σⱼ λⱼ (βⱼ − β⁰ⱼ)²`
///
/// for a design `X` (`n × p`), targets `y`, optional row weights `v ≥ 0` (1 each by default),
/// per-column penalties `λ ≥ 0` (0 leaves a column, such as the intercept, unpenalised) and prior
/// coefficients `β⁰`. The minimiser is the closed form `(XᵀVX + Λ)⁻¹ (XᵀVy + Λβ⁰)`; it is computed
/// without forming `XᵀVX`, as one least-squares problem solved by QR (``LeastSquares``, LAPACK's
/// `dgels`): the rows `√vᵢ xᵢ ≈ √vᵢ yᵢ` stacked over the rows `√λⱼ eⱼ ≈ √λⱼ β⁰ⱼ`.
///
/// With every `λⱼ > 0` the problem has one solution whatever the data. With some `λⱼ = 0` the
/// design must have full rank in those columns; otherwise LAPACK reports the rank deficiency and
/// this throws ``RegressionError/numerical(_:)``.
///
/// ```swift
/// let x = try Matrix(rows: [[1, 0], [1, 1], [1, 2]])
/// let fit = try RidgeRegression.fit(design: x, targets: [1, 2, 4], penalty: [0, 10], prior: [0, 1])
/// fit.coefficients   // the intercept, free; the slope, pulled towards 1
/// ```
public struct RidgeRegression: Sendable, Hashable {
    /// The fitted coefficients `β`, one per column of the design.
    public let coefficients: [Double]
    /// The weighted residual sum of squares `Σ vᵢ (yᵢ − xᵢ·β)²` at `β`.
    public let residualSumOfSquares: Double
    /// The penalty `Σ λⱼ (βⱼ − β⁰ⱼ)²` at `β`.
    public let penaltyTerm: Double

    /// The minimised objective: ``residualSumOfSquares`` + ``penaltyTerm``.
    public var objective: Double { residualSumOfSquares + penaltyTerm }

    /// Fits the coefficients.
    ///
    /// - Parameters:
    ///   - design: `X`, `n × p` (include a column of ones for an intercept).
    ///   - targets: `y`, `n` values.
    ///   - rowWeights: `v`, `n` non-negative weights, or `nil` for 1 each.
    ///   - penalty: `λ`, `p` non-negative strengths.
    ///   - prior: `β⁰`, `p` values the penalty pulls towards.
    /// - Throws: ``RegressionError/invalidInput(_:)`` for mismatched lengths, a negative or
    ///   non-finite weight or penalty, or non-finite data; ``RegressionError/numerical(_:)``
    ///   when LAPACK fails (a rank-deficient unpenalised part).
    public static func fit(
        design: Matrix, targets: [Double], rowWeights: [Double]? = nil, penalty: [Double], prior: [Double]
    ) throws(RegressionError) -> RidgeRegression {
        let n = design.rows
        let p = design.columns
        guard targets.count == n else { throw .invalidInput("\(targets.count) targets for \(n) rows") }
        guard penalty.count == p, prior.count == p else {
            throw .invalidInput(
                "penalty and prior need \(p) values each (one per column); have \(penalty.count) and \(prior.count)")
        }
        if let rowWeights, rowWeights.count != n {
            throw .invalidInput("\(rowWeights.count) row weights for \(n) rows")
        }
        guard penalty.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .invalidInput("every penalty must be finite and ≥ 0")
        }
        guard (rowWeights ?? []).allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .invalidInput("every row weight must be finite and ≥ 0")
        }
        guard design.isFinite, targets.allSatisfy(\.isFinite), prior.allSatisfy(\.isFinite) else {
            throw .invalidInput("the design, targets and prior must be finite")
        }
        let roots = rowWeights?.map { $0.squareRoot() }
        let solution = try Self.solveStacked(
            design: design, targets: targets, rowRoots: roots, penalty: penalty, prior: prior)
        var rss = 0.0
        for i in 0..<n {
            var fitted = 0.0
            for j in 0..<p { fitted += design.columnMajor[i + j * n] * solution[j] }
            let r = targets[i] - fitted
            rss += (rowWeights?[i] ?? 1) * r * r
        }
        var penaltyTerm = 0.0
        for j in 0..<p {
            let gap = solution[j] - prior[j]
            penaltyTerm += penalty[j] * gap * gap
        }
        return RidgeRegression(coefficients: solution, residualSumOfSquares: rss, penaltyTerm: penaltyTerm)
    }

    /// Solves the stacked system `[√v ⊙ X; √Λ] β ≈ [√v ⊙ y; √Λ β⁰]` by QR, checked for finite
    /// output; `rowRoots` are the `√vᵢ` (1 each when `nil`). Shared with ``LogisticRegression``,
    /// whose Newton steps are such systems.
    static func solveStacked(
        design: Matrix, targets: [Double], rowRoots: [Double]?, penalty: [Double], prior: [Double]
    ) throws(RegressionError) -> [Double] {
        let n = design.rows
        let p = design.columns
        let penalised = (0..<p).filter { penalty[$0] > 0 }
        let rows = n + penalised.count
        guard rows >= p else {
            throw .invalidInput(
                "\(n) rows cannot determine \(p) coefficients when only \(penalised.count) are penalised")
        }
        var a = [Double](repeating: 0, count: rows * p)
        var b = [Double](repeating: 0, count: rows)
        let roots = rowRoots ?? [Double](repeating: 1, count: n)
        design.columnMajor.withUnsafeBufferPointer { x in
            a.withUnsafeMutableBufferPointer { a in
                for j in 0..<p {
                    for i in 0..<n { a[i + j * rows] = roots[i] * x[i + j * n] }
                }
            }
        }
        for i in 0..<n { b[i] = roots[i] * targets[i] }
        for (k, j) in penalised.enumerated() {
            let root = penalty[j].squareRoot()
            a[n + k + j * rows] = root
            b[n + k] = root * prior[j]
        }
        do {
            let stacked = try Matrix(rows: rows, columns: p, columnMajor: a)
            let solution = try LeastSquares.solve(a: stacked, b: b).solution
            try LAPACKSupport.requireFiniteOutput(solution, routine: "dgels_")
            return solution
        } catch {
            throw .numerical(error)
        }
    }
}
