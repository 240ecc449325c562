import Foundation
import GRDB
public import StitchApplication

/// The accounts of the web pages and the audit log, in the same database as the community
/// (tables `accounts` and `audit_log`, schema v5).
///
/// These writes do not mark the database as holding a community (an account made in a new
/// database leaves it empty for `stitch import`), and a whole-community replacement keeps them
/// (`BulkStoreFile.Kept`). They may be made while a daemon serves the database: each is one
/// committed transaction, and the daemon reads accounts from the database at every login.
extension SQLiteCommunityStore: AccountStore {
    public func insert(_ stored: StoredAccount) throws -> Bool {
        try accountsWrite { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO accounts (name, role, password_hash, created) VALUES (?, ?, ?, ?)",
                arguments: [
                    stored.account.name, stored.account.role.rawValue, stored.passwordHash,
                    Self.timestamp(stored.account.created),
                ])
            return db.changesCount == 1
        }
    }

    public func storedAccount(named name: String) throws -> StoredAccount? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT name, role, password_hash, created FROM accounts WHERE name = ?", arguments: [name])
            else { return nil }
            return Self.storedAccount(row)
        }
    }

    public func accounts() throws -> [Account] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, password_hash, created FROM accounts ORDER BY name").compactMap {
                Self.storedAccount($0)?.account
            }
        }
    }

    public func removeAccount(named name: String) throws -> Bool {
        try accountsWrite { db in
            try db.execute(sql: "DELETE FROM accounts WHERE name = ?", arguments: [name])
            return db.changesCount == 1
        }
    }

    public func append(_ entry: AuditEntry) throws {
        _ = try accountsWrite { db in
            try db.execute(
                sql: "INSERT INTO audit_log (at, account, action, person, related, count) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [Self.timestamp(entry.at), entry.account, entry.action.rawValue, entry.person, entry.related, entry.count])
            return true
        }
    }

    public func auditEntries(limit: Int) throws -> [AuditEntry] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, at, account, action, person, related, count FROM
                    (SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?) ORDER BY seq
                    """,
                arguments: [limit])
            return rows.compactMap { row in
                guard let action = AuditEntry.Action(rawValue: row["action"]), let at = Self.date(row["at"]) else { return nil }
                return AuditEntry(
                    seq: row["seq"], at: at, account: row["account"], action: action, person: row["person"],
                    related: row["related"], count: row["count"])
            }
        }
    }

    /// A write of the accounts' tables in one transaction, committed before it returns.
    private func accountsWrite(_ body: (Database) throws -> Bool) throws(StoreError) -> Bool {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// An account row; `nil` for a role this build does not know or a date it cannot read.
    private static func storedAccount(_ row: Row) -> StoredAccount? {
        guard let role = AccountRole(rawValue: row["role"]), let created = date(row["created"]) else { return nil }
        return StoredAccount(account: Account(name: row["name"], role: role, created: created), passwordHash: row["password_hash"])
    }

    /// `2026-01-31T09:15:00Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func date(_ text: String?) -> Date? {
        text.flatMap { try? Date($0, strategy: .iso8601) }
    }
}
