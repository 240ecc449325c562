import Foundation
import GRDB
import StitchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A new database file holding a whole community, written as fast as SQLite allows: no journal,
/// no syncs until the end, one transaction, prepared statements bound in place, and the lookup
/// indexes built once after the rows rather than row by row.
///
/// Nothing here is safe against a crash, and nothing needs to be: the file is new, and only a
/// complete, synced file is ever moved into the store's place (``SQLiteCommunityStore/replaceAllInNewFile(_:progress:)``).
/// The schema is the store's own (``StoreSchema``), so the file is the same as one written
/// record by record.
enum BulkStoreFile {
    /// The rows of the store being replaced that `replaceAll` keeps: every weight, and the
    /// outcomes, dismissals, asks and pairings (those that no longer resolve are pruned in the new file), the
    /// text model's vectors, the referral records, the accounts and the audit log.
    struct Kept {
        var weights: [Row]
        var outcomes: [Row]
        var referrals: [Row]
        var dismissals: [Row]
        var asks: [Row]
        var pairings: [Row]
        var accounts: [Row]
        var audit: [Row]
        /// The text model's vectors (`text_vectors`): model, text (read by its length) and bytes.
        var vectors: [(model: String, text: String, vector: [UInt8])]

        static let weightColumns = "profile, skill, availability, locality, wellbeing, bridging, reciprocity"
        static let outcomeColumns = "seq, subject, candidate, accepted, completed, wellbeing_before, wellbeing_after"
        static let referralColumns = "id, person, practice, status, date, record"
        static let dismissalColumns = "seq, subject, candidate, reason, until, date"
        static let askColumns = "seq, subject, candidate, date"
        static let pairingColumns = "seq, person, kind_key, kind, helper, start, review"
        static let accountColumns = "name, role, password_hash, created"
        static let auditColumns = "seq, at, account, action, person, related, count"

        /// Reads them from the store's database.
        init(_ db: Database) throws {
            weights = try Row.fetchAll(db, sql: "SELECT \(Self.weightColumns) FROM weights")
            outcomes = try Row.fetchAll(db, sql: "SELECT \(Self.outcomeColumns) FROM outcomes ORDER BY seq")
            referrals = try Row.fetchAll(db, sql: "SELECT \(Self.referralColumns) FROM referrals")
            dismissals = try Row.fetchAll(db, sql: "SELECT \(Self.dismissalColumns) FROM dismissals ORDER BY seq")
            asks = try Row.fetchAll(db, sql: "SELECT \(Self.askColumns) FROM asks ORDER BY seq")
            pairings = try Row.fetchAll(db, sql: "SELECT \(Self.pairingColumns) FROM pairings ORDER BY seq")
            accounts = try Row.fetchAll(db, sql: "SELECT \(Self.accountColumns) FROM accounts")
            audit = try Row.fetchAll(db, sql: "SELECT \(Self.auditColumns) FROM audit_log ORDER BY seq")
            vectors = []
            let rows = try Row.fetchCursor(db, sql: "SELECT model, CAST(text AS BLOB), vector FROM text_vectors")
            while let row = try rows.next() {
                guard let model = String.fromDatabaseValue(row[0] as DatabaseValue),
                    let text = String(validating: Data.fromDatabaseValue(row[1] as DatabaseValue) ?? Data(), as: UTF8.self),
                    let vector = Data.fromDatabaseValue(row[2] as DatabaseValue)
                else { continue }
                vectors.append((model, text, Array(vector)))
            }
        }
    }

