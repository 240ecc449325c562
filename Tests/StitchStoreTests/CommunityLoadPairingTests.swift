import Foundation
import StitchApplication
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// `community.load` of a community file that lists its ledger and pairings, as the JSON-RPC and
/// HTTP interfaces hand it over (params read by `MethodParams.decode`), into a stored service.
@Suite("community.load carries the ledger and pairings into the store")
struct CommunityLoadPairingTests {
    static let file = #"""
        {"community": {
          "members": [{"id": "m-elsie", "housebound": true}, {"id": "m-tunde", "offers": ["lifts"]}],
          "accounts": [{"id": "pot", "kind": "pot", "name": "Good will pot"}],
          "ledger": [{"kind": "donation", "from": ["m-tunde"], "to": ["pot"], "hours": 2},
                     {"kind": "exchange", "from": ["m-tunde"], "to": ["m-elsie"], "hours": 2, "paidBy": "pot"}],
          "pairings": [{"person": "m-elsie", "helper": "m-tunde", "kind": "lifts", "start": "2026-10-09", "review": "2099-10-08"}]}}
        """#

    @Test func anInlineCommunityFileIsStoredWholeAndReadBackAfterARestart() async throws {
        let temporary = try TemporaryStore()
        let store = try temporary.open()
        let service = try StitchService(community: Community(), taxonomy: try Fixtures.taxonomy, persistence: store)
        let params = try MethodParams.decode(MethodParams.Load.self, from: Data(Self.file.utf8))
        #expect(params.pairings.count == 1)
        let loaded = try await service.load(params)
        #expect(loaded.members == 2)
        let listed = try await service.listPairings(MethodParams.Pairings(person: "m-elsie"))
        #expect(listed.pairings.map(\.helper) == ["m-tunde"] && listed.pairings.first?.active == true)

        let reopened = try temporary.open()
        let stored = try reopened.load()
        #expect(stored.accounts.map(\.id) == ["pot"] && stored.ledger.count == 2)
        #expect(stored.ledgerBalances()["pot"] == 0 && stored.ledgerBalances().values.reduce(0, +) == 0)
        #expect(try reopened.loadPairings().map(\.helper) == ["m-tunde"])
    }

    @Test func aPairingNamingSomeoneUnknownRefusesTheLoadAndChangesNothing() async throws {
        let temporary = try TemporaryStore()
        let store = try temporary.open()
        let service = try StitchService(community: Community(), taxonomy: try Fixtures.taxonomy, persistence: store)
        let bad = Self.file.replacingOccurrences(of: #""helper": "m-tunde""#, with: #""helper": "m-tundy""#)
        let params = try MethodParams.decode(MethodParams.Load.self, from: Data(bad.utf8))
        do {
            _ = try await service.load(params)
            Issue.record("a pairing with an unknown helper was loaded")
        } catch {
            #expect(error.data?.field == "params.community.pairings[0].helper", "\(error)")
            #expect(error.data?.reason.hasPrefix("unknown member id 'm-tundy'") == true, "\(error)")
        }
        #expect(try temporary.open().load().members.isEmpty && temporary.open().loadPairings().isEmpty)
    }

    @Test func anEntryNamingAnUnknownAccountRefusesTheLoad() async throws {
        let service = try StitchService(community: Community(), taxonomy: try Fixtures.taxonomy)
        let bad = Self.file.replacingOccurrences(of: #""paidBy": "pot""#, with: #""paidBy": "pott""#)
        let params = try MethodParams.decode(MethodParams.Load.self, from: Data(bad.utf8))
        do {
            _ = try await service.load(params)
            Issue.record("an entry paid by an unknown account was loaded")
        } catch {
            #expect(error.data?.field.hasPrefix("params.community.ledger[1].paidBy") == true, "\(error)")
        }
    }
}
