public import StitchModel
import StitchNumerics

/// Fitting a profile's factor weights to recorded outcomes (`weights.calibrate`).
///
/// Each outcome becomes a sample: the six factors of its subject–candidate pair (as
/// ``Engine/explain(_:)`` computes them) and a label, ``label(_:)``. The fit is a ridge
/// regression with an intercept, pulled toward the weights in force, with non-negative weights:
///
/// `minimise Σᵢ (c + Σ_f w_f · x_if − yᵢ)² + λ · Σ_f (w_f − w⁰_f)²` subject to `w ≥ 0`,
///
/// where `w⁰` are the current weights scaled to sum 1 and `λ` is ``priorStrength``. The intercept
/// `c` takes the base rate of the labels, so the weights only say how the outcomes vary with each
/// factor. The ridge term is written as `λ`-weighted extra rows of one least-squares system,
/// solved by LAPACK's `dgels` (QR; ``system(_:prior:support:strength:)``): a handful of outcomes
/// moves the weights little, thousands decide them. The non-negativity is exact: the objective
/// is strictly convex, so its minimiser is the unconstrained minimiser over its own support, and
/// each of the 64 supports is solved and the best non-negative one kept. The weights are then
/// scaled to sum 1 (a score is a weighted mean, so only their ratios matter).
///
/// The reasons for these choices are in docs/scoring.md ("Calibration").
public enum WeightCalibration {
    /// Outcomes needed before a profile is calibrated.
    public static let minimumOutcomes = 20

    /// `λ`: the pull toward the weights in force. An outcome whose factor spreads evenly over
    /// [0, 1] adds about 1/12 to that factor's centred sum of squares, so `λ = 10` has the say of
    /// about 120 such outcomes: 20 move the weights a little, thousands decide them.
    public static let priorStrength = 10.0

    /// One outcome as the fit sees it: its pair's factors and its label.
    public struct Sample: Sendable, Hashable {
        public var factors: FactorScores
        public var label: Double

        public init(factors: FactorScores, label: Double) {
            self.factors = factors
            self.label = label
        }
    }

    /// The augmented least-squares system `A · θ ≈ b` of a fit on one support, column-major.
    ///
    /// Columns: the intercept, then each factor of `support`. Rows: one per sample
    /// (`[1, x_f…] ≈ label`), then one per factor of `support` (`√λ · w_f ≈ √λ · w⁰_f`).
    public struct System: Sendable, Hashable {
        public var rows: Int
        public var columns: Int
        /// `A`, column by column.
        public var columnMajor: [Double]
        /// `b`.
        public var rightHandSide: [Double]
        /// The factors of the columns after the intercept.
        public var support: [Factor]
    }

    /// A fit: the weights found and what they were found from.
    public struct Fit: Sendable, Hashable {
        /// The fitted weights: finite, non-negative, summing to 1.
        public var weights: FactorWeights
        /// The fitted weights before scaling to sum 1 (the slope of each factor).
        public var slopes: FactorWeights
        /// The fitted intercept `c`.
        public var intercept: Double
        /// The outcomes fitted.
        public var outcomes: Int
        /// The outcomes of the profile that could not be used (a subject or candidate no
        /// longer in the community, or a pair that cannot be explained any more).
        public var skipped: Int
    }

    /// The label an outcome is fitted to: 0.5 for an accepted suggestion, and 0.5 more when it
    /// was completed (0, 0.5 or 1). Wellbeing is not used: it is on each referrer's own scale.
    public static func label(_ outcome: Outcome) -> Double {
        (outcome.accepted ? 0.5 : 0) + (outcome.completed ? 0.5 : 0)
    }

    /// Whether an outcome calibrates `profile`: `broker` learns from helpers suggested to
    /// members (a member candidate); `referral` and `planning` from activities (an activity
    /// candidate). The same split as ``Engine/explain(_:)`` makes between its two kinds.
    static func calibrates(_ profile: ScoringProfile, candidateIsActivity: Bool) -> Bool {
        profile == .broker ? !candidateIsActivity : candidateIsActivity
    }

    /// The system of a fit restricted to `support` (the other weights held at 0).
    public static func system(
        _ samples: [Sample], prior: FactorWeights, support: [Factor] = Factor.allCases,
        strength: Double = priorStrength
    ) -> System {
        let target = normalised(prior)
        let rows = samples.count + support.count
        let columns = 1 + support.count
        let root = strength.squareRoot()
        var a = [Double](repeating: 0, count: rows * columns)
        var b = [Double](repeating: 0, count: rows)
        for (i, sample) in samples.enumerated() {
            a[i] = 1
            for (j, factor) in support.enumerated() {
                a[i + (j + 1) * rows] = sample.factors[factor]
            }
            b[i] = sample.label
        }
        for (j, factor) in support.enumerated() {
            let i = samples.count + j
            a[i + (j + 1) * rows] = root
            b[i] = root * target[factor]
        }
        return System(rows: rows, columns: columns, columnMajor: a, rightHandSide: b, support: support)
    }

