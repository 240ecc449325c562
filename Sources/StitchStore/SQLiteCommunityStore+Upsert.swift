import Foundation
import GRDB
import StitchModel

/// Records written over where they stand, or added last: the statements `member.upsert`,
/// `activity.upsert` and an import that adds to the stored community share.
extension SQLiteCommunityStore {
    /// Inserts or replaces an activity in place.
    static func store(_ activity: Activity, _ db: Database, encoder: JSONEncoder) throws {
        try storeRecord(table: "activities", id: activity.id, json: try json(activity, encoder, table: "activities"), db)
    }

    /// Inserts a record (id, JSON) last in `table`, or replaces the record with its id where it stands.
    static func upsertRecordSQL(table: String) -> String {
        """
        INSERT INTO \(table) (id, position, record)
        VALUES (?, (SELECT IFNULL(MAX(position), -1) + 1 FROM \(table)), ?)
        ON CONFLICT (id) DO UPDATE SET record = excluded.record
        """
    }

    /// Inserts a record (a member's or an activity's JSON) last, or replaces it where it stands.
    static func storeRecord(table: String, id: String, json: String, _ db: Database) throws {
        try db.run(upsertRecordSQL(table: table), [.text(id), .text(json)])
        // A record written again is served again: it leaves the quarantine.
        try db.run("DELETE FROM quarantine WHERE source = ? AND key = ?", [.text(table), .text(id)])
    }
}
