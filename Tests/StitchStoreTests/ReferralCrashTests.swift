import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// The real binary making and moving referrals and recording their wellbeing, killed with SIGKILL
/// mid-stream, then restarted on the same database: every referral change it acknowledged is there.
@Suite("A daemon killed mid-stream loses no acknowledged referral")
struct ReferralCrashTests {
    @Test func everyAcknowledgedReferralChangeSurvivesSIGKILL() throws {
        let file = try TemporaryStore()
        var acknowledged: [String: ReferralStatus] = [:]
        var measured: Set<String> = []
        var generator = SystemRandomNumberGenerator()
        for (round, killAfter) in [300, 450].enumerated() {
            let daemon = try DaemonProcess(["--db", file.path, "--demo"])
            var requests: [String] = []
            // Three requests per referral: made, contacted, wellbeing measured before.
            var meaning: [(id: String, status: ReferralStatus, measured: Bool)] = []
            for i in 0..<(killAfter + 600) {
                let id = "r-crash-\(round)-\(i / 3)"
                switch i % 3 {
                case 0:
                    requests.append(
                        #"{"jsonrpc":"2.0","id":\#(i),"method":"referral.create","params":{"referral":{"id":"\#(id)","person":"m-maud","date":"2026-11-02","reason":"lonely"},"limit":2}}"#)
                    meaning.append((id, .referred, false))
                case 1:
                    requests.append(
                        #"{"jsonrpc":"2.0","id":\#(i),"method":"referral.update-status","params":{"id":"\#(id)","status":"contacted","date":"2026-11-03"}}"#)
                    meaning.append((id, .contacted, false))
                default:
                    requests.append(
                        #"{"jsonrpc":"2.0","id":\#(i),"method":"referral.wellbeing","params":{"id":"\#(id)","when":"before","scores":{"date":"2026-11-03","swemwbs":[2,2,3,2,3,2,3],"ons4":{"satisfied":4,"worthwhile":5,"happy":4,"anxious":7}}}}"#)
                    meaning.append((id, .contacted, true))
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
                if meaning[index].measured { measured.insert(meaning[index].id) }
            }
            let store = try SQLiteCommunityStore(path: file.path)
            #expect(store.integrityCheck())
            let records = try store.loadReferrals()
            let stored = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.status) })
            let withWellbeing = Set(records.filter { !$0.wellbeing.isEmpty }.map(\.id))
            for (id, status) in acknowledged {
                let kept = try #require(stored[id], "round \(round): lost \(id)")
                #expect(kept == status || (status == .referred && kept == .contacted), "round \(round): \(id) is \(kept), acknowledged \(status)")
            }
            for id in measured {
                #expect(withWellbeing.contains(id), "round \(round): lost the acknowledged wellbeing of \(id)")
            }
        }
        #expect(acknowledged.count >= 250)
        #expect(measured.count >= 200)
    }
}
