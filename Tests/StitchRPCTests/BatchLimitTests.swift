import StitchApplication
import Foundation
import StitchGenerator
import StitchRPC
import StitchTestSupport
import Testing

/// A batch's limits in the dispatcher: its length, the size of its answers, its token, and ids
/// echoed exactly.
@Suite("Batch limits and exact ids")
struct BatchLimitTests {
    static let token = String(repeating: "k", count: 32)

    static func dispatcher(token: String? = nil, maximumBatch: Int = 1000, maximumAnswerBytes: Int = 8 << 20) throws -> RPCDispatcher {
        RPCDispatcher(
            service: try StitchService(community: ScenarioCast.community, taxonomy: Fixtures.taxonomy), token: token,
            maximumLineBytes: 1 << 20, maximumBatch: maximumBatch, maximumAnswerBytes: maximumAnswerBytes)
    }

    static func answer(_ dispatcher: RPCDispatcher, _ line: String) async throws -> Any? {
        guard let data = await dispatcher.handle(line: Data(line.utf8)) else { return nil }
        return try JSONSerialization.jsonObject(with: data)
    }

    static func health(_ id: Int, auth: String? = nil) -> String {
        let params = auth.map { #","params":{"auth":"\#($0)"}"# } ?? ""
        return #"{"jsonrpc":"2.0","id":\#(id),"method":"server.health"\#(params)}"#
    }

    @Test func aBatchOverTheLimitGetsOneError() async throws {
        let rpc = try Self.dispatcher(maximumBatch: 3)
        let three = try await Self.answer(rpc, "[" + (1...3).map { Self.health($0) }.joined(separator: ",") + "]")
        #expect((three as? [Any])?.count == 3)
        let four = try #require(try await Self.answer(rpc, "[" + (1...4).map { Self.health($0) }.joined(separator: ",") + "]") as? [String: Any])
        #expect((four["error"] as? [String: Any])?["code"] as? Int == -32600)
        #expect(four["id"] is NSNull)
    }

    @Test func requestsPastTheAnswerCapAreNotRun() async throws {
        let rpc = try Self.dispatcher(maximumAnswerBytes: 1000)
        let line = "[" + (1...40).map { Self.health($0) }.joined(separator: ",") + "]"
        let answers = try #require(try await Self.answer(rpc, line) as? [[String: Any]])
        #expect(answers.count == 40, "every request answered")
        #expect(answers.map { $0["id"] as? Int } == (1...40).map { $0 }, "in order, with their ids")
        let run = answers.prefix { $0["result"] != nil }.count
        #expect(run > 0 && run < 40)
        #expect(answers.dropFirst(run).allSatisfy { ($0["error"] as? [String: Any])?["code"] as? Int == -32600 })
    }

    @Test func aBatchWithoutTheTokenIsRefusedWhole() async throws {
        let rpc = try Self.dispatcher(token: Self.token)
        let mixed = "[" + Self.health(1, auth: Self.token) + "," + Self.health(2) + "]"
        let refused = try #require(try await Self.answer(rpc, mixed) as? [String: Any])
        #expect((refused["error"] as? [String: Any])?["code"] as? Int == -32004)
        let good = "[" + Self.health(1, auth: Self.token) + "," + Self.health(2, auth: Self.token) + "]"
        #expect((try await Self.answer(rpc, good) as? [[String: Any]])?.allSatisfy { $0["result"] != nil } == true)
    }

    @Test(arguments: ["12345678901234567890", "1.0e3", "-0", "0.1", "9007199254740993", "-12345678901234567890123"])
    func aNumericIDComesBackByteForByte(_ id: String) async throws {
        let rpc = try Self.dispatcher()
        for line in [#"{"jsonrpc":"2.0","id":\#(id),"method":"server.health"}"#, #"[{"jsonrpc":"2.0","id":\#(id),"method":"nope"}]"#] {
            let data = try #require(await rpc.handle(line: Data(line.utf8)))
            #expect(String(decoding: data, as: UTF8.self).contains(#""id":\#(id),"#), "\(line)")
        }
    }
}
