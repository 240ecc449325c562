import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// The real binary making and moving referrals, killed with SIGKILL mid-stream, then restarted on
/// the same database: every referral change it acknowledged is there.
@Suite("A daemon killed mid-stream loses no acknowledged referral")
struct ReferralCrashTests {
    @Test func everyAcknowledgedReferralChangeSurvivesSIGKILL() throws {
        let file = try TemporaryStore()
        var acknowledged: [String: ReferralStatus] = [:]
        var generator = SystemRandomNumberGenerator()
        for (round, killAfter) in [300, 450].enumerated() {
            let daemon = try DaemonProcess(["--db", file.path, "--demo"])
            var requests: [String] = []
            var meaning: [(id: String, status: ReferralStatus)] = []
            for i in 0..<(killAfter + 600) {
                let id = "r-crash-\(round)-\(i / 2)"
                if i.isMultiple(of: 2) {
                    requests.append(
                        #"{"jsonrpc":"2.0","id":\#(i),"method":"referral.create","params":{"referral":{"id":"\#(id)","person":"m-maud","date":"2026-11-02","reason":"lonely"},"limit":2}}"#)
                    meaning.append((id, .referred))
                } else {
                    requests.append(
                        #"{"jsonrpc":"2.0","id":\#(i),"method":"referral.update-status","params":{"id":"\#(id)","status":"contacted","date":"2026-11-03"}}"#)
                    meaning.append((id, .contacted))
                }
            }
            daemon.stream(requests)
            daemon.waitForResponses(killAfter)
            usleep(UInt32.random(in: 0..<100_000, using: &generator))
            daemon.kill()
            for line in daemon.responses {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let index = try #require(object["id"] as? Int)
                #expect(object["result"] != nil, "request \(index) was answered with \(line)")
                acknowledged[meaning[index].id] = meaning[index].status
            }
            let store = try SQLiteCommunityStore(path: file.path)
            #expect(store.integrityCheck())
            let stored = Dictionary(uniqueKeysWithValues: try store.loadReferrals().map { ($0.id, $0.status) })
            for (id, status) in acknowledged {
                let kept = try #require(stored[id], "round \(round): lost \(id)")
                #expect(kept == status || (status == .referred && kept == .contacted), "round \(round): \(id) is \(kept), acknowledged \(status)")
            }
        }
        #expect(acknowledged.count >= 300)
    }
}
