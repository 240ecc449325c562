import Foundation
import StitchNumerics
import StitchTestSupport
import Testing

/// Logistic regression (IRLS), ridge towards a prior, and the held-out scores, each checked
/// against statsmodels, scikit-learn, scipy or numpy on the same seeded data.
@Suite("Regression against references")
struct RegressionReferenceTests {
    /// `n` rows of an intercept and `p` features uniform in [0, 1], with 0/1 outcomes drawn from
    /// the logistic model with coefficients `truth` (intercept first).
    static func logisticData(_ n: Int, truth: [Double], seed: UInt64) throws -> (Matrix, [Double]) {
        var random = StitchTestSupport.SplitMix64(seed: seed)
        let p = truth.count
        var values = [Double](repeating: 1, count: n * p)
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var eta = truth[0]
            for j in 1..<p {
                let x = Double.random(in: 0...1, using: &random)
                values[i + j * n] = x
                eta += truth[j] * x
            }
            y[i] = Double.random(in: 0...1, using: &random) < LogisticRegression.sigmoid(eta) ? 1 : 0
        }
        return (try Matrix(rows: n, columns: p, columnMajor: values), y)
    }

    struct Input: Encodable {
        let x: NumPyReference.MatrixJSON
        let y: [Double]
        let penalty: [Double]
        let prior: [Double]
        let weights: [Double]
    }

    struct Output: Decodable {
        let coefficients: [Double]
        let objective: Double?
    }

    static func run(
        _ script: String, x: Matrix, y: [Double], penalty: [Double] = [], prior: [Double] = [], weights: [Double] = []
    )
        throws -> Output
    {
        try NumPyReference.run(
            script, input: Input(x: .init(x), y: y, penalty: penalty, prior: prior, weights: weights), as: Output.self)
    }

    static func expectClose(
        _ a: [Double], _ b: [Double], within tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(a.count == b.count, sourceLocation: sourceLocation)
        let gap = zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
        #expect(gap < tolerance, "\(a) vs \(b): largest gap \(gap)", sourceLocation: sourceLocation)
    }

    @Test func unpenalisedFitEqualsStatsmodelsLogit() throws {
        for (seed, truth) in [(UInt64(1), [-0.5, 2.0, -1.0, 0.7]), (2, [1.2, -3.0, 0.4, 1.5, 0.0])] {
            let (x, y) = try Self.logisticData(600, truth: truth, seed: seed)
            let fit = try LogisticRegression.fit(design: x, outcomes: y)
            let reference = try Self.run(
                """
                try:
                    import statsmodels.api as sm
                except ImportError as error:
                    sys.stderr.write("statsmodels is not installed (%s); run `make deps`\\n" % error)
                    sys.exit(3)
                X = mat(inp["x"]); y = np.array(inp["y"])
                res = sm.Logit(y, X).fit(method="newton", tol=1e-14, maxiter=100, disp=0)
                out({"coefficients": res.params.tolist(), "objective": -float(res.llf)})
                """, x: x, y: y)
            Self.expectClose(fit.coefficients, reference.coefficients, within: 1e-6)
            #expect(abs(-fit.logLikelihood - (reference.objective ?? .nan)) < 1e-8)
            #expect(fit.iterations < 15, "Newton converges in a few steps (\(fit.iterations))")
        }
    }

    /// scikit-learn minimises `½‖w‖² + C Σ log-loss` with the intercept unpenalised; divided by
    /// `C` that is Stitch's objective with `λ = 1/C` on every column but the intercept, `β⁰ = 0`.
    @Test func penalisedFitEqualsScikitLearnWithCAsOneOverLambda() throws {
        let (x, y) = try Self.logisticData(400, truth: [0.3, 2.5, -1.5, 1.0], seed: 3)
        for lambda in [0.5, 4.0, 40.0] {
            let penalty = [0, lambda, lambda, lambda]
            let fit = try LogisticRegression.fit(design: x, outcomes: y, penalty: penalty)
            let reference = try Self.run(
                """
                try:
                    from sklearn.linear_model import LogisticRegression
                except ImportError as error:
                    sys.stderr.write("scikit-learn is not installed (%s); run `make deps`\\n" % error)
                    sys.exit(3)
                X = mat(inp["x"])[:, 1:]; y = np.array(inp["y"])
                C = 1.0 / inp["penalty"][1]
                m = LogisticRegression(C=C, solver="newton-cholesky", tol=1e-14, max_iter=1000).fit(X, y)
                out({"coefficients": [float(m.intercept_[0])] + m.coef_[0].tolist()})
                """, x: x, y: y, penalty: penalty)
            Self.expectClose(fit.coefficients, reference.coefficients, within: 1e-6)
        }
    }

    /// The pull towards a non-zero prior, which scikit-learn cannot express: the same objective
    /// minimised by scipy (trust-region Newton with the exact gradient and Hessian).
    @Test func fitTowardsAPriorEqualsScipyOnTheSameObjective() throws {
        let (x, y) = try Self.logisticData(300, truth: [-1.0, 0.5, 3.0, 0.2, -0.8], seed: 4)
        let penalty = [0, 6, 6, 2, 20.0]
        let prior = [0, 1.5, 0.5, 1.0, 0.25]
        let fit = try LogisticRegression.fit(design: x, outcomes: y, penalty: penalty, prior: prior)
        let reference = try Self.run(
            """
            from scipy.optimize import minimize
            from scipy.special import expit
            X = mat(inp["x"]); y = np.array(inp["y"])
            lam = np.array(inp["penalty"]); b0 = np.array(inp["prior"])
            def f(b):
                eta = X @ b
                return float(np.sum(np.logaddexp(0, eta) - y * eta) + 0.5 * np.sum(lam * (b - b0) ** 2))
            def g(b):
                return X.T @ (expit(X @ b) - y) + lam * (b - b0)
            def h(b):
                p = expit(X @ b)
                return (X.T * (p * (1 - p))) @ X + np.diag(lam)
            res = minimize(f, np.zeros(X.shape[1]), jac=g, hess=h, method="trust-exact", options={"gtol": 1e-12})
            out({"coefficients": res.x.tolist(), "objective": f(res.x)})
            """, x: x, y: y, penalty: penalty, prior: prior)
        Self.expectClose(fit.coefficients, reference.coefficients, within: 1e-6)
        #expect(abs(fit.objective - (reference.objective ?? .nan)) < 1e-9)
    }

    @Test func ridgeEqualsTheClosedForm() throws {
        var random = StitchTestSupport.SplitMix64(seed: 5)
        let n = 80
        var rows: [[Double]] = []
        var y: [Double] = []
        var v: [Double] = []
        for _ in 0..<n {
            let row = [1] + (0..<4).map { _ in Double.random(in: 0...1, using: &random) }
            rows.append(row)
            y.append(2 + 3 * row[1] - row[3] + Double.random(in: -0.5...0.5, using: &random))
            v.append(Double.random(in: 0.2...2, using: &random))
        }
        let x = try Matrix(rows: rows)
        let penalty = [0, 3, 3, 0.5, 10.0]
        let prior = [0, 1, 1, -2, 0.5]
        for weights in [nil, v] {
            let fit = try RidgeRegression.fit(
                design: x, targets: y, rowWeights: weights, penalty: penalty, prior: prior)
            let reference = try Self.run(
                """
                X = mat(inp["x"]); y = np.array(inp["y"])
                L = np.diag(inp["penalty"]); b0 = np.array(inp["prior"])
                V = np.diag(inp["weights"]) if inp["weights"] else np.eye(len(y))
                beta = np.linalg.solve(X.T @ V @ X + L, X.T @ V @ y + L @ b0)
                r = y - X @ beta
                out({"coefficients": beta.tolist(), "objective": float(r @ V @ r + (beta - b0) @ L @ (beta - b0))})
                """, x: x, y: y, penalty: penalty, prior: prior, weights: weights ?? [])
            Self.expectClose(fit.coefficients, reference.coefficients, within: 1e-9)
            #expect(abs(fit.objective - (reference.objective ?? .nan)) < 1e-8)
        }
    }

    @Test func separatedOutcomesAreAnErrorUnlessPenalised() throws {
        // y = 1 exactly when x > 0.5: the unpenalised slope runs off to infinity.
        let xs = (0..<40).map { Double($0) / 39 }
        let x = try Matrix(rows: xs.map { [1, $0] })
        let y = xs.map { $0 > 0.5 ? 1.0 : 0.0 }
        #expect {
            try LogisticRegression.fit(design: x, outcomes: y)
        } throws: { error in
            guard case .separation = error as? RegressionError else { return false }
            return true
        }
        let penalised = try LogisticRegression.fit(design: x, outcomes: y, penalty: [0, 1])
        #expect(penalised.coefficients.allSatisfy(\.isFinite) && penalised.coefficients[1] > 0)
        // Outcomes all the same, with a free intercept.
        #expect(throws: RegressionError.separation("every outcome is 0")) {
            try LogisticRegression.fit(design: x, outcomes: [Double](repeating: 0, count: 40), penalty: [0, 1])
        }
    }

    @Test func anIterationCapIsAnErrorNotAnAnswer() throws {
        let (x, y) = try Self.logisticData(200, truth: [0.5, 2, -2], seed: 6)
        #expect {
            try LogisticRegression.fit(design: x, outcomes: y, options: .init(maximumIterations: 1))
        } throws: { error in
            guard case .didNotConverge(iterations: 1, _) = error as? RegressionError else { return false }
            return true
        }
    }

    @Test func badInputIsRefusedWithAReason() throws {
        let x = try Matrix(rows: [[1, 0.2], [1, 0.8]])
        #expect(throws: RegressionError.invalidInput("every outcome must be 0 or 1")) {
            try LogisticRegression.fit(design: x, outcomes: [0, 0.5])
        }
        #expect(throws: RegressionError.invalidInput("3 outcomes for 2 rows")) {
            try LogisticRegression.fit(design: x, outcomes: [0, 1, 1])
        }
        #expect(throws: RegressionError.invalidInput("every penalty must be finite and ≥ 0")) {
            try RidgeRegression.fit(design: x, targets: [1, 2], penalty: [0, -1], prior: [0, 0])
        }
        #expect(throws: RegressionError.invalidInput("the design, targets and prior must be finite")) {
            try RidgeRegression.fit(design: x, targets: [1, .nan], penalty: [0, 1], prior: [0, 0])
        }
    }

    struct ScoreOutput: Decodable {
        let logLoss: Double
        let auc: Double
        let rmse: Double
    }

    @Test func heldOutScoresEqualScikitLearns() throws {
        var random = StitchTestSupport.SplitMix64(seed: 7)
        // Scores on a coarse grid, so there are ties for the AUC to split.
        let scores = (0..<300).map { _ in (Double.random(in: 0...1, using: &random) * 20).rounded() / 20 }
        let outcomes = scores.map { Double.random(in: 0...1, using: &random) < $0 ? 1.0 : 0.0 }
        let targets = scores.map { $0 + Double.random(in: -0.3...0.3, using: &random) }
        struct In: Encodable {
            let p: [Double]
            let y: [Double]
            let t: [Double]
        }
        let reference = try NumPyReference.run(
            """
            try:
                from sklearn.metrics import log_loss, roc_auc_score, mean_squared_error
            except ImportError as error:
                sys.stderr.write("scikit-learn is not installed (%s); run `make deps`\\n" % error)
                sys.exit(3)
            p = np.clip(np.array(inp["p"]), 1e-15, 1 - 1e-15); y = np.array(inp["y"]); t = np.array(inp["t"])
            out({"logLoss": log_loss(y, p), "auc": roc_auc_score(y, inp["p"]),
                 "rmse": float(np.sqrt(mean_squared_error(t, inp["p"])))})
            """, input: In(p: scores, y: outcomes, t: targets), as: ScoreOutput.self)
        #expect(
            abs((PredictionScores.logLoss(probabilities: scores, outcomes: outcomes) ?? .nan) - reference.logLoss)
                < 1e-12)
        #expect(
            abs((PredictionScores.areaUnderROC(scores: scores, outcomes: outcomes) ?? .nan) - reference.auc) < 1e-12)
        #expect(
            abs((PredictionScores.rootMeanSquaredError(predictions: scores, targets: targets) ?? .nan) - reference.rmse)
                < 1e-12)
        #expect(PredictionScores.areaUnderROC(scores: [0.1, 0.2], outcomes: [1, 1]) == nil)
        #expect(PredictionScores.logLoss(probabilities: [], outcomes: []) == nil)
    }

    @Test func foldsAreSeededStratifiedAndCoverEveryRowOnce() {
        let labels = (0..<103).map { $0 % 7 == 0 ? 1 : 0 }  // 15 ones, 88 zeros
        let folds = CrossValidationFolds(count: 103, folds: 5, labels: labels, seed: 42)
        #expect(folds == CrossValidationFolds(count: 103, folds: 5, labels: labels, seed: 42))
        #expect(folds != CrossValidationFolds(count: 103, folds: 5, labels: labels, seed: 43))
        var seen = [Int](repeating: 0, count: 103)
        for k in 0..<5 {
            let (train, test) = folds.split(k)
            #expect(train.count + test.count == 103)
            #expect((20...21).contains(test.count))
            #expect(test.filter { labels[$0] == 1 }.count == 3, "each fold holds its share of the rarer outcome")
            for row in test { seen[row] += 1 }
        }
        #expect(seen.allSatisfy { $0 == 1 })
    }
}
