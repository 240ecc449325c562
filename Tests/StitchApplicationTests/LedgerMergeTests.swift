import Foundation
import StitchApplication
import StitchModel
import StitchTestSupport
import Testing

/// Merging a community file's ledger and pairings into a stored community: accounts by id,
/// entries as exchanges, pairings by person and kind; nothing that names the unknown is kept,
/// and every such record is reported.
@Suite("Merging an import's ledger and pairings")
struct LedgerMergeTests {
    let base = Community(
        members: [Member(id: "m-a"), Member(id: "m-b")],
        accounts: [LedgerAccount(id: "pot", kind: .pot, name: "Good will pot")],
        ledger: [LedgerEntry(id: "l-1", kind: .donation, from: ["m-a"], to: ["pot"], hours: 2)])

    func rows<T>(_ values: [T], list: String) -> [IncomingRecord<T>] {
        values.enumerated().map { IncomingRecord($1, list: list, index: $0) }
    }

    @Test func addsAccountsEntriesAndPairingsAndReportsWhatNamesTheUnknown() throws {
        let incoming = IncomingCommunity(
            accounts: rows(
                [LedgerAccount(id: "pot", kind: .pot, name: "The pot"), LedgerAccount(id: "surgery", kind: .organisation, name: "Surgery")],
                list: "accounts"),
            ledger: rows(
                [
                    LedgerEntry(id: "l-1", kind: .donation, from: ["m-a"], to: ["pot"], hours: 2),  // stored already
                    LedgerEntry(kind: .exchange, from: ["m-a"], to: ["surgery"], hours: 3),
                    LedgerEntry(kind: .donation, from: ["m-b"], to: ["pott"], hours: 1),  // unknown account
                    LedgerEntry(id: "l-1", kind: .donation, from: ["m-a"], to: ["pot"], hours: 5),  // id repeated
                ], list: "ledger"),
            pairings: rows(
                [
                    Pairing(person: "m-b", helper: "m-a", kind: "shopping", start: CalendarDate(parsing: "2026-10-01")),
                    Pairing(person: "m-b", helper: "m-nobody", kind: "lifts"),
                    Pairing(person: "m-b", helper: "m-a", kind: " Shopping"),
                ], list: "pairings"))
        let changes = CommunityMerge.merge(incoming, into: base, mode: .add)
        #expect(changes[.accounts] == KindCounts(added: 1, updated: 1))
        #expect(changes[.ledger] == KindCounts(added: 1, unchanged: 1))
        #expect(changes[.pairings] == KindCounts(added: 1))
        #expect(changes.community.accounts.map(\.name) == ["The pot", "Surgery"])
        #expect(changes.ledger.map(\.to) == [["surgery"]])
        #expect(changes.pairings.map(\.helper) == ["m-a"])
        let paths = changes.skipped.map(\.fullPath)
        #expect(paths.contains("ledger[2].to[0]"), "\(paths)")
        #expect(paths.contains("ledger[3].id"), "\(paths)")
        #expect(paths.contains("pairings[1].helper"), "\(paths)")
        #expect(paths.contains("pairings[2].kind"), "one pairing per person and kind: \(paths)")
        #expect(changes.community.validationErrors().isEmpty)
        #expect(abs(changes.community.ledgerBalances().values.reduce(0, +)) < 1e-9, "balances still sum to zero")
    }

    @Test func aReplacementCountsTheLedgerItRemovesAndKeepsStoredPairings() {
        let incoming = IncomingCommunity(
            members: rows([Member(id: "m-a"), Member(id: "m-b")], list: "members"),
            pairings: rows([Pairing(person: "m-a", helper: "m-b", kind: "lifts")], list: "pairings"))
        let stored = [Pairing(person: "m-a", helper: "m-b", kind: "lifts")]
        let changes = CommunityMerge.merge(incoming, into: base, pairings: stored, mode: .replace)
        #expect(changes[.accounts].removed == 1 && changes[.ledger].removed == 1)
        #expect(changes.removed.ledger == 1 && changes.removes)
        #expect(changes[.pairings] == KindCounts(unchanged: 1))
        #expect(changes.pairings.isEmpty, "the stored pairing is the same")
    }

    @Test("an import keeps the balances summing to exactly zero, and reports every entry it leaves out")
    func importedLedgersStillSumToZero() {
        for seed in UInt64(1)...100 {
            var rng = SplitMix64(seed: seed)
            let members = (0..<Int.random(in: 4...12, using: &rng)).map { Member(id: "m-\($0)") }
            let ids = members.map(\.id)
            let accounts = [LedgerAccount(id: "tb", kind: .timebank, name: "TB"), LedgerAccount(id: "pot", kind: .pot, name: "Pot")]
            func entry(_ rng: inout SplitMix64) -> LedgerEntry {
                let people = ids.shuffled(using: &rng)
                let hours = Double(Int.random(in: 1...40, using: &rng)) / 7
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: return LedgerEntry(kind: .exchange, from: [people[0]], to: Array(people[1...2]), hours: hours)
                case 1: return LedgerEntry(kind: .donation, from: [people[0]], to: ["pot"], hours: hours)
                default: return LedgerEntry(kind: .exchange, from: [people[0]], to: [people[1]], hours: hours, paidBy: "pot")
                }
            }
            let stored = Community(members: members, accounts: accounts, ledger: (0..<Int.random(in: 0...10, using: &rng)).map { _ in entry(&rng) })
            var file = (0..<Int.random(in: 1...20, using: &rng)).map { _ in entry(&rng) }
            let bad = Int.random(in: 0...3, using: &rng)
            for _ in 0..<bad { file.append(LedgerEntry(kind: .donation, from: [ids[0]], to: ["ghost"], hours: 1)) }
            let incoming = IncomingCommunity(ledger: rows(file, list: "ledger"))
            let changes = CommunityMerge.merge(incoming, into: stored, mode: .add)
            let merged = changes.community
            #expect(merged.ledgerRules.balanceSeconds(exchanges: merged.exchanges, entries: merged.ledger).values.reduce(0, +) == 0, "seed \(seed)")
            #expect(changes.skippedCount == bad, "seed \(seed)")
            #expect(merged.ledger.count == stored.ledger.count + changes[.ledger].added, "seed \(seed)")
        }
    }
}
