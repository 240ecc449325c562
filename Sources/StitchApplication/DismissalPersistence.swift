public import StitchModel

/// Where a service keeps the broker's dismissals, so that an acknowledged "not this one"
/// survives a restart. A store that is also a ``CommunityPersistence`` and conforms to this
/// keeps them; otherwise the service keeps them in memory only.
///
/// Each method returns only once its change is committed. A dismissal's reason is the broker's
/// free text: stored, never logged.
public protocol DismissalPersistence: Sendable {
    /// Adds a dismissal, or replaces the one of the same subject and candidate.
    func save(dismissal: Dismissal) throws

    /// Removes the dismissal of this subject and candidate (nothing when there is none).
    func removeDismissal(subject: String, candidate: String) throws
}
