import StitchModel

/// Ledger entries (groups, donations, credits spent; docs/ledger.md) read into each member's
/// credits and standing. The same function posts an entry at a full build and at a live write,
/// and takes it back out when a member leaves, so an edited index equals a rebuilt one.
extension CommunityIndex {
    /// Adds a non-member account (the caller has checked its id is free).
    mutating func add(account: LedgerAccount) {
        ledgerAccounts[account.id] = account
    }

    /// Records a ledger entry into the members' credits; `sign` −1 takes it back out.
    mutating func record(entry: LedgerEntry, sign: Double = 1) {
        Self.post(
            entry, into: &ledger, memberIndex: memberIndex, accounts: ledgerAccounts, today: today,
            windowDays: configuration.overloadWindowDays, sign: sign)
    }

    /// Posts `entry` into `ledger`: what each member named in it gave, paid, was donated or had
    /// paid for them. Accounts that are not members only matter for who pays and for reasons.
    static func post(
        _ entry: LedgerEntry, into ledger: inout TimeLedger, memberIndex: [String: Int32], accounts: [String: LedgerAccount],
        today: CalendarDate, windowDays: Int, sign: Double
    ) {
        let member = { (id: String) in memberIndex[id].map(Int.init) }
        let h = entry.hours
        switch entry.kind {
        case .exchange:
            let timebank = accounts.values.filter { $0.kind == .timebank }.map(\.id).min()
            guard let payer = entry.paidBy ?? (entry.to.count == 1 ? entry.to[0] : timebank) else { return }
            let givers = entry.from.compactMap(member)
            // Giving at an organisation or the time bank is giving, and said so in the reasons.
            let place = entry.to.count == 1 ? accounts[entry.to[0]].map(\.name) : nil
            for g in givers {
                ledger.give(g, hours: h, date: entry.date, today: today, windowDays: windowDays, sign: sign)
                if let place { ledger.gave(g, hours: h, at: place, date: entry.date, today: today, windowDays: windowDays, sign: sign) }
            }
            let total = h * Double(entry.from.count)
            if let p = member(payer) {
                ledger.charge(p, hours: total, sign: sign)
            } else if accounts[payer]?.kind == .pot {
                let receivers = entry.to.compactMap(member)
                for r in receivers { ledger.supportFromPot(r, hours: total / Double(receivers.count), sign: sign) }
            }
        case .donation:
            if let d = member(entry.from[0]) { ledger.debit(d, hours: h, sign: sign) }
            if let r = member(entry.to[0]) { ledger.credit(r, hours: h, sign: sign) }
        case .spend:
            for s in entry.from.compactMap(member) { ledger.charge(s, hours: h, sign: sign) }
        case .carryOver:
            // Credits carried in add to the member's standing; a debt carried in is help received.
            if let r = member(entry.to[0]) { ledger.credit(r, hours: h, sign: sign) }
            if let d = member(entry.from[0]) { ledger.charge(d, hours: h, sign: sign) }
        }
    }
}

extension CommunityIndex {
    /// What the ledger says of member `m` beyond one-to-one exchanges, for a match's reasons:
    /// help paid by the good will pot (which never makes them a taker) and time given lately
    /// at an organisation or the time bank ("Gave 6 h at the surgery in the last 4 weeks").
    func ledgerReasons(_ m: Int) -> [String] {
        var reasons: [String] = []
        if ledger.potSupported[m] > 0 { reasons.append("Supported by the good will pot") }
        if ledger.donatedIn[m] > 0 { reasons.append("Supported by donated credits") }
        if let best = ledger.recentAtAccounts[m]?.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
            let days = configuration.overloadWindowDays
            let window = days % 7 == 0 ? "\(days / 7) weeks" : "\(days) days"
            reasons.append("Gave \(Formulas.hoursText(best.value)) at \(best.key) in the last \(window)")
        }
        return reasons
    }
}
