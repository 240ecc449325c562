@testable import StitchApplication
import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchRPC
@testable import StitchStore

/// Asks and pairings over the daemon: kept, stored, read back after a restart, and honoured by
/// `match.helpers`.
@Suite("Asks and pairings are stored and survive restarts")
struct AskPairingStoreTests {
    static let shopping = #"{"request":{"requester":"m-hodan","skill":"shopping"},"limit":5}"#

    static func helpers(_ daemon: DaemonHarness) async throws -> [[String: Any]] {
        let answer = try await daemon.call("match.helpers", shopping)
        let result = try #require(answer["result"] as? [String: Any], "\(answer)")
        return try #require(result["matches"] as? [[String: Any]])
    }

    @Test func asksAndAPairingSurviveARestart() async throws {
        let file = try TemporaryStore()
        let last: String
        do {
            let daemon = try DaemonHarness(path: file.path)
            let before = try await Self.helpers(daemon).compactMap { $0["id"] as? String }
            last = try #require(before.last)
            #expect(before.first != last)
            let asked = try await daemon.call("match.ask", #"{"subject":"m-hodan","candidate":"\#(before[0])","date":"2026-12-01"}"#)
            #expect((asked["result"] as? [String: Any])?["date"] as? String == "2026-12-01", "\(asked)")
            let started = try await daemon.call("pairing.start", #"{"person":"m-hodan","helper":"\#(last)","kind":"Shopping","review":"2099-01-01"}"#)
            #expect((started["result"] as? [String: Any])?["start"] as? String != nil, "\(started)")
            let first = try #require(try await Self.helpers(daemon).first)
            #expect(first["id"] as? String == last)
            #expect((first["reasons"] as? [String])?.first == "Already helps them every week")
            let bad = try await daemon.call("pairing.review", #"{"person":"m-hodan","kind":"lifts","review":"2099-01-01"}"#)
            let error = try #require(bad["error"] as? [String: Any], "\(bad)")
            #expect(error["code"] as? Int == -32006, "no such pairing: \(error)")
            #expect((error["data"] as? [String: Any])?["field"] as? String == "params.kind", "\(error)")
            // `import --replace` of the same community keeps them.
            try daemon.store.replaceAllInNewFile(try Fixtures.lewisham)
        }
        let again = try DaemonHarness(path: file.path, initial: Community())
        let asks = try await again.call("match.asks", #"{"subject":"m-hodan"}"#)
        let listed = try #require((asks["result"] as? [String: Any])?["asks"] as? [[String: Any]], "\(asks)")
        #expect(listed.count == 1 && listed.first?["pending"] as? Bool == true)
        let pairings = try await again.call("pairing.list", "{}")
        let kept = try #require((pairings["result"] as? [String: Any])?["pairings"] as? [[String: Any]], "\(pairings)")
        #expect(kept.count == 1 && kept.first?["helper"] as? String == last && kept.first?["active"] as? Bool == true)
        #expect(try await Self.helpers(again).first?["id"] as? String == last)
        let ended = try await again.call("pairing.end", #"{"person":"m-hodan","kind":"shopping"}"#)
        #expect((ended["result"] as? [String: Any])?["removed"] as? Bool == true)
        #expect(try await Self.helpers(again).first?["id"] as? String != last)
    }
}
