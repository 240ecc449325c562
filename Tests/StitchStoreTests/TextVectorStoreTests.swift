import Foundation
import GRDB
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchStore

/// The text model's vectors kept in the store (`text_vectors`, schema v4): what is saved comes
/// back exactly, only for the model that made it, and rows that cannot be read are skipped.
@Suite struct TextVectorStoreTests {
    static let model = "all-MiniLM-L6-v2@0123456789abcdef"

    /// A unit-ish vector of `dimension` values derived from `seed`.
    static func vector(_ seed: Int, dimension: Int = 384) -> [Float] {
        (0..<dimension).map { Float(sin(Double(seed * 31 + $0))) / 20 }
    }

    private func sorted(_ entries: [(text: String, vector: [Float])]) -> [(text: String, vector: [Float])] {
        entries.sorted { $0.text < $1.text }
    }

    @Test func savedVectorsComeBackExactly() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        // Texts whose bytes matter: a NUL, non-ASCII letters, an emoji, a very long text.
        let texts = ["gardening", "dog walking", "caf\u{e9} chat", "a\u{0}b", "knitting \u{1F9F6}", String(repeating: "x", count: 5000)]
        let entries = texts.enumerated().map { (text: $1, vector: Self.vector($0)) }
        try store.saveVectors(model: Self.model, entries)
        let loaded = try store.loadVectors(model: Self.model, dimension: 384)
        #expect(loaded.skipped == 0)
        #expect(sorted(loaded.entries).map(\.text) == sorted(entries).map(\.text))
        for (a, b) in zip(sorted(loaded.entries), sorted(entries)) {
            #expect(a.vector.map(\.bitPattern) == b.vector.map(\.bitPattern), "bit for bit")
        }
        #expect(try store.vectorCount(model: Self.model) == texts.count)
        // Again after a reopen.
        try store.closeAndCheckpoint()
        let reopened = try file.open()
        #expect(try reopened.loadVectors(model: Self.model, dimension: 384).entries.count == texts.count)
    }

    @Test func aTextAlreadyKeptKeepsItsVector() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        try store.saveVectors(model: Self.model, [(text: "gardening", vector: Self.vector(1))])
        try store.saveVectors(model: Self.model, [(text: "gardening", vector: Self.vector(2)), (text: "baking", vector: Self.vector(3))])
        let loaded = sorted(try store.loadVectors(model: Self.model, dimension: 384).entries)
        #expect(loaded.map(\.text) == ["baking", "gardening"])
        #expect(loaded[1].vector == Self.vector(1))
    }

    @Test func anotherModelsVectorsAreNotReturned() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        try store.saveVectors(model: Self.model, [(text: "gardening", vector: Self.vector(1))])
        try store.saveVectors(model: "all-MiniLM-L6-v2@fedcba9876543210", [(text: "baking", vector: Self.vector(2))])
        try store.saveVectors(model: "other-model@0000000000000000", [(text: "gardening", vector: Self.vector(3, dimension: 8))])
        let loaded = try store.loadVectors(model: Self.model, dimension: 384)
        #expect(loaded.entries.map(\.text) == ["gardening"] && loaded.skipped == 0)
        #expect(loaded.entries[0].vector == Self.vector(1))
        #expect(try store.loadVectors(model: "unknown@0", dimension: 384).entries.isEmpty)
    }

    @Test func unreadableRowsAreSkippedAndCounted() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        try store.saveVectors(model: Self.model, [(text: "good", vector: Self.vector(1))])
        var infinite = Self.vector(2)
        infinite[7] = .infinity
        var notANumber = Self.vector(3)
        notANumber[300] = .nan
        try store.saveVectors(
            model: Self.model,
            [(text: "short", vector: Self.vector(4, dimension: 383)), (text: "infinite", vector: infinite), (text: "nan", vector: notANumber)])
        try store.pool.write { db in
            // A blob whose length is not a multiple of four, an empty one, and a text that is not UTF-8.
            try db.execute(sql: "INSERT INTO text_vectors (model, text, vector) VALUES (?, 'odd', x'0102030405')", arguments: [Self.model])
            try db.execute(sql: "INSERT INTO text_vectors (model, text, vector) VALUES (?, 'empty', x'')", arguments: [Self.model])
            try db.execute(
                sql: "INSERT INTO text_vectors (model, text, vector) VALUES (?, CAST(x'ff' AS TEXT), ?)",
                arguments: [Self.model, Data(SQLiteCommunityStore.bytes(of: Self.vector(5)))])
        }
        let loaded = try store.loadVectors(model: Self.model, dimension: 384)
        #expect(loaded.entries.map(\.text) == ["good"])
        #expect(loaded.skipped == 6)
    }

    @Test func vectorsAreLittleEndianFloat32() {
        #expect(SQLiteCommunityStore.bytes(of: [1, -2]) == [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0])
        #expect(SQLiteCommunityStore.vector(from: Data([0x00, 0x00, 0x80, 0x3F]), dimension: 1) == [1])
        #expect(SQLiteCommunityStore.vector(from: Data([0x00, 0x00, 0x80, 0x7F]), dimension: 1) == nil, "infinity")
    }

    /// A database written by the previous schema (v3) gains the table in place, its data kept.
    @Test func aVersionThreeDatabaseGainsTheVectorsTable() throws {
        let file = try TemporaryStore()
        do {
            let queue = try DatabaseQueue(path: file.path)
            try StoreSchema.migrator.migrate(queue, upTo: "v3: quarantine")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO members (id, position, record) VALUES ('m-old', 0, '{\"id\":\"m-old\"}')")
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('community', 'stored')")
            }
            #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 3)
            try queue.close()
        }
        let store = try file.open()
        #expect(try store.load() == Community(members: [Member(id: "m-old")]))
        #expect(try store.loadVectors(model: Self.model, dimension: 384).entries.isEmpty)
        try store.saveVectors(model: Self.model, [(text: "gardening", vector: Self.vector(1))])
        let (version, schema) = try store.pool.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schemaVersion'")
            )
        }
        #expect(version == 5 && schema == "5" && StoreSchema.currentVersion == 5)
        #expect(try store.loadVectors(model: Self.model, dimension: 384).entries.count == 1)
    }

    /// Saving vectors into an empty database does not make it look as if it held a community.
    @Test func vectorsAloneAreNotACommunity() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        try store.saveVectors(model: Self.model, [(text: "gardening", vector: Self.vector(1))])
        #expect(try !store.hasCommunity())
    }

    /// Importing a community again (into a new file, `stitch import --replace`) keeps the vectors.
    @Test func aReimportKeepsTheVectors() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        try store.replaceAll(try Fixtures.lewisham)
        let entries = (0..<50).map { (text: "term \($0) \u{0}\u{e9}", vector: Self.vector($0)) }
        try store.saveVectors(model: Self.model, entries)
        try store.replaceAllInNewFile(try Fixtures.lewisham)
        let loaded = sorted(try store.loadVectors(model: Self.model, dimension: 384).entries)
        #expect(loaded.map(\.text) == sorted(entries).map(\.text))
        #expect(loaded.map(\.vector) == sorted(entries).map(\.vector))
        #expect(store.integrityCheck())
    }
}
