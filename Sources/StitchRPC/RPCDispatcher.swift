import Foundation
import StitchApplication
import StitchEngine
import StitchModel

/// Answers newline-delimited JSON-RPC 2.0 messages: single requests, batches and notifications.
///
/// Transport-free: a daemon's stdio, Unix-socket and TCP front ends hand it one line at a time
/// and write back what it returns (nothing for notifications). Every method is a thin adapter
/// over ``StitchService`` and the engine; every bad input gets the protocol's error with the
/// JSON path of the field and a reason.
public final class RPCDispatcher: Sendable {
    /// The use cases this dispatcher answers with.
    public let service: StitchService
    let token: String?
    /// The longest line accepted, in bytes.
    public let maximumLineBytes: Int
    /// The most requests one batch may hold; a longer batch gets one -32600 error.
    public let maximumBatch: Int
    /// Once a batch's answers pass this many bytes, its remaining requests are not run (each
    /// gets a -32600 error), so one line's answer stays near this size in memory.
    public let maximumAnswerBytes: Int
    /// The requests answered, shared with the daemon's other interfaces (`server.stats`).
    public let statistics: RequestStatistics

    /// The default for ``maximumBatch``.
    public static let defaultMaximumBatch = 1000

    public init(
        service: StitchService, token: String? = nil, maximumLineBytes: Int = 1 << 20,
        maximumBatch: Int = RPCDispatcher.defaultMaximumBatch, maximumAnswerBytes: Int = 8 << 20,
        statistics: RequestStatistics = RequestStatistics()
    ) {
        self.statistics = statistics
        self.maximumAnswerBytes = max(1, maximumAnswerBytes)
        self.service = service
        self.token = token
        self.maximumLineBytes = maximumLineBytes
        self.maximumBatch = max(1, maximumBatch)
    }

    /// The response to a line over the limit (a transport that cannot buffer it sends this).
    public func tooLargeResponse() -> Data {
        encode(RPCResponse(id: .null, result: nil, error: ServiceError(.requestTooLarge, "Request too large: over \(maximumLineBytes) bytes")))
    }

    /// Handles one line; returns the response line (without the newline), or `nil` when the
    /// line held only notifications.
    public func handle(line: Data) async -> Data? {
        await answer(prepare(line))
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
        let prepared = lines.map { prepare($0) }
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
        /// Not JSON: why, in plain words.
        case notJSON(String)
        /// A batch over the limit, refused without reading the rest of it.
        case batchTooLarge
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
        "server.health", "match.dismissals", "match.asks", "pairing.list", "referral.get", "referral.list", "referral.due", "referral.message", "referral.report",
        "weights.fits", "ledger.balances", "ledger.account.list", "ledger.export",
    ]

    func prepare(_ line: Data) -> PreparedLine {
        guard line.count <= maximumLineBytes else { return .tooLarge }
        switch Self.parse(line, maximumBatch: maximumBatch) {
        case .success(let parsed): return .parsed(parsed)
        case .failure(.batchTooLarge): return .batchTooLarge
        case .failure(let refusal):
            return .notJSON(line.withUnsafeBytes { JSONLineParser.explain(refusal, in: $0) })
        }
    }

    func answer(_ line: PreparedLine) async -> Data? {
        switch line {
        case .tooLarge:
            return tooLargeResponse()
        case .notJSON(let reason):
            return encode(RPCResponse(id: .null, result: nil, error: ServiceError(.parseError, "Parse error: not valid JSON: \(reason)")))
        case .batchTooLarge:
            return encode(RPCResponse(id: .null, result: nil, error: ServiceError(
                .invalidRequest, "Invalid request: a batch may hold at most \(maximumBatch) requests",
                field: "$", reason: "more than \(maximumBatch) requests in one batch")))
        case .parsed(.batch(let items)):
            guard !items.isEmpty else {
                return encode(RPCResponse(id: .null, result: nil, error: ServiceError(.invalidRequest, "Invalid request: empty batch")))
            }
            // Without the token, a batch is refused whole: no request of it is run or answered.
            if let token, !items.allSatisfy({ Self.constantTimeEquals($0.tree["params"]?["auth"], token) }) {
                statistics.record(method: "(batch)", errorCode: ServiceError.Code.unauthorized.rawValue, duration: .zero)
                return encode(RPCResponse(id: .null, result: nil, error: Self.unauthorized))
            }
            // Answers are written as they come; once they pass the cap, the requests left are not
            // run and each gets a short error, so one line never makes a huge answer in memory.
            var out = Data([UInt8(ascii: "[")])
            var answered = 0
            for item in items {
                let response =
                    out.count > maximumAnswerBytes ? Self.answerLimitResponse(item, limit: maximumAnswerBytes) : await respond(to: item)
                guard let response else { continue }
                if answered > 0 { out.append(UInt8(ascii: ",")) }
                out.append(encode(response))
                answered += 1
            }
            out.append(UInt8(ascii: "]"))
            return answered == 0 ? nil : out
        case .parsed(.single(let request)):
            return await respond(to: request).map(encode)
        }
    }

