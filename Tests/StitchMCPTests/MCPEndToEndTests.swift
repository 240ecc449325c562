import Foundation
import MCP
import StitchMCP
import StitchTestSupport
import Testing

/// The built `stitch mcp`, run as an assistant runs it, with the SDK's own client on its
/// standard input and output: its answers are `stitch serve --stdio`'s answers.
@Suite("stitch mcp with a real MCP client")
struct MCPEndToEndTests {
    /// Runs `stitch mcp ARGUMENTS` with a client connected to it, then closes its input and
    /// waits for it to stop; its exit status and standard error.
    func withClient(
        _ arguments: [String] = ["mcp", "--community", "data/lewisham.json"], _ body: (Client) async throws -> Void
    ) async throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in CommandRunner.environment { environment[k] = v }
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-mcp-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()

        let client = Client(name: "stitch-tests", version: "1.0")
        let transport = StdioTransport(
            input: .init(rawValue: output.fileHandleForReading.fileDescriptor),
            output: .init(rawValue: input.fileHandleForWriting.fileDescriptor))
        do {
            try await client.connect(transport: transport)
            try await body(client)
        } catch {
            process.terminate()
            process.waitUntilExit()
            throw error
        }
        await client.disconnect()
        try input.fileHandleForWriting.close()
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    /// The JSON-RPC results of `stitch serve --stdio` on the same community, one per request.
    func jsonRPCResults(_ requests: [(method: String, params: [String: Value])]) throws -> [Any] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stitch-mcp-rpc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = Data()
        for (i, request) in requests.enumerated() {
            let params = String(decoding: try JSONEncoder().encode(request.params), as: UTF8.self)
            lines += Data(
                #"{"jsonrpc":"2.0","id":\#(i),"method":"\#(request.method)","params":\#(params)}"#.utf8 + [0x0A])
        }
        let r = try CommandRunner().run(
            [
                "serve", "--stdio", "--db", folder.appendingPathComponent("s.sqlite").path, "--community",
                "data/lewisham.json",
            ],
            input: lines)
        #expect(r.status == 0, "\(r.stderr)")
        let answers = try r.stdout.split(separator: "\n").map { try ToolExamples.object(String($0)) }
        try #require(answers.count == requests.count, "\(r.stdout)")
        return try answers.map { try #require($0["result"], "\($0)") }
    }

    @Test func aRealClientListsTheToolsAndGetsTheJSONRPCAnswers() async throws {
        let tools: [StitchTool] = [.whoCanHelp, .referActivities, .explainMatch, .planAllocate]
        let expected = try jsonRPCResults(tools.map { ($0.method, ToolExamples.arguments($0)) })
        let (status, stderr) = try await withClient { client in
            let listed = try await client.listTools().tools
            #expect(listed.map(\.name) == StitchTool.allCases.map(\.rawValue))
            for tool in listed {
                let properties = tool.inputSchema.objectValue?["properties"]?.objectValue ?? [:]
                #expect(tool.name == "server_health" || !properties.isEmpty, "\(tool.name) has no schema")
            }
            #expect(listed.first { $0.name == "who_can_help" }?.inputSchema.objectValue?["required"] == ["request"])
            for (tool, rpc) in zip(tools, expected) {
                let (content, isError) = try await client.callTool(
                    name: tool.rawValue, arguments: ToolExamples.arguments(tool))
                #expect(isError == false, "\(tool.rawValue): \(ToolExamples.texts(content))")
                let texts = ToolExamples.texts(content)
                try #require(texts.count == 2)
                let answer = try JSONSerialization.jsonObject(with: Data(texts[1].utf8))
                #expect(
                    try ToolExamples.canonical(answer) == ToolExamples.canonical(rpc),
                    "\(tool.rawValue) differs from \(tool.method)")
                if tool == .whoCanHelp {
                    let ids = { (value: Any) in
                        ((value as? [String: Any])?["matches"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                    }
                    #expect(ids(answer) == ["m-june", "m-jade"])
                    #expect(ids(answer) == ids(rpc))
                    #expect(texts[0].contains("m-june"))
                }
            }
        }
        #expect(status == 0, "\(stderr)")
        #expect(stderr.contains("serving \(try Fixtures.lewisham.members.count) members and \(try Fixtures.lewisham.activities.count) activities over MCP"), "\(stderr)")
        #expect(stderr.contains("who_can_help: 2 results in"), "\(stderr)")
        for personal in ["June", "Maud", "accompany", "hospital"] {
            #expect(!stderr.contains(personal), "the log names '\(personal)': \(stderr)")
        }
    }

    @Test func mistakesComeBackAsErrorsAnAssistantCanFix() async throws {
        let (status, stderr) = try await withClient { client in
            var misspelt = ToolExamples.arguments(.whoCanHelp)
            misspelt["limt"] = misspelt.removeValue(forKey: "limit")
            let (bad, badIsError) = try await client.callTool(name: "who_can_help", arguments: misspelt)
            #expect(badIsError == true)
            #expect(
                ToolExamples.texts(bad).first?.contains("unknown field 'limt'; did you mean 'limit'?") == true,
                "\(ToolExamples.texts(bad))")

            let (unknown, unknownIsError) = try await client.callTool(
                name: "refer_activities", arguments: ["referral": ["person": "m-mad"]])
            #expect(unknownIsError == true)
            let error = try ToolExamples.object(try #require(ToolExamples.texts(unknown).last))
            #expect(error["code"] as? Int == -32001)
            let data = error["data"] as? [String: Any]
            #expect(data?["field"] as? String == "params.referral.person")
            #expect(data?["reason"] as? String == "unknown member id 'm-mad'; did you mean 'm-maud'?")

            await #expect(throws: MCPError.invalidParams("unknown tool 'who_can_hlp'; did you mean 'who_can_help'?")) {
                _ = try await client.callTool(name: "who_can_hlp", arguments: [:])
            }
            // The server goes on answering after each of them.
            let (health, healthIsError) = try await client.callTool(name: "server_health")
            #expect(healthIsError == false)
            #expect(ToolExamples.texts(health).first?.hasPrefix("Stitch is ok: \(try Fixtures.lewisham.members.count) members") == true)
        }
        #expect(status == 0, "\(stderr)")
    }

    /// Requests piped in and the input closed at once (`… | stitch mcp`): each is answered before
    /// the command stops.
    @Test func pipedRequestsAreAllAnsweredBeforeItStops() throws {
        let lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"#
                + #""clientInfo":{"name":"sh","version":"1"}}}"#,
            #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"plan_allocate","#
                + #""arguments":{"referrals":[{"id":"r-1","person":"m-maud"}]}}}"#,
        ]
        let r = try CommandRunner().run(
            ["mcp", "--community", "data/lewisham.json"], input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let answers = try r.stdout.split(separator: "\n").map { try ToolExamples.object(String($0)) }
        #expect(Set(answers.compactMap { $0["id"] as? Int }) == [1, 2, 3], "\(r.stdout)")
        #expect(answers.allSatisfy { $0["result"] != nil }, "\(r.stdout)")
        #expect(r.stderr.contains("plan_allocate: 1 result in"), "\(r.stderr)")
    }
}
