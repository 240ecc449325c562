@testable import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Reciprocity that reads the ledger: giving to the time bank, an organisation or a group counts
/// as giving; help paid by the pot or by donated credits never makes a member a taker.
@Suite("Ledger reciprocity")
struct LedgerReciprocityTests {
    static let day = CalendarDate(year: 2026, month: 11, day: 20)!
    static let accounts = [
        LedgerAccount(id: "tb", kind: .timebank, name: "the time bank"),
        LedgerAccount(id: "surgery", kind: .organisation, name: "the surgery"),
        LedgerAccount(id: "pot", kind: .pot, name: "the good will pot"),
    ]

    static func member(_ id: String, offers: [String] = [], needs: [String] = []) -> Member {
        Member(id: id, offers: offers, needs: needs, location: Location(lat: 51.45, lon: -0.01)!, travelKm: 10)
    }

    static var configuration: EngineConfiguration {
        var c = EngineConfiguration()
        c.referenceDate = day
        return c
    }

    @Test("help paid by the pot does not lower a member's standing, and the reasons say so")
    func potSupported() throws {
        let members = [
            Self.member("m-old", needs: ["shopping"]), Self.member("m-taker", needs: ["shopping"]),
            Self.member("m-helper", offers: ["shopping"]),
        ]
        let community = Community(
            members: members,
            exchanges: [Exchange(giver: "m-helper", receiver: "m-taker", hours: 8, date: Self.day)],
            accounts: Self.accounts,
            ledger: [LedgerEntry(kind: .exchange, from: ["m-helper"], to: ["m-old"], hours: 8, paidBy: "pot", date: Self.day)])
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy, configuration: Self.configuration)
        let ledger = engine.index.ledger
        let old = Int(engine.index.memberIndex["m-old"]!), taker = Int(engine.index.memberIndex["m-taker"]!)
        #expect(ledger.standing(old) == 0)
        #expect(ledger.standing(taker) == -8)
        // Not asked to give back as the taker is: she stands as someone balanced who was not asked lately.
        #expect(ledger.giverReciprocity[old] == TimeLedger.reciprocity(balance: 0, load: 0))
        #expect(ledger.giverReciprocity[old] < ledger.giverReciprocity[taker])
        let give = try engine.opportunities(for: "m-helper")
        let oldMatch = give.matches.first { $0.id == "m-old" }
        #expect(oldMatch?.reasons.contains("Supported by the good will pot") == true)
        let takerMatch = give.matches.first { $0.id == "m-taker" }
        #expect(takerMatch?.reasons.contains("Supported by the good will pot") == false)
    }

    @Test("giving at the surgery and to a group counts as giving, with the place in the reasons")
    func givingAtOrganisations() throws {
        let members = [Self.member("m-ask", needs: ["shopping"]), Self.member("m-gp", offers: ["shopping"])]
            + (0..<4).map { Self.member("m-g\($0)") }
        let community = Community(
            members: members, accounts: Self.accounts,
            ledger: [
                LedgerEntry(kind: .exchange, from: ["m-gp"], to: ["surgery"], hours: 6, date: Self.day.adding(days: -3)),
                LedgerEntry(kind: .exchange, from: ["m-g0"], to: ["m-g1", "m-g2", "m-g3"], hours: 2, date: Self.day),
            ])
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy, configuration: Self.configuration)
        let gp = Int(engine.index.memberIndex["m-gp"]!), g0 = Int(engine.index.memberIndex["m-g0"]!)
        #expect(engine.index.ledger.given[gp] == 6 && engine.index.ledger.recentHours[gp] == 6)
        #expect(engine.index.ledger.given[g0] == 2)
        for r in 1...3 { #expect(engine.index.ledger.standing(Int(engine.index.memberIndex["m-g\(r)"]!)) == 0) }
        let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-ask", skill: "shopping"))
        let match = try #require(ranking.matches.first { $0.id == "m-gp" })
        #expect(match.reasons.contains("Gave 6 h at the surgery in the last 4 weeks"))
    }

    @Test("a donor is not taken for a taker; the one donated to is supported")
    func donations() throws {
        let community = Community(
            members: [Self.member("m-prisoner"), Self.member("m-family")],
            exchanges: [], accounts: Self.accounts,
            ledger: [
                LedgerEntry(kind: .exchange, from: ["m-prisoner"], to: ["tb"], hours: 10, date: Self.day),
                LedgerEntry(kind: .donation, from: ["m-prisoner"], to: ["m-family"], hours: 10, date: Self.day),
            ])
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy, configuration: Self.configuration)
        let p = Int(engine.index.memberIndex["m-prisoner"]!), f = Int(engine.index.memberIndex["m-family"]!)
        #expect(engine.balance(of: "m-prisoner") == 0 && engine.index.ledger.standing(p) == 10)
        #expect(engine.balance(of: "m-family") == 10 && engine.index.ledger.standing(f) == 10)
    }

    @Test("ledger entries applied one by one leave the same credits as a rebuild, members removed included")
    func incrementalEqualsRebuilt() throws {
        for seed in UInt64(1)...30 {
            var rng = SplitMix64(seed: seed)
            let count = 12
            var live = try LiveCommunity(
                community: Community(members: (0..<count).map { Self.member("m-\($0)") }, accounts: Self.accounts),
                taxonomy: Fixtures.taxonomy, configuration: Self.configuration)
            for step in 0..<40 {
                let ids = live.community.members.map(\.id)
                if step % 13 == 12, ids.count > 8 {
                    try live.apply(.removeMember(id: ids.randomElement(using: &rng)!))
                    continue
                }
                var entry = LedgerModelEntries.random(ids: ids, rng: &rng)
                entry.date = Self.day.adding(days: -Int.random(in: 0...60, using: &rng))
                try live.apply(.recordLedgerEntry(entry))
            }
            let rebuilt = live.rebuilt()
            for id in live.community.members.map(\.id) {
                let a = Int(live.engine.index.memberIndex[id]!), b = Int(rebuilt.engine.index.memberIndex[id]!)
                let x = live.engine.index.ledger, y = rebuilt.engine.index.ledger
                #expect(abs(x.balance(a) - y.balance(b)) < 1e-9, "seed \(seed) \(id)")
                #expect(abs(x.standing(a) - y.standing(b)) < 1e-9, "seed \(seed) \(id)")
                #expect(abs(x.load[a] - y.load[b]) < 1e-9 && abs(x.recentHours[a] - y.recentHours[b]) < 1e-9)
                #expect(abs(x.potSupported[a] - y.potSupported[b]) < 1e-9)
                #expect(abs(x.giverReciprocity[a] - y.giverReciprocity[b]) < 1e-12)
                #expect(x.recentAtAccounts[a] == y.recentAtAccounts[b], "seed \(seed) \(id)")
            }
            let balances = live.community.ledgerBalances()
            #expect(abs(balances.values.reduce(0, +)) < 1e-9)
        }
    }

    @Test("a live entry that does not fit is refused with its field and leaves the engine unchanged")
    func liveRefusal() throws {
        var live = try LiveCommunity(
            community: Community(members: [Self.member("m-0"), Self.member("m-1")], accounts: Self.accounts),
            taxonomy: Fixtures.taxonomy, configuration: Self.configuration)
        #expect(throws: ValidationErrors.self) {
            try live.apply(.recordLedgerEntry(LedgerEntry(kind: .spend, from: ["m-0"], to: ["m-1"], hours: 1)))
        }
        do {
            try live.apply(.addAccount(LedgerAccount(id: "m-1", kind: .pot, name: "Pot")))
            Issue.record("an account took a member's id")
        } catch {
            #expect(error.errors.map(\.field) == ["id"])
        }
        #expect(live.community.ledger.isEmpty && live.community.accounts.count == 3)
    }
}

/// Random entries that fit the rules, among given members and the accounts `tb`, `surgery`, `pot`.
enum LedgerModelEntries {
    static func random(ids: [String], rng: inout SplitMix64) -> LedgerEntry {
        var ids = ids.shuffled(using: &rng)
        func take(_ n: Int) -> [String] { defer { ids.removeFirst(n) }; return Array(ids.prefix(n)) }
        let hours = Double(Int.random(in: 1...12, using: &rng)) / 4
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return LedgerEntry(kind: .exchange, from: take(1), to: take(Int.random(in: 2...4, using: &rng)), hours: hours)
        case 1: return LedgerEntry(kind: .exchange, from: take(2), to: take(1), hours: hours)
        case 2: return LedgerEntry(kind: .exchange, from: take(1), to: take(1), hours: hours, paidBy: "pot")
        case 3: return LedgerEntry(kind: .exchange, from: take(1), to: ["surgery"], hours: hours)
        case 4: return LedgerEntry(kind: .donation, from: take(1), to: Bool.random(using: &rng) ? ["pot"] : take(1), hours: hours)
        default: return LedgerEntry(kind: .spend, from: take(2), to: ["tb"], hours: hours)
        }
    }
}
