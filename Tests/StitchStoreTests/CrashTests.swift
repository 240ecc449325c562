import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// The real binary, killed with SIGKILL in the middle of a stream of writes, then restarted on
/// the same database: every write it acknowledged is there, and the file is sound.
@Suite("A daemon killed mid-stream loses no acknowledged write")
struct CrashTests {
    /// Answers awaited before each kill: over 5,000 acknowledged writes in four rounds.
    static let rounds = [1_100, 1_700, 1_300, 1_900]

    /// Thousands of `member.upsert` and `exchange.record` requests are queued on the daemon's
    /// standard input; it is killed after more than a thousand answers (plus a random delay, so
    /// the kill lands anywhere in a write: the check, the SQLite transaction, the fsync, the
    /// in-place index update, the answer, or a background rebuild).
    @Test func everyAcknowledgedWriteSurvivesSIGKILL() throws {
        let file = try TemporaryStore()
        let base = try Fixtures.lewisham
        var members = Set<String>()
        var exchanges = Set<String>()
        var generator = SystemRandomNumberGenerator()
        for (round, killAfter) in Self.rounds.enumerated() {
            let daemon = try DaemonProcess(["--db", file.path, "--demo"])
            var requests: [String] = []
            var records: [String] = []  // the id of the member or exchange written by request i (its JSON-RPC id)
            for i in 0..<(killAfter + 2_000) {
                if i.isMultiple(of: 2) {
                    let id = "m-crash-\(round)-\(i)"
                    records.append(id)
                    requests.append(
                        #"{"jsonrpc":"2.0","id":\#(i),"method":"member.upsert","params":{"member":{"id":"\#(id)","name":"Crash \#(i)","offers":["befriending"],"location":{"lat":51.44,"lon":-0.02},"avoid":["m-sam"]}}}"#
                    )
                } else {
                    let id = "x-crash-\(round)-\(i)"
                    records.append(id)
                    requests.append(
                        #"{"jsonrpc":"2.0","id":\#(i),"method":"exchange.record","params":{"exchange":{"id":"\#(id)","giver":"m-crash-\#(round)-\#(i - 1)","receiver":"m-june","hours":1,"date":"2026-06-01"}}}"#
                    )
                }
            }
            daemon.stream(requests)
            daemon.waitForResponses(killAfter)
            usleep(UInt32.random(in: 0..<150_000, using: &generator))
            daemon.kill()
            let responses = daemon.responses
            #expect(responses.count >= killAfter, "round \(round): \(responses.count) answers; log: \(daemon.log)")
            #expect(daemon.written > responses.count, "round \(round): killed with requests still queued")
            for line in responses {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let id = try #require(object["id"] as? Int)
                #expect(object["result"] != nil, "request \(id) was answered with \(line)")
                if id.isMultiple(of: 2) { members.insert(records[id]) } else { exchanges.insert(records[id]) }
            }

            // Open the database as the next daemon will, and look for every acknowledged record.
            let store = try SQLiteCommunityStore(path: file.path)
            #expect(store.integrityCheck(), "round \(round): PRAGMA integrity_check and foreign_key_check are ok")
            let stored = try store.load()
            let storedMembers = Set(stored.members.map(\.id))
            let storedExchanges = Set(stored.exchanges.compactMap(\.id))
            #expect(
                members.isSubset(of: storedMembers),
                "round \(round): lost \(members.subtracting(storedMembers).sorted())")
            #expect(
                exchanges.isSubset(of: storedExchanges),
                "round \(round): lost \(exchanges.subtracting(storedExchanges).sorted())")
            #expect(stored.validationErrors().isEmpty)
            #expect(
                Array(stored.members.prefix(base.members.count)) == base.members, "the imported community is intact")
        }
        #expect(members.count + exchanges.count >= Self.rounds.reduce(0, +))

        // A last restart of the real daemon serves everything that was stored.
        let stored = try SQLiteCommunityStore(path: file.path).counts()
        let daemon = try DaemonProcess(["--db", file.path, "--demo"])
        #expect(daemon.send(#"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#))
        let health = try #require(daemon.waitForResponses(1).first)
        #expect(health.contains(#""members":\#(stored.members)"#), "\(health)")
        #expect(daemon.stop() == 0)
        #expect(daemon.log.contains("serving \(stored.members) members"), "\(daemon.log)")
    }
}
