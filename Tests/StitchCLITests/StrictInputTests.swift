import Foundation
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

/// Input the `stitch` command used to take without a word (a misspelt key dropped, a trailing
/// comma let through, a taxonomy read as an empty community) is refused, each refusal saying
/// where, why and what was probably meant.
@Suite("The stitch command refuses what it cannot read, and says what was meant")
struct StrictInputTests {
    let runner = CommandRunner()

    static let castFile: String = {
        try! CommandRunner.temporaryFile(try! JSONEncoder().encode(ScenarioCast.community))
    }()

    static func file(_ text: String, name: String = "community.json") throws -> String {
        try CommandRunner.temporaryFile(Data(text.utf8), name: name)
    }

    // MARK: Unknown keys

    @Test func aMisspeltKeyInACommunityFileIsNamedWithTheKeyMeant() throws {
        let text = #"{"members":[{"id":"m-1","offer":["gardening"]},{"id":"m-2","needs":["gardening"]}]}"#
        let r = try runner.run(["give", "m-1", "--community", try Self.file(text)])
        #expect(r.status != 0, "the member's offers would be silently dropped")
        #expect(r.stderr.contains("members[0].offer: unknown field 'offer'; did you mean 'offers'?"), "\(r.stderr)")

        let availability = #"{"members":[{"id":"m-1","availabilty":[{"day":"tue","start":"10:00","end":"12:00"}]}]}"#
        let r2 = try runner.run(["give", "m-1", "--community", try Self.file(availability)])
        #expect(r2.stderr.contains("members[0].availabilty: unknown field 'availabilty'; did you mean 'availability'?"), "\(r2.stderr)")

        let top = #"{"member":[{"id":"m-1"}]}"#
        let r3 = try runner.run(["give", "m-1", "--community", try Self.file(top)])
        #expect(r3.stderr.contains("member: unknown field 'member'; did you mean 'members'?"), "\(r3.stderr)")
    }

    @Test func aKeyNearNothingIsRefusedWithTheKeysARecordHas() throws {
        let text = #"{"activities":[{"id":"a-1","name":"Walk","xyzzy":true}]}"#
        let r = try runner.run(["give", "m-1", "--community", try Self.file(text)])
        #expect(r.status != 0)
        #expect(r.stderr.contains("activities[0].xyzzy: unknown field 'xyzzy'; expected one of id, name, organisation"), "\(r.stderr)")
    }

    @Test func misspeltKeysInRequestsAndReferralsOnTheCommandLineAreRefused() throws {
        let r = try runner.run([
            "who-can-help", "--community", Self.castFile, "--request", #"{"requester":"m-arthur","skil":"shopping"}"#,
        ])
        #expect(r.status != 0)
        #expect(r.stderr.contains("request.skil: unknown field 'skil'; did you mean 'skill'?"), "\(r.stderr)")

        let r2 = try runner.run([
            "refer", "--community", Self.castFile, "--referral", #"{"person":"m-maud","goal":{"connect":1}}"#,
        ])
        #expect(r2.status != 0, "the goals would be silently dropped")
        #expect(r2.stderr.contains("referral.goal: unknown field 'goal'; did you mean 'goals'?"), "\(r2.stderr)")
    }

