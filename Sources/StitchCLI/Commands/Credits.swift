import ArgumentParser
import Foundation
import StitchApplication
import StitchModel

/// `stitch credits`: the time bank's ledger beyond one-to-one exchanges (the daemon's `ledger.*`
/// methods): group sessions, donations, the good will pot, organisations' accounts, credits
/// spent, balances, and balances carried over to an affiliated time bank (docs/ledger.md).
///
/// Not to be confused with `stitch account`, the log-in accounts of the web pages.
struct CreditsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credits",
        abstract: "Time credits beyond one-to-one exchanges: groups, donations, the good will pot, balances.",
        discussion: """
            Accounts here are the ledger's: the time bank, organisations (a surgery, a ward) and the good will pot, \
            beside every member's. (Log-in accounts of the web pages are `stitch account`.)

            Examples:
              stitch credits account add pot --kind pot --name "Good will pot"
              stitch credits record --kind exchange --from m-june --to m-arthur --to m-vera --hours 2
              stitch credits record --kind exchange --from m-jade --to m-maud --hours 1 --paid-by pot
              stitch credits record --kind donation --from m-kofi --to m-ama --hours 5
              stitch credits balances --kind pot
              stitch credits export --timebank "Rushey Green Time Bank" --output balances.json
              stitch credits import balances.json
            """,
        subcommands: [
            CreditsRecord.self, CreditsBalances.self, CreditsAccountCommand.self, CreditsExport.self, CreditsImport.self,
        ])
}

/// `stitch credits record`: one ledger entry (`ledger.record`).
struct CreditsRecord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record an exchange (one to many, many to one), a donation or credits spent.")

    @OptionGroup var input: CommunityOptions
    @Option(help: ArgumentHelp("exchange, donation, spend or carryOver.", valueName: "kind"))
    var kind: String
    @Option(help: ArgumentHelp("Who gives time, donates or spends (repeat for several).", valueName: "id"))
    var from: [String] = []
    @Option(help: ArgumentHelp("Who receives (repeat for several: a group).", valueName: "id"))
    var to: [String] = []
    @Option(help: "Hours each giver gave, or credits moved.")
    var hours: Double
    @Option(name: .customLong("paid-by"), help: ArgumentHelp("The account that pays an exchange (the pot, the time bank…).", valueName: "id"))
    var paidBy: String?
    @Option(help: ArgumentHelp("The activity credits were spent on.", valueName: "id"))
    var activity: String?
    @Option(help: "The skill given.")
    var skill: String?
    @Option(help: ArgumentHelp("The day (default: none).", valueName: "YYYY-MM-DD"))
    var date: String?
    @Option(help: "An id for the entry.")
    var id: String?

    func run() async throws {
        guard let kind = LedgerEntry.Kind(rawValue: kind) else {
            throw CLIError.usage(
                "'\(kind)' is not a kind of entry; use one of \(LedgerEntry.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let entry = LedgerEntry(
            id: id, kind: kind, from: from, to: to, hours: hours, paidBy: paidBy, activity: activity, skill: skill,
            date: try date.map(ReferralCommand.day))
        let params = MethodParams.RecordLedgerEntry(entry: entry)
        let answer = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.recordLedgerEntry(params) }
        print(input.json ? try RankingPrinter.json(answer) : CreditsBalances.describe(answer))
    }
}

