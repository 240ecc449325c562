import Foundation
import StitchTestSupport
import Testing

/// `stitch dismiss`, `stitch undismiss` and `stitch dismissals` as a broker runs them: each a new
/// process on the same database, so every step also proves the last one was stored.
@Suite("stitch dismiss keeps a broker's 'not this one', end to end")
struct DismissCommandTests {
    let runner = CommandRunner()
    static let ask = ["who-can-help", "--requester", "m-arthur", "--skill", "accompany to hospital", "--limit", "5", "--json"]

    /// The helpers' ids, best first, and the `dismissed` count of a `--json` ranking.
    static func ranking(_ stdout: String) throws -> (ids: [String], dismissed: Int) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "\(stdout)")
        let matches = try #require(object["matches"] as? [[String: Any]])
        let excluded = try #require(object["excluded"] as? [String: Int])
        return (matches.compactMap { $0["id"] as? String }, try #require(excluded["dismissed"]))
    }

    /// The ranking of a JSON-RPC answer line.
    static func result(_ line: String) throws -> (ids: [String], dismissed: Int) {
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        let result = try #require(answer["result"], "\(line)")
        return try ranking(String(decoding: try JSONSerialization.data(withJSONObject: result), as: UTF8.self))
    }

    @Test func aDismissedHelperStaysAwayUntilTakenBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-dismiss-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/broker.sqlite"
        #expect(try runner.run(["demo", "--db", db]).status == 0)

        let before = try Self.ranking(try runner.run(Self.ask + ["--db", db]).stdout)
        let first = try #require(before.ids.first)
        let dismissed = try runner.run([
            "dismiss", "--db", db, "--subject", "m-arthur", "--candidate", first, "--reason", "did not get on", "--until", "2099-01-01",
            "--date", "2026-11-02",
        ])
        #expect(dismissed.status == 0, "\(dismissed.stderr)")
        #expect(dismissed.stdout.contains("Dismissed \(first) for m-arthur until 2099-01-01"), "\(dismissed.stdout)")
        #expect(!dismissed.stderr.contains("did not get on"), "the reason never reaches the log")

        let after = try Self.ranking(try runner.run(Self.ask + ["--db", db]).stdout)
        #expect(after.ids.first != first && !after.ids.contains(first))
        #expect(after.dismissed == before.dismissed + 1)
        let explained = try runner.run(["explain", "--db", db, "--subject", "m-arthur", "--candidate", first, "--skill", "accompany to hospital"])
        #expect(explained.stdout.contains("Dismissed by the broker on 2026-11-02: did not get on"), "\(explained.stdout)")
        let listed = try runner.run(["dismissals", "--db", db, "--subject", "m-arthur"])
        #expect(listed.stdout.contains("m-arthur  \(first)  made 2026-11-02  until 2099-01-01: did not get on"), "\(listed.stdout)")

        #expect(try runner.run(["undismiss", "--db", db, "--subject", "m-arthur", "--candidate", first]).status == 0)
        #expect(try Self.ranking(try runner.run(Self.ask + ["--db", db]).stdout).ids.first == first)

        // A dismissal whose `until` has passed no longer holds.
        #expect(
            try runner.run([
                "dismiss", "--db", db, "--subject", "m-arthur", "--candidate", first, "--date", "2026-01-01", "--until", "2026-02-01",
            ]).status == 0)
        #expect(try Self.ranking(try runner.run(Self.ask + ["--db", db]).stdout).ids.first == first)
        #expect(try runner.run(["dismissals", "--db", db]).stdout.contains("(lapsed)"))

        let unknown = try runner.run(["dismiss", "--db", db, "--subject", "m-arthur", "--candidate", "m-nobody"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("candidate: unknown member id 'm-nobody'"), "\(unknown.stderr)")
        let typo = try runner.run(["dismiss", "--db", db, "--subject", "m-arthr", "--candidate", first])
        #expect(typo.status != 0 && typo.stderr.contains("subject: unknown member id 'm-arthr'; did you mean 'm-arthur'?"), "\(typo.stderr)")
    }

    /// The bundled demo's broker has dismissed a helper for Arthur: read with --demo and stored by
    /// `stitch demo`.
    @Test func theDemoHasADismissedHelper() throws {
        let demo = try Self.ranking(try runner.run(Self.ask + ["--demo"]).stdout)
        #expect(demo.dismissed == 1)
        let file = try Self.ranking(try runner.run(Self.ask + ["--community", "data/lewisham.json"]).stdout)
        #expect(file.dismissed == 0)
        #expect(file.ids.contains("m-jade") && !demo.ids.contains("m-jade"), "Jade is dismissed for Arthur")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-demo-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try runner.run(["demo", "--db", folder + "/demo.sqlite"]).status == 0)
        let stored = try runner.run(["dismissals", "--db", folder + "/demo.sqlite", "--json"])
        #expect(stored.stdout.contains(#""candidate" : "m-jade""#), "\(stored.stdout)")
        #expect(try Self.ranking(try runner.run(Self.ask + ["--db", folder + "/demo.sqlite"]).stdout).ids == demo.ids)
    }

    /// The daemon (`stitch serve --stdio`, every log line let through): a dismissal is answered,
    /// honoured by the next query and kept for the next start, and its reason reaches no log.
    @Test func theDaemonHonoursADismissalAndNeverLogsItsReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-dismiss-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/daemon.sqlite"
        #expect(try runner.run(["demo", "--db", db]).status == 0)
        let reason = "private words about Arthur's health"
        let ask = #"{"jsonrpc":"2.0","id":2,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital"},"limit":3}}"#
        let lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"match.dismiss","params":{"subject":"m-arthur","candidate":"m-june","reason":"\#(reason)"}}"#,
            ask,
            #"{"jsonrpc":"2.0","id":3,"method":"match.dismiss","params":{"subject":"m-arthur","candidate":"m-nobody","reason":"\#(reason)"}}"#,
        ]
        let first = try runner.run(
            ["serve", "--stdio", "--db", db, "--log-level", "trace"], input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stderr.contains(reason) && !first.stderr.contains("private words"), "\(first.stderr)")
        let answers = first.stdout.split(separator: "\n").map(String.init)
        #expect(answers.count == 3)
        #expect(answers[0].contains(#""candidate":"m-june""#), "\(answers[0])")
        let helpers = try Self.result(answers[1])
        #expect(!helpers.ids.contains("m-june") && helpers.dismissed == 2, "June, and the demo's Jade")
        #expect(answers[2].contains("-32001") && answers[2].contains("params.candidate"), "\(answers[2])")
        // The next start keeps it.
        let again = try runner.run(["serve", "--stdio", "--db", db], input: Data((ask + "\n").utf8))
        let kept = try Self.result(again.stdout)
        #expect(!kept.ids.contains("m-june") && kept.dismissed == 2)
    }
}
