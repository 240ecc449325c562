import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import Synchronization

/// Answers newline-delimited JSON-RPC 2.0 messages: single requests, batches and notifications.
///
/// Transport-free: a daemon's stdio, Unix-socket and TCP front ends hand it one line at a time
/// and write back what it returns (nothing for notifications). Every method is a thin adapter
/// over ``StitchService`` and the engine; every bad input gets the protocol's error with the
/// JSON path of the field and a reason.
public final class RPCDispatcher: Sendable {
    let service: StitchService
    let token: String?
    /// The longest line accepted, in bytes.
    public let maximumLineBytes: Int
    private let statistics = Mutex(RPCStatistics())

    public init(service: StitchService, token: String? = nil, maximumLineBytes: Int = 1 << 20) {
        self.service = service
        self.token = token
        self.maximumLineBytes = maximumLineBytes
    }

    /// The response to a line over the limit (a transport that cannot buffer it sends this).
    public func tooLargeResponse() -> Data {
        encode(RPCResponse(id: .null, result: nil, error: ServiceError(.requestTooLarge, "Request too large: over \(maximumLineBytes) bytes")))
    }

    /// Handles one line; returns the response line (without the newline), or `nil` when the
    /// line held only notifications.
    public func handle(line: Data) async -> Data? {
        await answer(Self.prepare(line, maximumLineBytes: maximumLineBytes))
    }

    /// Handles a connection's lines that arrived together, answering in their order (`nil` for
    /// a line of notifications only), exactly as ``handle(line:)`` one line after another would.
    ///
    /// Consecutive requests that only read (the queries, `server.health`, `weights.get`) run side
    /// by side, up to `parallelism` at a time, so one client's pipelined queries can use every
    /// core; any other line (a write, `server.stats`, a batch, an error) waits for what precedes
    /// it and runs alone.
    public func handle(
        lines: [Data], parallelism: Int = RPCDispatcher.processorCount
    ) async -> [Data?] {
        let prepared = lines.map { Self.prepare($0, maximumLineBytes: maximumLineBytes) }
        var answers = [Data?](repeating: nil, count: lines.count)
        var start = 0
        while start < prepared.count {
            var end = start
            while end < prepared.count, prepared[end].isReadOnly { end += 1 }
            if end - start >= 2, parallelism > 1 {
                await withTaskGroup(of: (Int, Data?).self) { group in
                    var next = start
                    func launch() {
                        let index = next, item = prepared[index]
                        next += 1
                        group.addTask { (index, await self.answer(item)) }
                    }
                    while next < end, next - start < parallelism { launch() }
                    for await (index, answer) in group {
                        answers[index] = answer
                        if next < end { launch() }
                    }
                }
                start = end
            } else {
                answers[start] = await answer(prepared[start])
                start += 1
            }
        }
        return answers
    }

    /// The cores this process may use, read once (asking the system costs a few microseconds).
    public static let processorCount = ProcessInfo.processInfo.activeProcessorCount

    /// A line read and checked, ready to answer.
    enum PreparedLine: Sendable {
        case tooLarge
        case notJSON
        case parsed(ParsedLine)

        /// A single request for a method that changes nothing and depends on no other request.
        var isReadOnly: Bool {
            guard case .parsed(.single(let request)) = self, case .string(let method)? = request.tree["method"] else {
                return false
            }
            return RPCDispatcher.readOnlyMethods.contains(method)
        }
    }

    /// The methods that only read the community (not `server.stats`, which reads the counts of
    /// the requests before it).
    static let readOnlyMethods: Set<String> = [
        "match.helpers", "match.opportunities", "refer.activities", "match.explain", "plan.allocate", "weights.get",
        "server.health",
    ]

    static func prepare(_ line: Data, maximumLineBytes: Int) -> PreparedLine {
        guard line.count <= maximumLineBytes else { return .tooLarge }
        guard let parsed = Self.parse(line) else { return .notJSON }
        return .parsed(parsed)
    }

    func answer(_ line: PreparedLine) async -> Data? {
        switch line {
        case .tooLarge:
            return tooLargeResponse()
        case .notJSON:
            return encode(RPCResponse(id: .null, result: nil, error: ServiceError(.parseError, "Parse error: not valid JSON")))
        case .parsed(.batch(let items)):
            guard !items.isEmpty else {
                return encode(RPCResponse(id: .null, result: nil, error: ServiceError(.invalidRequest, "Invalid request: empty batch")))
            }
            var responses: [RPCResponse] = []
            for item in items { if let r = await respond(to: item) { responses.append(r) } }
            return responses.isEmpty ? nil : encode(responses)
        case .parsed(.single(let request)):
            return await respond(to: request).map(encode)
        }
    }

    /// A line as read, or `nil` when it is not JSON.
    ///
    /// Read in one pass from the bytes (``JSONLineParser``); a line that parser refuses goes to
    /// Foundation's `JSONDecoder`, which has the last word on what is JSON.
    static func parse(_ line: Data) -> ParsedLine? {
        let fast = try? line.withUnsafeBytes { bytes throws(JSONLineParser.Refused) in
            try JSONLineParser.parse(bytes)
        }
        if let fast {
            func request(_ r: JSONLineParser.Request) -> ParsedRequest {
                let params = r.params.map { line[(line.startIndex + $0.lowerBound)..<(line.startIndex + $0.upperBound)] }
                return ParsedRequest(tree: r.tree, params: params)
            }
            switch fast {
            case .single(let r): return .single(request(r))
            case .batch(let items): return .batch(items.map(request))
            }
        }
        guard let tree = try? JSONDecoder().decode(JSONTree.self, from: line) else { return nil }
        if case .array(let items) = tree { return .batch(items.map { ParsedRequest(tree: $0, params: nil) }) }
        return .single(ParsedRequest(tree: tree, params: nil))
    }

