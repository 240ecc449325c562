import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Winifred's hospital appointment on Tue 15 Dec 2026 (data/examples/hospital-request.json), the
/// helper away over it, and the Christmas lunch, as a broker and a GP meet them on the command
/// line and over the daemon.
@Suite("Dated times and days away, on the command line and over the daemon")
struct DatedTimeCommandTests {
    let runner = CommandRunner()

    func ranking(_ arguments: [String]) throws -> Ranking {
        let r = try runner.run(arguments + ["--demo", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(Ranking.self, from: Data(r.stdout.utf8))
    }

    @Test func theHospitalRequestLeavesOutTheHelperAwayThatDay() throws {
        let request = try String(contentsOf: Fixtures.dataURL("examples/hospital-request.json"), encoding: .utf8)
        let helpers = try ranking(["who-can-help", "--request", request])
        let ids = helpers.matches.map(\.id)
        #expect(!ids.contains("m-desmond"), "\(ids)")
        #expect(helpers.excluded[.availability] > 0)
        let june = try #require(helpers.matches.first { $0.id == "m-june" }, "\(ids)")
        #expect(june.reasons.contains("Free on Tue 15 Dec, 10:00–12:00"), "\(june.reasons)")

        // The same day from the options, and a weekly Tuesday: Desmond is free then.
        let dated = try ranking([
            "who-can-help", "--requester", "m-winifred", "--skill", "accompany to hospital", "--when", "2026-12-15 10:00-12:00",
        ])
        #expect(dated.matches.map(\.id) == ids)
        let weekly = try ranking([
            "who-can-help", "--requester", "m-winifred", "--skill", "accompany to hospital", "--when", "tue 10:00-12:00",
        ])
        #expect(weekly.matches.contains { $0.id == "m-desmond" }, "\(weekly.matches.map(\.id))")

        // explain names the days away.
        let r = try runner.run([
            "explain", "--demo", "--subject", "m-winifred", "--candidate", "m-desmond", "--skill", "accompanying", "--when",
            "2026-12-15T10:00/2026-12-15T12:00",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Away 12 Dec – 20 Dec"), "\(r.stdout)")

        let bad = try runner.run([
            "who-can-help", "--demo", "--requester", "m-winifred", "--skill", "lifts", "--request",
            #"{"requester":"m-winifred","skill":"lifts","when":["2026-12-15T22:00/2026-12-16T01:00"]}"#,
        ])
        #expect(bad.status != 0 && bad.stderr.contains("when[0]") && bad.stderr.contains("same day"), "\(bad.stderr)")
    }

    @Test func theChristmasLunchIsOfferedAndThePastSupperIsNot() throws {
        let referral = try ranking(["refer", "--person", "m-winifred", "--no-buddy", "--limit", "20"])
        let lunch = try #require(referral.matches.first { $0.id == "a-christmas-lunch" }, "\(referral.matches.map(\.id))")
        #expect(lunch.reasons.contains("Free for the Sat 19 Dec, 12:00–14:00 session"), "\(lunch.reasons)")
        #expect(!referral.matches.contains { $0.id == "a-harvest-supper" })
        // Desmond is away over the lunch.
        let desmond = try ranking(["refer", "--person", "m-desmond", "--no-buddy", "--limit", "50"])
        #expect(!desmond.matches.contains { $0.id == "a-christmas-lunch" })
    }

    @Test func theDaemonReadsBothFormsAndDaysAway() throws {
        let lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"match.helpers","params":{"request":{"requester":"m-winifred","skill":"accompanying","when":["2026-12-15T10:00/2026-12-15T12:00"]}}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"member.upsert","params":{"member":{"id":"m-june","offers":["accompanying"],"availability":[{"day":"tue","start":"09:00","end":"13:00"}],"location":{"lat":51.4542,"lon":-0.0209},"away":[{"from":"2026-12-14","to":"2026-12-16"}]}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"match.helpers","params":{"request":{"requester":"m-winifred","skill":"accompanying","when":[{"date":"2026-12-15","start":"10:00","end":"12:00"}]}}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"member.upsert","params":{"member":{"id":"m-x","away":[{"from":"2026-12-16","to":"2026-12-14"}]}}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"match.explain","params":{"subject":"m-winifred","candidate":"m-june","skill":"accompanying","when":[{"date":"2026-12-15","start":"10:00","end":"12:00"}]}}"#,
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-dates-\(UUID().uuidString)")
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
        func ids(_ id: Int) -> [String] { ((result(id)?["matches"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } }
        #expect(ids(1).contains("m-june") && !ids(1).contains("m-desmond"), "\(r.stdout)")
        #expect(!ids(3).contains("m-june"), "\(r.stdout)")
        let refused = (answers.first { $0["id"] as? Int == 4 }?["error"] as? [String: Any])?["data"] as? [String: Any]
        #expect(refused?["field"] as? String == "params.member.away[0].to", "\(String(describing: refused))")
        let explained = try #require(result(5))
        let checks = (explained["constraints"] as? [[String: Any]]) ?? []
        #expect(checks.contains { $0["detail"] as? String == "Away 14 Dec – 16 Dec" }, "\(explained)")
    }
}
