import Foundation
import GRDB
import StitchApplication
import StitchModel

/// The ledger's accounts and entries (`ledger.record`, `account.add`; docs/ledger.md): each a
/// JSON record, each write one committed transaction, read back with the community and pruned
/// with the members they name.
extension SQLiteCommunityStore: LedgerPersistence {
    public func record(ledgerEntry: LedgerEntry) throws {
        try write { db in try Self.insert(ledgerEntry, db) }
    }

    public func add(account: LedgerAccount) throws {
        try write { db in
            let position = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger_accounts") ?? 0
            try Self.insert(account, position: position, db)
        }
    }

    static func insert(_ entry: LedgerEntry, _ db: Database) throws {
        let json = String(decoding: try JSONEncoder().encode(entry), as: UTF8.self)
        try db.run("INSERT INTO ledger_entries (record) VALUES (?)", [.text(json)])
    }

    static func insert(_ account: LedgerAccount, position: Int, _ db: Database) throws {
        let json = String(decoding: try JSONEncoder().encode(account), as: UTF8.self)
        try db.run("INSERT INTO ledger_accounts (id, position, record) VALUES (?, ?, ?)", [.text(account.id), .integer(position), .text(json)])
    }

    /// Adds an account last, or replaces the stored one with its id in place (an import's addition).
    static func upsert(_ account: LedgerAccount, _ db: Database) throws {
        let json = String(decoding: try JSONEncoder().encode(account), as: UTF8.self)
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ledger_accounts WHERE id = ?)", arguments: [account.id]) == true {
            try db.run("UPDATE ledger_accounts SET record = ? WHERE id = ?", [.text(json), .text(account.id)])
            try db.run("DELETE FROM quarantine WHERE source = 'ledger_accounts' AND key = ?", [.text(account.id)])
        } else {
            let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM ledger_accounts") ?? 0
            try insert(account, position: position, db)
        }
    }

    /// Replaces the stored ledger with the community's (inside `replaceAll`'s transaction).
    static func replaceLedger(with community: Community, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM ledger_entries; DELETE FROM ledger_accounts;")
        for (position, account) in community.accounts.enumerated() { try insert(account, position: position, db) }
        for entry in community.ledger { try insert(entry, db) }
    }

    /// Deletes the entries that name member `id` (inside `remove(memberID:)`'s transaction).
    static func pruneLedger(member id: String, _ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT seq, record FROM ledger_entries")
        let decoder = JSONDecoder()
        for row in rows {
            guard let seq = Int64.fromDatabaseValue(row[0] as DatabaseValue),
                let text = String.fromDatabaseValue(row[1] as DatabaseValue),
                let entry = try? decoder.decode(LedgerEntry.self, from: Data(text.utf8)),
                entry.from.contains(id) || entry.to.contains(id)
            else { continue }
            try db.run("DELETE FROM ledger_entries WHERE seq = ?", [.integer(Int(seq))])
        }
    }

    /// Reads the stored accounts and entries into `community`. A row that cannot be read, or
    /// that does not fit the community (an unknown account, an id taken), is set aside
    /// (``QuarantineEntry``, by its key and field, never its values).
    static func readLedger(_ db: Database, into community: inout Community, setAside: inout [SetAside]) throws {
        let decoder = JSONDecoder()
        let memberIDs = Set(community.members.map(\.id))
        var accountIDs = Set<String>()
        for row in try Row.fetchAll(db, sql: "SELECT id, record FROM ledger_accounts ORDER BY position") {
            let key = String.fromDatabaseValue(row[0] as DatabaseValue) ?? "?"
            switch decode(LedgerAccount.self, row[1], decoder) {
            case .failure(let problem): setAside.append(SetAside(table: "ledger_accounts", key: key, problem))
            case .success(let account):
                if memberIDs.contains(account.id) || !accountIDs.insert(account.id).inserted || account.id != key {
                    setAside.append(SetAside(table: "ledger_accounts", key: key, field: "id", reason: "is taken or differs from the row's key"))
                } else {
                    community.accounts.append(account)
                }
            }
        }
        let rules = community.ledgerRules
        for row in try Row.fetchAll(db, sql: "SELECT seq, record FROM ledger_entries ORDER BY seq") {
            let key = "#\(Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? 0)"
            switch decode(LedgerEntry.self, row[1], decoder) {
            case .failure(let problem): setAside.append(SetAside(table: "ledger_entries", key: key, problem))
            case .success(let entry):
                if let problem = rules.referenceErrors(of: entry).first {
                    setAside.append(SetAside(table: "ledger_entries", key: key, problem))
                } else {
                    community.ledger.append(entry)
                }
            }
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ value: DatabaseValue, _ decoder: JSONDecoder) -> Result<T, ValidationError> {
        guard let text = String.fromDatabaseValue(value) else { return .failure(.init(field: "$", reason: "the record cannot be read")) }
        do {
            return .success(try decoder.decode(T.self, from: Data(text.utf8)))
        } catch let error as DecodingError {
            return .failure(ValidationError(error))
        } catch {
            return .failure(.init(field: "$", reason: "the record cannot be read"))
        }
    }
}
