@testable import StitchApplication
import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchRPC
@testable import StitchStore

/// The daemon's "not this one": `match.dismiss` over JSON-RPC, honoured by `match.helpers`,
/// kept across a restart and a replaced community, taken back by `match.undismiss`.
@Suite("Dismissals are honoured by the daemon, stored and survive restarts")
struct DismissalStoreTests {
    static let helpers = #"{"request":{"requester":"m-arthur","skill":"accompany to hospital"},"limit":5}"#

    /// The ids of the helpers answered, best first, and the `dismissed` count.
    static func helpers(_ daemon: DaemonHarness) async throws -> (ids: [String], dismissed: Int) {
        let answer = try await daemon.call("match.helpers", helpers)
        let result = try #require(answer["result"] as? [String: Any], "\(answer)")
        let matches = try #require(result["matches"] as? [[String: Any]])
        let excluded = try #require(result["excluded"] as? [String: Int])
        return (matches.compactMap { $0["id"] as? String }, try #require(excluded["dismissed"]))
    }

    @Test func aDismissedHelperStaysAwayAcrossARestartAndAReplacedCommunity() async throws {
        let file = try TemporaryStore()
        let first: String
        do {
            let daemon = try DaemonHarness(path: file.path)
            let before = try await Self.helpers(daemon)
            first = try #require(before.ids.first)
            #expect(before.dismissed == 0)
            let kept = try await daemon.call(
                "match.dismiss", #"{"subject":"m-arthur","candidate":"\#(first)","reason":"did not get on","until":"2099-01-01"}"#)
            let dismissal = try #require(kept["result"] as? [String: Any], "\(kept)")
            #expect(dismissal["date"] as? String != nil && dismissal["until"] as? String == "2099-01-01")
            let after = try await Self.helpers(daemon)
            #expect(after.ids.first != first && !after.ids.contains(first))
            #expect(after.dismissed == 1)
            #expect(after.ids.first == before.ids.dropFirst().first)
        }
        do {
            let restarted = try DaemonHarness(path: file.path, initial: Community())
            let again = try await Self.helpers(restarted)
            #expect(!again.ids.contains(first) && again.dismissed == 1, "kept across a restart")
            let listed = try await restarted.call("match.dismissals", #"{"subject":"m-arthur"}"#)
            let list = try #require((listed["result"] as? [String: Any])?["dismissals"] as? [[String: Any]])
            #expect(list.count == 1 && list.first?["candidate"] as? String == first && list.first?["active"] as? Bool == true)
            #expect(list.first?["reason"] as? String == "did not get on")
            // `import --replace` of the same community keeps it, as outcomes are kept.
            try restarted.store.replaceAll(try Fixtures.lewisham)
            try restarted.store.replaceAllInNewFile(try Fixtures.lewisham)
        }
        do {
            let replaced = try DaemonHarness(path: file.path, initial: Community())
            #expect(try replaced.store.loadDismissals().map(\.candidate) == [first])
            #expect(try await Self.helpers(replaced).dismissed == 1)
            let undone = try await replaced.call("match.undismiss", #"{"subject":"m-arthur","candidate":"\#(first)"}"#)
            #expect((undone["result"] as? [String: Any])?["removed"] as? Bool == true, "\(undone)")
            #expect(try await Self.helpers(replaced).ids.first == first, "back first once taken back")
            let twice = try await replaced.call("match.undismiss", #"{"subject":"m-arthur","candidate":"\#(first)"}"#)
            #expect((twice["result"] as? [String: Any])?["removed"] as? Bool == false, "\(twice)")
        }
        let reopened = try DaemonHarness(path: file.path, initial: Community())
        #expect(try reopened.store.loadDismissals().isEmpty, "the undismissal was stored")
    }

    @Test func aLapsedDismissalNoLongerHoldsAndBadOnesAreRefusedWithTheirField() async throws {
        let file = try TemporaryStore()
        let daemon = try DaemonHarness(path: file.path)
        let first = try #require(try await Self.helpers(daemon).ids.first)
        let lapsed = try await daemon.call(
            "match.dismiss", #"{"subject":"m-arthur","candidate":"\#(first)","date":"2026-01-01","until":"2026-02-01"}"#)
        #expect(DaemonHarness.errorCode(lapsed) == nil, "\(lapsed)")
        let after = try await Self.helpers(daemon)
        #expect(after.ids.first == first && after.dismissed == 0, "comes back once `until` has passed")
        let listed = try await daemon.call("match.dismissals")
        #expect(((listed["result"] as? [String: Any])?["dismissals"] as? [[String: Any]])?.first?["active"] as? Bool == false)

        for (params, code, field) in [
            (#"{"subject":"m-nobody","candidate":"\#(first)"}"#, -32001, "params.subject"),
            (#"{"subject":"m-arthur","candidate":"m-nobody"}"#, -32001, "params.candidate"),
            (#"{"subject":"m-arthur","candidate":"a-nowhere"}"#, -32002, "params.candidate"),
            (#"{"subject":"m-arthur","candidate":"m-arthur"}"#, -32602, "params.candidate"),
            (#"{"subject":"m-arthur","candidate":"\#(first)","until":"soon"}"#, -32602, "params.until"),
            (#"{"subject":"m-arthur","candidate":"\#(first)","becauze":"x"}"#, -32602, "params.becauze"),
        ] {
            let answer = try await daemon.call("match.dismiss", params)
            let error = try #require(answer["error"] as? [String: Any], "\(params)")
            #expect(error["code"] as? Int == code, "\(params): \(error)")
            #expect((error["data"] as? [String: Any])?["field"] as? String == field, "\(params): \(error)")
        }
        // Removing the candidate drops the dismissal, in the store and in memory alike.
        #expect(DaemonHarness.errorCode(try await daemon.call("member.remove", #"{"id":"\#(first)"}"#)) == nil)
        #expect(try daemon.store.loadDismissals().isEmpty)
        #expect(await daemon.service.dismissals.isEmpty)
        #expect(daemon.store.integrityCheck())
    }
}
