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
            try db.execute(
                sql: """
                    INSERT INTO outcomes (subject, candidate, accepted, completed, wellbeing_before, wellbeing_after)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    outcome.subject, outcome.candidate, outcome.accepted, outcome.completed, outcome.wellbeingBefore,
                    outcome.wellbeingAfter,
                ])
        }
    }

    /// The recorded outcomes, in the order recorded. Each is checked again as it is read; a bad
    /// row is reported by its sequence number and field, never by its values.
    public func loadOutcomes() throws(StoreError) -> [Outcome] {
        try read { db in
            var outcomes: [Outcome] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT seq, subject, candidate, accepted, completed, wellbeing_before, wellbeing_after
                    FROM outcomes ORDER BY seq
                    """)
            while let row = try rows.next() {
                let seq: Int64 = row[0]
                let outcome = Outcome(
                    subject: row[1], candidate: row[2], accepted: row[3], completed: row[4], wellbeingBefore: row[5],
                    wellbeingAfter: row[6])
                if let problem = outcome.validationErrors().first {
                    throw StoreError.unreadableRecord(table: "outcomes", row: "#\(seq)", field: problem.field)
                }
                outcomes.append(outcome)
            }
            return outcomes
        }
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
