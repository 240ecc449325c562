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
    /// - Parameter progress: called now and then with the records written so far and the total.
    public func replaceAll(_ community: Community, progress: ((_ done: Int, _ total: Int) -> Void)?) throws(StoreError)
    {
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
            let insertMember = try db.makeStatement(sql: "INSERT INTO members (id, position, record) VALUES (?, ?, ?)")
            let insertAvoid = try db.makeStatement(sql: "INSERT INTO member_avoid (member, avoided) VALUES (?, ?)")
            for (position, member) in community.members.enumerated() {
                try insertMember.execute(arguments: [member.id, position, memberJSON[position]])
                for other in member.avoid { try insertAvoid.execute(arguments: [member.id, other]) }
                tick()
            }
            let insertActivity = try db.makeStatement(
                sql: "INSERT INTO activities (id, position, record) VALUES (?, ?, ?)")
            for (position, activity) in community.activities.enumerated() {
                try insertActivity.execute(arguments: [activity.id, position, activityJSON[position]])
                tick()
            }
            let insertExchange = try db.makeStatement(sql: Self.insertExchangeSQL)
            for exchange in community.exchanges {
                try insertExchange.execute(arguments: Self.arguments(exchange))
                tick()
            }
            let insertAttendance = try db.makeStatement(sql: Self.insertAttendanceSQL)
            for attendance in community.attendance {
                try insertAttendance.execute(arguments: Self.arguments(attendance))
                tick()
            }
            try Self.pruneOutcomes(db)
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
                arguments: [id, id])
            let encoder = JSONEncoder()
            for other in avoiding {
                guard var member = try Self.fetchRecord(Member.self, db, table: "members", id: other) else { continue }
                member.avoid.removeAll { $0 == id }
                try Self.store(member, db, encoder: encoder)
            }
            try db.execute(sql: "DELETE FROM exchanges WHERE giver = ? OR receiver = ?", arguments: [id, id])
            try db.execute(sql: "DELETE FROM attendance WHERE member = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM member_avoid WHERE member = ? OR avoided = ?", arguments: [id, id])
            try db.execute(sql: "DELETE FROM members WHERE id = ?", arguments: [id])
            try Self.pruneOutcomes(db)
        }
    }

    public func upsert(activity: Activity) throws {
        try write { db in try Self.store(activity, db, encoder: JSONEncoder()) }
    }

    public func remove(activityID id: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM attendance WHERE activity = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM activities WHERE id = ?", arguments: [id])
            try Self.pruneOutcomes(db)
        }
    }

    public func record(exchange: Exchange) throws {
        try write { db in try db.execute(sql: Self.insertExchangeSQL, arguments: Self.arguments(exchange)) }
    }

    public func record(attendance: Attendance) throws {
        try write { db in try db.execute(sql: Self.insertAttendanceSQL, arguments: Self.arguments(attendance)) }
    }

    public func setWeights(profile: ScoringProfile, weights: FactorWeights) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO weights (profile, skill, availability, locality, wellbeing, bridging, reciprocity)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (profile) DO UPDATE SET
                        skill = excluded.skill, availability = excluded.availability, locality = excluded.locality,
                        wellbeing = excluded.wellbeing, bridging = excluded.bridging, reciprocity = excluded.reciprocity
                    """,
                arguments: [
                    profile.rawValue, weights.skill, weights.availability, weights.locality, weights.wellbeing,
                    weights.bridging, weights.reciprocity,
                ])
        }
    }

    // MARK: - Statements

    /// Inserts or replaces a member in place, with its avoid list.
    static func store(_ member: Member, _ db: Database, encoder: JSONEncoder) throws {
        try storeRecord(table: "members", id: member.id, json: try json(member, encoder, table: "members"), db)
        try db.execute(sql: "DELETE FROM member_avoid WHERE member = ?", arguments: [member.id])
        for other in member.avoid {
            try db.execute(
                sql: "INSERT INTO member_avoid (member, avoided) VALUES (?, ?)", arguments: [member.id, other])
        }
    }

    static let insertExchangeSQL =
        "INSERT INTO exchanges (id, giver, receiver, hours, skill, date) VALUES (?, ?, ?, ?, ?, ?)"
    static let insertAttendanceSQL = "INSERT INTO attendance (member, activity, date) VALUES (?, ?, ?)"

    static func arguments(_ exchange: Exchange) -> StatementArguments {
        [exchange.id, exchange.giver, exchange.receiver, exchange.hours, exchange.skill, exchange.date?.description]
    }

    static func arguments(_ attendance: Attendance) -> StatementArguments {
        [attendance.member, attendance.activity, attendance.date?.description]
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
