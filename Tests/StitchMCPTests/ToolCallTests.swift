import Foundation
import Logging
import MCP
import StitchApplication
import StitchEngine
import StitchMCP
import StitchModel
import StitchTestSupport
import Testing

/// The tools answered in process: the answer as its JSON-RPC method gives it, a summary first,
/// and every bad argument a result with `isError` naming the field and why.
@Suite("Tool calls answer as the use cases do")
struct ToolCallTests {
    private static let service = Result { try StitchService(community: Fixtures.lewisham, taxonomy: Fixtures.taxonomy) }

    /// The tools over the bundled community, logging nowhere.
    static func toolbox() throws -> StitchToolbox {
        StitchToolbox(
            service: try service.get(), logger: Logger(label: "stitch.mcp.tests") { _ in SwiftLogNoOpLogHandler() })
    }
    static func example(_ tool: StitchTool) -> [String: Value] { ToolExamples.arguments(tool) }
    static func texts(_ result: CallTool.Result) -> [String] { ToolExamples.texts(result.content) }

    func call(_ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        try await Self.toolbox().call(.init(name: name, arguments: arguments))
    }

    /// The error's JSON (the second text of an error result).
    func error(_ result: CallTool.Result) throws -> (code: Int, field: String, reason: String) {
        #expect(result.isError == true)
        let texts = Self.texts(result)
        try #require(texts.count == 2, "\(texts)")
        let json = try ToolExamples.object(texts[1])
        let data = json["data"] as? [String: Any] ?? [:]
        return (json["code"] as? Int ?? 0, data["field"] as? String ?? "", data["reason"] as? String ?? "")
    }

    @Test func whoCanHelpAnswersTheServicesRankingWithASummaryFirst() async throws {
        let result = try await call("who_can_help", Self.example(.whoCanHelp))
        #expect(result.isError == false)
        let texts = Self.texts(result)
        try #require(texts.count == 2)
        #expect(
            texts[0].hasPrefix("2 helpers of 92 considered; ruled out: availability 46, distance 37"), "\(texts[0])")
        #expect(texts[0].contains("1. m-june (June) score 0.823"), "\(texts[0])")
        let expected = try await Self.service.get().whoCanHelp(
            MethodParams.Helpers(
                request: HelpRequest(
                    requester: "m-arthur", skill: "accompany to hospital", when: [Slot(.tue, "10:00", "12:00")!]),
                limit: 2))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(texts[1] == String(decoding: try encoder.encode(expected), as: UTF8.self))
    }

    @Test func anUnknownKeyIsAnErrorResultNamingTheNearestKey() async throws {
        var arguments = Self.example(.whoCanHelp)
        arguments["limt"] = arguments.removeValue(forKey: "limit")
        let result = try await call("who_can_help", arguments)
        let (code, field, reason) = try error(result)
        #expect(code == -32602 && field == "params.limt" && reason == "unknown field 'limt'; did you mean 'limit'?")
        #expect(Self.texts(result)[0].contains("did you mean 'limit'?"))
    }

    @Test func anUnknownMemberIsAnErrorResultNamingTheNearestId() async throws {
        let result = try await call("who_can_help", ["request": ["requester": "m-artur", "skill": "shopping"]])
        let (code, field, reason) = try error(result)
        #expect(code == -32001 && field == "params.request.requester")
        #expect(reason == "unknown member id 'm-artur'; did you mean 'm-arthur'?")
        #expect(
            Self.texts(result)[0].hasPrefix(
                "Unknown member id\nfield: params.request.requester\nreason: unknown member id"))
    }

    @Test func badValuesAreRefusedAtTheirPath() async throws {
        let cases: [(String, [String: Value], String, String)] = [
            (
                "who_can_help", ["request": ["requester": "m-arthur", "skill": "shopping"], "limit": 2.5],
                "params.limit", "must be a whole number"
            ),
            ("who_can_help", ["request": ["skill": "shopping"]], "params.request.location", "is required"),
            (
                "who_can_help",
                [
                    "request": [
                        "requester": "m-arthur", "skill": "shopping",
                        "when": [["day": "tuseday", "start": "10:00", "end": "12:00"]],
                    ]
                ],
                "params.request.when[0].day", "did you mean 'tue'?"
            ),
            (
                "refer_activities", ["referral": ["person": "m-maud", "goals": ["conect": 1]]],
                "params.referral.goals.conect", "did you mean 'connect'?"
            ),
            (
                "explain_match", ["subject": "m-kathy", "candidate": "a-art-upstair"], "params.candidate",
                "did you mean 'a-art-upstairs'?"
            ),
            ("plan_allocate", ["referrals": [["person": "m-maud"]]], "params.referrals[0].id", "is required"),
            ("server_health", ["verbose": true], "params.verbose", "server_health takes no arguments"),
        ]
        for (tool, arguments, path, reason) in cases {
            let (_, field, said) = try error(try await call(tool, arguments))
            #expect(field == path && said.contains(reason), "\(tool): \(field): \(said)")
        }
    }

    @Test func anUnknownToolIsAProtocolErrorNamingTheNearestTool() async throws {
        await #expect(throws: MCPError.invalidParams("unknown tool 'who_can_hlp'; did you mean 'who_can_help'?")) {
            try await call("who_can_hlp", [:])
        }
        await #expect(throws: MCPError.self) { try await call("delete_everything", [:]) }
    }

    @Test func summariesSayWhatMattersInWords() async throws {
        let explain = Self.texts(try await call("explain_match", Self.example(.explainMatch)))
        #expect(explain.first?.contains("ruled out by access (Does not meet: wheelchair)") == true, "\(explain)")
        let plan = Self.texts(try await call("plan_allocate", Self.example(.planAllocate)))
        #expect(plan.first?.hasPrefix("Placed 3 placements for 3 referrals") == true, "\(plan)")
        #expect(plan.first?.contains("r-1: m-maud → a-knit-natter (Knit and Natter)") == true, "\(plan)")
        let refer = Self.texts(try await call("refer_activities", Self.example(.referActivities)))
        #expect(
            refer.first?.contains("1. a-knit-natter (Knit and Natter) score 0.955, buddy m-ada (Ada)") == true,
            "\(refer)")
        let health = Self.texts(try await call("server_health", [:]))
        #expect(health.first?.hasPrefix("Stitch is ok: \(try Fixtures.lewisham.members.count) members and \(try Fixtures.lewisham.activities.count) activities") == true, "\(health)")
        #expect(health.first?.contains("DBS checks to renew: 1 (1 expired), m-gordon expired 2025-05-16.") == true, "\(health)")
    }
}
