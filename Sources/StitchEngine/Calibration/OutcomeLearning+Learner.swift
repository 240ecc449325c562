import StitchNumerics

extension OutcomeLearning {
    /// The rows of one fit: each row's six factors (in ``Factor/allCases`` order) and its label.
    struct Dataset {
        var x: [[Double]]
        var y: [Double]
        var binary: Bool

        init(_ rows: [OutcomeRow], target: OutcomeTarget) {
            x = []
            y = []
            binary = target.isBinary
            for row in rows {
                guard let label = target.label(row) else { continue }
                x.append(Factor.allCases.map { row.factors[$0] })
                y.append(label)
            }
        }

        init(x: [[Double]], y: [Double], binary: Bool) {
            self.x = x
            self.y = y
            self.binary = binary
        }

        var count: Int { y.count }

        /// The labels to stratify the folds by: the outcome for a binary target, none otherwise.
        var strata: [Int]? { binary ? y.map { Int($0) } : nil }

        func subset(_ rows: [Int]) -> Dataset {
            Dataset(x: rows.map { x[$0] }, y: rows.map { y[$0] }, binary: binary)
        }

        /// The design `[1, x_f for f in columns]`, `count × (1 + columns.count)`.
        func design(_ columns: [Int]) -> Matrix {
            var values = [Double](repeating: 1, count: count * (1 + columns.count))
            for (k, f) in columns.enumerated() {
                for i in 0..<count { values[i + (k + 1) * count] = x[i][f] }
            }
            // The sizes match by construction.
            return (try? Matrix(rows: count, columns: 1 + columns.count, columnMajor: values))
                ?? Matrix(rows: 0, columns: 0)
        }
    }

    /// A fitted model: `intercept + Σ slopes_f x_f`, through the logistic function for a binary
    /// target.
    struct Model {
        var intercept: Double
        var slopes: [Double]
        var binary: Bool
        /// `κ` of the prior it was pulled towards (0 for the model of the weights in force).
        var priorScale: Double

        func predict(_ x: [Double]) -> Double {
            let eta = intercept + zip(slopes, x).reduce(0) { $0 + $1.0 * $1.1 }
            return binary ? LogisticRegression.sigmoid(eta) : eta
        }
    }

    /// The fitting procedure for one group: the weights in force, the target's kind, the settings.
    struct Learner {
        /// The weights in force, summing to 1, in ``Factor/allCases`` order.
        var prior: [Double]
        var binary: Bool
        var settings: Settings

        init(prior: FactorWeights, binary: Bool, settings: Settings) {
            self.prior = Factor.allCases.map { prior[$0] }
            self.binary = binary
            self.settings = settings
        }

        var options: LogisticRegression.Options { .init(maximumIterations: settings.maximumIterations) }

        /// The model of the weights in force: `outcome ≈ a + κ s`, `s` their score, unpenalised.
        func current(_ data: Dataset) throws(RegressionError) -> Model {
            let scores = data.x.map { row in zip(row, prior).reduce(0) { $0 + $1.0 * $1.1 } }
            var values = [Double](repeating: 1, count: 2 * data.count)
            for i in 0..<data.count { values[data.count + i] = scores[i] }
            let design: Matrix
            do {
                design = try Matrix(rows: data.count, columns: 2, columnMajor: values)
            } catch {
                throw .numerical(error)
            }
            let coefficients: [Double]
            if binary {
                coefficients = try LogisticRegression.fit(design: design, outcomes: data.y, options: options)
                    .coefficients
            } else {
                coefficients = try RidgeRegression.fit(
                    design: design, targets: data.y, penalty: [0, 0], prior: [0, 0]
                ).coefficients
            }
            let kappa = coefficients[1]
            return Model(
                intercept: coefficients[0], slopes: prior.map { $0 * kappa }, binary: binary, priorScale: kappa)
        }

