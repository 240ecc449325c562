public import StitchEngine

/// One placement of a plan: a referral placed in an activity, with its score, the factors and
/// reasons behind it, and the member suggested to go along the first time.
///
/// `buddy` is always written, `null` when there is none (the draft's shape).
public struct PlanAssignment: Sendable, Hashable, Codable {
    /// The referral's id.
    public var referral: String
    /// The referred person's id.
    public var person: String
    /// The activity's id.
    public var activity: String
    /// The activity's display name.
    public var activityName: String?
    /// The placement's score in [0, 1], as the engine ranks it.
    public var score: Double
    /// The per-factor breakdown of ``score``.
    public var factors: FactorScores
    /// The member suggested to go along the first time, or `nil`.
    public var buddy: String?
    /// The buddy's display name.
    public var buddyName: String?
    /// Plain-English reasons for the placement.
    public var reasons: [String]
    /// True when the person is free for none of the activity's sessions (their own times known,
    /// the referral giving none): the placement stands only because nothing better fitted, at
    /// half its score, and needs checking with them.
    public var notFree: Bool

    public init(
        referral: String, person: String, activity: String, activityName: String? = nil, score: Double,
        factors: FactorScores,
        buddy: String? = nil, buddyName: String? = nil, reasons: [String] = [], notFree: Bool = false
    ) {
        self.notFree = notFree
        self.referral = referral
        self.person = person
        self.activity = activity
        self.activityName = activityName
        self.score = score
        self.factors = factors
        self.buddy = buddy
        self.buddyName = buddyName
        self.reasons = reasons
    }

    private enum CodingKeys: String, CodingKey {
        case referral, person, activity, activityName, score, factors, buddy, buddyName, reasons, notFree
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(self.referral, forKey: .referral)
        try c.encode(self.person, forKey: .person)
        try c.encode(self.activity, forKey: .activity)
        try c.encodeIfPresent(self.activityName, forKey: .activityName)
        try c.encode(self.score, forKey: .score)
        try c.encode(self.factors, forKey: .factors)
        try c.encode(self.buddy, forKey: .buddy)  // null when none
        try c.encodeIfPresent(self.buddyName, forKey: .buddyName)
        try c.encode(self.reasons, forKey: .reasons)
        try c.encode(self.notFree, forKey: .notFree)
    }
}