    /// A line as read, or why it is refused.
    ///
    /// Read in one pass from the bytes by ``JSONLineParser``, the only judge of what is JSON
    /// (RFC 8259, UTF-8, no byte-order mark): nothing it refuses is read another way.
    static func parse(
        _ line: Data, maximumBatch: Int = RPCDispatcher.defaultMaximumBatch
    ) -> Result<ParsedLine, JSONLineParser.Refused> {
        let parsed: Result<JSONLineParser.Line, JSONLineParser.Refused> = line.withUnsafeBytes { bytes in
            do throws(JSONLineParser.Refused) {
                return .success(try JSONLineParser.parse(bytes, maximumBatch: maximumBatch))
            } catch {
                return .failure(error)
            }
        }
        return parsed.map { fast in
            func slice(_ range: Range<Int>) -> Data {
                line[(line.startIndex + range.lowerBound)..<(line.startIndex + range.upperBound)]
            }
            func request(_ r: JSONLineParser.Request) -> ParsedRequest {
                ParsedRequest(
                    tree: r.tree, params: r.params.map(slice),
                    idText: r.numericID.map { String(decoding: slice($0), as: UTF8.self) })
            }
            switch fast {
            case .single(let r): return .single(request(r))
            case .batch(let items): return .batch(items.map(request))
            }
        }
    }

    /// One request of a line: its JSON, the bytes of its `params` value (typed params are
    /// decoded from those bytes), and a numeric id's text as sent.
    struct ParsedRequest: Sendable {
        var tree: JSONTree
        var params: Data?
        var idText: String? = nil
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
        case .number(let n)?:
            if let text = request.idText { id = .literal(text) } else { id = n == n.rounded() && abs(n) < 9e15 ? .integer(Int64(n)) : .number(n) }
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
            outcome = .failure(Self.unauthorized)
        } else {
            // The params' bytes serve only when they are an object (`null` and a missing params read as `{}`).
            let source = if case .object? = fields["params"] { request.params } else { Data?.none }
            outcome = await call(method, MethodInput(fields: params, source: source))
        }
        let elapsed = clock.now - start
        let errorCode: Int? = if case .failure(let e) = outcome { e.code } else { nil }
        let name = Self.methods.contains(method) ? method : "(unknown)"
        statistics.record(method: name, errorCode: errorCode, duration: elapsed)
        if isNotification { return nil }
        switch outcome {
        case .success(let value): return RPCResponse(id: id, result: value, error: nil)
        case .failure(let error): return RPCResponse(id: id, result: nil, error: error)
        }
    }

    /// Every method of the protocol, in the order the protocol lists them.
    public static let methodNames = [
        "community.load", "member.upsert", "member.remove", "activity.upsert", "activity.remove", "exchange.record",
        "attendance.record", "match.helpers", "match.opportunities", "refer.activities", "plan.allocate", "match.explain",
        "match.dismiss", "match.undismiss", "match.dismissals", "network.analyse", "outcome.record", "weights.get", "weights.set",
        "weights.calibrate", "weights.learn", "weights.fits", "weights.apply", "server.health", "server.stats", "referral.create",
        "referral.update-status", "referral.get", "referral.list", "referral.due", "referral.wellbeing", "referral.message",
        "referral.report", "match.ask", "match.asks", "pairing.start", "pairing.review", "pairing.end", "pairing.list",
        "ledger.record", "ledger.balances", "ledger.account.add", "ledger.account.list", "ledger.export",
        "ledger.import",
    ]

    /// Every method of the protocol.
    static let methods = Set(methodNames)

    /// The answer to a batch's request left unrun once the batch's answers passed `limit` bytes
    /// (`nil` for a notification).
    static func answerLimitResponse(_ request: ParsedRequest, limit: Int) -> RPCResponse? {
        let id: RPCID
        switch request.tree["id"] {
        case nil: return nil
        case .string(let s)?: id = .string(s)
        case .number(let n)?: id = request.idText.map(RPCID.literal) ?? .number(n)
        default: id = .null
        }
        return RPCResponse(id: id, result: nil, error: ServiceError(
            .invalidRequest, "Invalid request: not run, the batch's answers passed \(limit >> 20) MiB; send it in another batch",
            field: "$", reason: "the batch's answers passed \(limit >> 20) MiB"))
    }

    /// The answer to a request without the right token.
    static let unauthorized = ServiceError(
        .unauthorized, "Unauthorized: missing or wrong auth token", field: "params.auth", reason: "missing or wrong token")

    static func constantTimeEquals(_ given: JSONTree?, _ token: String) -> Bool {
        guard case .string(let s)? = given else { return false }
        let a = Array(s.utf8), b = Array(token.utf8)
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) { diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0) }
        return diff == 0
    }

}