        /// The fitted model at `penalty`: pulled towards `κ⁺ w⁰`, every slope ≥ 0.
        ///
        /// When the unconstrained minimiser has a negative slope, the bound-constrained one is
        /// found by the active-set method of Lawson and Hanson's NNLS, which holds for any
        /// strictly convex objective: from the intercept alone, free the slope whose gradient
        /// falls most steeply, refit on the free slopes, and where a refit would take a free
        /// slope below 0, stop at the bound on the segment towards it (the objective is convex
        /// along the segment, so it still falls) and hold that slope at 0 again; it ends when
        /// no held slope's gradient is negative: the Karush–Kuhn–Tucker conditions.
        ///
        /// `base` is ``current(_:)`` of the same rows, when the caller already has it.
        func fit(_ data: Dataset, penalty: Double, base: Model? = nil) throws(RegressionError) -> Model {
            let start: Model
            if let base { start = base } else { start = try current(data) }
            let centre = prior.map { $0 * max(start.priorScale, 0) }
            let factors = prior.count
            let free = try fit(
                data, support: Array(0..<factors), penalty: penalty, centre: centre, start: start.intercept)
            if free.slopes.allSatisfy({ $0 >= 0 }) {
                return Model(
                    intercept: free.intercept, slopes: free.slopes, binary: binary, priorScale: start.priorScale)
            }
            var support: [Int] = []
            var x = try fit(data, support: support, penalty: penalty, centre: centre, start: start.intercept)
            // Each pass frees one slope; the inner refits only hold slopes back. The cap is far
            // above what six factors need, and only guards against rounding cycling.
            for _ in 0..<(4 * factors * factors) {
                let gradient = self.gradient(
                    data, intercept: x.intercept, slopes: x.slopes, penalty: penalty, centre: centre)
                let scale = 1e-9 * Double(max(data.count, 1))
                let held = (0..<factors).filter { !support.contains($0) && gradient[$0] < -scale }
                guard let next = held.min(by: { gradient[$0] < gradient[$1] }) else {
                    return Model(intercept: x.intercept, slopes: x.slopes, binary: binary, priorScale: start.priorScale)
                }
                support = (support + [next]).sorted()
                while true {
                    let z = try fit(data, support: support, penalty: penalty, centre: centre, start: x.intercept)
                    let blocked = support.filter { z.slopes[$0] <= 0 }
                    if blocked.isEmpty {
                        x = z
                        break
                    }
                    // The furthest step from x towards z that keeps every slope ≥ 0.
                    let alpha = blocked.map { x.slopes[$0] / (x.slopes[$0] - z.slopes[$0]) }.min() ?? 0
                    x.intercept += alpha * (z.intercept - x.intercept)
                    for f in support { x.slopes[f] += alpha * (z.slopes[f] - x.slopes[f]) }
                    let zeroed = support.filter { x.slopes[$0] <= 1e-14 }
                    for f in zeroed { x.slopes[f] = 0 }
                    support.removeAll { zeroed.contains($0) }
                    if support.isEmpty {
                        x = try fit(data, support: support, penalty: penalty, centre: centre, start: x.intercept)
                        break
                    }
                }
            }
            throw .didNotConverge(iterations: 4 * factors * factors, lastStep: .nan)
        }

        /// The gradient of the objective with respect to each slope, at `intercept` and `slopes`.
        func gradient(_ data: Dataset, intercept: Double, slopes: [Double], penalty: Double, centre: [Double])
            -> [Double]
        {
            let model = Model(intercept: intercept, slopes: slopes, binary: binary, priorScale: 0)
            var gradient = [Double](repeating: 0, count: slopes.count)
            for i in 0..<data.count {
                let residual = model.predict(data.x[i]) - data.y[i]
                for f in slopes.indices { gradient[f] += residual * data.x[i][f] }
            }
            // The least-squares loss and its pull are not halved: twice the residuals, twice λ.
            let factor = binary ? 1.0 : 2.0
            for f in slopes.indices { gradient[f] = factor * (gradient[f] + penalty * (slopes[f] - centre[f])) }
            return gradient
        }

