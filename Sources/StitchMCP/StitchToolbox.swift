import Foundation
import Logging
public import MCP
public import StitchApplication
import StitchModel

/// Stitch's tools for an MCP server: lists them (``StitchTool``) and answers each call with the
/// use case of its JSON-RPC method, over one ``StitchService``.
///
/// An adapter on the application layer, as the JSON-RPC dispatcher is: a call's arguments are
/// written back to JSON bytes and read by ``MethodParams/decode(_:from:alsoAllowed:)`` into the
/// method's params, so the same input gets the same answer, or the same error, as over JSON-RPC.
/// A bad argument or an unknown id is a tool result with `isError: true` (the error's message,
/// field path and reason, then its JSON); only an unknown tool is a protocol error.
///
/// ```swift
/// let server = Server(name: "stitch", version: StitchVersion.current, capabilities: .init(tools: .init()))
/// await StitchToolbox(service: service).register(on: server)
/// ```
public struct StitchToolbox: Sendable {
    /// The use cases the tools call.
    public let service: StitchService
    private let logger: Logger

    public init(service: StitchService, logger: Logger = Logger(label: "stitch.mcp")) {
        self.service = service
        self.logger = logger
    }

    /// Every tool, as `tools/list` answers.
    public var tools: [Tool] { StitchTool.allCases.map(\.tool) }

    /// Answers `tools/list` and `tools/call` on `server`.
    public func register(on server: Server) async {
        let tools = self.tools
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: tools) }
        await server.withMethodHandler(CallTool.self) { params in try await self.call(params) }
    }

    /// Answers one call: the tool's result, or its error as a result with `isError: true`.
    ///
    /// - Throws: `MCPError.invalidParams` for a tool Stitch does not have, naming the nearest
    ///   tool (`unknown tool 'who_can_hlp'; did you mean 'who_can_help'?`).
    public func call(_ params: CallTool.Parameters) async throws(MCPError) -> CallTool.Result {
        guard let tool = StitchTool(rawValue: params.name) else {
            logger.info("refused a call of an unknown tool")
            throw MCPError.invalidParams(NearestWord.unknown("tool", params.name, among: StitchTool.names))
        }
        let arguments = params.arguments ?? [:]
        let clock = ContinuousClock()
        let start = clock.now
        do throws(ServiceError) {
            let answer = try await tool.answer(
                try Self.bytes(of: arguments), keys: Array(arguments.keys), service: service)
            logger.info(
                "\(tool.rawValue): \(Wording.count(answer.count, "result")) in \(Self.milliseconds(clock.now - start))")
            return CallTool.Result(
                content: [Self.text(answer.summary), Self.text(String(decoding: answer.json, as: UTF8.self))],
                isError: false)
        } catch {
            logger.info("\(tool.rawValue): refused with \(error.code) in \(Self.milliseconds(clock.now - start))")
            return Self.failure(error)
        }
    }

    /// A tool result for an error: its message, field path and reason in words, then the error
    /// as the JSON-RPC method would send it (`{"code", "message", "data"}`).
    static func failure(_ error: ServiceError) -> CallTool.Result {
        var lines = [error.message]
        if let data = error.data {
            lines.append("field: \(data.field)")
            lines.append("reason: \(data.reason)")
        }
        var content = [text(lines.joined(separator: "\n"))]
        if let json = try? ToolAnswer.encode(error) { content.append(text(String(decoding: json, as: UTF8.self))) }
        return CallTool.Result(content: content, isError: true)
    }

    /// The arguments as the JSON object they came in.
    static func bytes(of arguments: [String: Value]) throws(ServiceError) -> Data {
        do {
            return try JSONEncoder().encode(arguments)
        } catch {
            throw ServiceError(.invalidParams, "Invalid params", field: "params", reason: "could not be read")
        }
    }

    static func text(_ text: String) -> Tool.Content { .text(text: text, annotations: nil, _meta: nil) }

    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f ms", Double(duration / .microseconds(1)) / 1000)
    }
}
