/// Why a referral was not placed.
public enum UnassignedReason: String, CaseIterable, Sendable, Hashable, Codable {
    /// Every activity breaks a hard constraint for the person (or there are none).
    case noFeasibleActivity
    /// Feasible activities exist, but every one of those considered is full once the plan is made.
    case placesTaken
    /// A place was free, but the referrer's practice already had its ``PlanRequest/maxSharePerPractice``.
    case practiceShare
}
