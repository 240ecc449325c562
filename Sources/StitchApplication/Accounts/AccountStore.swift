/// Where accounts and the audit log are kept: the store implements it (the same SQLite
/// database as the community), and ``AccountService`` holds the use cases over it.
///
/// Each method returns once its change is committed. Errors thrown are logged as they are:
/// their descriptions must name no personal data.
public protocol AccountStore: Sendable {
    /// Adds an account; `false` (nothing stored) when one with the same name exists.
    func insert(_ account: StoredAccount) throws -> Bool

    /// The account with this (normalized) name, with its hash.
    func storedAccount(named name: String) throws -> StoredAccount?

    /// Every account, by name.
    func accounts() throws -> [Account]

    /// Removes an account; `false` when there was none. Its audit lines stay.
    func removeAccount(named name: String) throws -> Bool

    /// Appends a line to the audit log.
    func append(_ entry: AuditEntry) throws

    /// The last `limit` lines of the audit log, oldest first.
    func auditEntries(limit: Int) throws -> [AuditEntry]
}
