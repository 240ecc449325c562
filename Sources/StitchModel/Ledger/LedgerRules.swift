/// What a ledger entry means among a community's accounts: which accounts it may name, and the
/// credits it moves (its postings), in whole seconds so that every entry's postings sum to
/// exactly zero.
///
/// One set of rules serves the community file's check, a live write and the balances, so an
/// entry is read the same way everywhere.
public struct LedgerRules: Sendable {
    /// The non-member accounts, by id.
    public let accounts: [String: LedgerAccount]
    private let isMember: @Sendable (String) -> Bool

    public init(accounts: [LedgerAccount], isMember: @escaping @Sendable (String) -> Bool) {
        var byID: [String: LedgerAccount] = [:]
        for account in accounts where byID[account.id] == nil { byID[account.id] = account }
        self.accounts = byID
        self.isMember = isMember
    }

    /// The time bank's own account (the first of kind `timebank`, by id), which pays a group.
    public var timebankID: String? {
        accounts.values.filter { $0.kind == .timebank }.map(\.id).min()
    }

    /// Seconds in `hours`, to the second.
    public static func seconds(_ hours: Double) -> Int { Int((hours * 3600).rounded()) }

    /// The account that pays an exchange's givers: `paidBy`, the one receiver, or for a group
    /// the time bank's account (`nil` when there is none).
    public func payer(of entry: LedgerEntry) -> String? {
        if let paidBy = entry.paidBy { return paidBy }
        return entry.to.count == 1 ? entry.to[0] : timebankID
    }

    /// Problems with the accounts an entry names, each with its field, reason and what to do.
    public func referenceErrors(
        of entry: LedgerEntry, nearestMember: (String) -> String? = { _ in nil }
    ) -> [ValidationError] {
        var errors: [ValidationError] = []
        func known(_ id: String, field: String) -> Bool {
            if isMember(id) || accounts[id] != nil { return true }
            errors.append(
                .init(
                    field: field,
                    reason: NearestWord.unknownID("member or account", id, nearest: nearestMember(id))
                        + "; add the member, or the account (ledger.account.add, stitch credits account add)"))
            return false
        }
        func mustBeMember(_ id: String, field: String, role: String) {
            guard known(id, field: field), !isMember(id) else { return }
            errors.append(.init(field: field, reason: "\(role) is a member; '\(NearestWord.shown(id))' is the \(accounts[id]!.kind.rawValue) account '\(NearestWord.shown(accounts[id]!.name))'"))
        }
        func mustBeAccount(_ id: String, field: String, role: String, kinds: Set<LedgerAccount.Kind>) {
            guard known(id, field: field) else { return }
            guard let account = accounts[id], kinds.contains(account.kind) else {
                let names = LedgerAccount.Kind.allCases.filter(kinds.contains).map(\.rawValue).joined(separator: " or ")
                errors.append(.init(field: field, reason: "\(role) is a \(names) account, not '\(NearestWord.shown(id))'"))
                return
            }
        }
        switch entry.kind {
        case .exchange:
            for (i, id) in entry.from.enumerated() { mustBeMember(id, field: "from[\(i)]", role: "who gives time") }
            for (i, id) in entry.to.enumerated() { _ = known(id, field: "to[\(i)]") }
            if let paidBy = entry.paidBy {
                mustBeAccount(paidBy, field: "paidBy", role: "who pays for another's help", kinds: [.pot, .timebank, .organisation])
            } else if entry.to.count > 1, timebankID == nil {
                errors.append(
                    .init(
                        field: "paidBy",
                        reason: "a group exchange is paid by the time bank's account and there is none; "
                            + "add an account of kind timebank, or name who pays in paidBy"))
            }
        case .donation:
            _ = known(entry.from[0], field: "from[0]")
            if known(entry.to[0], field: "to[0]"), !isMember(entry.to[0]), accounts[entry.to[0]]?.kind != .pot {
                errors.append(.init(field: "to[0]", reason: "credits are donated to a member or the good will pot; name one of them"))
            }
        case .spend:
            for (i, id) in entry.from.enumerated() { mustBeMember(id, field: "from[\(i)]", role: "who spends credits") }
            mustBeAccount(entry.to[0], field: "to[0]", role: "who accepts credits", kinds: [.timebank, .organisation])
        case .carryOver:
            let members = [entry.from[0], entry.to[0]].filter(isMember)
            let banks = [entry.from[0], entry.to[0]].filter { accounts[$0]?.kind == .timebank }
            for (id, field) in [(entry.from[0], "from[0]"), (entry.to[0], "to[0]")] { _ = known(id, field: field) }
            if members.count != 1 || banks.count != 1 {
                errors.append(.init(field: "to[0]", reason: "credits carry over between the time bank's account and one member; name one of each"))
            }
        }
        return errors
    }

    /// The credits an entry moves, in seconds, by account: positive is earned or received,
    /// negative is paid. They sum to exactly zero. An entry that does not fit the rules (checked
    /// by ``referenceErrors(of:nearestMember:)``) moves nothing.
    public func postings(of entry: LedgerEntry) -> [(account: String, seconds: Int)] {
        let s = Self.seconds(entry.hours)
        switch entry.kind {
        case .exchange:
            guard let payer = payer(of: entry) else { return [] }
            return entry.from.map { ($0, s) } + [(payer, -s * entry.from.count)]
        case .donation, .carryOver:
            return [(entry.from[0], -s), (entry.to[0], s)]
        case .spend:
            return entry.from.map { ($0, -s) } + [(entry.to[0], s * entry.from.count)]
        }
    }

    /// Every account's balance in seconds after `exchanges` (giver earns, receiver pays) and
    /// `entries`; accounts with no movement are absent. The balances sum to exactly zero.
    public func balanceSeconds(exchanges: [Exchange], entries: [LedgerEntry]) -> [String: Int] {
        var balances: [String: Int] = [:]
        for x in exchanges {
            let s = Self.seconds(x.hours)
            balances[x.giver, default: 0] += s
            balances[x.receiver, default: 0] -= s
        }
        for entry in entries {
            for (account, s) in postings(of: entry) { balances[account, default: 0] += s }
        }
        return balances
    }
}
