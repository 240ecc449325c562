import ArgumentParser
import Foundation
import StitchApplication
import StitchStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `stitch account`: the accounts of the web pages, kept in the database beside the community.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Add, list and remove the accounts of the web pages (stitch serve --http), and read the audit log.",
        discussion: """
            Roles: broker (who can help, recording exchanges), link-worker (referrals), connector (the network and \
            planning sessions), admin (every page). Accounts may be added while the daemon runs; it reads them at every login.
            """,
        subcommands: [AccountAdd.self, AccountList.self, AccountRemove.self, AccountAudit.self])
}

/// Where the accounts are: `--db PATH`, or the default database.
struct AccountDatabase: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The Stitch database holding the accounts (default: \(StoreLocation.defaultDescription)).", valueName: "path"))
    var db: String?

    var path: String { db ?? StoreLocation.defaultPath() }

    /// The accounts of the database; `mustExist` refuses a database that is not there.
    func service(mustExist: Bool) throws -> AccountService {
        if mustExist, !FileManager.default.fileExists(atPath: path) {
            throw CLIError.usage("no Stitch database at \(path): add an account first with `stitch account add NAME --role ROLE --db \(path)`")
        }
        return AccountService(store: try SQLiteCommunityStore(path: path))
    }
}

/// `stitch account add NAME --role ROLE`: the password from standard input, or asked for on a terminal.
struct AccountAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account; its password is read from standard input (asked for, twice, on a terminal).",
        discussion: """
            The password is never taken from the command line, where any local user could read it. It must be at least \
            \(AccountService.minimumPasswordLength) characters; only its bcrypt hash is stored.

            Examples:
              stitch account add ada --role link-worker --db stitch.sqlite
              stitch account add sam --role broker --db stitch.sqlite < sam-password.txt
            """)

    @Argument(help: "The name to log in with (letters a to z, digits and . _ - @).")
    var name: String
    @Option(help: ArgumentHelp("broker, link-worker, connector or admin.", valueName: "role"))
    var role: String
    @OptionGroup var database: AccountDatabase

    func run() async throws {
        let password = try Self.readPassword(for: name)
        let json = try JSONSerialization.data(withJSONObject: ["name": name, "role": role, "password": password])
        let accounts = try database.service(mustExist: false)
        let account = try await answering { () async throws(ServiceError) in
            try await accounts.add(try MethodParams.decode(MethodParams.AddAccount.self, from: json))
        }
        print("added the account \(account.name) (\(account.role.rawValue)) to \(database.path)")
    }

    /// The password: asked for twice, without echo, on a terminal; else the first line of standard input.
    static func readPassword(for name: String) throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            let first = try prompt("Password for \(name): ")
            let second = try prompt("The same password again: ")
            guard first == second else { throw CLIError.usage("the two passwords differ; nothing was added") }
            return first
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let text = String(decoding: input, as: UTF8.self)
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        guard !password.isEmpty else {
            throw CLIError.usage(
                "no password on standard input: give it on the first line (`stitch account add \(name) --role ROLE < file`), "
                    + "or run the command in a terminal to be asked for it")
        }
        return password
    }

    /// Asks on the terminal with echo off.
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        let canHide = tcgetattr(STDIN_FILENO, &saved) == 0
        if canHide {
            var hidden = saved
            hidden.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &hidden)
        }
        defer {
            if canHide { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw CLIError.usage("no password given; nothing was added") }
        return line
    }
}

/// `stitch account list`.
struct AccountList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts: name, role and when each was made.")

    @OptionGroup var database: AccountDatabase

    func run() throws {
        let accounts = try database.service(mustExist: true)
        let all: [Account]
        do { all = try accounts.list() } catch { throw CLIError.service(error) }
        guard !all.isEmpty else {
            print("no accounts yet: add one with `stitch account add NAME --role ROLE --db \(database.path)`")
            return
        }
        let rows = [["NAME", "ROLE", "CREATED"]] + all.map { [$0.name, $0.role.rawValue, $0.created.formatted(.iso8601)] }
        let widths = (0..<2).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(Terminal.cell(row[0], widths[0] + 2) + Terminal.cell(row[1], widths[1] + 2) + row[2])
        }
    }
}

/// `stitch account remove NAME`.
struct AccountRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an account (its lines in the audit log stay); its sessions end at the next page.")

    @Argument(help: "The account's name.")
    var name: String
    @OptionGroup var database: AccountDatabase

    func run() throws {
        let accounts = try database.service(mustExist: true)
        let removed: Account
        do { removed = try accounts.remove(name: name) } catch { throw CLIError.service(error) }
        print("removed the account \(removed.name) (\(removed.role.rawValue)) from \(database.path)")
    }
}

/// `stitch account audit`: the last lines of the audit log.
struct AccountAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print the last lines of the audit log: when, which account, what, which member ids, how many results.")

    @Option(help: "How many lines, the most recent.")
    var limit = 50
    @OptionGroup var database: AccountDatabase

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let accounts = try database.service(mustExist: true)
        let entries: [AuditEntry]
        do { entries = try accounts.audit(limit: limit) } catch { throw CLIError.service(error) }
        guard !entries.isEmpty else {
            print("the audit log is empty")
            return
        }
        for entry in entries {
            var line = [entry.at.formatted(.iso8601), entry.account ?? "-", entry.action.rawValue]
            if let person = entry.person { line.append("person=\(person)") }
            if let related = entry.related { line.append("related=\(related)") }
            if let count = entry.count { line.append("count=\(count)") }
            print(line.joined(separator: "  "))
        }
    }
}