    /// One request of a line: its JSON, and the bytes of its `params` value when the line was
    /// read by ``JSONLineParser`` (typed params are then decoded from those bytes).
    struct ParsedRequest: Sendable {
        var tree: JSONTree
        var params: Data?
    }

    /// A line: one request, or a batch.
    enum ParsedLine: Sendable {
        case single(ParsedRequest)
        case batch([ParsedRequest])
    }

    /// Encodes answers: sorted keys, so the same answer is the same bytes, before and after a restart.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The answer's bytes: ``ResponseWriter``'s, or Foundation's for what that leaves to it (the
    /// same bytes either way).
    private func encode(_ response: RPCResponse) -> Data {
        if let fast = try? ResponseWriter.write(response) { return fast }
        return Self.foundation(response)
    }

    /// A batch's answers, as ``encode(_:)-(RPCResponse)`` but in an array.
    private func encode(_ responses: [RPCResponse]) -> Data {
        if let fast = try? ResponseWriter.write(responses) { return fast }
        return Self.foundation(responses)
    }

    private static func foundation<T: Encodable>(_ value: T) -> Data {
        (try? encoder.encode(value)) ?? Data(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"Internal error"}}"#.utf8)
    }

    /// One request object → its response (`nil` for a notification).
    private func respond(to request: ParsedRequest) async -> RPCResponse? {
        guard case .object(let fields) = request.tree else {
            return RPCResponse(id: .null, result: nil, error: ServiceError(.invalidRequest, "Invalid request: not an object"))
        }
        var id = RPCID.null
        let isNotification = fields["id"] == nil
        switch fields["id"] {
        case nil, .null?: break
        case .string(let s)?: id = .string(s)
        case .number(let n)?: id = n == n.rounded() && abs(n) < 9e15 ? .integer(Int64(n)) : .number(n)
        default:
            return RPCResponse(id: .null, result: nil, error: ServiceError(.invalidRequest, "Invalid request: id must be a string, a number or null", field: "id", reason: "must be a string, a number or null"))
        }
        guard fields["jsonrpc"] == .string("2.0") else {
            return RPCResponse(id: id, result: nil, error: ServiceError(.invalidRequest, "Invalid request: jsonrpc must be \"2.0\"", field: "jsonrpc", reason: "must be \"2.0\""))
        }
        guard case .string(let method)? = fields["method"] else {
            return RPCResponse(id: id, result: nil, error: ServiceError(.invalidRequest, "Invalid request: method must be a string", field: "method", reason: "must be a string"))
        }
        let params: [String: JSONTree]
        switch fields["params"] {
        case nil, .null?: params = [:]
        case .object(let o)?: params = o
        default:
            return RPCResponse(id: id, result: nil, error: ServiceError(.invalidParams, "Invalid params: params must be an object", field: "params", reason: "must be an object"))
        }
        let clock = ContinuousClock()
        let start = clock.now
        let outcome: Result<any Encodable & Sendable, ServiceError>
        if let token, !Self.constantTimeEquals(params["auth"], token) {
            outcome = .failure(ServiceError(.unauthorized, "Unauthorized: missing or wrong auth token", field: "params.auth", reason: "missing or wrong token"))
        } else {
            // The params' bytes serve only when they are an object (`null` and a missing params read as `{}`).
            let source = if case .object? = fields["params"] { request.params } else { Data?.none }
            outcome = await call(method, MethodInput(fields: params, source: source))
        }
        let elapsed = clock.now - start
        let micros = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
        let errorCode: Int? = if case .failure(let e) = outcome { e.code } else { nil }
        let name = Self.methods.contains(method) ? method : "(unknown)"
        statistics.withLock { $0.record(method: name, errorCode: errorCode, microseconds: micros) }
        if isNotification { return nil }
        switch outcome {
        case .success(let value): return RPCResponse(id: id, result: value, error: nil)
        case .failure(let error): return RPCResponse(id: id, result: nil, error: error)
        }
    }

    /// Every method of the protocol.
    static let methods: Set<String> = [
        "community.load", "member.upsert", "member.remove", "activity.upsert", "activity.remove", "exchange.record",
        "attendance.record", "match.helpers", "match.opportunities", "refer.activities", "plan.allocate", "match.explain",
        "network.analyse", "outcome.record", "weights.get", "weights.set", "weights.calibrate", "server.health", "server.stats",
    ]

    static func constantTimeEquals(_ given: JSONTree?, _ token: String) -> Bool {
        guard case .string(let s)? = given else { return false }
        let a = Array(s.utf8), b = Array(token.utf8)
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) { diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0) }
        return diff == 0
    }

    /// Statistics so far.
    func statisticsSnapshot() -> RPCStatistics.Snapshot { statistics.withLock { $0.snapshot() } }
}
