/// One activity offered on a referral and what became of it, as ``OutcomeLearning`` sees it:
/// the six factors of the match as it was ranked, and the outcome.
///
/// The factors are the offer's `Match.factors` as recorded when it was offered (not recomputed:
/// what the person was offered is what the outcome says something about).
public struct OutcomeRow: Sendable, Hashable, Codable {
    /// The match's factors when it was offered, each in [0, 1].
    public var factors: FactorScores
    /// The person took the activity up (went at least once).
    public var tookUp: Bool
    /// The person saw it through; `nil` while not known (still attending, or never taken up).
    public var completed: Bool?
    /// The change in the person's wellbeing, in SWEMWBS metric points (`SWEMWBSChange.change`),
    /// when measured before and after; `nil` otherwise.
    public var wellbeingChange: Double?
    /// Whose weights the outcome speaks to: the profile it was ranked under and, optionally,
    /// the need-and-concern group of the referral.
    public var group: OutcomeGroup

    public init(
        factors: FactorScores, tookUp: Bool, completed: Bool? = nil, wellbeingChange: Double? = nil, group: OutcomeGroup
    ) {
        self.factors = factors
        self.tookUp = tookUp
        self.completed = completed
        self.wellbeingChange = wellbeingChange
        self.group = group
    }
}

/// The rows a fit learns from: a profile, or a profile and one need-and-concern group.
///
/// A group with `needs == nil` takes every row of its profile (the whole profile's fit); one
/// with `needs` set takes only the rows of that need-and-concern group, so a practice can learn
/// that, say, people referred for loneliness take up what is near home.
public struct OutcomeGroup: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The scoring profile the offers were ranked under.
    public var profile: ScoringProfile
    /// The need-and-concern group (a key the caller chooses, such as `"loneliness"`), or `nil`
    /// for every row of the profile.
    public var needs: String?

    public init(profile: ScoringProfile, needs: String? = nil) {
        self.profile = profile
        self.needs = needs
    }

    /// Whether a row of `group` counts towards this group's fit.
    public func includes(_ group: OutcomeGroup) -> Bool {
        group.profile == profile && (needs == nil || group.needs == needs)
    }

    /// `referral`, or `referral/loneliness`.
    public var description: String { needs.map { "\(profile.rawValue)/\($0)" } ?? profile.rawValue }

    public static func < (a: OutcomeGroup, b: OutcomeGroup) -> Bool {
        (a.profile.rawValue, a.needs ?? "") < (b.profile.rawValue, b.needs ?? "")
    }
}

/// What a fit predicts, each with the model suited to it.
public enum OutcomeTarget: String, CaseIterable, Sendable, Hashable, Codable {
    /// Whether the person took the offer up (logistic regression; every row).
    case uptake
    /// Whether a person who took it up saw it through (logistic regression; rows taken up whose
    /// completion is known).
    case completion
    /// The change in wellbeing, SWEMWBS metric points (penalised least squares; rows with a
    /// measured change).
    case wellbeing

    /// `true` for the 0/1 outcomes.
    public var isBinary: Bool { self != .wellbeing }

    /// The row's outcome for this target, or `nil` when the row does not speak to it.
    public func label(_ row: OutcomeRow) -> Double? {
        switch self {
        case .uptake: row.tookUp ? 1 : 0
        case .completion: row.tookUp ? row.completed.map { $0 ? 1 : 0 } : nil
        case .wellbeing: row.wellbeingChange.flatMap { $0.isFinite ? $0 : nil }
        }
    }

    /// Plain words for the two outcomes of a binary target (`("took it up", "did not take it up")`).
    var outcomeWords: (yes: String, no: String) {
        switch self {
        case .uptake: ("took it up", "did not take it up")
        case .completion: ("completed", "did not complete")
        case .wellbeing: ("", "")
        }
    }
}
