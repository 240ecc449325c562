import Foundation
import StitchTestSupport
import Testing

/// `stitch credits` as a coordinator runs it: each step a new process on the same database, so
/// every step also proves the last one was stored.
@Suite("stitch credits keeps the ledger, end to end")
struct CreditsCommandTests {
    let runner = CommandRunner()

    static let members = #"{"members": [{"id": "m-0"}, {"id": "m-1"}, {"id": "m-2"}, {"id": "m-3"}, {"id": "m-4"}]}"#

    /// A fresh database holding the five members, in its own folder.
    func database(_ folder: String, _ name: String) throws -> String {
        let db = folder + "/" + name
        let file = folder + "/members.json"
        try Data(Self.members.utf8).write(to: URL(fileURLWithPath: file))
        let imported = try runner.run(["import", file, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        return db
    }

    /// Balances by account id from `stitch credits balances --json`, and the total.
    static func balances(_ stdout: String) throws -> (byID: [String: Double], total: Double) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "\(stdout)")
        let list = try #require(object["balances"] as? [[String: Any]])
        var byID: [String: Double] = [:]
        for b in list { byID[b["id"] as? String ?? ""] = b["balance"] as? Double }
        return (byID, try #require(object["total"] as? Double))
    }

    @Test func aGroupADonationAndBalancesCarriedOver() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-credits-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = try database(folder, "a.sqlite")

        for (id, kind, name) in [("tb", "timebank", "The time bank"), ("pot", "pot", "Good will pot")] {
            let added = try runner.run(["credits", "account", "add", id, "--kind", kind, "--name", name, "--db", db])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("Added the \(kind) account \(id)"))
        }
        let listed = try runner.run(["credits", "account", "list", "--db", db])
        #expect(listed.stdout.contains("tb  timebank  The time bank") && listed.stdout.contains("pot  pot  Good will pot"), "\(listed.stdout)")

        // A group session: m-0 gives 2 h to four people; the time bank pays.
        let group = try runner.run([
            "credits", "record", "--kind", "exchange", "--from", "m-0", "--to", "m-1", "--to", "m-2", "--to", "m-3", "--to", "m-4",
            "--hours", "2", "--date", "2026-10-01", "--db", db,
        ])
        #expect(group.status == 0, "\(group.stderr)")
        #expect(group.stdout.contains("m-0  member  2 h") && group.stdout.contains("tb  timebank  -2 h"), "\(group.stdout)")
        #expect(group.stdout.contains("Total over every account: 0 h"))
        #expect(try runner.run(["credits", "record", "--kind", "donation", "--from", "m-0", "--to", "m-1", "--hours", "1.5", "--db", db]).status == 0)
        #expect(
            try runner.run([
                "credits", "record", "--kind", "exchange", "--from", "m-2", "--to", "m-3", "--hours", "1", "--paid-by", "pot", "--db", db,
            ]).status == 0)

        // Refused with the field, the reason and what to do; nothing stored.
        let bad = try runner.run(["credits", "record", "--kind", "spend", "--from", "m-0", "--to", "m-1", "--hours", "1", "--db", db])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("entry.to[0]: ") && bad.stderr.contains("who accepts credits is a timebank or organisation account"), "\(bad.stderr)")
        let unknown = try runner.run(["credits", "record", "--kind", "donation", "--from", "m-0", "--to", "m-9", "--hours", "1", "--db", db])
        #expect(unknown.stderr.contains("add the member, or the account"), "\(unknown.stderr)")

        let all = try Self.balances(try runner.run(["credits", "balances", "--json", "--db", db]).stdout)
        #expect(all.byID["m-0"] == 0.5 && all.byID["m-1"] == 1.5 && all.byID["m-2"] == 1 && all.byID["m-3"] == 0)
        #expect(all.byID["tb"] == -2 && all.byID["pot"] == -1)
        #expect(all.total == 0 && all.byID.values.reduce(0, +) == 0)
        let pots = try Self.balances(try runner.run(["credits", "balances", "--kind", "pot", "--json", "--db", db]).stdout)
        #expect(Array(pots.byID.keys) == ["pot"])

        // Carried over to an affiliated time bank with the same members.
        let file = folder + "/balances.json"
        let exported = try runner.run(["credits", "export", "--timebank", "Rushey Green", "--date", "2026-12-01", "--output", file, "--db", db])
        #expect(exported.status == 0, "\(exported.stderr)")
        let other = try database(folder, "b.sqlite")
        #expect(try runner.run(["credits", "account", "add", "tb-b", "--kind", "timebank", "--name", "Another", "--db", other]).status == 0)
        let imported = try runner.run(["credits", "import", file, "--db", other])
        #expect(imported.status == 0, "\(imported.stderr)")
        let carried = try Self.balances(try runner.run(["credits", "balances", "--json", "--db", other]).stdout)
        for id in ["m-0", "m-1", "m-2", "m-3", "m-4"] { #expect(carried.byID[id] == all.byID[id], "\(id)") }
        #expect(carried.total == 0)

        // Bad files are refused with the line or the field, and change nothing.
        let stranger = folder + "/stranger.json"
        try Data(#"{"timebank": "A", "date": "2026-12-01", "balances": [{"member": "m-7", "hours": 3}]}"#.utf8)
            .write(to: URL(fileURLWithPath: stranger))
        let refused = try runner.run(["credits", "import", stranger, "--db", other])
        #expect(refused.status != 0 && refused.stderr.contains("balances[0].member"), "\(refused.stderr)")
        let broken = folder + "/broken.json"
        try Data("{\"timebank\": \"A\",\n \"date\": \"2026-12-01\",\n \"balances\": [,]}".utf8).write(to: URL(fileURLWithPath: broken))
        let notJSON = try runner.run(["credits", "import", broken, "--db", other])
        #expect(notJSON.status != 0 && notJSON.stderr.contains("broken.json:3:"), "\(notJSON.stderr)")
        let after = try Self.balances(try runner.run(["credits", "balances", "--json", "--db", other]).stdout)
        #expect(after.byID == carried.byID)
    }
}
