/// One kind of question the engine answers, as a source of candidates with constraints,
/// factors and reasons. Every job runs through the same ``Pipeline``.
protocol ScoringJob {
    /// The weights in force.
    var weights: FactorWeights { get }
    /// Calls `body` once for each candidate (no duplicates).
    func forEachCandidate(_ body: (Int32) -> Void)
    /// Runs the hard constraints on a candidate.
    func checkConstraints(_ candidate: Int32, _ report: inout ConstraintReport)
    /// The factor scores of a candidate that passed every constraint.
    func factors(_ candidate: Int32) -> FactorScores
    /// A candidate's score from its clamped factors, in [0, 1]: the weighted mean of the
    /// factors, unless the job adds a part of its own that does not depend on them (a buddy's
    /// fit with the person). Never below the score of lower factors, so a bound stays a bound.
    func score(_ candidate: Int32, factors: FactorScores) -> Double
    /// The position of the candidate's id in id order, for stable tie-breaking.
    func idRank(_ candidate: Int32) -> Int32
    /// The full result for a candidate, with reasons.
    func match(_ candidate: Int32, score: Double, factors: FactorScores) -> Match
    /// Factor scores no lower than the candidate's own, from the cheap factors alone (the rest
    /// at 1): their weighted score bounds the candidate's, so the pipeline skips the full
    /// factors of a candidate that cannot enter the top k.
    func optimisticFactors(_ candidate: Int32) -> FactorScores
    /// A cheaper, looser bound than ``optimisticFactors(_:)``, tried first: factors no lower
    /// than the optimistic ones.
    func roughFactors(_ candidate: Int32) -> FactorScores
    /// Whether every candidate's constraints must run, to count exclusions by reason. A job
    /// whose counts nobody reads (a buddy search) says no, and a candidate that cannot enter the
    /// top k is then skipped before its constraints too.
    var countsExclusions: Bool { get }
    /// The best `limit` candidates, with the counts. Every job ranks through
    /// ``Pipeline/rank(_:limit:accept:)`` unless it brings a loop of its own that gives the same
    /// answer faster (who-can-help: ``HelperJob/scan(limit:)``).
    func ranked(limit: Int) -> Pipeline.Outcome
}

extension ScoringJob {
    func score(_ candidate: Int32, factors: FactorScores) -> Double { weights.combine(factors) }
    func optimisticFactors(_ candidate: Int32) -> FactorScores { .ones }
    func roughFactors(_ candidate: Int32) -> FactorScores { .ones }
    var countsExclusions: Bool { true }
    func ranked(limit: Int) -> Pipeline.Outcome { Pipeline.rank(self, limit: limit) }
}
