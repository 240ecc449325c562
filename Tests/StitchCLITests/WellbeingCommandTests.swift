import Foundation
import StitchTestSupport
import Testing

/// Wellbeing on a referral and weights learnt from referrals, as a link worker and a connector
/// run them: over the daemon's JSON-RPC (restarted between steps, so each step proves the last
/// was stored) and with `stitch referral wellbeing` and `stitch weights`.
@Suite("Wellbeing before and after, the message back, and learning from referrals, end to end")
struct WellbeingCommandTests {
    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-wellbeing-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `stitch serve --stdio` on `db` with these request lines, and answers each response by id.
    static func daemon(_ db: String, _ lines: [String]) throws -> [Int: [String: Any]] {
        let run = try CommandRunner().run(["serve", "--stdio", "--db", db], input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(run.status == 0, "\(run.stderr)")
        var answers: [Int: [String: Any]] = [:]
        for line in run.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            answers[try #require(object["id"] as? Int)] = object
        }
        return answers
    }

    @Test func aReferralFollowedToCompletionWritesBackItsWellbeingChangeOverTheDaemon() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/w.sqlite"
        #expect(try CommandRunner().run(["demo", "--db", db]).status == 0)

        let made = try Self.daemon(db, [
            #"{"jsonrpc":"2.0","id":1,"method":"referral.create","params":{"referral":{"id":"r-1","person":"m-maud","date":"2026-11-02","interests":["knitting"]},"limit":3}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"referral.wellbeing","params":{"id":"r-1","when":"before","scores":{"date":"2026-11-03","swemwbs":[2,2,3,2,3,2,3],"ons4":{"satisfied":4,"worthwhile":5,"happy":4,"anxious":7}}}}"#,
        ])
        let record = try #require(made[1]?["result"] as? [String: Any])
        let activity = try #require((record["offered"] as? [[String: Any]])?.first?["activity"] as? String)
        #expect((made[2]?["result"] as? [String: Any])?["change"] == nil)

        let followed = try Self.daemon(db, [
            #"{"jsonrpc":"2.0","id":1,"method":"referral.update-status","params":{"id":"r-1","status":"contacted","date":"2026-11-03"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"referral.update-status","params":{"id":"r-1","status":"offered","date":"2026-11-05"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"referral.update-status","params":{"id":"r-1","status":"attending","date":"2026-11-12","activity":"\#(activity)"}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"referral.update-status","params":{"id":"r-1","status":"completed","date":"2026-12-20"}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"referral.wellbeing","params":{"id":"r-1","when":"after","scores":{"date":"2026-12-20","swemwbs":[3,3,4,3,3,3,9]}}}"#,
            #"{"jsonrpc":"2.0","id":6,"method":"referral.wellbeing","params":{"id":"r-1","when":"after","scores":{"date":"2026-12-20","swemwbs":[3,3,4,3,3,3,4],"ons4":{"satisfied":6,"worthwhile":5,"happy":6,"anxious":4}}}}"#,
        ])
        for id in 1...4 { #expect(followed[id]?["result"] != nil, "\(followed[id] ?? [:])") }
        let bad = followed[5]?["error"] as? [String: Any]
        #expect(bad?["code"] as? Int == -32602)
        #expect((bad?["data"] as? [String: Any])?["field"] as? String == "params.scores.swemwbs[6]")
        let outcome = try #require(followed[6]?["result"] as? [String: Any])
        #expect(outcome["activity"] as? String == activity)
        #expect(((outcome["change"] as? [String: Any])?["swemwbs"] as? [String: Any])?["verdict"] as? String == "improved")

        // A new daemon on the same database: the measurements were stored.
        let after = try Self.daemon(db, [
            #"{"jsonrpc":"2.0","id":1,"method":"referral.get","params":{"id":"r-1"}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"referral.message","params":{"id":"r-1"}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"referral.report","params":{}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"weights.learn","params":{"target":"uptake"}}"#,
        ])
        let kept = try #require(after[1]?["result"] as? [String: Any])
        let wellbeing = try #require(kept["wellbeing"] as? [[String: Any]])
        #expect(wellbeing.count == 1)
        #expect(((wellbeing[0]["change"] as? [String: Any])?["swemwbs"] as? [String: Any])?["change"] as? Double == 3.85)
        let message = try #require(after[2]?["result"] as? [String: Any])
        let text = try #require(message["text"] as? String)
        #expect(text.contains("SWEMWBS 16.88 → 20.73 metric points, +3.85, improved (the minimal important difference is 3)"), "\(text)")
        #expect(text.contains("anxious 7 → 4 (+3, improved)"), "\(text)")
        #expect(((message["record"] as? [String: Any])?["wellbeing"] as? [Any])?.count == 1)
        let report = try #require(after[3]?["result"] as? [String: Any])
        let byActivity = try #require((report["wellbeing"] as? [String: Any])?["byActivity"] as? [[String: Any]])
        #expect(byActivity.map { $0["activity"] as? String } == [activity])
        let refusal = try #require(after[4]?["error"] as? [String: Any])
        #expect(refusal["code"] as? Int == -32602)
        let reason = try #require((refusal["data"] as? [String: Any])?["reason"] as? String)
        #expect(reason.contains("needs at least 60 outcomes"), "\(reason)")
    }

    @Test func theCommandLineRecordsWellbeingAndLearnsNothingFromTooLittle() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/w.sqlite"
        let runner = CommandRunner()
        #expect(try runner.run(["demo", "--db", db]).status == 0)
        #expect(try runner.run(["referral", "create", "--db", db, "--person", "m-maud", "--date", "2026-11-02"]).status == 0)

        let before = try runner.run(["referral", "wellbeing", "--db", db, "r-1", "--when", "before", "--swemwbs", "2,2,3,2,3,2,3", "--date", "2026-11-03"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("measured on 3 Nov 2026 (SWEMWBS 16.88 metric points); to be measured again at follow-up."), "\(before.stdout)")
        let bad = try runner.run(["referral", "wellbeing", "--db", db, "r-1", "--when", "after", "--ons4", "6,7,5"])
        #expect(bad.status != 0 && bad.stderr.contains("--ons4 takes four answers"), "\(bad.stderr)")
        let out = try runner.run(["referral", "wellbeing", "--db", db, "r-1", "--when", "after", "--swemwbs", "3,3,4,3,3,3,9", "--date", "2026-12-20"])
        #expect(out.status != 0 && out.stderr.contains("scores.swemwbs[6]"), "\(out.stderr)")
        let after = try runner.run(["referral", "wellbeing", "--db", db, "r-1", "--when", "after", "--swemwbs", "3,3,4,3,3,3,4", "--date", "2026-12-20"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("SWEMWBS 16.88 → 20.73 metric points, +3.85, improved"), "\(after.stdout)")

        let message = try runner.run(["referral", "message", "--db", db, "r-1"])
        #expect(message.stdout.contains("+3.85, improved"), "\(message.stdout)")
        let csv = try runner.run(["referral", "report", "--db", db, "--csv"])
        #expect(csv.stdout.contains("wellbeing,all.swemwbs.meanChange,3.85"), "\(csv.stdout)")

        let learn = try runner.run(["weights", "learn", "--db", db, "--target", "wellbeing"])
        #expect(learn.status != 0)
        #expect(learn.stderr.contains("needs at least 60 outcomes"), "\(learn.stderr)")
        let fits = try runner.run(["weights", "fits", "--db", db])
        #expect(fits.status == 0 && fits.stdout.contains("No fits are stored"), "\(fits.stdout)\(fits.stderr)")
        let apply = try runner.run(["weights", "apply", "--db", db, "lw1-0000000000000000"])
        #expect(apply.status != 0 && apply.stderr.contains("no fit is stored yet"), "\(apply.stderr)")
    }
}
