import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// A new database starts empty, and the bundled demo community is stored only when asked for
/// (`stitch demo`, `stitch serve --demo`), never mixed with a person's own records.
@Suite("The demo only when asked")
struct DemoCommandTests {
    static let health = Data((#"{"jsonrpc":"2.0","id":1,"method":"server.health"}"# + "\n").utf8)

    /// The `members` count `server.health` answers.
    static func members(_ r: CommandRunner.Result) -> Int? {
        let line = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        return (object?["result"] as? [String: Any])?["members"] as? Int
    }

    /// A folder to use as `XDG_DATA_HOME` across several commands, so they share a default database.
    static func dataHome() throws -> (environment: [String: String], defaultDB: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (["XDG_DATA_HOME": folder.path], folder.appendingPathComponent("stitch/stitch.sqlite").path)
    }

    /// README's health check, and `serve --db` on a new file: an empty community, no demo.
    @Test func aNewDatabaseStartsEmpty() throws {
        let home = try Self.dataHome()
        let readme = try CommandRunner().run(["serve", "--stdio"], environment: home.environment, input: Self.health)
        #expect(readme.status == 0, "\(readme.stderr)")
        #expect(Self.members(readme) == 0, "\(readme.stdout)")
        #expect(readme.stderr.contains("the database is empty"), "the log says what to do: \(readme.stderr)")
        #expect(readme.stderr.contains("--demo"))
        #expect(try SQLiteCommunityStore(path: home.defaultDB).counts().members == 0)

        let file = try TemporaryStore()
        let named = try CommandRunner().run(["serve", "--stdio", "--db", file.path], input: Self.health)
        #expect(Self.members(named) == 0, "\(named.stdout) \(named.stderr)")
        #expect(try file.open().load() == Community())
    }

    @Test func serveDemoStoresTheDemoOnlyIntoANewOrEmptyDatabase() throws {
        let file = try TemporaryStore()
        let first = try CommandRunner().run(["serve", "--stdio", "--demo", "--db", file.path], input: Self.health)
        #expect(Self.members(first) == (try Fixtures.lewisham.members.count), "\(first.stdout) \(first.stderr)")
        #expect(try file.open().holdsDemo())
        let again = try CommandRunner().run(["serve", "--stdio", "--demo", "--db", file.path], input: Self.health)
        #expect(try again.status == 0 && Self.members(again) == Fixtures.lewisham.members.count, "a restart serves the stored demo: \(again.stderr)")

        let own = try TemporaryStore()
        let small = try CommandRunner.temporaryFile(Data(#"{"members": [{"id": "m-a"}]}"#.utf8))
        #expect(try CommandRunner().run(["import", small, "--db", own.path]).status == 0)
        let refused = try CommandRunner().run(["serve", "--stdio", "--demo", "--db", own.path], input: Self.health)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("not the demo") && refused.stderr.contains("--db PATH"), "\(refused.stderr)")
        #expect(try own.open().load().members.map(\.id) == ["m-a"])
        let both = try CommandRunner().run(["serve", "--stdio", "--demo", "--community", small, "--db", own.path])
        #expect(both.status != 0 && both.stderr.contains("not both"))
    }

    /// `stitch demo` fills a new database, says how to query it, refuses one holding records
    /// unless told, and the import of real records into the demo is refused.
    @Test func theDemoCommandAndImportsIntoTheDemo() throws {
        let file = try TemporaryStore()
        let demo = try CommandRunner().run(["demo", "--db", file.path])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("Stored the demo community"), "\(demo.stdout)")
        #expect(demo.stdout.contains("stitch who-can-help --db \(file.path) --requester m-arthur"), "\(demo.stdout)")
        let query = try CommandRunner().run(
            [
                "who-can-help", "--db", file.path, "--requester", "m-arthur", "--skill", "accompany to hospital",
                "--json",
            ])
        #expect(query.status == 0 && query.stdout.contains("m-june"), "\(query.stderr)")
        #expect(try CommandRunner().run(["demo", "--db", file.path]).stdout.contains("already holds the demo"))

        let real = try CommandRunner.temporaryFile(Data(#"{"members": [{"id": "m-ada"}]}"#.utf8))
        let mixed = try CommandRunner().run(["import", real, "--db", file.path])
        #expect(mixed.status != 0)
        #expect(mixed.stderr.contains("holds the bundled demo community"), "\(mixed.stderr)")
        #expect(mixed.stderr.contains("--replace --yes"))
        #expect(try file.open().load().members.count == (try Fixtures.lewisham.members.count), "nothing was mixed in")
        let replaced = try CommandRunner().run(["import", real, "--db", file.path, "--replace", "--yes"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try !file.open().holdsDemo())
        #expect(try CommandRunner().run(["import", real, "--db", file.path]).status == 0, "no longer the demo")

        let refused = try CommandRunner().run(["demo", "--db", file.path])
        #expect(refused.status != 0 && refused.stderr.contains("--replace --yes"), "\(refused.stderr)")
        #expect(try file.open().load().members.map(\.id) == ["m-ada"])
        let over = try CommandRunner().run(["demo", "--db", file.path, "--replace", "--yes"])
        #expect(over.status == 0, "\(over.stderr)")
        #expect(try file.open().load().members.count == (try Fixtures.lewisham.members.count))
    }

    /// Without `--db`, `--community` or `--demo`, a query reads the default database; when there
    /// is none, the error says what to do, and no database is made.
    @Test func queriesReadTheDefaultDatabaseAndNeverTheDemoByAccident() throws {
        let home = try Self.dataHome()
        let query = ["give", "m-a", "--json"]
        let none = try CommandRunner().run(query, environment: home.environment)
        #expect(none.status != 0)
        #expect(none.stderr.contains("stitch import FILE") && none.stderr.contains("--demo"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.defaultDB), "asking made no database")
        for command in [
            ["who-can-help", "--requester", "m-arthur", "--skill", "shopping"], ["refer", "--person", "m-maud"],
            ["explain", "--subject", "m-kathy", "--candidate", "a-art-upstairs"], ["network"],
        ] {
            let r = try CommandRunner().run(command, environment: home.environment)
            #expect(
                r.status != 0 && r.stderr.contains("--demo"), "\(command[0]) reads no demo by accident: \(r.stdout)")
        }

        let small = try CommandRunner.temporaryFile(
            Data(#"{"members": [{"id": "m-a", "offers": ["gardening"]}, {"id": "m-b", "needs": ["gardening"]}]}"#.utf8))
        #expect(try CommandRunner().run(["import", small], environment: home.environment).status == 0)
        let stored = try CommandRunner().run(query, environment: home.environment)
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(stored.stdout.contains("m-b"), "\(stored.stdout)")
        let demo = try CommandRunner().run(["give", "m-bee", "--demo"], environment: home.environment)
        #expect(demo.status == 0 && demo.stdout.contains("Where can m-bee give?"), "\(demo.stderr)")
        let two = try CommandRunner().run(["give", "m-bee", "--demo", "--db", home.defaultDB])
        #expect(two.status != 0 && two.stderr.contains("not several"), "\(two.stderr)")
    }
}
