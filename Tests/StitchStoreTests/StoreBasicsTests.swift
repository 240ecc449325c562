import Foundation
import GRDB
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchStore

@Suite("The store: schema, round trip, file format")
struct StoreBasicsTests {
    @Test func theBundledCommunityRoundTrips() throws {
        let file = try TemporaryStore()
        let lewisham = try Fixtures.lewisham
        try file.open().replaceAll(lewisham)
        let reopened = try file.open()
        let loaded = try reopened.load()
        #expect(loaded == lewisham, "every record and every list comes back equal, in order")
        #expect(
            try reopened.counts()
                == StoredCounts(
                    members: lewisham.members.count, activities: lewisham.activities.count,
                    exchanges: lewisham.exchanges.count,
                    attendance: lewisham.attendance.count, accounts: lewisham.accounts.count, ledger: lewisham.ledger.count))
        #expect(reopened.integrityCheck())
    }

    /// Activities' descriptions (escapes, unicode, the longest a text may be) come back equal
    /// however they were stored: all at once, one activity at a time, into a new file, or read
    /// from a community file.
    @Test func activityDescriptionsRoundTrip() throws {
        var community = Community(
            activities: DirectDecodingTests.descriptions.enumerated().map { i, text in
                Activity(id: "a-\(i)", name: "Activity \(i)", description: text)
            })
        community.activities.append(Activity(id: "a-none", name: "No description"))
        community.activities.append(
            Activity(id: "a-long", name: "Long", description: String(repeating: "🧶", count: RecordBounds.maximumTextBytes / 4)))
        let all = try TemporaryStore()
        try all.open().replaceAll(community)
        #expect(try all.open().load() == community)
        let newFile = try TemporaryStore()
        try newFile.open().replaceAllInNewFile(community)
        #expect(try newFile.open().load() == community)
        let oneByOne = try TemporaryStore()
        let store = try oneByOne.open()
        try store.replaceAll(Community())
        for activity in community.activities { try store.upsert(activity: activity) }
        #expect(try oneByOne.open().load().activities == community.activities)
        let read = try CommunityImport.read(JSONEncoder().encode(community))
        #expect(read.problems.isEmpty && read.community == community)
    }

    @Test func anEmptyStoreHoldsNoCommunityUntilOneIsStored() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        #expect(try store.hasCommunity() == false)
        #expect(try store.load() == Community())
        try store.replaceAll(Community())
        #expect(try file.open().hasCommunity(), "an empty community is still a community")
    }

    @Test func opensInWALModeWithFullSyncAndTheCurrentSchema() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        let (mode, sync, foreignKeys) = try store.pool.writeWithoutTransaction { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(mode == "wal")
        #expect(sync == 2, "FULL: the WAL is synced at every commit")
        #expect(foreignKeys == true)
        let (userVersion, applicationID, schemaVersion, indexes) = try store.pool.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA user_version"), try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schemaVersion'"),
                try Set(
                    String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
            )
        }
        #expect(userVersion == StoreSchema.currentVersion)
        #expect(applicationID == StoreSchema.applicationID)
        #expect(schemaVersion == "\(StoreSchema.currentVersion)")
        #expect(
            indexes.isSuperset(of: [
                "exchanges_by_giver", "exchanges_by_receiver", "attendance_by_member", "attendance_by_activity",
            ]))
    }

    @Test func refusesAnotherApplicationsDatabase() throws {
        let file = try TemporaryStore()
        let other = try DatabaseQueue(path: file.path)
        try other.write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT)") }
        try other.close()
        let before = try file.snapshot()
        #expect(throws: StoreError.notAStitchStore(path: file.path)) { try file.open() }
        #expect(try file.snapshot() == before, "the other application's file is left as it was")
    }

    @Test func refusesADatabaseFromANewerStitch() throws {
        let file = try TemporaryStore()
        _ = try file.open()
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2: something from the future')")
        }
        try queue.close()
        #expect(throws: StoreError.newerSchema(path: file.path)) { try file.open() }
    }

    @Test func oneProcessAtATimeHoldsTheLock() throws {
        let file = try TemporaryStore()
        var first: SQLiteCommunityStore? = try SQLiteCommunityStore(path: file.path, exclusive: true)
        #expect(throws: StoreError.inUse(path: file.path)) {
            try SQLiteCommunityStore(path: file.path, exclusive: true)
        }
        #expect(first != nil)
        first = nil
        _ = try SQLiteCommunityStore(path: file.path, exclusive: true)
    }

    @Test func theDefaultPathFollowsXDG() {
        #expect(
            StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/ada"])
                == "/data/stitch/stitch.sqlite")
        #expect(
            StoreLocation.defaultPath(environment: ["HOME": "/home/ada"])
                == "/home/ada/.local/share/stitch/stitch.sqlite")
        #expect(
            StoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/ada"])
                == "/home/ada/.local/share/stitch/stitch.sqlite",
            "a relative XDG_DATA_HOME is ignored, as the spec says")
    }

    /// A damaged record is set aside, named by table, key and field without its values; the
    /// rest loads, and the records that name it (its exchanges) are set aside with it.
    @Test func aDamagedRecordIsSetAsideWithoutItsValues() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        let lewisham = try Fixtures.lewisham
        try store.replaceAll(lewisham)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE members SET record = json_set(record, '$.birthYear', 1800) WHERE id = 'm-maud'")
        }
        let loaded = try store.load()
        #expect(!loaded.members.contains { $0.id == "m-maud" })
        #expect(loaded.members.count == lewisham.members.count - 1)
        #expect(loaded.validationErrors().isEmpty)
        let entries = try store.quarantineEntries()
        let maud = try #require(entries.first { $0.table == "members" })
        #expect(maud.key == "m-maud" && maud.field == "birthYear")
        #expect(maud.reason == "birthYear 1800 is out of range; expected 1900 to 2100")
        #expect(entries.allSatisfy { !$0.reason.contains("Maud") })
        // Written again, sound: served at the next load, and out of the quarantine.
        var fixed = try #require(lewisham.members.first { $0.id == "m-maud" })
        fixed.birthYear = 1940
        try store.upsert(member: fixed)
        #expect(try store.load().members.contains { $0.id == "m-maud" })
        #expect(try store.quarantineEntries().allSatisfy { $0.table != "members" })
    }

    @Test func aZeroLengthFileIsNotTakenForANewStore() throws {
        let file = try TemporaryStore()
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
        #expect(throws: StoreError.emptyFile(path: file.path)) { try file.open() }
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int
        #expect(size == 0, "the file is left as it was")
    }
}
