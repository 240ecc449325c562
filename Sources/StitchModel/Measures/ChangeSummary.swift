/// The changes of a group of people in one measure: how many, the mean change with its 95%
/// confidence interval, and how many improved, stayed within the MID, or worsened.
///
/// The interval is Student's t interval for a mean (`mean ± t₀.₉₇₅,ₙ₋₁ · sd / √n`): it needs at
/// least two changes, and assumes the people are independent (one change per person). With
/// the handful of people a small activity sees, read the interval before the mean.
///
/// ```swift
/// let s = ChangeSummary(changes: [3.5, 1.2, -0.6, 4.1], minimalImportantDifference: 3)
/// s.count, s.meanChange      // 4, 2.05
/// s.improved, s.worsened     // 2, 0
/// ```
public struct ChangeSummary: Sendable, Hashable, Codable {
    /// The number of changes.
    public var count: Int
    /// Their mean; `nil` when there are none.
    public var meanChange: Double?
    /// Their sample standard deviation; `nil` under two.
    public var standardDeviation: Double?
    /// The lower end of the 95% confidence interval of the mean; `nil` under two changes.
    public var lower95: Double?
    /// The upper end of the 95% confidence interval of the mean; `nil` under two changes.
    public var upper95: Double?
    /// How many changes were at least the MID.
    public var improved: Int
    /// How many were less than the MID either way.
    public var noImportantChange: Int
    /// How many were at least the MID the wrong way.
    public var worsened: Int

    /// Summarises `changes` (positive = better), judging each against `minimalImportantDifference`.
    ///
    /// Non-finite changes are a programming error (every change Stitch computes is finite).
    public init(changes: [Double], minimalImportantDifference: Double) {
        precondition(changes.allSatisfy(\.isFinite), "a change is not finite")
        count = changes.count
        improved = 0
        noImportantChange = 0
        worsened = 0
        for change in changes {
            switch ChangeVerdict(change: change, mid: minimalImportantDifference) {
            case .improved: improved += 1
            case .noImportantChange: noImportantChange += 1
            case .worsened: worsened += 1
            }
        }
        guard count > 0 else { return }
        let n = Double(count)
        let mean = changes.reduce(0, +) / n
        meanChange = mean
        guard count > 1 else { return }
        let variance = changes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let sd = variance.squareRoot()
        standardDeviation = sd
        let half = Self.studentT975(degreesOfFreedom: count - 1) * sd / n.squareRoot()
        lower95 = mean - half
        upper95 = mean + half
    }

    /// The 0.975 quantile of Student's t with `degreesOfFreedom` (≥ 1): the published values to
    /// three decimals up to 30, then the Cornish–Fisher expansion around the normal quantile
    /// (within 0.001 of the exact value from 30 up; the tests check it against scipy).
    static func studentT975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "Student's t needs at least one degree of freedom")
        let table: [Double] = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
            2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        ]
        if df <= table.count { return table[df - 1] }
        let z = 1.959_963_984_540_054
        let v = Double(df)
        let z3 = z * z * z
        let z5 = z3 * z * z
        let z7 = z5 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
    }
}

/// The wellbeing changes of a group of people (the people placed in one activity, say): SWEMWBS
/// in metric points and each ONS4 question in points, every change signed so positive is better.
public struct WellbeingChangeSummary: Sendable, Hashable, Codable {
    /// SWEMWBS changes, judged against its MID of 3 metric points.
    public var swemwbs: ChangeSummary
    /// Life-satisfaction improvements, judged against ONS4's 1 point.
    public var satisfied: ChangeSummary
    /// Worthwhile improvements.
    public var worthwhile: ChangeSummary
    /// Happiness improvements.
    public var happy: ChangeSummary
    /// Anxiety improvements (falls in anxiety are positive).
    public var anxious: ChangeSummary

    /// Summarises the measures taken before and after in `changes` (a person without SWEMWBS on
    /// both occasions counts only towards ONS4, and the other way round).
    public init(_ changes: [WellbeingChange]) {
        swemwbs = ChangeSummary(
            changes: changes.compactMap { $0.swemwbs?.change },
            minimalImportantDifference: SWEMWBS.minimalImportantDifference)
        func ons4(_ question: ONS4.Question) -> ChangeSummary {
            ChangeSummary(
                changes: changes.compactMap { $0.ons4.map { Double($0[question].improvement) } },
                minimalImportantDifference: Double(ONS4.minimalImportantDifference))
        }
        satisfied = ons4(.satisfied)
        worthwhile = ons4(.worthwhile)
        happy = ons4(.happy)
        anxious = ons4(.anxious)
    }

    /// One summary per key (an activity's id, an activity type…), from `(key, change)` pairs.
    ///
    /// ```swift
    /// let byActivity = WellbeingChangeSummary.grouped(referrals.compactMap { r in
    ///     r.measurement.change.map { (r.activity, $0) } })
    /// byActivity["a-knit-natter"]?.swemwbs.meanChange
    /// ```
    public static func grouped<Key: Hashable>(_ pairs: [(Key, WellbeingChange)]) -> [Key: WellbeingChangeSummary] {
        var byKey: [Key: [WellbeingChange]] = [:]
        for (key, change) in pairs { byKey[key, default: []].append(change) }
        return byKey.mapValues(WellbeingChangeSummary.init)
    }
}
