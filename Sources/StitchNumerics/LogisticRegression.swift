#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Logistic regression by iteratively reweighted least squares (IRLS, Newton's method), with an
/// optional L2 penalty towards a prior: the coefficients `β` that minimise
///
/// `−ℓ(β) + ½ Σⱼ λⱼ (βⱼ − β⁰ⱼ)²`, where `ℓ(β) = Σᵢ [yᵢ ηᵢ − log(1 + e^ηᵢ)]` and `ηᵢ = xᵢ·β`,
///
/// for outcomes `yᵢ ∈ {0, 1}`. `λⱼ = 0` leaves column `j` unpenalised (the intercept, say), and
/// every `λ = 0` is plain maximum likelihood (statsmodels' `Logit`). With `β⁰ = 0` and one `λ`
/// on every column but the intercept, it is scikit-learn's `LogisticRegression(C = 1/λ)`,
/// whose objective is `½‖w‖² + C Σ log-loss`: divide by `C`.
///
/// Each Newton step solves `(XᵀWX + Λ) β' = XᵀWz + Λβ⁰` (`W = diag p(1−p)`, `z` the working
/// response) as one stacked least-squares problem by QR (LAPACK's `dgels`, through
/// ``RidgeRegression``), halving the step whenever it would raise the objective, so the
/// objective never rises. It stops when the largest change in a coefficient is below
/// ``Options/tolerance`` × (1 + the largest coefficient).
///
/// Failures are errors, never NaN: outcomes all the same or a linear predictor that runs past
/// ±``Options/separationLimit`` (a fitted probability indistinguishable from 0 or 1: perfect
/// separation, where the unpenalised maximum is at infinity) throw
/// ``RegressionError/separation(_:)``; reaching ``Options/maximumIterations`` throws
/// ``RegressionError/didNotConverge(iterations:lastStep:)``.
///
/// ```swift
/// let fit = try LogisticRegression.fit(design: x, outcomes: y)                 // maximum likelihood
/// let pulled = try LogisticRegression.fit(design: x, outcomes: y, penalty: [0, 5, 5], prior: [0, 1, 1])
/// pulled.probability(of: [1, 0.3, 0.8])
/// ```
public struct LogisticRegression: Sendable, Hashable {
    /// When to stop, and when to give up.
    public struct Options: Sendable, Hashable {
        /// The most Newton steps taken.
        public var maximumIterations: Int
        /// The relative change in the coefficients below which the fit has converged.
        public var tolerance: Double
        /// The largest |linear predictor| allowed before the data are declared separated
        /// (36: `e⁻³⁶` is below a double's resolution next to 1).
        public var separationLimit: Double

        public init(maximumIterations: Int = 100, tolerance: Double = 1e-10, separationLimit: Double = 36) {
            self.maximumIterations = maximumIterations
            self.tolerance = tolerance
            self.separationLimit = separationLimit
        }
    }

    /// The fitted coefficients `β`, one per column of the design.
    public let coefficients: [Double]
    /// The log-likelihood `ℓ(β)` at the fit.
    public let logLikelihood: Double
    /// The minimised objective `−ℓ(β) + ½ Σ λⱼ (βⱼ − β⁰ⱼ)²`.
    public let objective: Double
    /// The Newton steps taken.
    public let iterations: Int

    /// The fitted probability of an outcome of 1 for a row `x` (one value per column).
    public func probability(of row: [Double]) -> Double {
        precondition(row.count == coefficients.count, "a row needs one value per coefficient")
        return Self.sigmoid(zip(row, coefficients).reduce(0) { $0 + $1.0 * $1.1 })
    }