    @Test func aPlanFileWithAMisspeltKeyIsRefused() throws {
        let plan = try Self.file(#"{"referrals":[{"id":"r-1","person":"m-maud"}],"maxPerPersn":2}"#, name: "plan.json")
        let r = try runner.run(["plan", plan, "--community", Self.castFile])
        #expect(r.status != 0)
        #expect(r.stderr.contains("maxPerPersn: unknown field 'maxPerPersn'; did you mean 'maxPerPerson'?"), "\(r.stderr)")
    }

    // MARK: JSON that is not JSON

    @Test func jsonThatIsNotStrictlyValidIsRefusedWithLineAndColumn() throws {
        let cases: [(text: String, says: String)] = [
            ("{\"members\":[\n  {\"id\":\"m-1\"},\n  {\"id\":\"m-2\"},\n]}\n", ":3:15: not valid JSON: a trailing comma before ']': remove the comma"),
            ("\u{FEFF}{\"members\":[]}", ":1:1: not valid JSON: a byte-order mark (U+FEFF) at the start"),
            ("{\"members\":[] // the people\n}", ":1:15: not valid JSON: a comment: JSON has no comments; remove it"),
            ("{\"members\":[{\"id\":\"m-1\"}", "not valid JSON: the input ends inside an array (opened at line 1, column 12): is it cut short?"),
            ("{'members':[]}", ":1:2: not valid JSON: a name in single quotes"),
            ("{\"members\":[{\"id\":\"m-1\",\"travelKm\":NaN}]}", "not valid JSON: 'NaN' is not a JSON value"),
        ]
        for (text, says) in cases {
            let path = try Self.file(text)
            let r = try runner.run(["give", "m-1", "--community", path])
            #expect(r.status != 0, "\(text)")
            #expect(r.stderr.contains(path + says) || r.stderr.contains(says), "\(text): \(r.stderr)")
        }
        // A trailing comma in a plan file and in --request alike.
        let plan = try Self.file("{\"referrals\":[{\"id\":\"r-1\",\"person\":\"m-maud\"},]}", name: "plan.json")
        let r = try runner.run(["plan", plan, "--community", Self.castFile])
        #expect(r.stderr.contains("\(plan):1:45: not valid JSON: a trailing comma before ']'"), "\(r.stderr)")
        let r2 = try runner.run(["who-can-help", "--community", Self.castFile, "--request", #"{"requester":"m-arthur","skill":"x",}"#])
        #expect(r2.stderr.contains("--request:1:36: not valid JSON: a trailing comma before '}'"), "\(r2.stderr)")
    }

    @Test func aFileThatIsNotACommunityIsRefusedAsSuch() throws {
        let r = try runner.run(["give", "m-bee", "--community", "data/taxonomy.json"])
        #expect(r.status != 0, "the taxonomy would be read as an empty community")
        #expect(r.stderr.contains("data/taxonomy.json: not a community: this is a skills taxonomy"), "\(r.stderr)")
        #expect(r.stderr.contains("given with --taxonomy"))
        #expect(r.stderr.contains("members, activities, exchanges, attendance"))

        for text in [#"{"rows":[1,2]}"#, "[]", "{}"] {
            let r = try runner.run(["give", "m-bee", "--community", try Self.file(text)])
            #expect(r.status != 0, "\(text)")
            #expect(r.stderr.contains("not a community: a community is a JSON object with the keys members"), "\(text): \(r.stderr)")
        }
    }

    // MARK: Did you mean

    @Test func unknownIdsAreAnsweredWithTheNearestKnownOne() throws {
        let r = try runner.run(["who-can-help", "--community", Self.castFile, "--requester", "m-artur", "--skill", "shopping"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("request.requester: unknown member id 'm-artur'; did you mean 'm-arthur'?"), "\(r.stderr)")

        let give = try runner.run(["give", "m-be", "--community", Self.castFile])
        #expect(give.stderr.contains("member: unknown member id 'm-be'; did you mean 'm-bee'?"), "\(give.stderr)")

        let far = try runner.run(["give", "m-nobody-at-all", "--community", Self.castFile])
        #expect(far.stderr.contains("member: unknown member id 'm-nobody-at-all'"))
        #expect(!far.stderr.contains("did you mean"), "nothing is near: no guess")
    }

    @Test func anUnknownActivityIsReportedAsAnActivity() throws {
        let r = try runner.run(["explain", "--community", Self.castFile, "--subject", "m-kathy", "--candidate", "a-nowhere"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("candidate: unknown activity id 'a-nowhere'"), "\(r.stderr)")
        let near = try runner.run(["explain", "--community", Self.castFile, "--subject", "m-kathy", "--candidate", "a-art-upstair"])
        #expect(near.stderr.contains("candidate: unknown activity id 'a-art-upstair'; did you mean 'a-art-upstairs'?"), "\(near.stderr)")
        let member = try runner.run(["explain", "--community", Self.castFile, "--subject", "m-kathy", "--candidate", "m-jun"])
        #expect(member.stderr.contains("candidate: unknown member id 'm-jun'; did you mean 'm-june'?"), "\(member.stderr)")
    }

    @Test func unknownIdsInACommunityFileAreAnsweredWithTheNearestKnownOne() throws {
        let text = #"""
            {"members":[{"id":"m-arthur"},{"id":"m-vera","avoid":["m-artur"]}],
             "activities":[{"id":"a-knit-natter","name":"Knit and natter"}],
             "attendance":[{"member":"m-vera","activity":"a-knit-nater"}]}
            """#
        let r = try runner.run(["give", "m-vera", "--community", try Self.file(text)])
        #expect(r.status != 0)
        #expect(r.stderr.contains("members[1].avoid[0]: unknown member id 'm-artur'; did you mean 'm-arthur'?"), "\(r.stderr)")
        #expect(r.stderr.contains("attendance[0].activity: unknown activity id 'a-knit-nater'; did you mean 'a-knit-natter'?"))
    }

    @Test func anUnknownAccessTermOrDayIsAnsweredWithTheNearestOne() throws {
        let text = #"{"members":[{"id":"m-1","accessNeeds":["step free"]}]}"#
        let r = try runner.run(["give", "m-1", "--community", try Self.file(text)])
        #expect(r.status != 0)
        #expect(r.stderr.contains("members[0].accessNeeds[0]: unknown access term 'step free'; expected one of step-free"), "\(r.stderr)")
        #expect(r.stderr.contains("did you mean 'step-free'?"))
    }

    @Test func aMisspeltCommandIsAnsweredWithTheNearestOne() throws {
        let r = try runner.run(["giv", "m-bee"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown command 'giv'; did you mean 'give'?"), "\(r.stderr)")
        let nested = try runner.run(["admin", "quarantin"])
        #expect(nested.stderr.contains("unknown stitch admin command 'quarantin'; did you mean 'quarantine'?"), "\(nested.stderr)")
        let far = try runner.run(["frobnicate"])
        #expect(far.stderr.contains("unknown command 'frobnicate'; expected one of who-can-help, give, refer"), "\(far.stderr)")
        // Options and help are still the parser's.
        #expect(try runner.run(["help", "give"]).stdout.contains("OVERVIEW"))
    }

    // MARK: Values on the command line

    @Test func goalsAreRefusedWithTheReasonAndTheFormAccepted() throws {
        let unknown = try runner.run(["refer", "--community", Self.castFile, "--person", "m-maud", "--goals", "conect=1"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown wellbeing way 'conect'"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("did you mean 'connect'?"))
        #expect(unknown.stderr.contains("expected one of connect, beActive, keepLearning, takeNotice, give"))

        let range = try runner.run(["refer", "--community", Self.castFile, "--person", "m-maud", "--goals", "connect=2"])
        #expect(range.status != 0)
        #expect(range.stderr.contains("the goal for connect, 2, is out of range: a goal is from 0 to 1"), "\(range.stderr)")

        let number = try runner.run(["refer", "--community", Self.castFile, "--person", "m-maud", "--goals", "connect=lots"])
        #expect(number.stderr.contains("the goal for connect, 'lots', is not a number"), "\(number.stderr)")

        let fine = try runner.run(["refer", "--community", Self.castFile, "--person", "m-maud", "--goals", "connect=1,takeNotice"])
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test func aPlaceIsRefusedWithThePartThatIsNotANumber() throws {
        let r = try runner.run(["who-can-help", "--community", Self.castFile, "--skill", "shopping", "--at", "51.4,abc"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("the longitude, 'abc', is not a number; give --at LAT,LON"), "\(r.stderr)")
        let one = try runner.run(["who-can-help", "--community", Self.castFile, "--skill", "shopping", "--at", "51.4"])
        #expect(one.stderr.contains("expected two numbers, a latitude and a longitude"), "\(one.stderr)")
        let range = try runner.run(["who-can-help", "--community", Self.castFile, "--skill", "shopping", "--at", "95,0"])
        #expect(range.stderr.contains("the latitude 95 is outside -90 to 90"), "\(range.stderr)")
        let fine = try runner.run(["who-can-help", "--community", Self.castFile, "--skill", "shopping", "--at", "51.4452, -0.0209"])
        #expect(fine.status == 0, "\(fine.stderr)")
    }
}
