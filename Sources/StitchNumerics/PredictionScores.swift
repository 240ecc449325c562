#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How well predictions match outcomes: the figures a held-out comparison reports.
///
/// - ``logLoss(probabilities:outcomes:)``: the mean negative log-likelihood of 0/1 outcomes
///   (lower is better; 0.693 is a coin toss), as scikit-learn's `log_loss`.
/// - ``areaUnderROC(scores:outcomes:)``: the probability that a random 1 outranks a random 0, ties
///   counting a half (0.5 is chance, 1 perfect), as scikit-learn's `roc_auc_score`.
/// - ``rootMeanSquaredError(predictions:targets:)``: for a continuous outcome.
public enum PredictionScores {
    /// The mean of `−[y log p + (1 − y) log(1 − p)]`, with `p` clipped to [1e−15, 1 − 1e−15]
    /// so a confident miss costs about 34.5 rather than infinity. `nil` for no rows.
    public static func logLoss(probabilities: [Double], outcomes: [Double]) -> Double? {
        precondition(probabilities.count == outcomes.count, "one probability per outcome")
        guard !outcomes.isEmpty else { return nil }
        let floor = 1e-15
        var total = 0.0
        for (p, y) in zip(probabilities, outcomes) {
            let clipped = min(max(p, floor), 1 - floor)
            total -= y * log(clipped) + (1 - y) * log(1 - clipped)
        }
        return total / Double(outcomes.count)
    }

    /// The area under the ROC curve of `scores` for 0/1 `outcomes` (the Mann–Whitney statistic,
    /// tied scores counting a half); `nil` when either outcome is missing.
    public static func areaUnderROC(scores: [Double], outcomes: [Double]) -> Double? {
        precondition(scores.count == outcomes.count, "one score per outcome")
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        // Mid-ranks (1-based), ties sharing the mean of their ranks.
        var ranks = [Double](repeating: 0, count: scores.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let mid = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = mid }
            start = end + 1
        }
        let positives = outcomes.filter { $0 == 1 }.count
        let negatives = outcomes.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let rankSum = zip(ranks, outcomes).reduce(0) { $0 + ($1.1 == 1 ? $1.0 : 0) }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }

    /// `√(mean (prediction − target)²)`; `nil` for no rows.
    public static func rootMeanSquaredError(predictions: [Double], targets: [Double]) -> Double? {
        precondition(predictions.count == targets.count, "one prediction per target")
        guard !targets.isEmpty else { return nil }
        let total = zip(predictions, targets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return (total / Double(targets.count)).squareRoot()
    }
}
