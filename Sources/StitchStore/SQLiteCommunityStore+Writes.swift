import Foundation
import GRDB
import StitchApplication
import StitchEngine
import StitchModel

/// Each write of the daemon, as one committed transaction.
///
/// Members and activities keep their place in the community's order (`position`): a new record
/// goes last, a replaced one stays where it was, exactly as in the service's memory, so a
/// community loaded back is equal to the one served, answers included.
extension SQLiteCommunityStore {
    public func replaceAll(_ community: Community) throws {
        try replaceAll(community, progress: nil)
    }

    /// Replaces everything stored with `community` in one transaction; weights set with
    /// `weights.set` are kept (as the daemon keeps them over `community.load`), and so are the
    /// recorded outcomes whose subject and candidate are in the new community.
    ///
    /// The database is then no longer marked as holding the bundled demo (``holdsDemo()``),
    /// unless `demo` says this is the demo.
    ///
    /// - Parameters:
    ///   - progress: called now and then with the records written so far and the total.
    ///   - demo: marks the database as holding the bundled demo community (`stitch demo`).
    ///   - pairings: the community file's pairings, each added or replacing the stored one of
    ///     the same person and kind (the others stored stay while they resolve).
    public func replaceAll(
        _ community: Community, progress: ((_ done: Int, _ total: Int) -> Void)?, demo: Bool = false, pairings: [Pairing] = []
    ) throws(StoreError) {
        let total =
            community.members.count + community.activities.count + community.exchanges.count
            + community.attendance.count
        var done = 0
        func tick() {
            done += 1
            if done % 2048 == 0 || done == total { progress?(done, total) }
        }
        // The records' JSON is made on every core before the transaction starts.
        guard let memberJSON = RecordEncoding.encode(community.members) else { throw .unencodable(table: "members") }
        guard let activityJSON = RecordEncoding.encode(community.activities) else { throw .unencodable(table: "activities") }
        try write { db in
            try db.execute(
                sql: """
                    DELETE FROM attendance; DELETE FROM exchanges; DELETE FROM member_avoid;
                    DELETE FROM members; DELETE FROM activities;
                    """)
            let insertMember = try RawStatement(db, sql: "INSERT INTO members (id, position, record) VALUES (?, ?, ?)")
            let insertAvoid = try RawStatement(db, sql: "INSERT INTO member_avoid (member, avoided) VALUES (?, ?)")
            for (position, member) in community.members.enumerated() {
                try insertMember.execute([.text(member.id), .integer(position), .text(memberJSON[position])])
                for other in member.avoid { try insertAvoid.execute([.text(member.id), .text(other)]) }
                tick()
            }
            let insertActivity = try RawStatement(db, sql: "INSERT INTO activities (id, position, record) VALUES (?, ?, ?)")
            for (position, activity) in community.activities.enumerated() {
                try insertActivity.execute([.text(activity.id), .integer(position), .text(activityJSON[position])])
                tick()
            }
            let insertExchange = try RawStatement(db, sql: Self.insertExchangeSQL)
            for exchange in community.exchanges {
                try insertExchange.execute(Self.values(exchange))
                tick()
            }
            let insertAttendance = try RawStatement(db, sql: Self.insertAttendanceSQL)
            for attendance in community.attendance {
                try insertAttendance.execute(Self.values(attendance))
                tick()
            }
            try Self.replaceLedger(with: community, db)
            for pairing in pairings { try Self.upsert(pairing, db) }
            try Self.pruneOutcomes(db)
            try Self.pruneDismissals(db)
            try Self.pruneAsks(db)
            try db.execute(sql: "DELETE FROM quarantine WHERE source IN ('members', 'activities', 'exchanges', 'attendance', 'ledger_accounts', 'ledger_entries')")
            try db.execute(sql: "DELETE FROM meta WHERE key = '\(Self.demoKey)'")
            if demo { try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('\(Self.demoKey)', 'bundled')") }
        }
    }

    public func upsert(member: Member) throws {
        try write { db in
            try Self.store(member, db, encoder: JSONEncoder())
        }
    }

    public func remove(memberID id: String) throws {
        try write { db in
            // Drop the id from every other member's avoid list, as the service does.
            let avoiding = try String.fetchAll(
                db, sql: "SELECT DISTINCT member FROM member_avoid WHERE avoided = ? AND member <> ?",
                arguments: [id, id])  // a read: ids hold no NUL (RecordBounds), so GRDB's binding is exact
            let encoder = JSONEncoder()
            for other in avoiding {
                guard var member = try Self.fetchRecord(Member.self, db, table: "members", id: other) else { continue }
                member.avoid.removeAll { $0 == id }
                try Self.store(member, db, encoder: encoder)
            }
            try db.run("DELETE FROM exchanges WHERE giver = ?1 OR receiver = ?1", [.text(id)])
            try Self.pruneLedger(member: id, db)
            try db.run("DELETE FROM attendance WHERE member = ?", [.text(id)])
            try db.run("DELETE FROM member_avoid WHERE member = ?1 OR avoided = ?1", [.text(id)])
            try db.run("DELETE FROM members WHERE id = ?", [.text(id)])
            try db.run("DELETE FROM quarantine WHERE source = 'members' AND key = ?", [.text(id)])
            try Self.pruneOutcomes(db)
            try Self.pruneDismissals(db)
            try Self.pruneAsks(db)
        }
    }

    public func upsert(activity: Activity) throws {
        try write { db in try Self.store(activity, db, encoder: JSONEncoder()) }
    }

    public func remove(activityID id: String) throws {
        try write { db in
            try db.run("DELETE FROM attendance WHERE activity = ?", [.text(id)])
            try db.run("DELETE FROM activities WHERE id = ?", [.text(id)])
            try db.run("DELETE FROM quarantine WHERE source = 'activities' AND key = ?", [.text(id)])
            try Self.pruneOutcomes(db)
            try Self.pruneDismissals(db)
            try Self.pruneAsks(db)
        }
    }

    public func record(exchange: Exchange) throws {
        try write { db in try db.run(Self.insertExchangeSQL, Self.values(exchange)) }
    }

    public func record(attendance: Attendance) throws {
        try write { db in try db.run(Self.insertAttendanceSQL, Self.values(attendance)) }
    }

    public func setWeights(profile: ScoringProfile, weights: FactorWeights) throws {
        try write { db in
            try Self.storeWeights(profile: profile, weights: weights, db)
        }
    }

    // MARK: - Statements

    /// Inserts or replaces a profile's weights, and clears its quarantine entry.
    static func storeWeights(profile: ScoringProfile, weights: FactorWeights, _ db: Database) throws {
        try db.run(
            """
            INSERT INTO weights (profile, skill, availability, locality, wellbeing, bridging, reciprocity)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (profile) DO UPDATE SET
                skill = excluded.skill, availability = excluded.availability, locality = excluded.locality,
                wellbeing = excluded.wellbeing, bridging = excluded.bridging, reciprocity = excluded.reciprocity
            """,
            [
                .text(profile.rawValue), .real(weights.skill), .real(weights.availability), .real(weights.locality),
                .real(weights.wellbeing), .real(weights.bridging), .real(weights.reciprocity),
            ])
        try db.run("DELETE FROM quarantine WHERE source = 'weights' AND key = ?", [.text(profile.rawValue)])
    }

    /// Inserts or replaces a member in place, with its avoid list.
    static func store(_ member: Member, _ db: Database, encoder: JSONEncoder) throws {
        try storeRecord(table: "members", id: member.id, json: try json(member, encoder, table: "members"), db)
        try db.run("DELETE FROM member_avoid WHERE member = ?", [.text(member.id)])
        let insertAvoid = try RawStatement(db, sql: "INSERT INTO member_avoid (member, avoided) VALUES (?, ?)")
        for other in member.avoid { try insertAvoid.execute([.text(member.id), .text(other)]) }
    }

    static let insertExchangeSQL =
        "INSERT INTO exchanges (id, giver, receiver, hours, skill, date) VALUES (?, ?, ?, ?, ?, ?)"
    static let insertAttendanceSQL = "INSERT INTO attendance (member, activity, date) VALUES (?, ?, ?)"

    static func values(_ exchange: Exchange) -> [StoreValue] {
        [
            .text(exchange.id), .text(exchange.giver), .text(exchange.receiver), .real(exchange.hours),
            .text(exchange.skill), .text(exchange.date?.description),
        ]
    }

    static func values(_ attendance: Attendance) -> [StoreValue] {
        [.text(attendance.member), .text(attendance.activity), .text(attendance.date?.description)]
    }

    /// A record as stored: its JSON text, the model's own wire form.
    static func json<T: Encodable>(_ record: T, _ encoder: JSONEncoder, table: String) throws(StoreError) -> String {
        do {
            return String(decoding: try encoder.encode(record), as: UTF8.self)
        } catch {
            throw .unencodable(table: table)
        }
    }
}
