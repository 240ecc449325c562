import Foundation
import StitchApplication
import StitchGenerator
import StitchModel
import StitchRPC
import StitchTestSupport
import Testing

/// Lines handed over together are answered exactly as one after another, reads side by side.
@Suite("Lines answered together")
struct LineBatchTests {
    static func dispatcher() throws -> RPCDispatcher {
        RPCDispatcher(
            // No background rebuild while the lines are answered: `rebuildPending` in a health
            // answer must not depend on how long the two runs take.
            service: try StitchService(community: ScenarioCast.community, taxonomy: Fixtures.taxonomy, quietPeriod: .seconds(3600)),
            maximumLineBytes: 4096)
    }

    static let lines: [String] = {
        var out: [String] = []
        var id = 0
        func request(_ method: String, _ params: String) -> String {
            id += 1
            return #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
        }
        for member in ["m-arthur", "m-vera", "m-edith", "m-maud"] {
            out.append(
                request("match.helpers", #"{"request":{"requester":"\#(member)","skill":"befriending"},"limit":5}"#))
            out.append(request("match.opportunities", #"{"member":"\#(member)","limit":3}"#))
        }
        out.append(request("match.explain", #"{"subject":"m-kathy","candidate":"a-art-upstairs"}"#))
        out.append(request("server.health", "{}"))
        // A write between reads: the reads after it see the new member.
        out.append(
            request(
                "member.upsert",
                #"{"member":{"id":"m-new","name":"New","offers":["befriending"],"location":{"lat":51.45,"lon":-0.02}}}"#
            ))
        out.append(request("match.helpers", #"{"request":{"requester":"m-arthur","skill":"befriending"},"limit":50}"#))
        out.append(request("refer.activities", #"{"referral":{"person":"m-maud"},"limit":3}"#))
        out.append(#"{"jsonrpc":"2.0","method":"server.health"}"#)  // a notification
        out.append("{not json")
        out.append(String(repeating: " ", count: 5000))  // over the limit
        out.append(
            #"[{"jsonrpc":"2.0","id":"b1","method":"server.health"},{"jsonrpc":"2.0","id":"b2","method":"nope"}]"#)
        out.append(request("match.helpers", #"{"request":{"requester":"m-ghost","skill":"befriending"}}"#))
        out.append(request("member.remove", #"{"id":"m-new"}"#))
        out.append(request("match.helpers", #"{"request":{"requester":"m-arthur","skill":"befriending"},"limit":50}"#))
        return out
    }()

    @Test(arguments: [1, 2, 4])
    func answersAsOneLineAfterAnother(parallelism: Int) async throws {
        let one = try Self.dispatcher()
        let together = try Self.dispatcher()
        var expected: [Data?] = []
        for line in Self.lines { expected.append(await one.handle(line: Data(line.utf8))) }
        let answers = await together.handle(lines: Self.lines.map { Data($0.utf8) }, parallelism: parallelism)
        #expect(answers.count == expected.count)
        for (index, (answer, reference)) in zip(answers, expected).enumerated() {
            #expect(answer == reference, "line \(index + 1)")
        }
        #expect(expected[Self.lines.count - 9].map { String(decoding: $0, as: UTF8.self).contains("m-new") } == true)
        #expect(expected.last!.map { String(decoding: $0, as: UTF8.self).contains("m-new") } == false)
    }
}
