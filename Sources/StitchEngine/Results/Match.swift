public import StitchModel

/// What a ranked item is.
public enum MatchKind: String, Sendable, Hashable, Codable {
    /// A member (a helper, or a buddy).
    case member
    /// An activity.
    case activity
    /// Another member's open need, where the subject can give.
    case need
}

/// One ranked result: its score, the per-factor breakdown and plain-English reasons.
///
/// Scores and factors are in [0, 1]. A broker or a GP decides; the reasons say why the engine
/// ranked it where it did. ``buddy`` is set for activities when a buddy was asked for;
/// ``lift`` for an activity beyond the person's travel radius that a lift brings within reach;
/// ``constraints`` only by `explain`.
public struct Match: Sendable, Hashable, Codable {
    public var id: String
    public var kind: MatchKind
    /// Display name (never logged).
    public var name: String?
    public var score: Double
    public var factors: FactorScores
    public var reasons: [String]
    /// Great-circle distance in km, when both places are known.
    public var distanceKm: Double?
    /// For a need: the member whose need it is is `id`; this is the skill they need.
    public var skill: String?
    /// For a referral's one-to-one result: the support the member gives (befriending,
    /// accompanying, peer support).
    public var support: OneToOneSupport?
    /// For an activity: the member best placed to go along the first time.
    public var buddy: Buddy?
    /// For an activity beyond the person's own travel radius: the member who can give them a
    /// lift there (a pairing like a buddy's). Without one, such an activity is excluded.
    public var lift: Lift?
    /// For `explain`: every hard constraint checked and whether it held.
    public var constraints: [ConstraintCheck]?
    /// For `explain`: the constraints that exclude this candidate (empty when it may be ranked).
    public var excludedBy: [ExclusionReason]?

    public init(id: String, kind: MatchKind, name: String? = nil, score: Double, factors: FactorScores, reasons: [String], distanceKm: Double? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.score = score
        self.factors = factors
        self.reasons = reasons
        self.distanceKm = distanceKm
    }
}

/// A member suggested to go along with a referred person the first time.
public struct Buddy: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    public var score: Double
    public var factors: FactorScores
    public var reasons: [String]
    public var distanceKm: Double?

    public init(_ match: Match) {
        id = match.id
        name = match.name
        score = match.score
        factors = match.factors
        reasons = match.reasons
        distanceKm = match.distanceKm
    }
}

/// A member who can give a referred person a lift to an activity beyond their own travel radius.
///
/// They offer lifts, live within their own travel radius of the person, are free at the
/// activity's time, and meet the constraints of any pairing with the person (active, no
/// safeguarding exclusion or dismissal, a DBS check in date, a language in common when both
/// state theirs).
public struct Lift: Sendable, Hashable, Codable {
    public var id: String
    /// Display name (never logged).
    public var name: String?
    /// From the person's home to the lift-giver's, in km.
    public var distanceKm: Double
    public var reasons: [String]

    public init(id: String, name: String?, distanceKm: Double, reasons: [String]) {
        self.id = id
        self.name = name
        self.distanceKm = distanceKm
        self.reasons = reasons
    }
}

/// One hard constraint as `explain` reports it.
public struct ConstraintCheck: Sendable, Hashable, Codable {
    public var constraint: ExclusionReason
    public var passed: Bool
    public var detail: String

    public init(constraint: ExclusionReason, passed: Bool, detail: String) {
        self.constraint = constraint
        self.passed = passed
        self.detail = detail
    }
}
