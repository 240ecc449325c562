import Foundation
import GRDB
import StitchModel

/// Many members, activities and exchanges added or replaced at once (`stitch import` of a CSV,
/// Open Referral, OpenActive file or TimeOverflow export).
extension SQLiteCommunityStore {
    /// Adds or replaces members, activities and exchanges by id, in one transaction: a replaced
    /// record keeps its place, a new one goes last, exactly as `member.upsert` and
    /// `activity.upsert` do one by one; an exchange without an id is added. Everything else
    /// stored (other records, attendance, weights) is kept.
    ///
    /// - Parameter progress: called now and then with the records written so far and the total.
    public func upsert(
        members: [Member], activities: [Activity], exchanges: [Exchange] = [],
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(StoreError) {
        let total = members.count + activities.count + exchanges.count
        var done = 0
        func tick() {
            done += 1
            if done % 2048 == 0 || done == total { progress?(done, total) }
        }
        try write { db in
            let encoder = JSONEncoder()
            for member in members {
                try Self.store(member, db, encoder: encoder)
                tick()
            }
            for activity in activities {
                try Self.store(activity, db, encoder: encoder)
                tick()
            }
            for exchange in exchanges {
                try db.run(Self.upsertExchangeSQL, Self.values(exchange))
                tick()
            }
        }
    }

    /// An exchange inserted, or, when its id is stored, written over where it stands.
    static let upsertExchangeSQL =
        insertExchangeSQL
        + """
         ON CONFLICT (id) DO UPDATE SET giver = excluded.giver, receiver = excluded.receiver, hours = excluded.hours,
        skill = excluded.skill, date = excluded.date
        """

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
