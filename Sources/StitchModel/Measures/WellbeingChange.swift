/// How a change in one measure compares with the measure's minimal important difference (MID).
public enum ChangeVerdict: String, Sendable, Hashable, Codable {
    /// Better by at least the MID.
    case improved
    /// Less than the MID either way.
    case noImportantChange = "no-important-change"
    /// Worse by at least the MID.
    case worsened

    /// The verdict on `change` (positive = better) against `mid`.
    public init(change: Double, mid: Double) {
        if change >= mid {
            self = .improved
        } else if change <= -mid {
            self = .worsened
        } else {
            self = .noImportantChange
        }
    }
}

/// The change in one person's SWEMWBS between two occasions, in metric points.
public struct SWEMWBSChange: Sendable, Hashable, Codable {
    /// The metric score before.
    public var before: Double
    /// The metric score after.
    public var after: Double
    /// `after − before`, rounded to the table's two decimals: positive is better.
    public var change: Double
    /// The change against ``SWEMWBS/minimalImportantDifference`` (3 metric points).
    public var verdict: ChangeVerdict

    /// The change from `before` to `after`.
    public init(before: SWEMWBS, after: SWEMWBS) {
        self.before = before.metricScore
        self.after = after.metricScore
        // Both scores have two decimals: rounding reports 20.73 − 16.88 as 3.85, not 3.8500000000000014.
        change = ((after.metricScore - before.metricScore) * 100).rounded() / 100
        verdict = ChangeVerdict(change: change, mid: SWEMWBS.minimalImportantDifference)
    }
}

/// The change in one person's ONS4 answers between two occasions, question by question.
///
/// Every ``Item/improvement`` is signed so that positive is better: `after − before` for
/// life satisfaction, worthwhile and happiness, `before − after` for anxiety (where lower is
/// better). The answers themselves are kept as given.
public struct ONS4Change: Sendable, Hashable, Codable {
    /// One question's change.
    public struct Item: Sendable, Hashable, Codable {
        /// The answer before (0–10, as given).
        public var before: Int
        /// The answer after (0–10, as given).
        public var after: Int
        /// The improvement in points: positive is better (anxiety's sign is reversed).
        public var improvement: Int
        /// ONS's band of the answer before.
        public var bandBefore: ONS4.Band
        /// ONS's band of the answer after.
        public var bandAfter: ONS4.Band
        /// The improvement against ``ONS4/minimalImportantDifference`` (1 point).
        public var verdict: ChangeVerdict

        init(_ question: ONS4.Question, before: ONS4, after: ONS4) {
            self.before = before[question]
            self.after = after[question]
            improvement = question.lowerIsBetter ? self.before - self.after : self.after - self.before
            bandBefore = before.band(question)
            bandAfter = after.band(question)
            verdict = ChangeVerdict(change: Double(improvement), mid: Double(ONS4.minimalImportantDifference))
        }
    }

    /// Life satisfaction: `improvement` is `after − before`.
    public var satisfied: Item
    /// Worthwhile: `improvement` is `after − before`.
    public var worthwhile: Item
    /// Happiness: `improvement` is `after − before`.
    public var happy: Item
    /// Anxiety: `improvement` is `before − after`, so a fall in anxiety is positive.
    public var anxious: Item

    /// The change from `before` to `after`.
    public init(before: ONS4, after: ONS4) {
        satisfied = Item(.satisfied, before: before, after: after)
        worthwhile = Item(.worthwhile, before: before, after: after)
        happy = Item(.happy, before: before, after: after)
        anxious = Item(.anxious, before: before, after: after)
    }

    /// The change on `question`.
    public subscript(question: ONS4.Question) -> Item {
        switch question {
        case .satisfied: satisfied
        case .worthwhile: worthwhile
        case .happy: happy
        case .anxious: anxious
        }
    }
}

/// The change in every measure taken on both occasions of a ``WellbeingMeasurement``.
public struct WellbeingChange: Sendable, Hashable, Codable {
    /// SWEMWBS's change, when it was taken before and after.
    public var swemwbs: SWEMWBSChange?
    /// ONS4's change, when it was taken before and after.
    public var ons4: ONS4Change?

    public init(swemwbs: SWEMWBSChange? = nil, ons4: ONS4Change? = nil) {
        self.swemwbs = swemwbs
        self.ons4 = ons4
    }

    /// `true` when no measure was taken on both occasions.
    public var isEmpty: Bool { swemwbs == nil && ons4 == nil }
}
