import Foundation
import StitchModel
import StitchTestSupport
import Testing

/// The ledger: accounts beyond members, entries of every kind, balances that always sum to zero.
@Suite("Ledger")
struct LedgerTests {
    static let accounts = [
        LedgerAccount(id: "tb", kind: .timebank, name: "the time bank"),
        LedgerAccount(id: "surgery", kind: .organisation, name: "the surgery"),
        LedgerAccount(id: "pot", kind: .pot, name: "the good will pot"),
    ]

    static func community(members: Int, ledger: [LedgerEntry] = [], exchanges: [Exchange] = []) -> Community {
        Community(members: (0..<members).map { Member(id: "m-\($0)") }, exchanges: exchanges, accounts: accounts, ledger: ledger)
    }

    /// A random entry that fits the rules, among `members` members and the three accounts.
    static func randomEntry(members: Int, rng: inout SplitMix64) -> LedgerEntry {
        var ids = (0..<members).map { "m-\($0)" }.shuffled(using: &rng)
        func take(_ n: Int) -> [String] { defer { ids.removeFirst(n) }; return Array(ids.prefix(n)) }
        let hours = Double(Int.random(in: 1...40, using: &rng)) / 7  // not whole minutes: splits are uneven
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return LedgerEntry(kind: .exchange, from: take(1), to: take(Int.random(in: 2...6, using: &rng)), hours: hours)
        case 1: return LedgerEntry(kind: .exchange, from: take(Int.random(in: 2...4, using: &rng)), to: take(1), hours: hours)
        case 2: return LedgerEntry(kind: .exchange, from: take(1), to: take(1), hours: hours, paidBy: "pot")
        case 3: return LedgerEntry(kind: .exchange, from: take(Int.random(in: 1...3, using: &rng)), to: ["surgery"], hours: hours)
        case 4: return LedgerEntry(kind: .donation, from: take(1), to: Bool.random(using: &rng) ? ["pot"] : take(1), hours: hours)
        default: return LedgerEntry(kind: .spend, from: take(Int.random(in: 1...5, using: &rng)), to: ["tb"], hours: hours)
        }
    }

    @Test("balances sum to exactly zero across all accounts for random seeded ledgers")
    func balancesSumToZero() throws {
        for seed in UInt64(1)...200 {
            var rng = SplitMix64(seed: seed)
            let members = Int.random(in: 8...30, using: &rng)
            let entries = (0..<Int.random(in: 1...60, using: &rng)).map { _ in Self.randomEntry(members: members, rng: &rng) }
            let exchanges = (0..<Int.random(in: 0...20, using: &rng)).map { i in
                Exchange(giver: "m-\(i % members)", receiver: "m-\((i + 1) % members)", hours: Double(i % 5 + 1) / 3)
            }
            let community = Self.community(members: members, ledger: entries, exchanges: exchanges)
            #expect(community.validationErrors().isEmpty, "seed \(seed)")
            let seconds = community.ledgerRules.balanceSeconds(exchanges: exchanges, entries: entries)
            #expect(seconds.values.reduce(0, +) == 0, "seed \(seed)")
            #expect(abs(community.ledgerBalances().values.reduce(0, +)) < 1e-9, "seed \(seed)")
        }
    }

    @Test("a group session: the giver earns the hours once, the time bank pays, receivers pay nothing")
    func groupSession() {
        let entry = LedgerEntry(kind: .exchange, from: ["m-0"], to: (1...6).map { "m-\($0)" }, hours: 2)
        let balances = Self.community(members: 7, ledger: [entry]).ledgerBalances()
        #expect(balances["m-0"] == 2)
        #expect(balances["tb"] == -2)
        #expect((1...6).allSatisfy { balances["m-\($0)"] == nil })
    }

    @Test("many to one: each helper earns their hours and the one receiver pays them all")
    func manyToOne() {
        let entry = LedgerEntry(kind: .exchange, from: ["m-0", "m-1", "m-2"], to: ["m-3"], hours: 1.5)
        let balances = Self.community(members: 4, ledger: [entry]).ledgerBalances()
        #expect(balances["m-0"] == 1.5 && balances["m-2"] == 1.5)
        #expect(balances["m-3"] == -4.5)
    }

    @Test("donations, the pot paying for help, giving at the surgery and credits spent")
    func otherKinds() {
        let ledger = [
            LedgerEntry(kind: .donation, from: ["m-0"], to: ["m-1"], hours: 3),
            LedgerEntry(kind: .donation, from: ["m-0"], to: ["pot"], hours: 1),
            LedgerEntry(kind: .exchange, from: ["m-2"], to: ["m-3"], hours: 2, paidBy: "pot"),
            LedgerEntry(kind: .exchange, from: ["m-2"], to: ["surgery"], hours: 6),
            LedgerEntry(kind: .spend, from: ["m-1"], to: ["tb"], hours: 2, activity: "a-knit"),
        ]
        let balances = Self.community(members: 4, ledger: ledger).ledgerBalances()
        #expect(balances["m-0"] == -4)
        #expect(balances["m-1"] == 1)
        #expect(balances["pot"] == -1)
        #expect(balances["m-2"] == 8)
        #expect(balances["m-3"] == nil)
        #expect(balances["surgery"] == -6)
        #expect(balances["tb"] == 2)
    }

    @Test("entries that do not fit are refused with the field, the reason and what to do")
    func validation() {
        let bad = [
            LedgerEntry(kind: .exchange, from: ["m-0"], to: ["m-9"], hours: 1),
            LedgerEntry(kind: .exchange, from: ["pot"], to: ["m-1"], hours: 1),
            LedgerEntry(kind: .donation, from: ["m-0"], to: ["surgery"], hours: 1),
            LedgerEntry(kind: .spend, from: ["m-0"], to: ["m-1"], hours: 1),
            LedgerEntry(kind: .donation, from: ["m-0", "m-1"], to: ["pot"], hours: 1),
            LedgerEntry(kind: .exchange, from: ["m-0"], to: ["m-0", "m-1"], hours: 1),
            LedgerEntry(kind: .exchange, from: ["m-0"], to: ["m-1"], hours: 1, paidBy: "m-2"),
        ]
        let errors = Self.community(members: 3, ledger: bad).validationErrors()
        let fields = Set(errors.map(\.field))
        #expect(fields.isSuperset(of: ["ledger[0].to[0]", "ledger[1].from[0]", "ledger[2].to[0]", "ledger[3].to[0]", "ledger[4].from", "ledger[5].from[0]", "ledger[6].paidBy"]))
        let unknown = errors.first { $0.field == "ledger[0].to[0]" }?.reason ?? ""
        #expect(unknown.contains("unknown member or account id 'm-9'") && unknown.contains("add the member, or the account"))

        var noBank = Self.community(members: 4, ledger: [LedgerEntry(kind: .exchange, from: ["m-0"], to: ["m-1", "m-2"], hours: 1)])
        noBank.accounts.removeAll { $0.kind == .timebank }
        let group = noBank.validationErrors()
        #expect(group.map(\.field) == ["ledger[0].paidBy"])
        #expect(group.first?.reason.contains("add an account of kind timebank") == true)

        var clash = Self.community(members: 2)
        clash.accounts.append(LedgerAccount(id: "m-1", kind: .organisation, name: "A ward"))
        #expect(clash.validationErrors().map(\.field) == ["accounts[3].id"])
    }

    @Test("a community file with a ledger reads back the same, and one without is written as before")
    func roundTrip() throws {
        let community = Self.community(members: 3, ledger: [LedgerEntry(id: "l-1", kind: .exchange, from: ["m-0"], to: ["m-1", "m-2"], hours: 2)])
        let data = try JSONEncoder().encode(community)
        #expect(try JSONDecoder().decode(Community.self, from: data) == community)
        let plain = try JSONEncoder().encode(Community(members: [Member(id: "m-0")]))
        #expect(!String(decoding: plain, as: UTF8.self).contains("ledger"))
        let badKind = Data(#"{"ledger":[{"kind":"gift","from":["a"],"to":["b"],"hours":1}]}"#.utf8)
        do {
            _ = try JSONDecoder().decode(Community.self, from: badKind)
            Issue.record("an unknown kind was read")
        } catch let error as DecodingError {
            let problem = ValidationError(error)
            #expect(problem.field == "ledger[0].kind")
            #expect(problem.reason.contains("use one of exchange, donation, spend, carryOver"))
        }
    }
}

