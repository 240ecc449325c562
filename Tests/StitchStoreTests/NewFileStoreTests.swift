import Foundation
import GRDB
import StitchApplication
import StitchEngine
import StitchModel
import StitchRPC
@testable import StitchStore
import StitchTestSupport
import Testing

/// `replaceAllInNewFile`: the community written to a new file moved into place stores what
/// `replaceAll` stores, and a failed or interrupted import leaves the previous database whole.
@Suite("Replacing the community with a new database file")
struct NewFileStoreTests {
    static let outcomes = [
        Outcome(subject: "m-maud", candidate: "a-knit-natter", accepted: true, completed: true, wellbeingBefore: 0.4, wellbeingAfter: 0.6),
        Outcome(subject: "m-arthur", candidate: "m-june", accepted: true),
        Outcome(subject: "m-gone", candidate: "m-june", accepted: false),
    ]

    /// A store holding the bundled community (with a member only it has), weights and outcomes.
    static func storeWithHistory(_ file: TemporaryStore) throws -> (SQLiteCommunityStore, Community) {
        let store = try file.open()
        var community = try Fixtures.lewisham
        community.members.append(Member(id: "m-gone"))
        try store.replaceAll(community)
        try store.setWeights(
            profile: .referral,
            weights: FactorWeights(skill: 1, availability: 0, locality: 0, wellbeing: 2, bridging: 0, reciprocity: 0))
        for outcome in outcomes { try store.record(outcome: outcome) }
        return (store, community)
    }

    @Test func storesWhatReplaceAllStores() throws {
        let bulkFile = try TemporaryStore(), plainFile = try TemporaryStore()
        let (bulk, _) = try Self.storeWithHistory(bulkFile)
        let (plain, _) = try Self.storeWithHistory(plainFile)
        var next = try Fixtures.lewisham
        next.members += (0..<50).map { i in Member(id: "m-new-\(i)", offers: ["gardening"], avoid: ["m-maud"]) }
        try bulk.replaceAllInNewFile(next)
        try plain.replaceAll(next)
        #expect(try bulk.load() == next)
        #expect(try bulk.load() == plain.load())
        #expect(try bulk.counts() == plain.counts())
        #expect(try bulk.loadWeights() == plain.loadWeights())
        #expect(try bulk.loadOutcomes() == plain.loadOutcomes())
        #expect(try bulk.loadOutcomes() == Array(Self.outcomes.prefix(2)), "the outcome naming a member gone is pruned")
        #expect(try bulk.hasCommunity())
        #expect(bulk.integrityCheck())
        // The store goes on working, and a reopened one sees the same.
        try bulk.record(exchange: Exchange(giver: "m-maud", receiver: "m-june", hours: 1))
        #expect(try SQLiteCommunityStore(path: bulkFile.path).load().exchanges.count == next.exchanges.count + 1)
        #expect(!FileManager.default.fileExists(atPath: bulkFile.path + "-import"))
        let schema = { (path: String) in
            try DatabaseQueue(path: path).read { db in
                try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
            }
        }
        #expect(try schema(bulkFile.path) == schema(plainFile.path))
    }

    @Test func aNewStoreTakesALargeCommunity() throws {
        let file = try TemporaryStore()
        let store = try SQLiteCommunityStore(path: file.path, exclusive: true)
        let community = RandomCommunity.make(seed: 4, members: 3_000, activities: 200, skills: ["gardening", "cooking"])
        var ticks = 0
        try store.replaceAllInNewFile(community) { done, total in
            ticks += 1
            #expect(done <= total)
        }
        #expect(ticks > 0)
        #expect(try store.load() == community)
        #expect(try SQLiteCommunityStore(path: file.path).load() == community)
    }

    /// Until the new file is moved into place, the old database and its log are not touched.
    @Test func theOldFileIsUntouchedWhileTheNewOneIsWritten() throws {
        let file = try TemporaryStore()
        let (store, _) = try Self.storeWithHistory(file)
        let before = try file.snapshot()
        var checked = false
        let community = RandomCommunity.make(seed: 2, members: 3_000, activities: 100, skills: ["gardening"])
        try store.replaceAllInNewFile(community) { done, total in
            guard !checked, done > total / 2 else { return }
            checked = true
            #expect((try? file.snapshot()) == before)
            #expect(FileManager.default.fileExists(atPath: file.path + "-import"))
        }
        #expect(checked)
    }

    /// A community the store refuses (a reference to no one, an id twice) leaves the old one.
    @Test(arguments: [0, 1])
    func aFailedImportLeavesThePreviousDatabase(kind: Int) throws {
        let file = try TemporaryStore()
        let (store, community) = try Self.storeWithHistory(file)
        var bad = try Fixtures.lewisham
        if kind == 0 {
            bad.exchanges.append(Exchange(giver: "m-maud", receiver: "m-nobody", hours: 1))
        } else {
            bad.members.append(bad.members[0])
        }
        #expect(throws: StoreError.self) { try store.replaceAllInNewFile(bad) }
        #expect(try store.load() == community)
        #expect(try SQLiteCommunityStore(path: file.path).load() == community)
        #expect(try store.loadOutcomes() == Self.outcomes)
        #expect(!FileManager.default.fileExists(atPath: file.path + "-import"))
    }

    /// A crash while the new file is written leaves it half made beside the old database: the
    /// old one opens whole, and the next import replaces the leftover.
    @Test func aFileLeftByAnInterruptedImportIsIgnoredThenReplaced() throws {
        let file = try TemporaryStore()
        let (store, community) = try Self.storeWithHistory(file)
        let database = try #require(FileManager.default.contents(atPath: file.path))
        #expect(FileManager.default.createFile(atPath: file.path + "-import", contents: database.prefix(database.count / 2)))
        #expect(try SQLiteCommunityStore(path: file.path).load() == community)
        let next = try Fixtures.lewisham
        try store.replaceAllInNewFile(next)
        #expect(try SQLiteCommunityStore(path: file.path).load() == next)
        #expect(!FileManager.default.fileExists(atPath: file.path + "-import"))
    }

    /// With another connection open on the database, renaming over it is unsafe: the community
    /// is written in one transaction instead, which that connection sees.
    @Test func anotherOpenConnectionGetsTheTransaction() throws {
        let file = try TemporaryStore()
        let (store, _) = try Self.storeWithHistory(file)
        let other = try DatabaseQueue(path: file.path)
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM members") } == Fixtures.lewisham.members.count + 1)
        let next = try Fixtures.lewisham
        try store.replaceAllInNewFile(next)
        #expect(try other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM members") } == next.members.count)
        #expect(try store.load() == next)
        try other.close()
    }

    /// The store's lock: another process importing into the same database is refused.
    @Test func aDatabaseLockedByAnotherIsRefused() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        let held = try StoreLock(databasePath: file.path)
        #expect(throws: StoreError.inUse(path: file.path)) { try store.replaceAllInNewFile(try Fixtures.lewisham) }
        _ = held
    }
}
