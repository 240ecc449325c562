public import StitchModel

/// Where a service keeps its referral records, so that an acknowledged change survives a
/// restart. A store that is also a ``CommunityPersistence`` and conforms to this keeps them;
/// otherwise the service keeps referrals in memory only.
///
/// ``save(referral:)`` returns only once the record is committed: a referral's creation or
/// change is acknowledged only when it is stored.
public protocol ReferralPersistence: Sendable {
    /// Adds a referral record, or replaces the one with the same id.
    func save(referral: ReferralRecord) throws
}