/// `stitch credits balances`: balances per account (`ledger.balances`).
struct CreditsBalances: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "balances", abstract: "Balances per account, and their sum (zero).")

    @OptionGroup var input: CommunityOptions
    @Option(help: ArgumentHelp("Only this account (repeat for several).", valueName: "id"))
    var account: [String] = []
    @Option(help: ArgumentHelp("Only accounts of this kind: member, timebank, organisation or pot.", valueName: "kind"))
    var kind: String?
    @Flag(name: .customLong("non-zero"), help: "Leave out balances of zero.")
    var nonZero = false

    func run() async throws {
        let params = MethodParams.LedgerBalances(accounts: account.isEmpty ? nil : account, kind: kind, nonZero: nonZero ? true : nil)
        if let kind, !MethodParams.LedgerBalances.kinds.contains(kind) {
            throw CLIError.usage("'\(kind)' is not a kind of account; use one of \(MethodParams.LedgerBalances.kinds.joined(separator: ", "))")
        }
        let service = try input.service()
        let answer = try await answering { () async throws(ServiceError) in try await service.ledgerBalances(params) }
        print(input.json ? try RankingPrinter.json(answer) : Self.describe(answer))
    }

    /// One line per account, then the total.
    static func describe(_ answer: MethodResults.LedgerBalances) -> String {
        var lines = answer.balances.map { "\($0.id)  \($0.kind)  \(Self.hours($0.balance))" }
        if lines.isEmpty { lines.append("No balances") }
        lines.append("Total over every account: \(Self.hours(answer.total))")
        return lines.joined(separator: "\n")
    }

    static func hours(_ h: Double) -> String {
        let rounded = (h * 100).rounded() / 100
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)) + " h"
    }
}

/// `stitch credits account`: the ledger's accounts that are not members'.
struct CreditsAccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Add or list the ledger's accounts: the time bank, organisations, the good will pot.",
        subcommands: [CreditsAccountAdd.self, CreditsAccountList.self])
}

/// `stitch credits account add ID --kind KIND --name NAME` (`ledger.account.add`).
struct CreditsAccountAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a ledger account (its id is no member's).")

    @Argument(help: "The account's id.")
    var id: String
    @Option(help: ArgumentHelp("timebank, organisation or pot.", valueName: "kind"))
    var kind: String
    @Option(help: "The name to show.")
    var name: String
    @OptionGroup var input: CommunityOptions

    func run() async throws {
        guard let kind = LedgerAccount.Kind(rawValue: kind) else {
            throw CLIError.usage(
                "'\(kind)' is not a kind of account; use one of \(LedgerAccount.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let params = MethodParams.AddLedgerAccount(account: LedgerAccount(id: id, kind: kind, name: name))
        let added = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.addLedgerAccount(params) }
        print(input.json ? try RankingPrinter.json(added) : "Added the \(added.kind.rawValue) account \(added.id)")
    }
}

/// `stitch credits account list` (`ledger.account.list`).
struct CreditsAccountList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the ledger's accounts that are not members'.")

    @OptionGroup var input: CommunityOptions

    func run() async throws {
        let list = await (try input.service()).listLedgerAccounts()
        if input.json { return print(try RankingPrinter.json(list)) }
        guard !list.accounts.isEmpty else { return print("No ledger accounts") }
        for account in list.accounts { print("\(account.id)  \(account.kind.rawValue)  \(account.name)") }
    }
}

/// `stitch credits export`: members' balances for an affiliated time bank (`ledger.export`).
struct CreditsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write every member's balance other than zero, for an affiliated time bank.")

    @OptionGroup var input: CommunityOptions
    @Option(help: "The name of this time bank, written in the file.")
    var timebank: String
    @Option(help: ArgumentHelp("The day the balances are taken (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the file (default: standard output).", valueName: "path"))
    var output: String?

    func run() async throws {
        let params = MethodParams.ExportBalances(timebank: timebank, date: try date.map(ReferralCommand.day))
        let file = await (try input.service()).exportBalances(params)
        let text = try RankingPrinter.json(file)
        guard let output else { return print(text) }
        do {
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CLIError.unreadable(file: output, reason: (error as NSError).localizedDescription)
        }
        print("Wrote \(file.balances.count) balances to \(output)")
    }
}

/// `stitch credits import FILE`: balances carried over from an affiliated time bank (`ledger.import`).
struct CreditsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Carry over members' balances from an affiliated time bank's file; all or none.")

    @Argument(help: "The balances file (stitch credits export).")
    var file: String
    @OptionGroup var input: CommunityOptions

    func run() async throws {
        let transfer = try JSONInput.decode(BalanceTransfer.self, fromFile: file)
        let params = MethodParams.ImportBalances(transfer: transfer)
        let answer = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.importBalances(params) }
        if input.json { return print(try RankingPrinter.json(answer)) }
        print("Carried over \(transfer.balances.count) balances from \(transfer.timebank) (\(transfer.date))")
        print(CreditsBalances.describe(answer))
    }
}
