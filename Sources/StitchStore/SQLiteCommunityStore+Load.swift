import Foundation
import GRDB
import StitchEngine
import StitchModel

/// Reading the stored community back, from one consistent snapshot.
extension SQLiteCommunityStore {
    /// The stored community, in the order it was served: equal to the daemon's community at the
    /// last committed write. Every record is validated again as it is read.
    ///
    /// One read transaction (a WAL snapshot), so a write in progress is never half seen.
    public func load() throws(StoreError) -> Community {
        try read { db in
            // The JSON records are decoded on other threads while this one reads the flat tables.
            let members = RecordDecoding<Member>(try Self.fetchJSONArrays(db, table: "members"))
            let activities = RecordDecoding<Activity>(try Self.fetchJSONArrays(db, table: "activities"))
            let exchanges = try Self.fetchExchanges(db)
            let attendance = try Self.fetchAttendance(db)
            guard let decodedMembers = members.wait() else {
                throw try Self.badRecord(Member.self, db, table: "members")
            }
            guard let decodedActivities = activities.wait() else {
                throw try Self.badRecord(Activity.self, db, table: "activities")
            }
            return Community(
                members: decodedMembers, activities: decodedActivities, exchanges: exchanges, attendance: attendance)
        }
    }

    /// The weights set with `weights.set`, by profile; profiles never set are absent (their
    /// defaults apply).
    public func loadWeights() throws(StoreError) -> [ScoringProfile: FactorWeights] {
        try read { db in
            var weights: [ScoringProfile: FactorWeights] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT profile, skill, availability, locality, wellbeing, bridging, reciprocity FROM weights")
            while let row = try rows.next() {
                let name: String = row[0]
                guard let profile = ScoringProfile(rawValue: name) else {
                    throw StoreError.unreadableRecord(table: "weights", row: name, field: "profile")
                }
                weights[profile] = FactorWeights(
                    skill: row[1], availability: row[2], locality: row[3], wellbeing: row[4], bridging: row[5],
                    reciprocity: row[6])
            }
            return weights
        }
    }

    /// `base` with the stored weights in force: the configuration a restarted daemon serves with.
    public func configuration(base: EngineConfiguration = EngineConfiguration()) throws(StoreError)
        -> EngineConfiguration
    {
        var configuration = base
        configuration.weights.merge(try loadWeights()) { $1 }
        return configuration
    }

    // MARK: - Reading records

    /// The JSON records of a table, in order, as a few JSON arrays of about equal length (two
    /// per processor): each array is decoded in one decoder call, and the arrays at the same time.
    static func fetchJSONArrays(_ db: Database, table: String) throws -> [Data] {
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
        let parts = max(1, min(2 * ProcessInfo.processInfo.activeProcessorCount, count / 1_000))
        let perPart = (count + parts - 1) / max(parts, 1)
        var arrays: [Data] = []
        var current = Data()
        var inCurrent = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT record FROM \(table) ORDER BY position")
        while let row = try rows.next() {
            current.append(UInt8(ascii: inCurrent == 0 ? "[" : ","))
            try row.withUnsafeData(atIndex: 0) { data in
                if let data { current.append(data) }
            }
            inCurrent += 1
            if inCurrent == perPart {
                current.append(UInt8(ascii: "]"))
                arrays.append(current)
                current = Data()
                inCurrent = 0
            }
        }
        if inCurrent > 0 {
            current.append(UInt8(ascii: "]"))
            arrays.append(current)
        }
        return arrays
    }

    /// The error naming the first record of a table that does not decode.
    private static func badRecord<T: Decodable>(_ type: T.Type, _ db: Database, table: String) throws -> StoreError {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, record FROM \(table) ORDER BY position")
        while let row = try rows.next() {
            let id: String = row[0]
            let record: String? = row[1]
            do {
                _ = try JSONDecoder().decode(type, from: Data((record ?? "").utf8))
            } catch let error as DecodingError {
                return .unreadableRecord(table: table, row: id, field: ValidationError(error).field)
            } catch {
                return .unreadableRecord(table: table, row: id, field: "$")
            }
        }
        return .unreadableRecord(table: table, row: "?", field: "$")
    }

    /// A record by id, or `nil` when there is none.
    static func fetchRecord<T: Decodable>(_ type: T.Type, _ db: Database, table: String, id: String) throws -> T? {
        guard let record = try String.fetchOne(db, sql: "SELECT record FROM \(table) WHERE id = ?", arguments: [id])
        else {
            return nil
        }
        do {
            return try JSONDecoder().decode(type, from: Data(record.utf8))
        } catch let error as DecodingError {
            throw StoreError.unreadableRecord(table: table, row: id, field: ValidationError(error).field)
        }
    }

    static func fetchExchanges(_ db: Database) throws -> [Exchange] {
        var exchanges: [Exchange] = []
        exchanges.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM exchanges") ?? 0)
        var dates = DateReader(table: "exchanges")
        let rows = try Row.fetchCursor(
            db, sql: "SELECT seq, id, giver, receiver, hours, skill, date FROM exchanges ORDER BY seq")
        while let row = try rows.next() {
            exchanges.append(
                Exchange(
                    id: row[1], giver: row[2], receiver: row[3], hours: row[4], skill: row[5],
                    date: try dates.read(row[6], seq: row[0])))
        }
        return exchanges
    }

    static func fetchAttendance(_ db: Database) throws -> [Attendance] {
        var attendance: [Attendance] = []
        attendance.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance") ?? 0)
        var dates = DateReader(table: "attendance")
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, member, activity, date FROM attendance ORDER BY seq")
        while let row = try rows.next() {
            attendance.append(Attendance(member: row[1], activity: row[2], date: try dates.read(row[3], seq: row[0])))
        }
        return attendance
    }
}

/// Reads stored `YYYY-MM-DD` dates, parsing each distinct text once (a community has hundreds
/// of dates and up to millions of exchanges and attendances).
private struct DateReader {
    let table: String
    private var parsed: [String: CalendarDate] = [:]

    init(table: String) { self.table = table }

    mutating func read(_ text: String?, seq: Int64) throws(StoreError) -> CalendarDate? {
        guard let text else { return nil }
        if let date = parsed[text] { return date }
        guard let date = CalendarDate(parsing: text) else {
            throw .unreadableRecord(table: table, row: "#\(seq)", field: "date")
        }
        parsed[text] = date
        return date
    }
}

extension SQLiteCommunityStore {
    /// The stored community (``load()``), for the service to fall back to after a failed write.
    public func loadCommunity() throws -> Community { try load() }
}
