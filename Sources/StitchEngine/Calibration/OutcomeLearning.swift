public import StitchModel

/// Learning a group's factor weights from what became of its referrals: did the person take
/// the offer up, see it through, and did their wellbeing change?
///
/// Each target has the model suited to it: **logistic regression** (IRLS, LAPACK) for uptake and
/// completion, **least squares** for the wellbeing change, both with the factors as predictors
/// and an intercept, and both pulled towards the weights in force by an L2 penalty:
///
/// 1. *The prior.* The score of the weights in force, `s = Σ_f w⁰_f x_f` (`w⁰` scaled to sum 1),
///    is fitted alone first (`outcome ≈ a + κ s`). The prior coefficients are `κ⁺ w⁰`
///    (`κ⁺ = max(κ, 0)`): the weights in force, at the steepness the data give them.
/// 2. *The fit.* All six factors, `outcome ≈ β₀ + Σ_f β_f x_f`, minimising the model's loss plus
///    `λ Σ_f (β_f − κ⁺ w⁰_f)²` (halved for the logistic loss; the intercept is free), with every
///    `β_f ≥ 0` exactly (the best of the fits over each subset of the factors, as
///    ``WeightCalibration`` does).
/// 3. *The penalty.* `λ` is chosen from ``Settings/penalties`` by stratified k-fold
///    cross-validation (seeded; mean held-out log-loss or squared error; a tie keeps the larger `λ`).
/// 4. *The weights.* `w_f = β_f / Σ β`: a ranking by `Σ β_f x_f` is a ranking by the weighted
///    mean the engine computes, and the intercept and scale cannot change a ranking.
/// 5. *The evidence.* Nested cross-validation compares the weights in force with the fitted ones
///    on held-out rows (``HeldOutComparison``).
///
/// It refuses (``LearningRefusal``) with fewer than 10 outcomes per factor in the rarer class
/// (binary) or in all (wellbeing), and says how many more are needed. It is a pure function of
/// its arguments: the same rows, weights and settings give the same fit and ``LearnedWeights/version``.
///
/// ```swift
/// let fit = try OutcomeLearning.fit(rows, target: .uptake, group: OutcomeGroup(profile: .referral),
///                                   current: engine.configuration.weights(for: .referral))
/// fit.weights, fit.heldOut.before.logLoss, fit.heldOut.after.logLoss
/// ```
public enum OutcomeLearning {
    /// The version of the method, part of every fit's ``LearnedWeights/version``.
    public static let methodVersion = 1

    /// How a fit is run. The defaults are the documented ones (docs/scoring.md).
    public struct Settings: Sendable, Hashable, Codable {
        /// Folds of the cross-validation (outer and inner).
        public var folds: Int
        /// The grid of penalty strengths `λ` tried.
        public var penalties: [Double]
        /// The seed of the fold assignment.
        public var seed: UInt64
        /// Outcomes needed per factor: in the rarer class for a binary target, in all for wellbeing.
        public var outcomesPerFactor: Int
        /// The most Newton steps of one logistic fit.
        public var maximumIterations: Int

        /// The problems of these settings, each at its field (`folds`, `penalties[2]`…); empty
        /// when they are sound: 2 to 10 folds, at least one penalty, each a positive number, at
        /// least 5 outcomes per factor (so every fold, inner or outer, holds both outcomes),
        /// at least one iteration. ``OutcomeLearning/fit(_:target:group:current:settings:)``
        /// requires sound settings; check any a person supplied here first.
        public func validationErrors() -> [ValidationError] {
            var errors: [ValidationError] = []
            if !(2...10).contains(folds) {
                errors.append(.init(field: "folds", reason: "\(folds) is out of range; expected 2 to 10"))
            }
            if penalties.isEmpty { errors.append(.init(field: "penalties", reason: "needs at least one penalty")) }
            for (i, penalty) in penalties.enumerated() where !(penalty.isFinite && penalty > 0) {
                errors.append(.init(field: "penalties[\(i)]", reason: "\(penalty) must be a positive number"))
            }
            if outcomesPerFactor < 5 {
                errors.append(
                    .init(field: "outcomesPerFactor", reason: "\(outcomesPerFactor) is too few; expected at least 5"))
            }
            if maximumIterations < 1 {
                errors.append(.init(field: "maximumIterations", reason: "\(maximumIterations) must be at least 1"))
            }
            return errors
        }

        public init(
            folds: Int = 5, penalties: [Double] = [0.3, 1, 3, 10, 30, 100], seed: UInt64 = 1,
            outcomesPerFactor: Int = 10,
            maximumIterations: Int = 100
        ) {
            self.folds = folds
            self.penalties = penalties
            self.seed = seed
            self.outcomesPerFactor = outcomesPerFactor
            self.maximumIterations = maximumIterations
        }
    }

