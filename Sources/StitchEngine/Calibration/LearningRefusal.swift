/// Why ``OutcomeLearning`` will not fit a group's weights, and what would let it.
///
/// Every case names the group and target and, where more outcomes would help, how many more
/// (``moreOutcomesNeeded``). ``reason`` is plain English with counts only (no ids, no names).
public enum LearningRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer rows speak to the target than the rule needs (wellbeing: 10 per factor, 60).
    case tooFewOutcomes(group: OutcomeGroup, target: OutcomeTarget, has: Int, needed: Int)
    /// The rarer of the two outcomes has fewer rows than the rule needs (10 per factor, 60):
    /// `rarer` is its words ("did not take it up"), `moreOutcomes` the outcomes still to record
    /// at the rate seen so far (`nil` when the rarer outcome has not happened yet).
    case tooFewEvents(
        group: OutcomeGroup, target: OutcomeTarget, rarer: String, has: Int, needed: Int, moreOutcomes: Int?)
    /// Every wellbeing change is the same, so nothing can be learnt from how they differ.
    case noVariation(group: OutcomeGroup, target: OutcomeTarget)
    /// The fit did not converge (or the data separate the outcomes perfectly); `detail` says how.
    case didNotConverge(group: OutcomeGroup, target: OutcomeTarget, detail: String)
    /// The best non-negative fit gives every factor 0: the outcomes fall as every factor rises.
    case noFactorFavoured(group: OutcomeGroup, target: OutcomeTarget)
    /// A row of the group cannot be used (`row` counts the group's rows for the target, from 0).
    case invalidRow(group: OutcomeGroup, target: OutcomeTarget, row: Int, reason: String)

    /// How many more outcomes (of any kind, at the rate seen so far) would meet the rule, when
    /// that can be said.
    public var moreOutcomesNeeded: Int? {
        switch self {
        case .tooFewOutcomes(_, _, let has, let needed): max(needed - has, 0)
        case .tooFewEvents(_, _, _, _, _, let more): more
        default: nil
        }
    }

    /// The plain-English reason, counts only.
    public var reason: String {
        switch self {
        case .tooFewOutcomes(let group, let target, let has, let needed):
            return
                "\(group) \(target.rawValue): needs at least \(needed) outcomes \(Self.kind(target)) "
                + "(\(needed / Factor.allCases.count) per factor), has \(has): record \(needed - has) more"
        case .tooFewEvents(let group, let target, let rarer, let has, let needed, let more):
            let tail =
                more.map { ", about \($0) more outcomes at the rate seen so far" } ?? ", and none has been recorded yet"
            return
                "\(group) \(target.rawValue): needs at least \(needed) outcomes where the person \(rarer) "
                + "(\(needed / Factor.allCases.count) per factor), has \(has): \(needed - has) more of those\(tail)"
        case .noVariation(let group, let target):
            return "\(group) \(target.rawValue): every recorded change is the same, so there is nothing to learn from"
        case .didNotConverge(let group, let target, let detail):
            return "\(group) \(target.rawValue): the fit did not converge (\(detail)); the weights are unchanged"
        case .noFactorFavoured(let group, let target):
            return
                "\(group) \(target.rawValue): the outcomes favour no factor (every fitted weight is 0); "
                + "the weights are unchanged"
        case .invalidRow(let group, let target, let row, let reason):
            return "\(group) \(target.rawValue): outcome \(row) of the group cannot be used: \(reason)"
        }
    }

    public var description: String { reason }

    static func kind(_ target: OutcomeTarget) -> String {
        switch target {
        case .uptake: "of offers"
        case .completion: "of offers taken up with a known completion"
        case .wellbeing: "with SWEMWBS measured before and after"
        }
    }
}
