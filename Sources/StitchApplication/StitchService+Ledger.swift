import Foundation
import StitchEngine
public import StitchModel

/// `ledger.record`, `ledger.balances`, `ledger.account.add`, `ledger.account.list`,
/// `ledger.export` and `ledger.import`: the time bank's ledger beyond one-to-one exchanges
/// (docs/ledger.md).
///
/// An entry or account is validated, applied to the engine (each member's credits and standing)
/// and stored before it is answered, as every write is. Balances are worked out from the
/// community's exchanges and entries in whole seconds, so they always sum to zero.
extension StitchService {
    /// `ledger.record`: records an entry, answered with the balances of the accounts it names.
    public func recordLedgerEntry(_ params: MethodParams.RecordLedgerEntry) throws(ServiceError) -> MethodResults.LedgerBalances {
        let entry = params.entry
        try requireLedgerStore()
        try apply(
            .recordLedgerEntry(entry), field: "entry",
            storing: ("ledger.record", { try Self.ledgerStore($0).record(ledgerEntry: entry) }))
        var named = entry.from + entry.to
        if let payer = engine.ledgerRules.payer(of: entry), !named.contains(payer) { named.append(payer) }
        return balances(of: named)
    }

    /// `ledger.balances`: balances by account, filtered by ids, kind and non-zero.
    public func ledgerBalances(_ params: MethodParams.LedgerBalances) throws(ServiceError) -> MethodResults.LedgerBalances {
        let community = community
        let all = community.ledgerBalances()
        var ids = params.accounts ?? (community.members.map(\.id) + community.accounts.map(\.id))
        if let kind = params.kind { ids = ids.filter { self.kind(of: $0, in: community) == kind } }
        if let requested = params.accounts {
            let rules = community.ledgerRules
            let memberIDs = Set(community.members.map(\.id))
            for (i, id) in requested.enumerated() where !memberIDs.contains(id) && rules.accounts[id] == nil {
                throw ServiceError.invalidParams(
                    ValidationError(
                        field: "accounts[\(i)]",
                        reason: NearestWord.unknownID("member or account", id, nearest: NearestWord.nearest(to: id, among: memberIDs.union(rules.accounts.keys)))
                            + "; list accounts with ledger.account.list"))
            }
        }
        var listed = ids.sorted().map { id in
            MethodResults.AccountBalance(id: id, kind: kind(of: id, in: community), balance: all[id] ?? 0)
        }
        if params.nonZero == true { listed.removeAll { $0.balance == 0 } }
        return .init(balances: listed, total: Self.total(all))
    }

    /// `ledger.account.add`: adds an account that is not a member's, answered as added.
    public func addLedgerAccount(_ params: MethodParams.AddLedgerAccount) throws(ServiceError) -> LedgerAccount {
        let account = params.account
        try requireLedgerStore()
        try apply(
            .addAccount(account), field: "account",
            storing: ("ledger.account.add", { try Self.ledgerStore($0).add(account: account) }))
        return account
    }

    /// `ledger.account.list`: the accounts that are not members', in the order added.
    public func listLedgerAccounts() -> MethodResults.LedgerAccounts {
        .init(accounts: community.accounts)
    }

    /// `ledger.export`: every member's balance other than zero, for an affiliated time bank.
    public func exportBalances(_ params: MethodParams.ExportBalances) -> BalanceTransfer {
        BalanceTransfer.export(community, timebank: params.timebank, date: params.date ?? Self.today())
    }

    /// `ledger.import`: gives each listed member their balance from an affiliated time bank, by
    /// `carryOver` entries with this time bank's account, all stored together or none.
    public func importBalances(_ params: MethodParams.ImportBalances) throws(ServiceError) -> MethodResults.LedgerBalances {
        var next = community
        switch params.transfer.entries(for: next) {
        case .failure(let errors): throw ServiceError.invalidParams(errors.errors, inside: "transfer")
        case .success(let entries): next.ledger += entries
        }
        try requireLedgerStore()
        try replace(with: next, prefix: "", storing: ("ledger.import", { try $0.replaceAll(next) }))
        pruneOutcomes()
        pruneDismissals()
        return balances(of: params.transfer.balances.map(\.member))
    }

    // MARK: Helpers

    /// The balances of `ids` (in that order, each once), with the total over every account.
    private func balances(of ids: [String]) -> MethodResults.LedgerBalances {
        let community = community
        let all = community.ledgerBalances()
        var seen = Set<String>()
        let listed = ids.filter { seen.insert($0).inserted }.map {
            MethodResults.AccountBalance(id: $0, kind: kind(of: $0, in: community), balance: all[$0] ?? 0)
        }
        return .init(balances: listed, total: Self.total(all))
    }

    private func kind(of id: String, in community: Community) -> String {
        community.accounts.first { $0.id == id }?.kind.rawValue ?? "member"
    }

    /// The sum of every balance, to the second (zero unless the ledger is broken).
    private static func total(_ balances: [String: Double]) -> Double {
        Double(balances.values.map(LedgerRules.seconds).reduce(0, +)) / 3600
    }

    /// Refuses a ledger write when the store cannot keep it (credits are never kept in memory only).
    private func requireLedgerStore() throws(ServiceError) {
        guard let persistence, !(persistence is any LedgerPersistence) else { return }
        Self.log("the store keeps no ledger; a ledger write was refused")
        throw ServiceError(.internalError, "Internal error: this store keeps no ledger, so nothing was changed")
    }

    private static func ledgerStore(_ persistence: any CommunityPersistence) throws -> any LedgerPersistence {
        guard let store = persistence as? any LedgerPersistence else { throw LedgerStoreMissing() }
        return store
    }
}

/// The store given keeps no ledger (checked before any write, so never met in practice).
private struct LedgerStoreMissing: Error, CustomStringConvertible {
    var description: String { "the store keeps no ledger" }
}