    /// Fits `group`'s weights for `target` from the rows of `rows` that belong to the group and
    /// speak to the target, pulled towards `current` (the group's weights in force).
    ///
    /// - Throws: ``LearningRefusal`` when the data cannot support a fit, saying how many more
    ///   outcomes are needed where it can.
    public static func fit(
        _ rows: [OutcomeRow], target: OutcomeTarget, group: OutcomeGroup, current: FactorWeights,
        settings: Settings = Settings()
    ) throws(LearningRefusal) -> LearnedWeights {
        precondition(settings.validationErrors().isEmpty, "unsound settings: \(settings.validationErrors())")
        let data = Dataset(rows.filter { group.includes($0.group) }, target: target)
        if let bad = data.x.firstIndex(where: { $0.contains { !($0.isFinite && (0...1).contains($0)) } }) {
            throw .invalidRow(group: group, target: target, row: bad, reason: "a factor is outside [0, 1]")
        }
        try check(data, group: group, target: target, settings: settings)
        let prior = WeightCalibration.normalised(current)
        let learner = Learner(prior: prior, binary: target.isBinary, settings: settings)
        do {
            let labels = data.strata
            let scores = try learner.penaltyScores(data, labels: labels, seed: settings.seed)
            let chosen = Learner.choose(scores)
            let model = try learner.fit(data, penalty: chosen)
            let heldOut = try learner.heldOut(data, labels: labels)
            let weights = try Self.weights(from: model.slopes, group: group, target: target)
            var coefficients = FactorScores()
            for (j, f) in Factor.allCases.enumerated() { coefficients[f] = model.slopes[j] }
            return LearnedWeights(
                version: version(rows: data, target: target, group: group, current: current, settings: settings),
                method: target.isBinary ? "logistic-irls-l2" : "least-squares-l2", group: group, target: target,
                weights: weights, previous: prior, coefficients: coefficients, intercept: model.intercept,
                priorScale: model.priorScale, penalty: chosen,
                penaltyScores: scores.map { .init(penalty: $0.penalty, error: $0.error) }, rows: data.count,
                events: target.isBinary ? Int(data.y.reduce(0, +)) : nil, heldOut: heldOut, settings: settings)
        } catch let failure as LearningRefusal {
            throw failure
        } catch {
            throw .didNotConverge(group: group, target: target, detail: "\(error)")
        }
    }

    /// Fits every group of `rows` for `target`: each profile as a whole and, when `byNeeds`,
    /// each of its need-and-concern groups, each against its profile's weights in `current`.
    /// Groups are in order (profile, then needs); a refusal is an answer like a fit.
    public static func fitAll(
        _ rows: [OutcomeRow], target: OutcomeTarget, current: (ScoringProfile) -> FactorWeights, byNeeds: Bool = true,
        settings: Settings = Settings()
    ) -> [(group: OutcomeGroup, result: Result<LearnedWeights, LearningRefusal>)] {
        var groups = Set(rows.map { OutcomeGroup(profile: $0.group.profile) })
        if byNeeds { groups.formUnion(rows.filter { $0.group.needs != nil }.map(\.group)) }
        return groups.sorted().map { group in
            (
                group,
                Result { () throws(LearningRefusal) in
                    try fit(rows, target: target, group: group, current: current(group.profile), settings: settings)
                }
            )
        }
    }

    /// The refusal rule: enough outcomes per factor, and outcomes that vary.
    static func check(_ data: Dataset, group: OutcomeGroup, target: OutcomeTarget, settings: Settings)
        throws(LearningRefusal)
    {
        let needed = settings.outcomesPerFactor * Factor.allCases.count
        if target.isBinary {
            let yes = Int(data.y.reduce(0, +))
            let no = data.count - yes
            let rarer = min(yes, no)
            guard rarer >= needed else {
                let words = yes <= no ? target.outcomeWords.yes : target.outcomeWords.no
                // At the rate seen so far, each further outcome is of the rarer kind with
                // probability rarer / count.
                let more = rarer > 0 ? Int((Double((needed - rarer) * data.count) / Double(rarer)).rounded(.up)) : nil
                throw .tooFewEvents(
                    group: group, target: target, rarer: words, has: rarer, needed: needed, moreOutcomes: more)
            }
        } else {
            guard data.count >= needed else {
                throw .tooFewOutcomes(group: group, target: target, has: data.count, needed: needed)
            }
            guard let first = data.y.first, data.y.contains(where: { $0 != first }) else {
                throw .noVariation(group: group, target: target)
            }
        }
    }

    /// The weights of non-negative slopes: scaled to sum 1, any below 10⁻⁶ of the total set to 0.
    static func weights(from slopes: [Double], group: OutcomeGroup, target: OutcomeTarget) throws(LearningRefusal)
        -> FactorWeights
    {
        var kept = slopes.map { max($0, 0) }
        for _ in 0..<2 {
            let total = kept.reduce(0, +)
            guard total > 0, total.isFinite else { throw .noFactorFavoured(group: group, target: target) }
            kept = kept.map { $0 / total < 0.000_001 ? 0 : $0 }
        }
        let total = kept.reduce(0, +)
        guard total > 0 else { throw .noFactorFavoured(group: group, target: target) }
        var weights = FactorWeights()
        for (j, f) in Factor.allCases.enumerated() { weights[f] = kept[j] / total }
        return weights
    }

    /// `lw1-` and the 64-bit FNV-1a digest of the method, target, group, settings, weights in
    /// force and every row's factors and outcome (their bit patterns).
    static func version(
        rows data: Dataset, target: OutcomeTarget, group: OutcomeGroup, current: FactorWeights, settings: Settings
    ) -> String {
        var digest = FNV1a()
        digest.add("\(methodVersion)|\(target.rawValue)|\(group.profile.rawValue)|\(group.needs ?? "")")
        digest.add("\(settings.folds)|\(settings.seed)|\(settings.outcomesPerFactor)|\(settings.maximumIterations)")
        for penalty in settings.penalties { digest.add(penalty.bitPattern) }
        for f in Factor.allCases { digest.add(current[f].bitPattern) }
        for i in 0..<data.count {
            for value in data.x[i] { digest.add(value.bitPattern) }
            digest.add(data.y[i].bitPattern)
        }
        let hex = String(digest.value, radix: 16)
        return "lw1-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The 64-bit FNV-1a hash, for reproducible digests (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bits: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { byte(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    mutating func add(_ text: String) {
        for b in text.utf8 { byte(b) }
        byte(0)
    }

    private mutating func byte(_ b: UInt8) {
        value ^= UInt64(b)
        value = value &* 0x0000_0100_0000_01b3
    }
}
