/// A plan (`plan.allocate`'s result): the placements, the referrals left out and why, the
/// totals next to greedy placement's, and each practice's share.
///
/// ```json
/// {"assignments": [{"referral": "r-1", "person": "m-maud", "activity": "a-knit-natter", "score": 0.9553,
///                   "factors": {…}, "buddy": "m-ada", "reasons": […]}],
///  "unassigned": [{"referral": "r-3", "person": "p-17", "reason": "noFeasibleActivity",
///                  "detail": "Every activity excluded: distance 14", "excluded": {…}}],
///  "totalScore": 0.9553, "placed": 1, "greedyTotalScore": 0.9553, "greedyPlaced": 1, "lowestScore": 0.9553,
///  "practices": [{"practice": "gp-downham", "referrals": 1, "placed": 1, "meanScore": 0.9553}]}
/// ```
public struct PlanResult: Sendable, Hashable, Codable {
    /// Placements in the order of the request's referrals (a referral's best first).
    public var assignments: [PlanAssignment]
    /// Referrals not placed, in the request's order.
    public var unassigned: [UnassignedReferral]
    /// Sum of the placements' scores.
    public var totalScore: Double
    /// Number of placements.
    public var placed: Int
    /// What placing people greedily one at a time, in the request's order, each in their best
    /// activity with a place left, would have scored (with the same candidates).
    public var greedyTotalScore: Double
    /// How many placements that greedy pass would have made.
    public var greedyPlaced: Int
    /// How many placements put a person in an activity they are free for none of the sessions of
    /// (their own times known, the referral giving none): each is marked (``PlanAssignment/notFree``)
    /// and scored at half. With times given in the referral there are none: such activities are
    /// excluded.
    public var notFreePlaced: Int
    /// How many of greedy placement's placements were of that kind.
    public var greedyNotFreePlaced: Int
    /// The lowest score among the placements (`nil` when none): what ``Fairness/maximin`` raises.
    public var lowestScore: Double?
    /// Each referrer's share, by practice id (referrals naming none last).
    public var practices: [PracticeShare]

    public init(
        assignments: [PlanAssignment], unassigned: [UnassignedReferral], totalScore: Double, placed: Int,
        greedyTotalScore: Double, greedyPlaced: Int, notFreePlaced: Int = 0, greedyNotFreePlaced: Int = 0, lowestScore: Double?,
        practices: [PracticeShare]
    ) {
        self.notFreePlaced = notFreePlaced
        self.greedyNotFreePlaced = greedyNotFreePlaced
        self.assignments = assignments
        self.unassigned = unassigned
        self.totalScore = totalScore
        self.placed = placed
        self.greedyTotalScore = greedyTotalScore
        self.greedyPlaced = greedyPlaced
        self.lowestScore = lowestScore
        self.practices = practices
    }
}