    /// Fits non-negative weights to `samples`, pulled toward `prior`.
    ///
    /// - Throws: ``CalibrationError/tooFewOutcomes(needed:has:profile:)`` under `minimum`
    ///   samples; ``CalibrationError/noFactorFavoured`` when the best fit gives every factor 0;
    ///   ``CalibrationError/numerical(_:)`` if LAPACK fails (non-finite input).
    public static func fit(
        _ samples: [Sample], prior: FactorWeights, profile: ScoringProfile, strength: Double = priorStrength,
        minimum: Int = minimumOutcomes
    ) throws(CalibrationError) -> Fit {
        precondition(strength > 0 && strength.isFinite, "the prior strength must be a positive number")
        guard samples.count >= max(minimum, 1) else {
            throw .tooFewOutcomes(needed: max(minimum, 1), has: samples.count, profile: profile)
        }
        let target = normalised(prior)
        var best: (objective: Double, coefficients: [Double], support: [Factor])?
        // Every support, smallest first, so an exact tie keeps the sparser fit.
        let supports = (0..<(1 << Factor.allCases.count)).map { mask in
            Factor.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
        }.sorted { $0.count < $1.count }
        for support in supports {
            let s = system(samples, prior: target, support: support, strength: strength)
            let solved: LeastSquares
            do {
                let a = try Matrix(rows: s.rows, columns: s.columns, columnMajor: s.columnMajor)
                solved = try LeastSquares.solve(a: a, b: s.rightHandSide)
            } catch {
                throw .numerical(error.description)
            }
            let coefficients = solved.solution
            guard coefficients.dropFirst().allSatisfy({ $0 >= 0 }) else { continue }
            // The weights held at 0 still pay their pull toward the prior.
            let held = Factor.allCases.filter { !support.contains($0) }.reduce(0) { $0 + strength * target[$1] * target[$1] }
            let objective = solved.residualSumOfSquares[0] + held
            if objective < (best?.objective ?? .infinity) {
                best = (objective, coefficients, support)
            }
        }
        // The empty support is always feasible, so there is a best.
        guard let best else { throw .noFactorFavoured }
        var slopes = FactorWeights()
        for (j, factor) in best.support.enumerated() { slopes[factor] = best.coefficients[j + 1] }
        let total = Factor.allCases.reduce(0) { $0 + slopes[$1] }
        guard total > 0, total.isFinite else { throw .noFactorFavoured }
        var weights = FactorWeights()
        for factor in Factor.allCases { weights[factor] = slopes[factor] / total }
        return Fit(weights: weights, slopes: slopes, intercept: best.coefficients[0], outcomes: samples.count, skipped: 0)
    }

    /// Weights scaled to sum 1 (all zero stays all zero).
    static func normalised(_ weights: FactorWeights) -> FactorWeights {
        let total = Factor.allCases.reduce(0) { $0 + weights[$1] }
        guard total > 0 else { return weights }
        var out = FactorWeights()
        for factor in Factor.allCases { out[factor] = weights[factor] / total }
        return out
    }
}

/// Why a profile could not be calibrated.
public enum CalibrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer usable outcomes than the fit needs.
    case tooFewOutcomes(needed: Int, has: Int, profile: ScoringProfile)
    /// The outcomes give every factor a weight of 0 (they fall as the factors rise).
    case noFactorFavoured
    /// The least-squares solver failed (a LAPACK error, naming the routine).
    case numerical(String)

    /// The params field at fault (`profile`), for the two errors of the request.
    public var field: String { "profile" }

    /// Plain English, for `data.reason`: counts only, never an id or a value.
    public var reason: String {
        switch self {
        case .tooFewOutcomes(let needed, let has, let profile):
            let kind = profile == .broker ? "a member as candidate" : "an activity as candidate"
            return "needs at least \(needed) recorded outcomes with \(kind), has \(has)"
        case .noFactorFavoured:
            return "the recorded outcomes favour no factor: every fitted weight is 0, so the weights are unchanged"
        case .numerical(let detail):
            return "the fit failed: \(detail)"
        }
    }

    public var description: String { "\(field): \(reason)" }
}

extension Engine {
    /// Calibrates `profile`'s weights to recorded outcomes: each outcome of the profile (see
    /// ``WeightCalibration``) is explained again as the community stands, its factors fitted to
    /// its label, and the weights in force are the prior. The engine is not changed: applying
    /// the weights is the caller's choice.
    ///
    /// Outcomes of the other profiles are left out; those whose subject or candidate has left
    /// the community, or whose pair can no longer be explained, are counted in
    /// ``WeightCalibration/Fit/skipped``.
    public func calibrateWeights(
        from outcomes: [Outcome], profile: ScoringProfile, minimum: Int = WeightCalibration.minimumOutcomes
    ) throws(CalibrationError) -> WeightCalibration.Fit {
        var samples: [WeightCalibration.Sample] = []
        var skipped = 0
        for outcome in outcomes {
            let isActivity = index.activityIndex[outcome.candidate] != nil
            let known = isActivity || index.memberIndex[outcome.candidate] != nil
            guard known else {
                skipped += 1
                continue
            }
            guard WeightCalibration.calibrates(profile, candidateIsActivity: isActivity) else { continue }
            do {
                let match = try explain(ExplainQuery(subject: .id(outcome.subject), candidate: outcome.candidate, profile: profile))
                samples.append(.init(factors: match.factors, label: WeightCalibration.label(outcome)))
            } catch {
                skipped += 1
            }
        }
        var fit = try WeightCalibration.fit(samples, prior: configuration.weights(for: profile), profile: profile, minimum: minimum)
        fit.skipped = skipped
        return fit
    }
}
