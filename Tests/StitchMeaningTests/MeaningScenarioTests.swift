import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchRPC
import StitchTestSupport
import Testing

/// People's own words reach the right people and activities on the bundled community, through
/// the application layer every interface calls, with the real text model.
@Suite(.serialized) struct MeaningScenarioTests {
    static func service() throws -> StitchService {
        try StitchService(community: try Fixtures.lewisham, taxonomy: try Fixtures.taxonomy, meaning: .on(try MeaningFixtures.meaning))
    }

    @Test func aBrokersWordsFindGardeners() async throws {
        let service = try Self.service()
        let ranking = try await service.whoCanHelp(.init(request: HelpRequest(requester: "m-arthur", skill: "help with my garden"), limit: 5))
        #expect(ranking.matches.count == 5)
        let first = try #require(ranking.matches.first)
        #expect(first.reasons.first?.contains("close in meaning to 'help with my garden'") == true, "\(first.reasons)")
        #expect(first.reasons.first?.contains("garden") == true)
        #expect(ranking.notes.isEmpty, "\(ranking.notes)")
    }

    @Test func offersWrittenAsSentencesAreFound() async throws {
        let service = try Self.service()
        let arthur = try #require((try Fixtures.lewisham).members.first { $0.id == "m-arthur" })
        let newcomer = Member(
            id: "m-sentences", name: "Glenda", offers: ["Happy to help in your garden"], location: arthur.location,
            travelKm: 3)
        _ = try await service.upsert(member: newcomer)
        for words in ["gardening", "help with my garden"] {
            let match = try await service.explain(ExplainQuery(subject: .id("m-arthur"), candidate: "m-sentences", skill: words))
            print("\(words): skill \(match.factors.skill), \(match.reasons.first ?? "")")
            #expect(match.factors.skill >= 0.2, "a sentence offer reaches '\(words)'")
            #expect(match.reasons.first == "Offers 'happy to help in your garden', close in meaning to '\(words)'", "\(match.reasons)")
        }
        let ranking = try await service.whoCanHelp(.init(request: HelpRequest(requester: "m-arthur", skill: "help with my garden"), limit: 1000))
        #expect(ranking.matches.contains { $0.id == "m-sentences" }, "and a request in words ranks it")
    }

    @Test func aGPsReasonFindsTheMensShedAndSaysHowItWasRead() async throws {
        let service = try Self.service()
        let referral = Referral(person: .id("m-arthur"), reason: "lonely since his wife died, low mood, used to enjoy woodwork")
        let ranking = try await service.refer(.init(referral: referral, limit: 5))
        let first = try #require(ranking.matches.first)
        #expect(first.name?.contains("Men's Shed") == true, "\(ranking.matches.map(\.name))")
        #expect(first.reasons.first == "About 'woodwork', close in meaning to 'used to enjoy woodwork'")
        let reading = try #require(ranking.reading)
        let needs = Set(reading.needs.map(\.need))
        #expect(needs.contains(.lonelinessIsolation))
        #expect(needs.contains(.bereavement))
        #expect(needs.contains(.lowMoodAnxietyStress))
        #expect((reading.goals?.connect ?? 0) == 1, "loneliness reads as Connect")
        #expect(reading.interests.contains { $0.term == "woodwork" })
        // Goals given always win.
        let withGoals = Referral(person: .id("m-arthur"), goals: FiveWays(beActive: 1), reason: referral.reason)
        #expect(try await service.refer(.init(referral: withGoals, limit: 5)).reading?.goals == nil)
    }

    @Test func theReadingTravelsOverJSONRPC() async throws {
        let dispatcher = RPCDispatcher(service: try Self.service())
        let line = #"{"jsonrpc":"2.0","id":1,"method":"refer.activities","params":{"referral":{"person":"m-arthur","reason":"used to enjoy woodwork"},"limit":3}}"#
        let answer = String(decoding: try #require(await dispatcher.handle(line: Data(line.utf8))), as: UTF8.self)
        #expect(answer.contains(#""reading":{"#), "\(answer)")
        #expect(answer.contains("close in meaning to 'used to enjoy woodwork'"), "\(answer)")
    }

    @Test func withoutTheModelAnswersSayMeaningIsOff() async throws {
        let service = try StitchService(
            community: try Fixtures.lewisham, taxonomy: try Fixtures.taxonomy, meaning: .off(because: "the text model is not installed"))
        let ranking = try await service.whoCanHelp(.init(request: HelpRequest(requester: "m-arthur", skill: "gardenning"), limit: 5))
        #expect(ranking.matches.isEmpty)
        #expect(ranking.notes.contains { $0.hasSuffix("did you mean 'gardening'?") }, "\(ranking.notes)")
        #expect(ranking.notes.contains { $0.hasPrefix("Meaning-based matching is off") }, "\(ranking.notes)")
        let health = await service.health()
        #expect(health.meaning == "off")
        #expect(health.notes.first?.contains("not installed") == true)
        let referral = try await service.refer(.init(referral: Referral(person: .id("m-arthur"), reason: "used to enjoy woodwork"), limit: 3))
        #expect(referral.reading == nil)
    }

    @Test func theCommandLineTakesWordsAndAReason() throws {
        let on = ["STITCH_MEANING": "on"]
        let helpers = try CommandRunner().run(["who-can-help", "--demo", "--requester", "m-arthur", "--skill", "help with my garden", "-l", "3"], environment: on)
        #expect(helpers.status == 0, "\(helpers.stderr)")
        #expect(helpers.stdout.contains("close in meaning to 'help with my garden'"), "\(helpers.stdout)")
        let refer = try CommandRunner().run(
            ["refer", "--demo", "--person", "m-arthur", "--reason", "lonely since his wife died, low mood, used to enjoy woodwork", "-l", "3"],
            environment: on)
        #expect(refer.status == 0, "\(refer.stderr)")
        #expect(refer.stdout.contains("The reason reads as: "), "\(refer.stdout)")
        #expect(refer.stdout.contains("Men's Shed"))
        let missing = try CommandRunner().run(
            ["who-can-help", "--demo", "--requester", "m-arthur", "--skill", "help with my garden", "--model", "/nonexistent"], environment: on)
        #expect(missing.status == 0, "without the model it still answers: \(missing.stderr)")
        #expect(missing.stdout.contains("Meaning-based matching is off"), "\(missing.stdout)")
        #expect(missing.stdout.contains("make models"), "the note says what to run")
    }
}
