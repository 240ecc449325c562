public import StitchModel

/// Where a service keeps the asks of helpers and the ongoing pairings, so that both survive a
/// restart. A store that is also a ``CommunityPersistence`` and conforms to this keeps them;
/// otherwise the service keeps them in memory only.
///
/// Each method returns only once its change is committed.
public protocol AskPersistence: Sendable {
    /// Adds an ask, or replaces the one of the same subject, candidate and day.
    func save(ask: Ask) throws

    /// Adds a pairing, or replaces the one of the same person and kind.
    func save(pairing: Pairing) throws

    /// Removes the pairing of this person and kind (nothing when there is none).
    func removePairing(person: String, kind: String) throws

    /// Replaces everything stored with `community`, as `CommunityPersistence.replaceAll(_:)`
    /// does, and adds `pairings` (each replacing the one of the same person and kind), in one
    /// write: `community.load` of a community file that lists pairings.
    func replaceAll(_ community: Community, pairings: [Pairing]) throws
}
