import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// `stitch import`, run as a person would.
@Suite("stitch import FILE --db PATH")
struct ImportCommandTests {
    @Test func storesTheGoodRecordsAndReportsTheBadOnes() throws {
        let file = try TemporaryStore()
        let input = try CommandRunner.temporaryFile(
            Data(
                #"""
                {"members": [{"id": "m-a", "offers": ["gardening"]}, {"id": "m-b", "birthYear": 1800}, {"id": "m-c"}],
                 "activities": [{"id": "a-1", "name": "Walk"}],
                 "exchanges": [{"giver": "m-a", "receiver": "m-c", "hours": 2}, {"giver": "m-b", "receiver": "m-c", "hours": 1}],
                 "attendance": [{"member": "m-c", "activity": "a-1"}]}
                """#.utf8))
        let r = try CommandRunner().run(["import", input, "--db", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("3 members, 1 activities, 2 exchanges, 1 attendance"), "the counts read: \(r.stdout)")
        #expect(r.stdout.contains("Skipped 2 records"))
        #expect(r.stdout.contains("Stored in \(file.path): 2 members, 1 activities, 1 exchanges, 1 attendance"))
        #expect(r.stderr.contains("members[1].birthYear: birthYear 1800 is out of range; expected 1900 to 2100"))
        #expect(r.stderr.contains("exchanges[1].giver: unknown member id 'm-b'"))
        let stored = try file.open().load()
        #expect(stored.members.map(\.id) == ["m-a", "m-c"])
        #expect(stored.exchanges == [Exchange(giver: "m-a", receiver: "m-c", hours: 2)])
    }

    @Test func replacesAStoredCommunityOnlyWhenTold() throws {
        let file = try TemporaryStore()
        let lewisham = Fixtures.dataURL("lewisham.json").path
        #expect(try CommandRunner().run(["import", lewisham, "--db", file.path]).status == 0)
        let again = try CommandRunner().run(["import", lewisham, "--db", file.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already holds a community (319 members"), "\(again.stderr)")
        let replaced = try CommandRunner().run(["import", lewisham, "--db", file.path, "--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try file.open().load() == (try Fixtures.lewisham))
    }

    @Test func refusesADatabaseInUse() throws {
        let file = try TemporaryStore()
        let held = try StoreLock(databasePath: file.path)
        let r = try CommandRunner().run(["import", Fixtures.dataURL("lewisham.json").path, "--db", file.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("in use by another Stitch process"), "\(r.stderr)")
        _ = held
    }

    /// The daemon serves what was imported, and ignores --community once the database holds one.
    @Test func serveStartsFromTheImportedCommunity() throws {
        let file = try TemporaryStore()
        let small = try CommandRunner.temporaryFile(
            Data(#"{"members": [{"id": "m-a"}, {"id": "m-b"}], "activities": [{"id": "a-1", "name": "Walk"}]}"#.utf8))
        #expect(try CommandRunner().run(["import", small, "--db", file.path]).status == 0)
        let health = Data((#"{"jsonrpc":"2.0","id":1,"method":"server.health"}"# + "\n").utf8)
        let r = try CommandRunner().run(
            ["serve", "--stdio", "--db", file.path, "--community", Fixtures.dataURL("lewisham.json").path],
            input: health)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#""members":2"#), "\(r.stdout)")
        #expect(r.stderr.contains("--community is ignored"))
    }

    /// The query commands read what was imported: `--db` gives the same answers as the file.
    @Test func queryCommandsReadTheDatabase() throws {
        let file = try TemporaryStore()
        let lewisham = Fixtures.dataURL("lewisham.json").path
        #expect(try CommandRunner().run(["import", lewisham, "--db", file.path]).status == 0)
        let queries: [[String]] = [
            ["who-can-help", "--requester", "m-arthur", "--skill", "accompanying", "--json"],
            ["give", "m-bee", "--json"],
            ["refer", "--person", "m-maud", "--json"],
            ["explain", "--subject", "m-kathy", "--candidate", "a-art-upstairs", "--json"],
        ]
        for query in queries {
            let fromFile = try CommandRunner().run(query + ["--community", lewisham])
            let fromDB = try CommandRunner().run(query + ["--db", file.path])
            #expect(fromDB.status == 0, "\(query[0]): \(fromDB.stderr)")
            #expect(fromDB.stdout == fromFile.stdout, "\(query[0])")
        }
        let missing = try CommandRunner().run(["give", "m-bee", "--db", file.path + ".absent"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no Stitch database at"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file.path + ".absent"), "a mistyped path leaves no empty database behind")
        let unknown = try CommandRunner().run(["give", "m-nowhere", "--db", file.path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("member: unknown member id 'm-nowhere'"), "\(unknown.stderr)")
    }
}