/// Balances carried over to an affiliated time bank.
@Suite("Balance transfer")
struct BalanceTransferTests {
    @Test("export then import gives the same member balances, for random seeded ledgers")
    func roundTrip() throws {
        let day = CalendarDate(year: 2026, month: 12, day: 7)!
        for seed in UInt64(1)...50 {
            var rng = SplitMix64(seed: seed)
            let entries = (0..<30).map { _ in LedgerTests.randomEntry(members: 12, rng: &rng) }
            let source = LedgerTests.community(members: 12, ledger: entries)
            let file = BalanceTransfer.export(source, timebank: "Rushey Green Time Bank", date: day)
            let data = try JSONEncoder().encode(file)
            let read = try JSONDecoder().decode(BalanceTransfer.self, from: data)
            var target = LedgerTests.community(members: 12)
            target.ledger = try read.entries(for: target).get()
            #expect(target.validationErrors().isEmpty)
            let before = source.ledgerBalances(), after = target.ledgerBalances()
            for id in source.members.map(\.id) { #expect(before[id] == after[id], "seed \(seed) \(id)") }
            #expect(target.ledgerRules.balanceSeconds(exchanges: [], entries: target.ledger).values.reduce(0, +) == 0)
        }
    }

    @Test("bad files are refused at the field, with what to do")
    func refusals() throws {
        func problem(_ json: String) -> ValidationError? {
            do {
                _ = try JSONDecoder().decode(BalanceTransfer.self, from: Data(json.utf8))
                return nil
            } catch let error as DecodingError { return ValidationError(error) } catch { return nil }
        }
        #expect(problem(#"{"timebank":"A","date":"2026-12-07","balances":[{"member":"m-0","hours":"x"}]}"#)?.field == "balances[0].hours")
        #expect(problem(#"{"timebank":"A","date":"2026-12-07","balances":[{"member":"m-0","hours":1},{"member":"m-0","hours":2}]}"#)?.field == "balances[1].member")
        #expect(problem(#"{"timebank":"A","date":"2026-12-07","balances":[{"member":"m-0","hour":1}]}"#)?.field.hasPrefix("balances[0]") == true)
        #expect(problem(#"{"date":"2026-12-07","balances":[]}"#)?.field == "timebank")
        let file = BalanceTransfer(timebank: "A", date: CalendarDate(year: 2026, month: 12, day: 7)!, balances: [.init(member: "m-7", hours: 3)])
        let refused = file.entries(for: LedgerTests.community(members: 3))
        guard case .failure(let errors) = refused else { Issue.record("an unknown member was imported"); return }
        #expect(errors.errors.map(\.field) == ["balances[0].member"])
        #expect(errors.errors[0].reason.contains("add the member here first"))
    }
}
