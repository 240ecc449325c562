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
    /// The position of the candidate's id in id order, for stable tie-breaking.
    func idRank(_ candidate: Int32) -> Int32
    /// The full result for a candidate, with reasons.
    func match(_ candidate: Int32, score: Double, factors: FactorScores) -> Match
}
