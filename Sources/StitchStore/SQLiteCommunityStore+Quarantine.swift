import Foundation
import GRDB
import Logging
import StitchApplication
import StitchEngine
import StitchModel

/// The stored rows set aside at start-up (``QuarantineEntry``): noted by each load, listed,
/// dropped and repaired by `stitch admin quarantine`.
extension SQLiteCommunityStore {
    /// Replaces the quarantine entries of `tables` with `rows`, and logs (a warning) how many rows
    /// were set aside, by table (counts only: no ids, names or values).
    ///
    /// Nothing is written when there is nothing to note. A store that cannot be written (a
    /// read-only file) still serves the rest; the line on standard error still says so.
    /// The optional dates in a stored row's `columns` (NULL reads as no date), or the field of the
    /// first that is not a date YYYY-MM-DD, for the row to be set aside under it.
    static func optionalDates(_ row: Row, _ columns: [(column: Int, field: String)]) -> Result<[CalendarDate?], BadDate> {
        var dates: [CalendarDate?] = []
        for (column, field) in columns {
            let value = row[column] as DatabaseValue
            if value.isNull {
                dates.append(nil)
            } else if let text = String.fromDatabaseValue(value), let date = CalendarDate(parsing: text) {
                dates.append(date)
            } else {
                return .failure(BadDate(field: field))
            }
        }
        return .success(dates)
    }

    /// A stored date that cannot be read: the field it stands for.
    struct BadDate: Error {
        let field: String
        static let reason = "is not a date YYYY-MM-DD"
    }

