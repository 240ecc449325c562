import ArgumentParser
import Foundation
import StitchModel
import StitchStore

/// `stitch admin`: looking after a daemon's database while the daemon is stopped.
struct Admin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look after a Stitch database (stop the daemon first).",
        subcommands: [AdminQuarantine.self])
}

/// `stitch admin quarantine`: the stored records set aside at start-up, listed, dropped or repaired.
///
/// A start-up sets aside a stored row that cannot be read back or breaks a bound, and serves
/// the rest (docs/daemon.md, "Quarantine"). This command reads the database as a start-up does,
/// lists what is set aside by entry number, table, a hash of the key, field and reason (no
/// record contents), and drops or repairs one entry.
struct AdminQuarantine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine",
        abstract: "List, drop or repair the stored records set aside at start-up.",
        discussion: """
            Examples:
              stitch admin quarantine --db stitch.sqlite
              stitch admin quarantine --db stitch.sqlite --drop 3
              stitch admin quarantine --db stitch.sqlite --repair 3 --json fixed-member.json
            """)

    @Option(help: "The database (default: $STITCH_DB, else ~/.local/share/stitch/stitch.sqlite).")
    var db: String?
    @Option(help: "Delete the set-aside record of this entry (a member's exchanges and attendance go with it).")
    var drop: Int64?
    @Option(help: "Replace the set-aside record of this entry with the record in --json.")
    var repair: Int64?
    @Option(help: "The corrected record, in its wire form, for --repair.")
    var json: String?

    func validate() throws {
        guard drop == nil || repair == nil else { throw ValidationError("choose one of --drop and --repair") }
        guard (repair == nil) == (json == nil) else { throw ValidationError("--repair and --json go together") }
    }

    func run() throws {
        let path = db ?? StoreLocation.defaultPath()
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.unreadable(file: path, reason: "no such database")
        }
        let store = try SQLiteCommunityStore(path: path, exclusive: true)
        if let drop {
            guard let entry = try store.dropQuarantined(entry: drop) else { throw CLIError.usage("no quarantine entry \(drop)") }
            print("dropped entry \(entry.entry): \(entry.table) \(entry.keyHash)")
            return
        }
        if let repair, let json {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: json)) } catch {
                throw CLIError.unreadable(file: json, reason: "cannot read the file")
            }
            do {
                guard let entry = try store.repairQuarantined(entry: repair, json: data) else {
                    throw CLIError.usage("no quarantine entry \(repair)")
                }
                print("repaired entry \(entry.entry): \(entry.table) \(entry.keyHash)")
            } catch let errors as StitchModel.ValidationErrors {
                throw CLIError.invalidInput(file: json, errors: errors.errors)
            }
            return
        }
        // Read the database as a start-up does, so the list is current.
        if try store.hasCommunity() { _ = try store.load() }
        _ = try store.loadWeights()
        _ = try store.loadOutcomes()
        let entries = try store.quarantineEntries()
        guard !entries.isEmpty else {
            print("no stored records are set aside")
            return
        }
        print(Self.table(entries))
    }

    /// The entries as an aligned table: entry, table, key hash, field, reason.
    static func table(_ entries: [QuarantineEntry]) -> String {
        let rows = [["ENTRY", "TABLE", "KEY-HASH", "FIELD", "REASON"]]
            + entries.map { ["\($0.entry)", $0.table, $0.keyHash, $0.field, $0.reason] }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<4).map { row[$0].padding(toLength: widths[$0] + 2, withPad: " ", startingAt: 0) }.joined() + row[4]
        }.joined(separator: "\n")
    }
}
