import Foundation
import StitchGenerator
import StitchPlanning
import StitchTestSupport
import Testing

/// `stitch plan FILE`, run as a person would.
@Suite("The stitch plan command")
struct PlanCommandTests {
    let runner = CommandRunner()

    static let castFile: String = {
        try! CommandRunner.temporaryFile(try! JSONEncoder().encode(ScenarioCast.community))
    }()

    static func requestFile(_ json: String) throws -> String {
        try CommandRunner.temporaryFile(Data(json.utf8), name: "plan.json")
    }

    static let example = """
        {"referrals": [{"id": "r-1", "person": "m-maud", "referrer": "gp-downham"},
                       {"id": "r-2", "person": "m-kathy", "referrer": "gp-honor-oak"},
                       {"id": "r-3", "person": {"id": "p-17", "location": {"lat": 51.44, "lon": -0.02}, "housebound": true}}],
         "maxPerPerson": 1}
        """

    @Test func printsPlacementsReasonsTotalsAndPractices() throws {
        let r = try runner.run(["plan", try Self.requestFile(Self.example), "--community", Self.castFile])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Plan: 2 placements for 3 referrals"))
        #expect(r.stdout.contains("Greedy, one at a time: 2 placed"))
        #expect(r.stdout.contains("a-knit-natter (Knit and Natter)"))
        #expect(r.stdout.contains("m-ada (Ada)"))
        #expect(r.stdout.contains("Not placed (1)"))
        #expect(
            r.stdout.contains("r-3           p-17\n    no feasible activity: Every activity excluded: distance"), "\(r.stdout)")
        #expect(r.stdout.contains("Practices"))
        #expect(r.stdout.contains("gp-downham") && r.stdout.contains("(no referrer)"))
    }

    @Test func jsonIsThePlanResult() throws {
        let r = try runner.run(["plan", try Self.requestFile(Self.example), "--community", Self.castFile, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let plan = try JSONDecoder().decode(PlanResult.self, from: Data(r.stdout.utf8))
        #expect(plan.assignments.map(\.referral) == ["r-1", "r-2"])
        #expect(plan.unassigned.map(\.reason) == [.noFeasibleActivity])
        let raw = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let assignments = try #require(raw["assignments"] as? [[String: Any]])
        #expect(assignments.allSatisfy { $0.keys.contains("buddy") }, "buddy is written, null when none")
        for key in ["totalScore", "greedyTotalScore", "greedyPlaced", "unassigned", "practices"] {
            #expect(raw[key] != nil)
        }
    }

    @Test func theBundledDemoWithDemo() throws {
        let referrals = ScenarioSeven.practices.enumerated().map { i, practice in
            #"{"id": "r-\#(i)", "person": "\#(["m-leon", "m-ruth", "g-m-0005"][i])", "referrer": "\#(practice)"}"#
        }
        let r = try runner.run([
            "plan", try Self.requestFile(#"{"referrals": [\#(referrals.joined(separator: ","))]}"#), "--demo",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        for practice in ScenarioSeven.practices { #expect(r.stdout.contains(practice)) }
        #expect(r.stdout.contains("Everyone was placed."))
    }

    @Test func badRequestsNameTheField() throws {
        let unknown = #"{"referrals": [{"id": "r-1", "person": "m-maud"}, {"id": "r-2", "person": "m-nobody"}]}"#
        let r1 = try runner.run(["plan", try Self.requestFile(unknown), "--community", Self.castFile])
        #expect(r1.status != 0)
        #expect(r1.stderr.contains("referrals[1].person: unknown member id 'm-nobody'"))

        let r2 = try runner.run([
            "plan", try Self.requestFile(#"{"referrals": [], "maxPerPerson": "one"}"#), "--community", Self.castFile,
        ])
        #expect(r2.status != 0)
        #expect(r2.stderr.contains("maxPerPerson: expected a whole number"))

        let r3 = try runner.run([
            "plan", try Self.requestFile(#"{"referrals": [{"id": "r-1", "person": "m-maud"}], "topK": 0}"#), "--demo",
        ])
        #expect(r3.stderr.contains("topK: must be between 1 and 1000"))

        let r4 = try runner.run(["plan", try Self.requestFile(#"{"referrals": []}"#), "--community", Self.castFile])
        #expect(r4.stderr.contains("referrals: must not be empty"))

        let r5 = try runner.run(["plan", "/nonexistent/plan.json"])
        #expect(r5.status != 0 && r5.stderr.contains("cannot read /nonexistent/plan.json"))
    }

    @Test func helpExplainsTheRequest() throws {
        let r = try runner.run(["plan", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("maxPerPerson") && r.stdout.contains("Examples"))
        #expect(try runner.run(["--help"]).stdout.contains("plan"))
    }
}
