import Foundation
import GRDB
import StitchEngine
import StitchModel

/// Reading the stored community back, from one consistent snapshot.
extension SQLiteCommunityStore {
    /// The stored community, in the order it was served: equal to the daemon's community at the
    /// last committed write. Every record is validated again as it is read.
    ///
    /// A row that cannot be read back, breaks a bound (`RecordBounds`) or names a record set
    /// aside is set aside itself: left in its table, listed in the quarantine (see
    /// ``QuarantineEntry``) and counted in one line on standard error, so a start-up never dies
    /// on a stored record and the rest is served.
    ///
    /// One read transaction (a WAL snapshot), so a write in progress is never half seen.
    public func load() throws(StoreError) -> Community {
        let (community, setAside) = try read { db in try Self.readSound(db) }
        noteSetAside(setAside, tables: ["members", "activities", "exchanges", "attendance", "ledger_accounts", "ledger_entries"])
        return community
    }

    /// The community's rows that can be served, and those set aside.
    static func readSound(_ db: Database) throws -> (Community, [SetAside]) {
        // The JSON records are decoded on other threads while this one reads the flat tables.
        let memberDecoding = RecordDecoding<Member>(try fetchJSONArrays(db, table: "members"))
        let activityDecoding = RecordDecoding<Activity>(try fetchJSONArrays(db, table: "activities"))
        var setAside: [SetAside] = []
        let exchanges = try fetchExchanges(db, setAside: &setAside)
        let attendance = try fetchAttendance(db, setAside: &setAside)
        let members = try memberDecoding.wait().map(withKeys(db, table: "members"))
            ?? soundRecords(Member.self, db, table: "members", setAside: &setAside)
        let activities = try activityDecoding.wait().map(withKeys(db, table: "activities"))
            ?? soundRecords(Activity.self, db, table: "activities", setAside: &setAside)
        var lists = Lists()
        var keys: [String: [String]] = ["members": [], "activities": [], "exchanges": [], "attendance": []]
        for (key, member) in members where check(member.id, key: key, table: "members", &setAside) {
            lists.members.append((keys["members"]!.count, member))
            keys["members"]!.append(key)
        }
        for (key, activity) in activities where check(activity.id, key: key, table: "activities", &setAside) {
            lists.activities.append((keys["activities"]!.count, activity))
            keys["activities"]!.append(key)
        }
        for (key, exchange) in exchanges {
            lists.exchanges.append((keys["exchanges"]!.count, exchange))
            keys["exchanges"]!.append(key)
        }
        for (key, record) in attendance {
            lists.attendance.append((keys["attendance"]!.count, record))
            keys["attendance"]!.append(key)
        }
        // The community-level checks (references, places), as an import runs them: each record
        // they flag is set aside, until the rest is sound.
        for problem in lists.pruneUntilSound() {
            guard let (table, index, rest) = Lists.split(problem.field), let key = keys[table]?[index] else { continue }
            let field = rest.hasPrefix(".") ? String(rest.dropFirst()) : (rest.isEmpty ? "$" : String(rest))
            setAside.append(SetAside(table: table, key: key, ValidationError(field: field, reason: problem.reason)))
        }
        var community = lists.community
        try readLedger(db, into: &community, setAside: &setAside)
        return (community, setAside)
    }

    /// Whether a decoded record's id is the key it is stored under; a mismatch is set aside.
    private static func check(_ id: String, key: String, table: String, _ setAside: inout [SetAside]) -> Bool {
        guard id != key else { return true }
        setAside.append(SetAside(table: table, key: key, field: "id", reason: "differs from the id the row is stored under"))
        return false
    }

    /// Pairs records decoded in bulk with their keys, in the same order.
    private static func withKeys<T>(_ db: Database, table: String) -> ([T]) throws -> [(String, T)] {
        { records in
            let keys = try DatabaseValue.fetchAll(db, sql: "SELECT id FROM \(table) ORDER BY position")
                .map { String.fromDatabaseValue($0) ?? "" }
            return Array(zip(keys, records))
        }
    }

    /// Every record of a table that decodes, with its key, one by one; the others set aside.
    private static func soundRecords<T: Decodable>(
        _ type: T.Type, _ db: Database, table: String, setAside: inout [SetAside]
    ) throws -> [(String, T)] {
        var records: [(String, T)] = []
        let decoder = JSONDecoder()
        let rows = try Row.fetchCursor(db, sql: "SELECT id, record FROM \(table) ORDER BY position")
        while let row = try rows.next() {
            let key = String.fromDatabaseValue(row[0] as DatabaseValue) ?? ""
            guard let text = String.fromDatabaseValue(row[1] as DatabaseValue) else {
                setAside.append(SetAside(table: table, key: key, field: "$", reason: "the record is not text"))
                continue
            }
            do {
                records.append((key, try decoder.decode(type, from: Data(text.utf8))))
            } catch let error as DecodingError {
                setAside.append(SetAside(table: table, key: key, ValidationError(error)))
            } catch {
                setAside.append(SetAside(table: table, key: key, field: "$", reason: "the record cannot be read"))
            }
        }
        return records
    }

