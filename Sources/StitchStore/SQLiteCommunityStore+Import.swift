import Foundation
import GRDB
import StitchApplication
import StitchModel

/// `stitch import` and `stitch demo`: a merge's changes stored at once, and the mark of a
/// database that holds the bundled demo community.
extension SQLiteCommunityStore: CommunityImportStore {
    /// The `meta` key present while the database holds the bundled demo community.
    static let demoKey = "demo"

    /// Whether the database holds the bundled demo community, stored by `stitch demo` or
    /// `stitch serve --demo` (and not replaced since: the daemon's writes keep the mark, a
    /// replacement removes it).
    public func holdsDemo() throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meta WHERE key = ?)", arguments: [Self.demoKey])
                ?? false
        }
    }

    /// Stores an import's changes: a replacement, or an addition to a database that holds no
    /// records yet, through a new file (``replaceAllInNewFile(_:pairings:progress:)``, which also clears
    /// the demo mark); an addition to stored records in one transaction, members, activities and
    /// ledger accounts upserted in place, exchanges, attendance and ledger entries appended, and
    /// pairings added or replaced by person and kind, everything else stored kept.
    public func apply(_ changes: CommunityChanges, progress: ((_ done: Int, _ total: Int) -> Void)?) throws {
        let stored = try counts()
        if changes.mode == .replace || stored.members + stored.activities + stored.exchanges + stored.attendance == 0 {
            try replaceAllInNewFile(changes.community, pairings: changes.pairings, progress: progress)
        } else {
            try add(changes, progress: progress)
        }
    }

    /// Upserts and appends, each statement prepared once.
    private func add(_ changes: CommunityChanges, progress: ((_ done: Int, _ total: Int) -> Void)?) throws(StoreError) {
        let total =
            changes.members.count + changes.activities.count + changes.exchanges.count + changes.attendance.count
        var done = 0
        func tick() {
            done += 1
            if done % 2048 == 0 || done == total { progress?(done, total) }
        }
        guard let memberJSON = RecordEncoding.encode(changes.members) else { throw .unencodable(table: "members") }
        guard let activityJSON = RecordEncoding.encode(changes.activities) else {
            throw .unencodable(table: "activities")
        }
        try write { db in
            let upsertMember = try RawStatement(db, sql: Self.upsertRecordSQL(table: "members"))
            let release = try RawStatement(db, sql: "DELETE FROM quarantine WHERE source = ? AND key = ?")
            let clearAvoid = try RawStatement(db, sql: "DELETE FROM member_avoid WHERE member = ?")
            let insertAvoid = try RawStatement(db, sql: "INSERT INTO member_avoid (member, avoided) VALUES (?, ?)")
            for (member, json) in zip(changes.members, memberJSON) {
                try upsertMember.execute([.text(member.id), .text(json)])
                try release.execute([.text("members"), .text(member.id)])
                try clearAvoid.execute([.text(member.id)])
                for other in member.avoid { try insertAvoid.execute([.text(member.id), .text(other)]) }
                tick()
            }
            let upsertActivity = try RawStatement(db, sql: Self.upsertRecordSQL(table: "activities"))
            for (activity, json) in zip(changes.activities, activityJSON) {
                try upsertActivity.execute([.text(activity.id), .text(json)])
                try release.execute([.text("activities"), .text(activity.id)])
                tick()
            }
            let insertExchange = try RawStatement(db, sql: Self.insertExchangeSQL)
            for exchange in changes.exchanges {
                try insertExchange.execute(Self.values(exchange))
                tick()
            }
            let insertAttendance = try RawStatement(db, sql: Self.insertAttendanceSQL)
            for attendance in changes.attendance {
                try insertAttendance.execute(Self.values(attendance))
                tick()
            }
            for account in changes.accounts { try Self.upsert(account, db) }
            for entry in changes.ledger { try Self.insert(entry, db) }
            for pairing in changes.pairings { try Self.upsert(pairing, db) }
        }
    }
}
