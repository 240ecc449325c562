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

    /// Stores an import's changes: a replacement through a new file
    /// (``replaceAllInNewFile(_:progress:)``, which also clears the demo mark); an addition in
    /// one transaction, members and activities upserted in place and exchanges and attendance
    /// appended, everything else stored kept.
    public func apply(_ changes: CommunityChanges, progress: ((_ done: Int, _ total: Int) -> Void)?) throws {
        switch changes.mode {
        case .replace:
            try replaceAllInNewFile(changes.community, progress: progress)
        case .add:
            try add(changes, progress: progress)
        }
    }

    private func add(_ changes: CommunityChanges, progress: ((_ done: Int, _ total: Int) -> Void)?) throws(StoreError) {
        let total = changes.members.count + changes.activities.count + changes.exchanges.count + changes.attendance.count
        var done = 0
        func tick() {
            done += 1
            if done % 2048 == 0 || done == total { progress?(done, total) }
        }
        try write { db in
            let encoder = JSONEncoder()
            for member in changes.members {
                try Self.store(member, db, encoder: encoder)
                tick()
            }
            for activity in changes.activities {
                try Self.store(activity, db, encoder: encoder)
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
        }
    }
}
