import Foundation
import StitchTestSupport
import Testing

/// The bundled demo as a coordinator meets it: `stitch demo` stores its ledger (a donation to a
/// family, help paid by the good will pot, giving at the surgery, a group session) and its
/// ongoing pairing, each read back by a new process.
@Suite("The bundled demo's ledger and pairing, end to end")
struct BundledLedgerCommandTests {
    let runner = CommandRunner()

    /// Balances by account id from `stitch credits balances --json`, and the total.
    static func balances(_ stdout: String) throws -> (byID: [String: Double], total: Double) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "\(stdout)")
        let list = try #require(object["balances"] as? [[String: Any]])
        var byID: [String: Double] = [:]
        for b in list { byID[b["id"] as? String ?? ""] = b["balance"] as? Double }
        return (byID, try #require(object["total"] as? Double))
    }

    @Test func theDemoHoldsItsLedgerAndPairing() async throws {
        let runner = self.runner
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-bundled-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let db = folder + "/demo.sqlite"
            let stored = try runner.run(["demo", "--db", db])
            #expect(stored.status == 0, "\(stored.stderr)")
            #expect(stored.stdout.contains("4 accounts, 7 ledger entries, 1 pairing"), "\(stored.stdout)")

            // Elsie, housebound, has never given: the pot paid for her lift, so she owes nothing
            // and the pot is even (Tunde gave it what it paid).
            let elsie = try runner.run(["credits", "balances", "--db", db, "--account", "m-elsie", "--account", "pot-good-will"])
            #expect(elsie.status == 0, "\(elsie.stderr)")
            #expect(elsie.stdout.contains("m-elsie  member  0 h") && elsie.stdout.contains("pot-good-will  pot  0 h"), "\(elsie.stdout)")
            // The surgery's account paid Tunde's six hours at its front desk.
            let surgery = try runner.run(["credits", "balances", "--db", db, "--kind", "organisation"])
            #expect(surgery.stdout.contains("org-surgery  organisation  -6 h"), "\(surgery.stdout)")
            let all = try Self.balances(try runner.run(["credits", "balances", "--db", db, "--json"]).stdout)
            #expect(all.byID["m-ama"] == 8, "Kofi's 10 h donated, 2 h spent on the knitting class")
            #expect(all.byID["tb-rushey-green"] == 0, "paid Tunde's two-hour group session, and had Ama's 2 h back at the class")
            #expect(all.byID["m-tunde"] == 8, "10 h given (a lift, the surgery, the group) less 2 h given to the pot")
            #expect(all.total == 0)

            // The ongoing pairing, stored and listed.
            let pairings = try runner.run(["pairing", "list", "--db", db])
            #expect(pairings.status == 0, "\(pairings.stderr)")
            #expect(pairings.stdout.contains("m-elsie  m-tunde  lifts  2026-10-09 to review 2027-10-08"), "\(pairings.stdout)")

            // Who can help Elsie with lifts on a day the pairing holds (it runs from 2026-10-09 to
            // its review on 2027-10-08): Tunde first, because he already helps her every week.
            let help = try runner.run([
                "who-can-help", "--db", db, "--requester", "m-elsie", "--skill", "lifts", "--limit", "5", "--json", "--date", "2027-01-12",
            ])
            #expect(help.status == 0, "\(help.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(help.stdout.utf8)) as? [String: Any])
            let matches = try #require(object["matches"] as? [[String: Any]])
            #expect(matches.first?["id"] as? String == "m-tunde", "\(help.stdout)")
            let reasons = (matches.first?["reasons"] as? [String]) ?? []
            #expect(reasons.contains { $0.contains("Already helps them every week") }, "\(reasons)")

            // Read without storing (--demo), the same pairing holds.
            let demo = try runner.run(["who-can-help", "--demo", "--requester", "m-elsie", "--skill", "lifts", "--limit", "1", "--date", "2027-01-12"])
            #expect(demo.stdout.contains("m-tunde") && demo.stdout.contains("Already helps them every week"), "\(demo.stdout)")
            // On a day after its review, the pairing has lapsed until it is reviewed.
            let lapsed = try runner.run(["who-can-help", "--db", db, "--requester", "m-elsie", "--skill", "lifts", "--limit", "5", "--date", "2027-11-02"])
            #expect(lapsed.status == 0 && !lapsed.stdout.contains("Already helps them every week"), "\(lapsed.stdout)")
        }
    }

    @Test func exportWritesTheLedgerAndPairingBackAndImportReadsThem() async throws {
        let runner = self.runner
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-roundtrip-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let demo = folder + "/demo.sqlite", copy = folder + "/copy.sqlite", file = folder + "/community.json"
            #expect(try runner.run(["demo", "--db", demo]).status == 0)
            let exported = try runner.run(["export", "--db", demo, "--output", file])
            #expect(exported.status == 0, "\(exported.stderr)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
            #expect((object["accounts"] as? [Any])?.count == 4 && (object["ledger"] as? [Any])?.count == 7)
            #expect((object["pairings"] as? [[String: Any]])?.first?["helper"] as? String == "m-tunde")

            let imported = try runner.run(["import", file, "--db", copy])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("accounts: 4 added") && imported.stdout.contains("ledger: 7 added"), "\(imported.stdout)")
            #expect(imported.stdout.contains("pairings: 1 added"), "\(imported.stdout)")
            let balances = { (db: String) in try runner.run(["credits", "balances", "--db", db, "--json"]).stdout }
            #expect(try Self.balances(balances(copy)).byID == Self.balances(balances(demo)).byID)
            #expect(try runner.run(["pairing", "list", "--db", copy]).stdout == runner.run(["pairing", "list", "--db", demo]).stdout)
            // The same file again changes nothing.
            let again = try runner.run(["import", file, "--db", copy])
            #expect(again.stdout.contains("ledger: 7 unchanged") && again.stdout.contains("pairings: 1 unchanged"), "\(again.stdout)")
        }
    }

    @Test func anEntryNamingAnUnknownAccountIsReportedNotDropped() async throws {
        let runner = self.runner
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-badledger-\(UUID().uuidString.prefix(8))").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let file = folder + "/c.json", db = folder + "/c.sqlite"
            let json = #"""
                {"members": [{"id": "m-a"}, {"id": "m-b"}],
                 "accounts": [{"id": "pot", "kind": "pot", "name": "Good will pot"}],
                 "ledger": [{"kind": "donation", "from": ["m-a"], "to": ["pot"], "hours": 2},
                            {"kind": "donation", "from": ["m-a"], "to": ["pott"], "hours": 1}],
                 "pairings": [{"person": "m-b", "helper": "m-a", "kind": "shopping", "start": "2026-10-01", "review": "2027-10-01"},
                              {"person": "m-b", "helper": "m-zz", "kind": "lifts"}]}
                """#
            try Data(json.utf8).write(to: URL(fileURLWithPath: file))
            let imported = try runner.run(["import", file, "--db", db])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stderr.contains("ledger[1].to[0]: ") && imported.stderr.contains("'pott'"), "\(imported.stderr)")
            #expect(imported.stderr.contains("pairings[1].helper: unknown member id 'm-zz'"), "\(imported.stderr)")
            #expect(imported.stdout.contains("ledger: 1 added") && imported.stdout.contains("pairings: 1 added"), "\(imported.stdout)")
            let balances = try Self.balances(try runner.run(["credits", "balances", "--db", db, "--json"]).stdout)
            #expect(balances.byID["pot"] == 2 && balances.byID["m-a"] == -2 && balances.total == 0)

            // More of the ledger added to what is stored: a new account, a new entry.
            let more = folder + "/more.json"
            let next = #"""
                {"accounts": [{"id": "tb", "kind": "timebank", "name": "The time bank"}],
                 "ledger": [{"kind": "donation", "from": ["m-b"], "to": ["pot"], "hours": 1}]}
                """#
            try Data(next.utf8).write(to: URL(fileURLWithPath: more))
            let added = try runner.run(["import", more, "--db", db])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("accounts: 1 added") && added.stdout.contains("ledger: 1 added"), "\(added.stdout)")
            let after = try Self.balances(try runner.run(["credits", "balances", "--db", db, "--json"]).stdout)
            #expect(after.byID["pot"] == 3 && after.byID["m-b"] == -1 && after.total == 0)
            let accounts = try runner.run(["credits", "account", "list", "--db", db]).stdout
            #expect(accounts.contains("pot  pot  Good will pot") && accounts.contains("tb  timebank  The time bank"), "\(accounts)")
        }
    }
}
