/// A fit of one group's factor weights to its outcomes (``OutcomeLearning/fit(_:target:group:current:settings:)``):
/// the new weights, what they came from, and how they did on outcomes they were not fitted to.
///
/// A fit changes nothing: the caller shows it, stores it under its ``version``, and applies
/// ``weights`` (as `weights.set` would) only when asked.
public struct LearnedWeights: Sendable, Hashable, Codable {
    /// A digest of everything the fit was computed from (method, target, group, settings,
    /// current weights, every row): the same inputs always give the same version, and any
    /// change gives another. `lw1-` then 16 hex digits.
    public var version: String
    /// The model: `logistic-irls-l2` for uptake and completion, `least-squares-l2` for wellbeing.
    public var method: String
    /// Whose weights.
    public var group: OutcomeGroup
    /// What was predicted.
    public var target: OutcomeTarget
    /// The fitted weights: finite, non-negative, summing to 1, each 0 or at least 10⁻⁶ (as
    /// `weights.set` requires).
    public var weights: FactorWeights
    /// The weights in force when fitted, scaled to sum 1 (the prior).
    public var previous: FactorWeights
    /// The fitted coefficient of each factor, on the model's scale (log-odds per unit of the
    /// factor, or SWEMWBS metric points per unit); never negative.
    public var coefficients: FactorScores
    /// The fitted intercept, on the same scale.
    public var intercept: Double
    /// `κ`: the slope of the outcome on the score of the weights in force, fitted first; the
    /// prior coefficients are `max(κ, 0) × previous` (docs/scoring.md, "Learning from outcomes").
    public var priorScale: Double
    /// `λ`, the strength of the pull towards the prior, chosen by cross-validation.
    public var penalty: Double
    /// The cross-validated error at each `λ` tried (mean log-loss, or mean squared error).
    public var penaltyScores: [PenaltyScore]
    /// The rows fitted.
    public var rows: Int
    /// For a binary target, the rows whose outcome was 1 (took it up, completed).
    public var events: Int?
    /// Held-out figures of the weights in force and of the fitted weights.
    public var heldOut: HeldOutComparison
    /// The settings the fit ran with.
    public var settings: OutcomeLearning.Settings

    /// One `λ` of the grid and its cross-validated error.
    public struct PenaltyScore: Sendable, Hashable, Codable {
        /// `λ`.
        public var penalty: Double
        /// The mean held-out log-loss (binary targets) or squared error (wellbeing) at `λ`.
        public var error: Double
    }
}

/// The weights in force against the fitted ones on rows neither was fitted to (nested k-fold
/// cross-validation: each row is predicted by models fitted without it, `λ` chosen again inside
/// each training part).
public struct HeldOutComparison: Sendable, Hashable, Codable {
    /// The number of outer folds.
    public var folds: Int
    /// The weights in force (their score, with an intercept and slope fitted on each training part).
    public var before: HeldOutFigures
    /// The fitted weights (the whole procedure, rerun on each training part).
    public var after: HeldOutFigures

    /// Whether the fitted weights predicted the held-out outcomes better: a lower log-loss for
    /// uptake and completion, a lower RMSE for wellbeing.
    public var improved: Bool {
        switch (before.logLoss, after.logLoss, before.rmse, after.rmse) {
        case (let b?, let a?, _, _): a < b
        case (_, _, let b?, let a?): a < b
        default: false
        }
    }
}

/// Held-out figures of one model: log-loss and AUC for a binary target, RMSE for wellbeing.
public struct HeldOutFigures: Sendable, Hashable, Codable {
    /// Mean log-loss of the held-out outcomes (lower is better; 0.693 is a coin toss).
    public var logLoss: Double?
    /// Area under the ROC curve of the held-out predictions (0.5 is chance, 1 perfect).
    public var auc: Double?
    /// Root mean squared error of the held-out wellbeing changes, in SWEMWBS metric points.
    public var rmse: Double?

    public init(logLoss: Double? = nil, auc: Double? = nil, rmse: Double? = nil) {
        self.logLoss = logLoss
        self.auc = auc
        self.rmse = rmse
    }
}
