public import StitchModel

/// Where a service keeps the ledger's accounts and entries (docs/ledger.md), so that an
/// acknowledged entry survives a restart. A store that is also a ``CommunityPersistence`` and
/// conforms to this keeps them; a service whose store does not refuses ledger writes rather
/// than keep credits in memory only.
///
/// Each method returns only once its change is committed. `CommunityPersistence.loadCommunity()`
/// reads them back, `replaceAll(_:)` replaces them and `remove(memberID:)` removes the entries
/// that name the member, as the service does in memory.
public protocol LedgerPersistence: Sendable {
    /// Appends a ledger entry.
    func record(ledgerEntry: LedgerEntry) throws

    /// Adds an account that is not a member's.
    func add(account: LedgerAccount) throws
}
