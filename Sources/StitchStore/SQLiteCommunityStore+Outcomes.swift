import Foundation
import GRDB
import StitchApplication
import StitchModel

/// Recorded outcomes (`outcome.record`): appended one committed transaction each, read back at
/// start-up in the order recorded, and pruned with the records they name.
///
/// An outcome's subject is a member (a foreign key); its candidate is a member or an activity,
/// so the writes that remove either (and `replaceAll`) drop the outcomes that no longer resolve,
/// in the same transaction, exactly as the service does in memory.
extension SQLiteCommunityStore {
    public func record(outcome: Outcome) throws {
        try write { db in
            try db.run(
                """
                INSERT INTO outcomes (subject, candidate, accepted, completed, wellbeing_before, wellbeing_after)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(outcome.subject), .text(outcome.candidate), .integer(outcome.accepted ? 1 : 0),
                    .integer(outcome.completed ? 1 : 0), .real(outcome.wellbeingBefore), .real(outcome.wellbeingAfter),
                ])
        }
    }

    /// The recorded outcomes, in the order recorded. Each is checked again as it is read; a bad
    /// row is set aside (``QuarantineEntry``, by its sequence number and field, never its values).
    public func loadOutcomes() throws(StoreError) -> [Outcome] {
        let (outcomes, setAside) = try read { db in
            var outcomes: [Outcome] = []
            var setAside: [SetAside] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT seq, subject, candidate, accepted, completed, wellbeing_before, wellbeing_after
                    FROM outcomes ORDER BY seq
                    """)
            while let row = try rows.next() {
                let key = "#\(Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? 0)"
                guard let subject = String.fromDatabaseValue(row[1] as DatabaseValue),
                    let candidate = String.fromDatabaseValue(row[2] as DatabaseValue),
                    let accepted = Bool.fromDatabaseValue(row[3] as DatabaseValue),
                    let completed = Bool.fromDatabaseValue(row[4] as DatabaseValue)
                else {
                    setAside.append(SetAside(table: "outcomes", key: key, field: "$", reason: "a column cannot be read"))
                    continue
                }
                let before = row[5] as DatabaseValue, after = row[6] as DatabaseValue
                let outcome = Outcome(
                    subject: subject, candidate: candidate, accepted: accepted, completed: completed,
                    wellbeingBefore: before.isNull ? nil : (Double.fromDatabaseValue(before) ?? .nan),
                    wellbeingAfter: after.isNull ? nil : (Double.fromDatabaseValue(after) ?? .nan))
                if let problem = outcome.validationErrors().first {
                    setAside.append(SetAside(table: "outcomes", key: key, problem))
                    continue
                }
                outcomes.append(outcome)
            }
            return (outcomes, setAside)
        }
        noteSetAside(setAside, tables: ["outcomes"])
        return outcomes
    }

    /// Drops the outcomes whose subject is no longer a member, or whose candidate is neither a
    /// member nor an activity (after a member or an activity is removed, or the community replaced).
    static func pruneOutcomes(_ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM outcomes
                WHERE subject NOT IN (SELECT id FROM members)
                   OR (candidate NOT IN (SELECT id FROM members) AND candidate NOT IN (SELECT id FROM activities))
                """)
    }
}
