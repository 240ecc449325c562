import Foundation
import GRDB
import StitchApplication
import StitchModel

/// The asks of helpers (`match.ask`) and the ongoing pairings (`pairing.*`): one row per ask
/// (subject, candidate and day) and one per pairing (person and kind), each change one committed
/// transaction, read back at start-up and pruned with the records they name, as dismissals are.
extension SQLiteCommunityStore: AskPersistence {
    public func save(ask: Ask) throws {
        try write { db in
            try db.run(
                "INSERT INTO asks (subject, candidate, date) VALUES (?, ?, ?) ON CONFLICT(subject, candidate, date) DO NOTHING",
                [.text(ask.subject), .text(ask.candidate), .text(ask.date?.description ?? "")])
        }
    }

    public func save(pairing: Pairing) throws {
        try write { db in try Self.upsert(pairing, db) }
    }

    public func replaceAll(_ community: Community, pairings: [Pairing]) throws {
        try replaceAll(community, progress: nil, pairings: pairings)
    }

    /// Adds a pairing, or replaces the one of the same person and kind (inside a write).
    static func upsert(_ pairing: Pairing, _ db: Database) throws {
        try db.run("DELETE FROM pairings WHERE person = ? AND kind_key = ?", [.text(pairing.person), .text(Self.kindKey(pairing.kind))])
        try db.run(
            "INSERT INTO pairings (person, kind_key, kind, helper, start, review) VALUES (?, ?, ?, ?, ?, ?)",
            [
                .text(pairing.person), .text(Self.kindKey(pairing.kind)), .text(pairing.kind), .text(pairing.helper),
                .text(pairing.start?.description), .text(pairing.review?.description),
            ])
    }

    public func removePairing(person: String, kind: String) throws {
        try write { db in
            try db.run("DELETE FROM pairings WHERE person = ? AND kind_key = ?", [.text(person), .text(Self.kindKey(kind))])
        }
    }

    /// A pairing's kind as its key: lowercased, without the spaces around it (``Pairing/isKind(_:)``).
    static func kindKey(_ kind: String) -> String { kind.lowercased().trimmingCharacters(in: .whitespaces) }

    /// The stored asks, oldest first. Each is checked again as it is read; a bad row is set aside
    /// (``QuarantineEntry``, by its sequence number and field, never its values).
    public func loadAsks() throws(StoreError) -> [Ask] {
        let (asks, setAside) = try read { db in
            var asks: [Ask] = []
            var setAside: [SetAside] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT seq, subject, candidate, date FROM asks ORDER BY seq")
            while let row = try rows.next() {
                let key = "#\(Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? 0)"
                guard let subject = String.fromDatabaseValue(row[1] as DatabaseValue),
                    let candidate = String.fromDatabaseValue(row[2] as DatabaseValue),
                    let dateText = String.fromDatabaseValue(row[3] as DatabaseValue)
                else {
                    setAside.append(SetAside(table: "asks", key: key, field: "$", reason: "a column cannot be read"))
                    continue
                }
                guard dateText.isEmpty || CalendarDate(parsing: dateText) != nil else {
                    setAside.append(SetAside(table: "asks", key: key, field: "date", reason: BadDate.reason))
                    continue
                }
                let ask = Ask(subject: subject, candidate: candidate, date: CalendarDate(parsing: dateText))
                if let problem = ask.validationErrors().first {
                    setAside.append(SetAside(table: "asks", key: key, problem))
                    continue
                }
                asks.append(ask)
            }
            return (asks, setAside)
        }
        noteSetAside(setAside, tables: ["asks"])
        return asks
    }

    /// The stored pairings, by person then kind, each checked again as it is read.
    public func loadPairings() throws(StoreError) -> [Pairing] {
        let (pairings, setAside) = try read { db in
            var pairings: [Pairing] = []
            var setAside: [SetAside] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT seq, person, kind, helper, start, review FROM pairings ORDER BY person, kind_key")
            while let row = try rows.next() {
                let key = "#\(Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? 0)"
                guard let person = String.fromDatabaseValue(row[1] as DatabaseValue),
                    let kind = String.fromDatabaseValue(row[2] as DatabaseValue),
                    let helper = String.fromDatabaseValue(row[3] as DatabaseValue)
                else {
                    setAside.append(SetAside(table: "pairings", key: key, field: "$", reason: "a column cannot be read"))
                    continue
                }
                let dates: [CalendarDate?]
                switch Self.optionalDates(row, [(4, "start"), (5, "review")]) {
                case .success(let read): dates = read
                case .failure(let bad):
                    setAside.append(SetAside(table: "pairings", key: key, field: bad.field, reason: BadDate.reason))
                    continue
                }
                let pairing = Pairing(person: person, helper: helper, kind: kind, start: dates[0], review: dates[1])
                if let problem = pairing.validationErrors().first {
                    setAside.append(SetAside(table: "pairings", key: key, problem))
                    continue
                }
                pairings.append(pairing)
            }
            return (pairings, setAside)
        }
        noteSetAside(setAside, tables: ["pairings"])
        return pairings
    }

    /// Drops the asks and pairings whose helper is no member, or whose person is neither a
    /// member nor a referral record's person.
    static func pruneAsks(_ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM asks
                WHERE candidate NOT IN (SELECT id FROM members)
                   OR (subject NOT IN (SELECT id FROM members) AND subject NOT IN (SELECT person FROM referrals));
                DELETE FROM pairings
                WHERE helper NOT IN (SELECT id FROM members)
                   OR (person NOT IN (SELECT id FROM members) AND person NOT IN (SELECT person FROM referrals));
                """)
    }
}
