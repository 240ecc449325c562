import Foundation
@testable import StitchApplication
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// The ledger's accounts and entries through the daemon: each write stored, read back equal,
/// pruned with the members it names, and a refused one never stored.
@Suite("The ledger is stored")
struct LedgerStoreTests {
    static let initial = Community(members: (0..<5).map { Member(id: "m-\($0)") })

    @Test func everyLedgerWriteIsStoredAndReadBack() async throws {
        let file = try TemporaryStore()
        let daemon = try DaemonHarness(path: file.path, initial: Self.initial)
        let writes: [(method: String, params: String)] = [
            ("ledger.account.add", #"{"account":{"id":"tb","kind":"timebank","name":"The time bank"}}"#),
            ("ledger.account.add", #"{"account":{"id":"pot","kind":"pot","name":"Good will pot"}}"#),
            ("ledger.account.add", #"{"account":{"id":"surgery","kind":"organisation","name":"The surgery"}}"#),
            ("ledger.record", #"{"entry":{"id":"l-1","kind":"exchange","from":["m-0"],"to":["m-1","m-2","m-3"],"hours":2,"date":"2026-10-01"}}"#),
            ("ledger.record", #"{"entry":{"kind":"donation","from":["m-0"],"to":["pot"],"hours":1}}"#),
            ("ledger.record", #"{"entry":{"kind":"exchange","from":["m-4"],"to":["m-2"],"hours":1.5,"paidBy":"pot"}}"#),
            ("ledger.record", #"{"entry":{"kind":"exchange","from":["m-4"],"to":["surgery"],"hours":6}}"#),
            ("exchange.record", #"{"exchange":{"giver":"m-2","receiver":"m-3","hours":1}}"#),
            ("member.remove", #"{"id":"m-1"}"#),  // the group session leaves with m-1, whole
        ]
        for (i, write) in writes.enumerated() {
            let response = try await daemon.call(write.method, write.params, id: i)
            #expect(DaemonHarness.errorCode(response) == nil, "\(write.method): \(response)")
            let served = await daemon.service.community
            #expect(try daemon.store.load() == served, "after \(write.method) #\(i), the store holds the served community")
        }
        let stored = try daemon.store.load()
        #expect(stored.accounts.map(\.id) == ["tb", "pot", "surgery"])
        #expect(stored.ledger.count == 3 && !stored.ledger.contains { $0.id == "l-1" })
        let balances = stored.ledgerBalances()
        #expect(balances["m-4"] == 7.5 && balances["pot"] == -0.5 && balances["surgery"] == -6)
        #expect(abs(balances.values.reduce(0, +)) < 1e-12)
        #expect(daemon.store.integrityCheck())

        let answer = try await daemon.call("ledger.balances", #"{"kind":"pot"}"#)
        let result = try #require(answer["result"] as? [String: Any])
        let listed = try #require(result["balances"] as? [[String: Any]])
        #expect(listed.count == 1 && listed[0]["id"] as? String == "pot" && listed[0]["balance"] as? Double == -0.5)
        #expect(result["total"] as? Double == 0)
    }

    @Test func aRefusedEntryIsNeverStored() async throws {
        let file = try TemporaryStore()
        let daemon = try DaemonHarness(path: file.path, initial: Self.initial)
        #expect(
            DaemonHarness.errorCode(
                try await daemon.call("ledger.account.add", #"{"account":{"id":"pot","kind":"pot","name":"Pot"}}"#)) == nil)
        let before = try daemon.store.load()
        // A group with no time bank account to pay for it.
        let group = try await daemon.call("ledger.record", #"{"entry":{"kind":"exchange","from":["m-0"],"to":["m-1","m-2"],"hours":2}}"#)
        #expect(DaemonHarness.errorCode(group) == -32602)
        let data = try #require((group["error"] as? [String: Any])?["data"] as? [String: Any])
        #expect(data["field"] as? String == "params.entry.paidBy")
        #expect((data["reason"] as? String)?.contains("add an account of kind timebank") == true)
        // An account whose id is a member's.
        let clash = try await daemon.call("ledger.account.add", #"{"account":{"id":"m-3","kind":"organisation","name":"A ward"}}"#)
        #expect(DaemonHarness.errorCode(clash) == -32602)
        #expect(try daemon.store.load() == before)
    }
}
