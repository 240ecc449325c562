import Foundation
import GRDB
import StitchModel
@testable import StitchStore
import StitchTestSupport
import Testing

/// The store and `stitch import` read records as strictly as every other reader: a key a record
/// does not have is refused with the key meant, JSON that is not strictly JSON is refused by line
/// and column, and a file that is not a community is refused as such. What the store writes
/// passes that reading, and a stored record that does not is set aside, never fatal.
@Suite("Strict records in the store and stitch import")
struct StrictRecordTests {
    static func input(_ text: String) throws -> String {
        try CommandRunner.temporaryFile(Data(text.utf8))
    }

    @Test func anImportedRecordWithAMisspeltKeyIsReportedWithTheKeyMeant() throws {
        let file = try TemporaryStore()
        let input = try Self.input(
            #"{"members": [{"id": "m-a", "offer": ["gardening"]}, {"id": "m-b", "offers": ["gardening"]}], "activities": []}"#)
        let r = try CommandRunner().run(["import", input, "--db", file.path])
        #expect(r.stderr.contains("members[0].offer: unknown field 'offer'; did you mean 'offers'?"), "\(r.stderr)")
        let stored = try file.open().load()
        #expect(!stored.members.contains { $0.id == "m-a" }, "never stored without its offers")
    }

    @Test func anImportedFileWithAnUnknownTopLevelKeyIsRefusedWhole() throws {
        let file = try TemporaryStore()
        let r = try CommandRunner().run(["import", try Self.input(#"{"members": [{"id": "m-a"}], "activitys": []}"#), "--db", file.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("activitys: unknown field 'activitys'; did you mean 'activities'?"), "\(r.stderr)")
    }

    @Test func anImportedFileThatIsNotStrictlyJSONIsRefusedWithLineAndColumn() throws {
        let file = try TemporaryStore()
        let text = "{\"members\": [\n  {\"id\": \"m-a\", \"offers\": [\"gardening\",]}\n]}\n"
        let input = try Self.input(text)
        let r = try CommandRunner().run(["import", input, "--db", file.path])
        #expect(r.status != 0, "Foundation's reader takes the trailing comma")
        #expect(r.stderr.contains("\(input):2:39: not valid JSON: a trailing comma before ']': remove the comma"), "\(r.stderr)")
        #expect(throws: ValidationError.self) { try CommunityImport.read(Data(text.utf8)) }

        let cut = try Self.input("{\"members\": [\n  {\"id\": \"m-a\"}")
        let r2 = try CommandRunner().run(["import", cut, "--db", file.path])
        #expect(r2.status != 0)
        #expect(
            r2.stderr.contains("\(cut):2:16: not valid JSON: the input ends inside an array (opened at line 1, column 13)"),
            "\(r2.stderr)")
    }

    @Test func aTaxonomyImportedAsACommunityIsRefusedAsSuch() throws {
        #expect(
            throws: ValidationError(
                field: "$",
                reason: "not a community: this is a skills taxonomy (it has skills), which is given with --taxonomy; "
                    + "a community is a JSON object with the keys members, activities, exchanges, attendance, accounts, ledger, pairings (each optional)")
        ) { try CommunityImport.read(try Data(contentsOf: Fixtures.dataURL("taxonomy.json"))) }
    }

    @Test func whatTheStoreWritesIsReadBackStrictly() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        let lewisham = try Fixtures.lewisham
        try store.replaceAll(lewisham)
        var member = try #require(lewisham.members.first)
        member.offers.append("bike repairs")
        try store.upsert(member: member)
        let loaded = try store.load()
        #expect(loaded.members.count == lewisham.members.count)
        #expect(loaded.members.first == member)
        #expect(try store.quarantineEntries().isEmpty, "every stored record passes the strict reading")
    }

    /// A stored record with a key no record has (written by hand, or by another program) is set
    /// aside at start-up with the key named, and the rest is served.
    @Test func aStoredRecordWithAnUnknownKeyIsSetAsideNotFatal() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        let lewisham = try Fixtures.lewisham
        try store.replaceAll(lewisham)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE members SET record = json_set(record, '$.offer', json('[]')) WHERE id = 'm-maud'")
        }
        let loaded = try store.load()
        #expect(!loaded.members.contains { $0.id == "m-maud" })
        #expect(loaded.validationErrors().isEmpty)
        let entry = try #require(try store.quarantineEntries().first { $0.table == "members" })
        #expect(entry.key == "m-maud" && entry.field == "offer", "\(entry)")
        #expect(entry.reason.hasPrefix("unknown field"), "\(entry)")
    }
}
