/// How one referrer (a GP practice) fared in a plan: its referrals, how many were placed, and
/// their mean score.
public struct PracticeShare: Sendable, Hashable, Codable {
    /// The referrer (`Referral.referrer`); `nil` for referrals that name none.
    public var practice: String?
    /// Referrals from this practice.
    public var referrals: Int
    /// Of those, how many were placed (at least once).
    public var placed: Int
    /// Mean score of the practice's placements; `nil` when none was placed.
    public var meanScore: Double?
    /// The most placements the practice's referrals could take, when ``PlanRequest/maxSharePerPractice`` is set.
    public var cap: Int?

    public init(practice: String?, referrals: Int, placed: Int, meanScore: Double?, cap: Int? = nil) {
        self.practice = practice
        self.referrals = referrals
        self.placed = placed
        self.meanScore = meanScore
        self.cap = cap
    }

    private enum CodingKeys: String, CodingKey { case practice, referrals, placed, meanScore, cap }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(self.practice, forKey: .practice)  // null for "no referrer"
        try c.encode(self.referrals, forKey: .referrals)
        try c.encode(self.placed, forKey: .placed)
        try c.encode(self.meanScore, forKey: .meanScore)
        try c.encodeIfPresent(self.cap, forKey: .cap)
    }
}
