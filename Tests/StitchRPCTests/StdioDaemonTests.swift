import Foundation
import StitchApplication
import StitchTestSupport
import Testing

@Suite("stitch serve --stdio, run as a client would")
struct StdioDaemonTests {
    @Test func answersInOrderOnStdoutWithLogsOnStderr() throws {
        var lines = [
            #"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#,
            #"{"jsonrpc":"2.0","method":"server.health"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital","when":[{"day":"tue","start":"10:00","end":"12:00"}]},"limit":3}}"#,
            "this is not json",
            #"[{"jsonrpc":"2.0","id":3,"method":"refer.activities","params":{"referral":{"person":"m-maud"},"limit":1}},{"jsonrpc":"2.0","id":4,"method":"nope"}]"#,
            #"{"jsonrpc":"2.0","id":5,"method":"server.health","params":{"pad":""# + String(repeating: "x", count: 5000) + #""}}"#,
        ]
        for i in 6..<200 { lines.append(#"{"jsonrpc":"2.0","id":\#(i),"method":"match.opportunities","params":{"member":"m-bee","limit":2}}"#) }
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let r = try CommandRunner().run(["serve", "--stdio", "--demo", "--max-line-bytes", "4096"], input: input)
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) }
        #expect(out.count == 199, "one line per request that is not a notification")
        let first = try #require(out[0] as? [String: Any])
        #expect(first["id"] as? Int == 1)
        let helpers = try #require(out[1] as? [String: Any])
        #expect(((helpers["result"] as? [String: Any])?["matches"] as? [[String: Any]])?.first?["id"] as? String == "m-june")
        #expect(((out[2] as? [String: Any])?["error"] as? [String: Any])?["code"] as? Int == -32700)
        let batch = try #require(out[3] as? [[String: Any]])
        #expect(batch.map { $0["id"] as? Int } == [3, 4])
        #expect(((out[4] as? [String: Any])?["error"] as? [String: Any])?["code"] as? Int == -32003)
        let ids = out[5...].compactMap { ($0 as? [String: Any])?["id"] as? Int }
        #expect(ids == Array(6..<200), "answered in order")
        #expect(r.stderr.contains("serving"))
        #expect(!r.stderr.contains("Maud") && !r.stderr.contains("Arthur"), "logs never carry names")
    }
}
