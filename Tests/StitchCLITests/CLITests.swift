import Foundation
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

@Suite("The stitch command, run as a person would")
struct CLITests {
    let runner = CommandRunner()

    static let castFile: String = {
        try! CommandRunner.temporaryFile(try! JSONEncoder().encode(ScenarioCast.community))
    }()

    @Test func helpListsEveryCommandWithExamples() throws {
        let r = try runner.run(["--help"])
        #expect(r.status == 0)
        for command in ["who-can-help", "give", "refer", "explain", "generate"] { #expect(r.stdout.contains(command)) }
        #expect(r.stdout.contains("Examples"))
        let sub = try runner.run(["who-can-help", "--help"])
        #expect(sub.stdout.contains("--when") && sub.stdout.contains("--requester"))
    }

    @Test func whoCanHelpPrintsATableWithReasons() throws {
        let r = try runner.run([
            "who-can-help", "--community", Self.castFile, "--requester", "m-arthur", "--skill", "accompany to hospital",
            "--when", "tue 10:00-12:00",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("m-june"))
        #expect(r.stdout.contains("Offers accompanying"))
        #expect(r.stdout.contains("Free Tue 10:00-12:00 as asked"))
        #expect(r.stdout.contains("safeguarding 1"))
        #expect(!r.stdout.contains("m-sam"), "a safeguarding exclusion is never shown")
    }

    @Test func jsonOutputIsTheProtocolRanking() throws {
        let r = try runner.run([
            "refer", "--community", Self.castFile, "--person", "m-maud", "--json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let ranking = try JSONDecoder().decode(Ranking.self, from: Data(r.stdout.utf8))
        #expect(ranking.matches.first?.id == "a-knit-natter")
        #expect(ranking.matches.first?.buddy?.id == "m-ada")
        let raw = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let excluded = try #require(raw["excluded"] as? [String: Int])
        #expect(Set(excluded.keys).isSuperset(of: ["safeguarding", "dbs", "access", "distance", "availability", "capacity"]))
    }

    @Test func explainShowsTheFailingConstraint() throws {
        let r = try runner.run(["explain", "--community", Self.castFile, "--subject", "m-kathy", "--candidate", "a-art-upstairs"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("EXCLUDED"))
        #expect(r.stdout.contains("FAIL access"))
    }

    @Test func invalidCommunityNamesTheField() throws {
        let bad = #"{"members":[{"id":"m-1","availability":[{"day":"wod","start":"10:00","end":"11:00"}]}]}"#
        let file = try CommandRunner.temporaryFile(Data(bad.utf8))
        let r = try runner.run(["give", "m-1", "--community", file])
        #expect(r.status != 0)
        #expect(r.stderr.contains("members[0].availability[0].day"))
        #expect(r.stderr.contains("unknown day 'wod'"))

        let notJSON = try CommandRunner.temporaryFile(Data("{not json".utf8))
        let r2 = try runner.run(["give", "m-1", "--community", notJSON])
        #expect(r2.status != 0)
        #expect(r2.stderr.contains("not valid JSON"))

        let dup = #"{"members":[{"id":"m-1"},{"id":"m-1"}]}"#
        let r3 = try runner.run(["give", "m-1", "--community", try CommandRunner.temporaryFile(Data(dup.utf8))])
        #expect(r3.stderr.contains("members[1].id: duplicate member id 'm-1'"))
    }

    @Test func badQueriesGetClearErrors() throws {
        let r = try runner.run(["who-can-help", "--community", Self.castFile, "--requester", "m-nobody", "--skill", "shopping"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("request.requester: unknown member id 'm-nobody'"))
        let r2 = try runner.run(["who-can-help", "--community", Self.castFile, "--requester", "m-arthur", "--skill", "x", "--when", "someday"])
        #expect(r2.status != 0)
        #expect(r2.stderr.contains("--when"))
        let r3 = try runner.run(["who-can-help", "--community", Self.castFile, "--request", #"{"skill":"shopping","when":[{"day":"tue","start":"12:00","end":"10:00"}],"requester":"m-arthur"}"#])
        #expect(r3.stderr.contains("request.when[0].end"))
        let r4 = try runner.run(["give", "m-bee", "--community", Self.castFile, "--limit", "0"])
        #expect(r4.stderr.contains("limit: must be between 1 and 1000"))
    }

    @Test func generateIsDeterministic() throws {
        let a = try runner.run(["generate", "--members", "120", "--activities", "15", "--seed", "5"])
        let b = try runner.run(["generate", "--members", "120", "--activities", "15", "--seed", "5"])
        let c = try runner.run(["generate", "--members", "120", "--activities", "15", "--seed", "6"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        let community = try JSONDecoder().decode(Community.self, from: Data(a.stdout.utf8))
        #expect(community.members.count == 120)
        #expect(community.activities.count == 15)
        #expect(community.validationErrors().isEmpty)
        let bad = try runner.run(["generate", "--members", "0"])
        #expect(bad.status != 0)
    }
}
