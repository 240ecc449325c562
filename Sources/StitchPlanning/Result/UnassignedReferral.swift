public import StitchEngine

/// A referral the plan could not place, and why.
///
/// ``reason`` is for programs; ``detail`` is for people ("Every activity excluded: distance 12,
/// access 3"). ``excluded`` comes with ``UnassignedReason/noFeasibleActivity``, ``full`` with
/// ``UnassignedReason/placesTaken``.
public struct UnassignedReferral: Sendable, Hashable, Codable {
    /// The referral's id.
    public var referral: String
    /// The referred person's id.
    public var person: String
    /// Why it was not placed.
    public var reason: UnassignedReason
    /// The reason in plain English, with the numbers behind it.
    public var detail: String
    /// How many activities each hard constraint ruled out (when no activity is feasible).
    public var excluded: ExclusionCounts?
    /// The feasible activities considered, every one full once the plan was made (when places ran out).
    public var full: [String]?

    public init(
        referral: String, person: String, reason: UnassignedReason, detail: String, excluded: ExclusionCounts? = nil,
        full: [String]? = nil
    ) {
        self.referral = referral
        self.person = person
        self.reason = reason
        self.detail = detail
        self.excluded = excluded
        self.full = full
    }
}