    func noteSetAside(_ rows: [SetAside], tables: [String]) {
        let list = tables.map { "'\($0)'" }.joined(separator: ", ")
        do {
            let noted = try pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM quarantine WHERE source IN (\(list))") ?? 0
            }
            if noted > 0 || !rows.isEmpty {
                try pool.write { db in
                    try db.execute(sql: "DELETE FROM quarantine WHERE source IN (\(list))")
                    let insert = try RawStatement(
                        db, sql: "INSERT OR REPLACE INTO quarantine (source, key, field, reason) VALUES (?, ?, ?, ?)")
                    for row in rows {
                        try insert.execute([.text(row.table), .text(row.key), .text(row.field), .text(row.reason)])
                    }
                }
            }
        } catch {
            // The rows are set aside in memory all the same.
        }
        guard !rows.isEmpty else { return }
        var counts: [String: Int] = [:]
        for row in rows { counts[row.table, default: 0] += 1 }
        let byTable = tables.compactMap { table in counts[table].map { "\(table) \($0)" } }.joined(separator: ", ")
        Logger(label: "stitch.store").warning(
            "set aside \(Wording.count(rows.count, "stored record")) that cannot be served (\(byTable)); the rest is served; list them with `stitch admin quarantine --db \(path)`")
    }

    /// The rows set aside by the last start-up, in the order noted.
    public func quarantineEntries() throws(StoreError) -> [QuarantineEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT entry, source, key, field, reason FROM quarantine ORDER BY entry").map { row in
                QuarantineEntry(
                    entry: row[0], table: row[1], key: String.fromDatabaseValue(row[2] as DatabaseValue) ?? "",
                    field: row[3], reason: row[4])
            }
        }
    }

    /// Deletes a set-aside row from its table, as the daemon's removal of that record does (a
    /// member's exchanges, attendance and place in `avoid` lists go with it), and its entry.
    ///
    /// - Returns: the entry dropped, or `nil` when there is no such entry.
    @discardableResult
    public func dropQuarantined(entry number: Int64) throws -> QuarantineEntry? {
        guard let entry = try quarantineEntries().first(where: { $0.entry == number }) else { return nil }
        switch entry.table {
        case "members": try remove(memberID: entry.key)
        case "activities": try remove(activityID: entry.key)
        default:
            try write { db in
                switch entry.table {
                case "exchanges", "attendance", "outcomes", "dismissals", "asks", "pairings":
                    try db.run("DELETE FROM \(entry.table) WHERE seq = ?", [.integer(Self.sequence(entry.key))])
                case "weights":
                    try db.run("DELETE FROM weights WHERE profile = ?", [.text(entry.key)])
                case "referrals":
                    try db.run("DELETE FROM referrals WHERE id = ?", [.text(entry.key)])
                case "learned_weights":
                    try db.run("DELETE FROM learned_weights WHERE version = ?", [.text(entry.key)])
                default:
                    break
                }
            }
        }
        try write { db in try db.run("DELETE FROM quarantine WHERE entry = ?", [.integer(Int(number))]) }
        return entry
    }

    /// Writes a corrected record in place of a set-aside row and clears its entry; the record is
    /// checked exactly as a request's would be (decoding, `RecordBounds`, the stored references).
    ///
    /// - Parameter json: the record in its wire form: a member, an activity, an exchange, an
    ///   attendance record, an outcome, a referral record, or a profile's weights (`{"skill": 0.3, …}`).
    /// - Returns: the entry repaired, or `nil` when there is no such entry.
    /// - Throws: ``ValidationErrors`` for a record that is not sound, with its field paths.
    @discardableResult
    public func repairQuarantined(entry number: Int64, json: Data) throws -> QuarantineEntry? {
        guard let entry = try quarantineEntries().first(where: { $0.entry == number }) else { return nil }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            do {
                return try JSONDecoder().decode(type, from: json)
            } catch let error as DecodingError {
                throw ValidationErrors([ValidationError(error)])
            }
        }
        func sameID(_ id: String) throws {
            guard id == entry.key else {
                throw ValidationErrors([.init(field: "id", reason: "must be the id of the row set aside")])
            }
        }
        let seq = Self.sequence(entry.key)
        switch entry.table {
        case "members":
            let member = try decode(Member.self)
            try sameID(member.id)
            try upsert(member: member)
        case "activities":
            let activity = try decode(Activity.self)
            try sameID(activity.id)
            if let problem = activity.placeErrors().first { throw ValidationErrors([problem]) }
            try upsert(activity: activity)
        case "exchanges":
            let exchange = try decode(Exchange.self)
            try write { db in
                try db.run(
                    "UPDATE exchanges SET id = ?, giver = ?, receiver = ?, hours = ?, skill = ?, date = ? WHERE seq = ?",
                    Self.values(exchange) + [.integer(seq)])
            }
        case "attendance":
            let record = try decode(Attendance.self)
            try write { db in
                try db.run(
                    "UPDATE attendance SET member = ?, activity = ?, date = ? WHERE seq = ?",
                    Self.values(record) + [.integer(seq)])
            }
        case "outcomes":
            let outcome = try decode(Outcome.self)
            try write { db in
                try db.run(
                    """
                    UPDATE outcomes SET subject = ?, candidate = ?, accepted = ?, completed = ?, wellbeing_before = ?,
                        wellbeing_after = ? WHERE seq = ?
                    """,
                    [
                        .text(outcome.subject), .text(outcome.candidate), .integer(outcome.accepted ? 1 : 0),
                        .integer(outcome.completed ? 1 : 0), .real(outcome.wellbeingBefore),
                        .real(outcome.wellbeingAfter), .integer(seq),
                    ])
            }
        case "weights":
            guard let profile = ScoringProfile(rawValue: entry.key) else {
                throw ValidationErrors([.init(field: "profile", reason: "the row set aside has no known profile; drop it")])
            }
            let weights: FactorWeights
            do {
                weights = try decode(FactorWeights.self).validatedAsWeights(field: "weights")
            } catch let error as QueryError {
                throw ValidationErrors([.init(field: error.field, reason: error.reason)])
            }
            try setWeights(profile: profile, weights: weights)
        case "referrals":
            let record = try decode(ReferralRecord.self)
            try sameID(record.id)
            try save(referral: record)
        case "learned_weights":
            let fit = try decode(LearnedFit.self)
            guard fit.version == entry.key, fit.fit.version == entry.key else {
                throw ValidationErrors([.init(field: "version", reason: "is not the version of the row set aside ('\(entry.key)')")])
            }
            try save(fit: fit)
        default:
            throw ValidationErrors([.init(field: "table", reason: "unknown table '\(entry.table)'")])
        }
        try write { db in try db.run("DELETE FROM quarantine WHERE entry = ?", [.integer(Int(number))]) }
        return entry
    }

    /// The sequence number of a `#seq` key.
    private static func sequence(_ key: String) -> Int { Int(key.dropFirst()) ?? -1 }
}
