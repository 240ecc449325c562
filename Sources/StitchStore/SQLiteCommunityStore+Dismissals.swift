import Foundation
import GRDB
import StitchApplication
import StitchModel

/// The broker's dismissals (`match.dismiss`, `match.undismiss`): one row per subject and
/// candidate, each change one committed transaction, read back at start-up and pruned with the
/// records they name.
///
/// A dismissal's subject is a member or the person of a referral record, and its candidate a
/// member or an activity, so neither has a foreign key: the writes that remove members and
/// activities (and `replaceAll`) drop the dismissals that no longer resolve, in the same
/// transaction, as the service does in memory. The reason is stored, never logged.
extension SQLiteCommunityStore: DismissalPersistence {
    public func save(dismissal: Dismissal) throws {
        try write { db in
            try db.run(
                """
                INSERT INTO dismissals (subject, candidate, reason, until, date) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(subject, candidate) DO UPDATE SET reason = excluded.reason, until = excluded.until, date = excluded.date
                """,
                [
                    .text(dismissal.subject), .text(dismissal.candidate), .text(dismissal.reason),
                    .text(dismissal.until?.description), .text(dismissal.date?.description),
                ])
        }
    }

    public func removeDismissal(subject: String, candidate: String) throws {
        try write { db in
            try db.run("DELETE FROM dismissals WHERE subject = ? AND candidate = ?", [.text(subject), .text(candidate)])
        }
    }

    /// The stored dismissals, by subject then candidate. Each is checked again as it is read; a
    /// bad row is set aside (``QuarantineEntry``, by its sequence number and field, never its values).
    public func loadDismissals() throws(StoreError) -> [Dismissal] {
        let (dismissals, setAside) = try read { db in
            var dismissals: [Dismissal] = []
            var setAside: [SetAside] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT seq, subject, candidate, reason, until, date FROM dismissals ORDER BY subject, candidate")
            while let row = try rows.next() {
                let key = "#\(Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? 0)"
                guard let subject = String.fromDatabaseValue(row[1] as DatabaseValue),
                    let candidate = String.fromDatabaseValue(row[2] as DatabaseValue)
                else {
                    setAside.append(SetAside(table: "dismissals", key: key, field: "$", reason: "a column cannot be read"))
                    continue
                }
                let reasonValue = row[3] as DatabaseValue
                let reason = reasonValue.isNull ? nil : String.fromDatabaseValue(reasonValue)
                let dates: [CalendarDate?]
                switch Self.optionalDates(row, [(4, "until"), (5, "date")]) {
                case .success(let read): dates = read
                case .failure(let bad):
                    setAside.append(SetAside(table: "dismissals", key: key, field: bad.field, reason: BadDate.reason))
                    continue
                }
                let dismissal = Dismissal(subject: subject, candidate: candidate, reason: reason, until: dates[0], date: dates[1])
                if let problem = dismissal.validationErrors().first {
                    setAside.append(SetAside(table: "dismissals", key: key, problem))
                    continue
                }
                dismissals.append(dismissal)
            }
            return (dismissals, setAside)
        }
        noteSetAside(setAside, tables: ["dismissals"])
        return dismissals
    }

    /// Drops the dismissals whose candidate is neither a member nor an activity, or whose subject
    /// is neither a member nor a referral record's person.
    static func pruneDismissals(_ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM dismissals
                WHERE (candidate NOT IN (SELECT id FROM members) AND candidate NOT IN (SELECT id FROM activities))
                   OR (subject NOT IN (SELECT id FROM members) AND subject NOT IN (SELECT person FROM referrals))
                """)
    }
}