    /// Writes `community` to a new file at `path` (any file already there is removed), with the
    /// `kept` weights and outcomes, as `replaceAll` keeps them, and the file's `pairings` over
    /// the kept ones.
    ///
    /// - Parameters:
    ///   - memberJSON: each member's record as stored, in order.
    ///   - activityJSON: each activity's record as stored, in order.
    static func write(
        _ community: Community, memberJSON: [String], activityJSON: [String], kept: Kept, pairings: [Pairing] = [],
        to path: String, progress: ((_ done: Int, _ total: Int) -> Void)?
    ) throws(StoreError) {
        try checkReferences(community)
        remove(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            configuration.label = "stitch.store.bulk"
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(
                    sql: """
                        PRAGMA main.journal_mode = OFF; PRAGMA main.synchronous = OFF;
                        PRAGMA main.locking_mode = EXCLUSIVE; PRAGMA main.cache_size = -65536; PRAGMA temp_store = MEMORY;
                        """)
            }
            try StoreSchema.migrator.migrate(queue)
            try queue.write { db in
                let indexes = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT name, sql FROM sqlite_master
                        WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('member_avoid', 'exchanges', 'attendance')
                        """)
                for index in indexes { try db.execute(sql: "DROP INDEX \(index["name"] as String)") }
                try insert(community, memberJSON: memberJSON, activityJSON: activityJSON, db, progress: progress)
                try SQLiteCommunityStore.replaceLedger(with: community, db)
                for index in indexes { try db.execute(sql: index["sql"] as String) }
                let insertWeights = try db.makeStatement(
                    sql: "INSERT INTO weights (\(Kept.weightColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)")
                for row in kept.weights { try insertWeights.execute(arguments: StatementArguments(row.databaseValues)) }
                let insertOutcome = try db.makeStatement(
                    sql: "INSERT INTO outcomes (\(Kept.outcomeColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)")
                for row in kept.outcomes { try insertOutcome.execute(arguments: StatementArguments(row.databaseValues)) }
                try SQLiteCommunityStore.pruneOutcomes(db)
                let insertReferral = try db.makeStatement(
                    sql: "INSERT INTO referrals (\(Kept.referralColumns)) VALUES (?, ?, ?, ?, ?, ?)")
                for row in kept.referrals { try insertReferral.execute(arguments: StatementArguments(row.databaseValues)) }
                let insertDismissal = try db.makeStatement(
                    sql: "INSERT INTO dismissals (\(Kept.dismissalColumns)) VALUES (?, ?, ?, ?, ?, ?)")
                for row in kept.dismissals { try insertDismissal.execute(arguments: StatementArguments(row.databaseValues)) }
                try SQLiteCommunityStore.pruneDismissals(db)
                let insertAsk = try db.makeStatement(sql: "INSERT INTO asks (\(Kept.askColumns)) VALUES (?, ?, ?, ?)")
                for row in kept.asks { try insertAsk.execute(arguments: StatementArguments(row.databaseValues)) }
                let insertPairing = try db.makeStatement(sql: "INSERT INTO pairings (\(Kept.pairingColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)")
                for row in kept.pairings { try insertPairing.execute(arguments: StatementArguments(row.databaseValues)) }
                for pairing in pairings { try SQLiteCommunityStore.upsert(pairing, db) }
                try SQLiteCommunityStore.pruneAsks(db)
                let insertAccount = try db.makeStatement(sql: "INSERT INTO accounts (\(Kept.accountColumns)) VALUES (?, ?, ?, ?)")
                for row in kept.accounts { try insertAccount.execute(arguments: StatementArguments(row.databaseValues)) }
                let insertAudit = try db.makeStatement(sql: "INSERT INTO audit_log (\(Kept.auditColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)")
                for row in kept.audit { try insertAudit.execute(arguments: StatementArguments(row.databaseValues)) }
                let insertVector = try RawStatement(db, sql: "INSERT OR IGNORE INTO text_vectors (model, text, vector) VALUES (?, ?, ?)")
                for (model, text, vector) in kept.vectors {
                    insertVector.bind(1, model)
                    insertVector.bind(2, text)
                    insertVector.bind(3, blob: vector)
                    try insertVector.step()
                }
                try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('community', 'stored')")
            }
            try queue.close()
        } catch {
            remove(path)
            throw StoreError.wrapping(error)
        }
        try sync(path)
    }

    private static func insert(
        _ community: Community, memberJSON: [String], activityJSON: [String], _ db: Database,
        progress: ((_ done: Int, _ total: Int) -> Void)?
    ) throws(StoreError) {
        let total =
            community.members.count + community.activities.count + community.exchanges.count + community.attendance.count
        var done = 0
        func tick() {
            done += 1
            if done % 2048 == 0 || done == total { progress?(done, total) }
        }
        let insertMember = try RawStatement(db, sql: "INSERT INTO members (id, position, record) VALUES (?, ?, ?)")
        let insertAvoid = try RawStatement(db, sql: "INSERT INTO member_avoid (member, avoided) VALUES (?, ?)")
        for (position, member) in community.members.enumerated() {
            insertMember.bind(1, member.id)
            insertMember.bind(2, position)
            insertMember.bind(3, memberJSON[position])
            try insertMember.step()
            for other in member.avoid {
                insertAvoid.bind(1, member.id)
                insertAvoid.bind(2, other)
                try insertAvoid.step()
            }
            tick()
        }
        let insertActivity = try RawStatement(db, sql: "INSERT INTO activities (id, position, record) VALUES (?, ?, ?)")
        for (position, activity) in community.activities.enumerated() {
            insertActivity.bind(1, activity.id)
            insertActivity.bind(2, position)
            insertActivity.bind(3, activityJSON[position])
            try insertActivity.step()
            tick()
        }
        var dates = DateTexts()
        let insertExchange = try RawStatement(db, sql: SQLiteCommunityStore.insertExchangeSQL)
        for exchange in community.exchanges {
            insertExchange.bind(1, exchange.id)
            insertExchange.bind(2, exchange.giver)
            insertExchange.bind(3, exchange.receiver)
            insertExchange.bind(4, exchange.hours)
            insertExchange.bind(5, exchange.skill)
            insertExchange.bind(6, dates.text(exchange.date))
            try insertExchange.step()
            tick()
        }
        let insertAttendance = try RawStatement(db, sql: SQLiteCommunityStore.insertAttendanceSQL)
        for attendance in community.attendance {
            insertAttendance.bind(1, attendance.member)
            insertAttendance.bind(2, attendance.activity)
            insertAttendance.bind(3, dates.text(attendance.date))
            try insertAttendance.step()
            tick()
        }
    }

    /// The store's foreign keys, checked before writing (the bulk connection does not enforce
    /// them): every `avoid`, exchange and attendance names a member (and activity) of the
    /// community. Refused as SQLite would refuse the transaction.
    static func checkReferences(_ community: Community) throws(StoreError) {
        let members = Set(community.members.map(\.id))
        let activities = Set(community.activities.map(\.id))
        let sound =
            community.members.allSatisfy { $0.avoid.allSatisfy(members.contains) }
            && community.exchanges.allSatisfy { members.contains($0.giver) && members.contains($0.receiver) }
            && community.attendance.allSatisfy { members.contains($0.member) && activities.contains($0.activity) }
        guard sound else { throw .sqlite(code: 787, message: "FOREIGN KEY constraint failed") }
    }

    /// Writes the file's bytes to the disk.
    static func sync(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            remove(path)
            throw .cannotOpen(path: path, reason: "cannot sync: \(reason)")
        }
        close(fd)
    }

    /// Removes a file and the side files SQLite may have left with it.
    static func remove(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }
}

/// Dates as stored (`YYYY-MM-DD`), each distinct date formatted once.
private struct DateTexts {
    private var texts: [Int: String] = [:]

    mutating func text(_ date: CalendarDate?) -> String? {
        guard let date else { return nil }
        if let text = texts[date.dayNumber] { return text }
        let text = date.description
        texts[date.dayNumber] = text
        return text
    }
}
