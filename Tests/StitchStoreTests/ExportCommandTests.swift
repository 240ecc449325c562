import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// `stitch export`: the stored community written out, and imported back into a new database
/// with the same answers.
@Suite("stitch export")
struct ExportCommandTests {
    static let queries: [[String]] = [
        ["who-can-help", "--requester", "m-arthur", "--skill", "accompany to hospital", "--json"],
        ["who-can-help", "--requester", "m-nikhil", "--skill", "diabetes peer support", "--json"],
        ["refer", "--person", "m-maud", "--json"],
        ["refer", "--person", "m-bee", "--goals", "connect=1,takeNotice=1,give=1", "--json"],
        ["give", "m-kathy", "--json"],
    ]

    /// A database holding the demo with a few writes made through the daemon.
    static func storedCommunity() throws -> TemporaryStore {
        let file = try TemporaryStore()
        #expect(
            try CommandRunner().run(["import", Fixtures.dataURL("lewisham.json").path, "--db", file.path]).status == 0)
        let writes = [
            #"{"jsonrpc":"2.0","id":1,"method":"member.upsert","params":{"member":{"id":"m-new","offers":["accompanying"],"location":{"lat":51.445,"lon":-0.02},"availability":[{"day":"tue","start":"09:00","end":"13:00"}]}}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"exchange.record","params":{"exchange":{"giver":"m-new","receiver":"m-arthur","hours":2,"date":"2026-09-01"}}}"#,
        ]
        let r = try CommandRunner().run(
            ["serve", "--stdio", "--db", file.path], input: Data(writes.map { $0 + "\n" }.joined().utf8))
        #expect(r.status == 0 && !r.stdout.contains("error"), "\(r.stdout) \(r.stderr)")
        return file
    }

    @Test func exportThenImportGivesTheSameAnswers() throws {
        let first = try Self.storedCommunity()
        let exported = try CommandRunner().run(["export", "--db", first.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        let exportedFile = try JSONDecoder().decode(CommunityFile.self, from: Data(exported.stdout.utf8))
        let community = exportedFile.community
        #expect(community == (try first.open().load()), "the export is the stored community")
        #expect(exportedFile.pairings == (try first.open().loadPairings()), "and the pairings beside it")
        #expect(!community.ledger.isEmpty && !exportedFile.pairings.isEmpty, "the bundled ledger and pairing are written back")
        #expect(community.members.contains { $0.id == "m-new" })

        let file = first.folder.appendingPathComponent("export.json").path
        let written = try CommandRunner().run(["export", "--db", first.path, "--output", file])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        let second = try TemporaryStore()
        let imported = try CommandRunner().run(["import", file, "--db", second.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        for query in Self.queries {
            let a = try CommandRunner().run(query + ["--db", first.path])
            let b = try CommandRunner().run(query + ["--db", second.path])
            #expect(a.status == 0 && !a.stdout.isEmpty, "\(query[0]): \(a.stderr)")
            #expect(a.stdout == b.stdout, "\(query.joined(separator: " "))")
        }
        #expect(try CommandRunner().run(["export", "--db", second.path]).stdout == exported.stdout)
    }

    /// CSV: one file per kind, in the import's columns; members and activities import back as they were.
    @Test func csvExportImportsBack() throws {
        let first = try Self.storedCommunity()
        let folder = first.folder.appendingPathComponent("sheets").path
        let r = try CommandRunner().run(["export", "--db", first.path, "--format", "csv", "--output", folder])
        #expect(r.status == 0, "\(r.stderr)")
        let stored = try first.open().load()
        for (name, header, rows) in [
            ("members.csv", "id,name,offers,", stored.members.count),
            ("activities.csv", "id,name,organisation,", stored.activities.count),
            ("exchanges.csv", "id,giver,receiver,hours,skill,date", stored.exchanges.count),
            ("attendance.csv", "member,activity,date", stored.attendance.count),
        ] {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(text.hasPrefix(header), "\(name)")
            #expect(text.split(separator: "\n", omittingEmptySubsequences: true).count >= rows + 1, "\(name)")
        }
        let second = try TemporaryStore()
        for name in ["members.csv", "activities.csv"] {
            let imported = try CommandRunner().run(["import", folder + "/" + name, "--db", second.path])
            #expect(imported.status == 0, "\(name): \(imported.stderr)")
        }
        let back = try second.open().load()
        #expect(back.members == stored.members)
        #expect(back.activities == stored.activities)

        let noFolder = try CommandRunner().run(["export", "--db", first.path, "--format", "csv"])
        #expect(noFolder.status != 0 && noFolder.stderr.contains("--output"))
        let absent = try CommandRunner().run(["export", "--db", first.path + ".absent"])
        #expect(absent.status != 0 && absent.stderr.contains("no Stitch database"))
        #expect(!FileManager.default.fileExists(atPath: first.path + ".absent"))
    }

    /// A value CSV cannot carry exactly is named (by record and field), never changed silently.
    @Test func csvSaysWhatItCannotCarry() throws {
        let file = try TemporaryStore()
        let odd = try CommandRunner.temporaryFile(
            Data(#"{"members": [{"id": "m-odd", "offers": ["tea; cake", "chat"]}, {"id": "m-fine"}]}"#.utf8))
        #expect(try CommandRunner().run(["import", odd, "--db", file.path]).status == 0)
        let r = try CommandRunner().run([
            "export", "--db", file.path, "--format", "csv", "--output", file.folder.path + "/csv",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("members[0] (m-odd): offers would change in CSV"), "\(r.stderr)")
        #expect(r.stderr.contains("1 record would not import back exactly"), "\(r.stderr)")
        #expect(!r.stderr.contains("m-fine"))
    }
}