    /// Fits the coefficients.
    ///
    /// - Parameters:
    ///   - design: `X`, `n × p` (include a column of ones for an intercept).
    ///   - outcomes: `y`, `n` values, each 0 or 1.
    ///   - penalty: `λ`, `p` strengths ≥ 0; `nil` for none (maximum likelihood).
    ///   - prior: `β⁰`, `p` values; `nil` for zeros. Also the starting point of the iterations.
    /// - Throws: ``RegressionError``: `.invalidInput`, `.separation`, `.didNotConverge`, or
    ///   `.numerical` when LAPACK fails (a rank-deficient unpenalised design).
    public static func fit(
        design: Matrix, outcomes: [Double], penalty: [Double]? = nil, prior: [Double]? = nil,
        options: Options = Options()
    ) throws(RegressionError) -> LogisticRegression {
        let n = design.rows
        let p = design.columns
        let penalty = penalty ?? [Double](repeating: 0, count: p)
        let prior = prior ?? [Double](repeating: 0, count: p)
        guard outcomes.count == n else { throw .invalidInput("\(outcomes.count) outcomes for \(n) rows") }
        guard outcomes.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw .invalidInput("every outcome must be 0 or 1") }
        guard penalty.count == p, prior.count == p else {
            throw .invalidInput(
                "penalty and prior need \(p) values each (one per column); have \(penalty.count) and \(prior.count)")
        }
        guard penalty.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .invalidInput("every penalty must be finite and ≥ 0")
        }
        guard design.isFinite, prior.allSatisfy(\.isFinite) else {
            throw .invalidInput("the design and prior must be finite")
        }
        guard n > 0 else { throw .invalidInput("no rows to fit") }
        let ones = outcomes.reduce(0, +)
        if ones == 0 || ones == Double(n), penalty.contains(0) {
            throw .separation("every outcome is \(Int(outcomes[0]))")
        }

        var beta = prior
        var eta = try Self.linearPredictor(design, beta)
        var current = Self.objective(eta: eta, outcomes: outcomes, beta: beta, penalty: penalty, prior: prior)
        var lastStep = Double.infinity
        for iteration in 1...max(options.maximumIterations, 1) {
            // The Newton step as a weighted ridge problem: rows √wᵢ xᵢ ≈ √wᵢ zᵢ, with
            // zᵢ = ηᵢ + (yᵢ − pᵢ)/wᵢ, so √wᵢ zᵢ = √wᵢ ηᵢ + (yᵢ − pᵢ)/√wᵢ.
            var roots = [Double](repeating: 0, count: n)
            var working = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let prob = Self.sigmoid(eta[i])
                let root = (prob * (1 - prob)).squareRoot()
                guard root > 0 else { throw .separation("a fitted probability reached 0 or 1") }
                roots[i] = root
                working[i] = eta[i] + (outcomes[i] - prob) / (root * root)
            }
            let newton = try RidgeRegression.solveStacked(
                design: design, targets: working, rowRoots: roots, penalty: penalty, prior: prior)
            // Halve the step until the objective does not rise (it nearly never has to).
            var step = 1.0
            var candidate = newton
            var candidateEta = try Self.linearPredictor(design, candidate)
            var value = Self.objective(
                eta: candidateEta, outcomes: outcomes, beta: candidate, penalty: penalty, prior: prior)
            var halvings = 0
            while !(value <= current + 1e-12 * max(1, abs(current))), halvings < 40 {
                step /= 2
                halvings += 1
                candidate = zip(beta, newton).map { $0 + step * ($1 - $0) }
                candidateEta = try Self.linearPredictor(design, candidate)
                value = Self.objective(
                    eta: candidateEta, outcomes: outcomes, beta: candidate, penalty: penalty, prior: prior)
            }
            lastStep = zip(beta, candidate).reduce(0) { max($0, abs($1.0 - $1.1)) }
            let size = candidate.reduce(0) { max($0, abs($1)) }
            beta = candidate
            eta = candidateEta
            current = value
            if let largest = eta.map(abs).max(), largest > options.separationLimit {
                throw .separation("a linear predictor reached \(largest), a fitted probability of 0 or 1")
            }
            if lastStep <= options.tolerance * (1 + size) {
                return LogisticRegression(
                    coefficients: beta, logLikelihood: Self.logLikelihood(eta: eta, outcomes: outcomes),
                    objective: current,
                    iterations: iteration)
            }
        }
        throw .didNotConverge(iterations: max(options.maximumIterations, 1), lastStep: lastStep)
    }

    /// `1 / (1 + e^−η)`, computed without overflow for either sign.
    public static func sigmoid(_ eta: Double) -> Double {
        eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
    }

    /// `log(1 + e^η)`, computed without overflow.
    static func softplus(_ eta: Double) -> Double {
        eta > 0 ? eta + log1p(exp(-eta)) : log1p(exp(eta))
    }

    static func logLikelihood(eta: [Double], outcomes: [Double]) -> Double {
        var total = 0.0
        for i in eta.indices { total += outcomes[i] * eta[i] - softplus(eta[i]) }
        return total
    }

    static func objective(eta: [Double], outcomes: [Double], beta: [Double], penalty: [Double], prior: [Double])
        -> Double
    {
        var value = -logLikelihood(eta: eta, outcomes: outcomes)
        for j in beta.indices { value += 0.5 * penalty[j] * (beta[j] - prior[j]) * (beta[j] - prior[j]) }
        return value
    }

    static func linearPredictor(_ design: Matrix, _ beta: [Double]) throws(RegressionError) -> [Double] {
        do {
            return try design.multiplied(by: beta)
        } catch {
            throw .numerical(error)
        }
    }
}
