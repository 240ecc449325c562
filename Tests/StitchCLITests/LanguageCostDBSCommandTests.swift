import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// The bundled community's Somali speakers, free-only person and expired DBS check, as a broker
/// and a GP meet them on the command line and over the daemon.
@Suite("Languages, cost and DBS checks, on the command line and over the daemon")
struct LanguageCostDBSCommandTests {
    let runner = CommandRunner()

    func ranking(_ arguments: [String]) throws -> Ranking {
        let r = try runner.run(arguments + ["--demo", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(Ranking.self, from: Data(r.stdout.utf8))
    }

    @Test func aBrokerFindsSomaliSpeakersWithADBSCheckInDate() throws {
        let helpers = try ranking(["who-can-help", "--requester", "m-hodan", "--skill", "shopping", "--dbs"])
        let ids = helpers.matches.map(\.id)
        #expect(ids.first == "m-abdi", "\(ids)")
        #expect(!ids.contains("m-gordon") && !ids.contains("m-ifrah"), "\(ids)")
        #expect(helpers.matches[0].reasons.contains("Speaks Somali"))
        #expect(helpers.matches[0].reasons.contains("Enhanced DBS checked"))
        #expect(helpers.excluded[.dbs] > 0 && helpers.excluded[.language] > 0)

        // A standard check kept current by the Update Service will do when standard is asked.
        let standard = try ranking(["who-can-help", "--requester", "m-hodan", "--skill", "shopping", "--dbs-level", "standard"])
        #expect(standard.matches.map(\.id).contains("m-ifrah"))

        // Gordon speaks only English: with an interpreter he is kept, until his check expired.
        let before = try ranking([
            "who-can-help", "--requester", "m-hodan", "--skill", "shopping", "--dbs", "--interpreter", "--date", "2025-05-15",
        ])
        let gordon = try #require(before.matches.first { $0.id == "m-gordon" })
        #expect(gordon.reasons.contains("No language in common: book an interpreter"))
        let after = try ranking(["who-can-help", "--requester", "m-hodan", "--skill", "shopping", "--dbs", "--interpreter"])
        #expect(!after.matches.contains { $0.id == "m-gordon" })

        let bad = try runner.run(["who-can-help", "--demo", "--requester", "m-hodan", "--skill", "shopping", "--dbs-level", "gold"])
        #expect(bad.status != 0 && bad.stderr.contains("unknown DBS level 'gold'"), "\(bad.stderr)")
    }

    @Test func aGPRefersAFreeOnlyPersonToFreeActivities() throws {
        let referral = try ranking(["refer", "--person", "m-precious", "--no-buddy"])
        #expect(referral.matches.first?.id == "a-park-yoga")
        #expect(referral.matches.first?.reasons.contains("Free") == true)
        #expect(!referral.matches.contains { $0.id == "a-bellingham-yoga" })
        #expect(referral.excluded[.cost] > 0)
        let raised = try ranking(["refer", "--person", "m-precious", "--no-buddy", "--max-cost", "10", "--limit", "20"])
        let paid = try #require(raised.matches.first { $0.id == "a-bellingham-yoga" })
        #expect(paid.reasons.contains("£6 a session"))

        let hodan = try ranking(["refer", "--person", "m-hodan", "--no-buddy"])
        #expect(hodan.matches.first?.id == "a-somali-coffee-morning")
        #expect(hodan.matches.first?.reasons.contains("Held in Somali") == true)
    }

    @Test func theExpiredCheckIsListedToRenew() throws {
        let r = try runner.run(["dbs", "expiring", "--demo"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("m-gordon  enhanced  expired on 2025-05-16"), "\(r.stdout)")
        #expect(!r.stdout.contains("Gordon"), "names are never listed")
    }

    @Test func theDaemonAnswersTheSameAndListsTheCheckInItsHealth() throws {
        let lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"match.helpers","params":{"request":{"requester":"m-hodan","skill":"shopping","requiresDBS":"enhanced"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"refer.activities","params":{"referral":{"person":"m-precious","maxCost":0},"withBuddy":false}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"member.upsert","params":{"member":{"id":"m-new","languages":["Somali"]}}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"member.upsert","params":{"member":{"id":"m-new","languages":["so"],"dbs":{"checked":"2020-01-01","level":"basic"}}}}"#,
            #"{"jsonrpc":"2.0","id":6,"method":"server.health"}"#,
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-lcd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try runner.run(
            ["serve", "--stdio", "--demo", "--db", folder.appendingPathComponent("demo.sqlite").path],
            input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let answers = r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        func result(_ id: Int) -> [String: Any]? { answers.first { $0["id"] as? Int == id }?["result"] as? [String: Any] }
        func expiring(_ id: Int) -> [String] { (result(id)?["dbsExpiring"] as? [[String: Any]])?.compactMap { $0["member"] as? String } ?? [] }
        #expect(expiring(1) == ["m-gordon"], "\(r.stdout)")
        #expect(((result(1)?["dbsExpiring"] as? [[String: Any]])?.first?["expires"] as? String) == "2025-05-16")
        let helpers = try #require(result(2))
        #expect((helpers["matches"] as? [[String: Any]])?.first?["id"] as? String == "m-abdi", "\(helpers)")
        #expect(((helpers["excluded"] as? [String: Int])?["dbs"] ?? 0) > 0)
        let referral = try #require(result(3))
        #expect(((referral["excluded"] as? [String: Int])?["cost"] ?? 0) > 0)
        #expect(!((referral["matches"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == "a-bellingham-yoga" })
        let refused = (answers.first { $0["id"] as? Int == 4 }?["error"] as? [String: Any])?["data"] as? [String: Any]
        #expect(refused?["field"] as? String == "params.member.languages[0]", "\(String(describing: refused))")
        #expect((refused?["reason"] as? String)?.contains("ISO 639-1") == true)
        // A check issued in 2020 expired in 2023: the new member joins the list at once.
        #expect(expiring(6) == ["m-new", "m-gordon"], "\(r.stdout)")
    }
}