    /// The weights set with `weights.set`, by profile; profiles never set are absent (their
    /// defaults apply). A row with an unknown profile or weights out of bounds is set aside.
    public func loadWeights() throws(StoreError) -> [ScoringProfile: FactorWeights] {
        let (weights, setAside) = try read { db in
            var weights: [ScoringProfile: FactorWeights] = [:]
            var setAside: [SetAside] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT profile, skill, availability, locality, wellbeing, bridging, reciprocity FROM weights")
            while let row = try rows.next() {
                let name = String.fromDatabaseValue(row[0] as DatabaseValue) ?? ""
                guard let profile = ScoringProfile(rawValue: name) else {
                    setAside.append(
                        SetAside(table: "weights", key: name, field: "profile", reason: "not one of \(ScoringProfile.allowedNames)"))
                    continue
                }
                let values = (1...6).map { Double.fromDatabaseValue(row[$0] as DatabaseValue) ?? .nan }
                let stored = FactorWeights(
                    skill: values[0], availability: values[1], locality: values[2], wellbeing: values[3],
                    bridging: values[4], reciprocity: values[5])
                switch Result(catching: { () throws(QueryError) in try stored.validatedAsWeights(field: "weights") }) {
                case .success(let valid): weights[profile] = valid
                case .failure(let error):
                    setAside.append(
                        SetAside(table: "weights", key: name, ValidationError(field: error.field, reason: error.reason)))
                }
            }
            return (weights, setAside)
        }
        noteSetAside(setAside, tables: ["weights"])
        return weights
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

    /// The exchanges, each with its key (`#seq`); a row that cannot be read or breaks a bound
    /// is set aside.
    static func fetchExchanges(_ db: Database, setAside: inout [SetAside]) throws -> [(String, Exchange)] {
        var exchanges: [(String, Exchange)] = []
        exchanges.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM exchanges") ?? 0)
        var dates = DateReader()
        let rows = try Row.fetchCursor(
            db, sql: "SELECT seq, id, giver, receiver, hours, skill, date FROM exchanges ORDER BY seq")
        while let row = try rows.next() {
            let key = "#\(Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? 0)"
            func text(_ i: Int) -> String? { String.fromDatabaseValue(row[i] as DatabaseValue) }
            guard let giver = text(2), let receiver = text(3), let hours = Double.fromDatabaseValue(row[4] as DatabaseValue)
            else {
                setAside.append(SetAside(table: "exchanges", key: key, field: "$", reason: "a column cannot be read"))
                continue
            }
            var date: CalendarDate?
            guard dates.read(text(6), into: &date) else {
                setAside.append(SetAside(table: "exchanges", key: key, field: "date", reason: "is not a date"))
                continue
            }
            let exchange = Exchange(id: text(1), giver: giver, receiver: receiver, hours: hours, skill: text(5), date: date)
            if let problem = exchange.boundErrors().first {
                setAside.append(SetAside(table: "exchanges", key: key, problem))
                continue
            }
            exchanges.append((key, exchange))
        }
        return exchanges
    }

    /// The attendance records, each with its key (`#seq`); a row that cannot be read or breaks
    /// a bound is set aside.
    static func fetchAttendance(_ db: Database, setAside: inout [SetAside]) throws -> [(String, Attendance)] {
        var attendance: [(String, Attendance)] = []
        attendance.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance") ?? 0)
        var dates = DateReader()
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, member, activity, date FROM attendance ORDER BY seq")
        while let row = try rows.next() {
            let key = "#\(Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? 0)"
            func text(_ i: Int) -> String? { String.fromDatabaseValue(row[i] as DatabaseValue) }
            guard let member = text(1), let activity = text(2) else {
                setAside.append(SetAside(table: "attendance", key: key, field: "$", reason: "a column cannot be read"))
                continue
            }
            var date: CalendarDate?
            guard dates.read(text(3), into: &date) else {
                setAside.append(SetAside(table: "attendance", key: key, field: "date", reason: "is not a date"))
                continue
            }
            let record = Attendance(member: member, activity: activity, date: date)
            if let problem = record.boundErrors().first {
                setAside.append(SetAside(table: "attendance", key: key, problem))
                continue
            }
            attendance.append((key, record))
        }
        return attendance
    }
}

/// Reads stored `YYYY-MM-DD` dates, parsing each distinct text once (a community has hundreds
/// of dates and up to millions of exchanges and attendances).
private struct DateReader {
    private var parsed: [String: CalendarDate] = [:]

    /// Reads the date of a stored text into `date` (`nil` for no text); false when the text is not a date.
    mutating func read(_ text: String?, into date: inout CalendarDate?) -> Bool {
        guard let text else { return true }
        if let known = parsed[text] {
            date = known
            return true
        }
        guard let parsedDate = CalendarDate(parsing: text) else { return false }
        parsed[text] = parsedDate
        date = parsedDate
        return true
    }
}

extension SQLiteCommunityStore {
    /// The stored community (``load()``), for the service to fall back to after a failed write.
    public func loadCommunity() throws -> Community { try load() }
}