        /// The penalised fit over `support` (the other slopes held at 0, still paying their pull
        /// towards `centre`), with its objective; slopes in ``Factor/allCases`` order.
        func fit(
            _ data: Dataset, support: [Int], penalty: Double, centre: [Double], start: Double
        ) throws(RegressionError) -> (objective: Double, intercept: Double, slopes: [Double]) {
            let design = data.design(support)
            let penalties = [0] + support.map { _ in penalty }
            let priors = [start] + support.map { centre[$0] }
            let held = prior.indices.filter { !support.contains($0) }.reduce(0) {
                $0 + penalty * centre[$1] * centre[$1]
            }
            let coefficients: [Double]
            let objective: Double
            if binary {
                let fit = try LogisticRegression.fit(
                    design: design, outcomes: data.y, penalty: penalties, prior: priors, options: options)
                coefficients = fit.coefficients
                objective = fit.objective + held / 2
            } else {
                let fit = try RidgeRegression.fit(design: design, targets: data.y, penalty: penalties, prior: priors)
                coefficients = fit.coefficients
                objective = fit.objective + held
            }
            var slopes = [Double](repeating: 0, count: prior.count)
            for (k, f) in support.enumerated() { slopes[f] = coefficients[k + 1] }
            return (objective, coefficients[0], slopes)
        }

        /// The loss of `model` on `data`: the mean log-loss, or the mean squared error.
        func loss(_ model: Model, on data: Dataset) -> Double {
            let predictions = data.x.map(model.predict)
            if binary { return PredictionScores.logLoss(probabilities: predictions, outcomes: data.y) ?? 0 }
            let rmse = PredictionScores.rootMeanSquaredError(predictions: predictions, targets: data.y) ?? 0
            return rmse * rmse
        }

        /// The cross-validated error of each penalty of the grid on `data` (each fold's loss
        /// weighted by its rows, so every row counts once).
        func penaltyScores(_ data: Dataset, labels: [Int]?, seed: UInt64) throws(RegressionError) -> [(
            penalty: Double, error: Double
        )] {
            let folds = CrossValidationFolds(count: data.count, folds: settings.folds, labels: labels, seed: seed)
            var totals = [Double](repeating: 0, count: settings.penalties.count)
            for k in 0..<folds.count {
                let (train, test) = folds.split(k)
                let training = data.subset(train)
                let testing = data.subset(test)
                let base = try current(training)
                for (j, penalty) in settings.penalties.enumerated() {
                    totals[j] += loss(try fit(training, penalty: penalty, base: base), on: testing) * Double(test.count)
                }
            }
            return zip(settings.penalties, totals).map { ($0, $1 / Double(data.count)) }
        }

        /// The penalty with the least error; of equal errors, the strongest (nearest the prior).
        static func choose(_ scores: [(penalty: Double, error: Double)]) -> Double {
            var best = scores[0]
            for score in scores.dropFirst()
            where score.error < best.error || (score.error == best.error && score.penalty > best.penalty) {
                best = score
            }
            return best.penalty
        }

        /// Nested cross-validation: each outer fold's rows predicted by the weights in force and
        /// by the whole procedure (penalty chosen on the training part), both fitted without them.
        func heldOut(_ data: Dataset, labels: [Int]?) throws(RegressionError) -> HeldOutComparison {
            let folds = CrossValidationFolds(
                count: data.count, folds: settings.folds, labels: labels, seed: settings.seed &+ 1)
            var before = [Double](repeating: 0, count: data.count)
            var after = [Double](repeating: 0, count: data.count)
            for k in 0..<folds.count {
                let (train, test) = folds.split(k)
                let training = data.subset(train)
                let inner = training.strata
                let chosen = Self.choose(
                    try penaltyScores(training, labels: inner, seed: settings.seed &+ 2 &+ UInt64(k)))
                let old = try current(training)
                let new = try fit(training, penalty: chosen, base: old)
                for row in test {
                    before[row] = old.predict(data.x[row])
                    after[row] = new.predict(data.x[row])
                }
            }
            func figures(_ predictions: [Double]) -> HeldOutFigures {
                if binary {
                    return HeldOutFigures(
                        logLoss: PredictionScores.logLoss(probabilities: predictions, outcomes: data.y),
                        auc: PredictionScores.areaUnderROC(scores: predictions, outcomes: data.y))
                }
                return HeldOutFigures(
                    rmse: PredictionScores.rootMeanSquaredError(predictions: predictions, targets: data.y))
            }
            return HeldOutComparison(folds: folds.count, before: figures(before), after: figures(after))
        }
    }
}
