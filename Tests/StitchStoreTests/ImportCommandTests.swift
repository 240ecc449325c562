import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// `stitch import`, run as a person would.
@Suite("stitch import FILE --db PATH")
struct ImportCommandTests {
    /// Every record of the bundled community: members, activities, exchanges and attendance.
    static var bundledRecords: Int {
        get throws {
            let c = try Fixtures.lewisham
            return c.members.count + c.activities.count + c.exchanges.count + c.attendance.count + c.accounts.count
                + c.ledger.count + (try Fixtures.lewishamPairings).count
        }
    }

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
        #expect(r.stdout.contains("3 members, 1 activity, 2 exchanges, 1 attendance"), "the counts read: \(r.stdout)")
        #expect(
            r.stdout.contains("Added 5, updated 0, unchanged 0, skipped 2: birthYear is out of range (1), unknown member id (1)"),
            "\(r.stdout)")
        #expect(r.stdout.contains("Stored in \(file.path): 2 members, 1 activity, 1 exchange, 1 attendance"))
        #expect(r.stderr.contains("members[1].birthYear: birthYear 1800 is out of range; expected 1900 to 2100"))
        #expect(r.stderr.contains("exchanges[1].giver: unknown member id 'm-b'"))
        let stored = try file.open().load()
        #expect(stored.members.map(\.id) == ["m-a", "m-c"])
        #expect(stored.exchanges == [Exchange(giver: "m-a", receiver: "m-c", hours: 2)])
    }

    /// A community file imported again changes nothing; `--replace` says what it would remove,
    /// and removes it only with `--yes`.
    @Test func replacesAStoredCommunityOnlyWhenTold() throws {
        let file = try TemporaryStore()
        let lewisham = Fixtures.dataURL("lewisham.json").path
        #expect(try CommandRunner().run(["import", lewisham, "--db", file.path]).status == 0)
        let again = try CommandRunner().run(["import", lewisham, "--db", file.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Added 0, updated 0, unchanged \(try Self.bundledRecords), skipped 0"), "\(again.stdout)")
        #expect(again.stdout.contains("Nothing to change"))
        #expect(try file.open().load() == (try Fixtures.lewisham))

        let small = try CommandRunner.temporaryFile(Data(#"{"members": [{"id": "m-arthur"}, {"id": "m-new"}]}"#.utf8))
        let unconfirmed = try CommandRunner().run(["import", small, "--db", file.path, "--replace"])
        #expect(unconfirmed.status != 0)
        #expect(unconfirmed.stdout.contains("members: 1 added, 1 updated, \(try Fixtures.lewisham.members.count - 1) removed"), "\(unconfirmed.stdout)")
        #expect(
            unconfirmed.stderr.contains("--replace would remove \(try Fixtures.lewisham.members.count - 1) members, \(try Fixtures.lewisham.activities.count) activities, \(try Fixtures.lewisham.exchanges.count) exchanges, \(try Fixtures.lewisham.attendance.count) attendance"),
            "\(unconfirmed.stderr)")
        #expect(unconfirmed.stderr.contains("Add --yes"))
        #expect(try file.open().load() == (try Fixtures.lewisham), "nothing was written")

        let replaced = try CommandRunner().run(["import", small, "--db", file.path, "--replace", "--yes"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try file.open().load().members.map(\.id) == ["m-arthur", "m-new"])
        let yesAlone = try CommandRunner().run(["import", small, "--db", file.path, "--yes"])
        #expect(yesAlone.status != 0 && yesAlone.stderr.contains("--yes confirms --replace"))
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

/// `community.load {"path"}` through the real daemon: off by default, then one folder only,
/// never a file's content in an answer, never a non-community read as empty.
@Suite("community.load from a file, run as a client would")
struct LoadPathCommandTests {
    private func answers(_ lines: [String], extra: [String], db: String) throws -> [[String: Any]] {
        let input = Data(lines.map { $0 + "\n" }.joined().utf8)
        let r = try CommandRunner().run(["serve", "--stdio", "--db", db, "--demo", "--no-meaning"] + extra, input: input)
        #expect(r.status == 0, "\(r.stderr)")
        return try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    private func reason(_ answer: [String: Any]) -> String? {
        ((answer["error"] as? [String: Any])?["data"] as? [String: Any])?["reason"] as? String
    }

    private func load(_ path: String, id: Int) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"community.load","params":{"path":"\#(path)"}}"#
    }

    @Test func loadingFromAFileIsOffUnlessAFolderIsAllowed() throws {
        let file = try TemporaryStore()
        let lewisham = Fixtures.dataURL("lewisham.json").path
        let health = #"{"jsonrpc":"2.0","id":9,"method":"server.health"}"#
        let off = try answers([load(lewisham, id: 1), health], extra: [], db: file.path)
        #expect(reason(off[0])?.contains("--allow-load-path") == true, "\(off[0])")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-allowed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-secret-\(UUID().uuidString).json")
        try Data(#"{"members":[{"id":"m-1","availability":[{"day":"AKIA-SECRET","start":"10:00","end":"11:00"}]}]}"#.utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        try Data(#"{"members":[{"id":"m-1","availability":[{"day":"AKIA-SECRET","start":"10:00","end":"11:00"}]}]}"#.utf8)
            .write(to: folder.appendingPathComponent("bad.json"))
        try FileManager.default.copyItem(atPath: Fixtures.dataURL("taxonomy.json").path, toPath: folder.appendingPathComponent("taxonomy.json").path)
        try FileManager.default.copyItem(atPath: lewisham, toPath: folder.appendingPathComponent("community.json").path)

        let allowed = ["--allow-load-path", folder.path]
        let out = try answers(
            [load(secret.path, id: 1), load("bad.json", id: 2), load("taxonomy.json", id: 3), load("../x.json", id: 4), health],
            extra: allowed, db: file.path)
        #expect(reason(out[0])?.contains("only files under the folder") == true, "\(out[0])")
        #expect(!String(describing: out[1]).contains("AKIA"), "a file's content never comes back: \(out[1])")
        #expect(reason(out[2])?.contains("not a community") == true, "\(out[2])")
        #expect(reason(out[3]) == reason(out[0]))
        let members = (out[4]["result"] as? [String: Any])?["members"] as? Int
        #expect(try members == Fixtures.lewisham.members.count, "nothing refused changed the community")

        let loaded = try answers([load("community.json", id: 1)], extra: allowed, db: file.path)
        #expect((loaded[0]["result"] as? [String: Any])?["members"] as? Int == (try Fixtures.lewisham.members.count), "\(loaded[0])")
    }
}
