import ArgumentParser
import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `stitch import FILE`: adds a file's records to the daemon's database (or, with `--replace`,
/// replaces what it holds), after checking them.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check a file's records and add them to the daemon's database.",
        discussion: """
            The file's records are added to what the database holds: a member or activity replaces
            the stored one with its id (or is added), exchanges and attendance are appended (one
            already stored is not stored twice), and nothing stored is removed. --replace makes
            the database hold the file's records alone: it says what it would remove, and removes
            nothing without --yes. --dry-run says what would change and writes nothing.

            Each record is read on its own: a bad record is reported with its path in the file and
            skipped, and the good ones are kept. Then records that name unknown members or
            activities, repeat an id, or overfill an activity are skipped too, so what is stored is
            a community the daemon can serve. The summary counts what was added, updated, left
            unchanged and skipped (by reason); problems go to standard error. The exit status is 1
            when nothing of the file is in the database. Stop `stitch serve` on the same database
            first (or use `community.load`).

            --format names the kind of file; without it, a .csv file's header tells members from
            activities (or a TimeOverflow report), and a JSON file's top-level keys tell a community
            file (members, activities…), an OpenActive page (items) and Open Referral services (an
            array, contents, service_at_locations or status) apart. A folder is read as a
            TimeOverflow export (its users, offers, inquiries and transfers CSV reports): members,
            their offers and needs, and exchanges. --map reads a CSV sheet laid out its own way;
            --postcodes locates records that give a UK postcode and no lat/lon. Columns and
            mappings: docs/import.md.

            Examples:
              stitch import my-community.json
              stitch import members.csv --db /var/lib/stitch/stitch.sqlite --dry-run
              stitch import exchanges.json
              stitch import my-community.json --replace --yes
              stitch import services.json --format openreferral --source "Lewisham Local"
              stitch import newham.json --format openactive --source "Active Newham"
              stitch import timeoverflow-export/ --format timeoverflow
              stitch import volunteers.csv --map volunteers-map.json --postcodes ONSPD.csv
            """)

    @Argument(
        help: ArgumentHelp(
            "Community file (JSON), CSV, Open Referral or OpenActive file, or a folder of a TimeOverflow export.",
            valueName: "file"))
    var file: String
    @Option(help: ArgumentHelp("What the file holds (default: told from its name and content).", valueName: "format"))
    var format: ImportFormat?
    @Option(
        help: ArgumentHelp(
            "The publisher, for the ids and attribution of OpenActive and Open Referral records.", valueName: "name"))
    var source: String?
    @Option(
        help: ArgumentHelp(
            "The licence of Open Referral data that states none (default: CC BY-SA 4.0).", valueName: "name"))
    var licence: String?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Leave out Open Referral schedules and prices that ended before this date (default: today).",
            valueName: "yyyy-mm-dd"))
    var asOf: String?
    @Option(
        help: ArgumentHelp(
            "The database (default: \(StoreLocation.defaultDescription)).",
            valueName: "path"))
    var db: String?
    @Option(help: ArgumentHelp("Skills taxonomy file (JSON).", valueName: "path"))
    var taxonomy: String?
    @Flag(help: "Make the database hold this file's records alone, removing the others (needs --yes to remove any).")
    var replace = false
    @Flag(help: "Confirm that --replace may remove stored records.")
    var yes = false
    @Flag(name: .customLong("dry-run"), help: "Say what the import would change, and write nothing.")
    var dryRun = false
    @Option(
        help: ArgumentHelp(
            "A column-mapping file (JSON) for a CSV sheet laid out its own way: its columns, yes/no words and day names.",
            valueName: "path"))
    var map: String?
    @Option(
        help: ArgumentHelp(
            "A postcode file (the ONS Postcode Directory CSV, or any CSV of postcode, lat, long): records with a postcode and no lat/lon are located by it.",
            valueName: "path"))
    var postcodes: String?

    func validate() throws {
        try ReplaceConfirmation.check(replace: replace, yes: yes)
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        // The file first: nothing is opened, created or locked before it is known to be readable.
        let incoming = try locatePostcodes(in: try incomingRecords())
        let taxonomy = try JSONInput.decode(
            SkillTaxonomy.self, fromFile: try self.taxonomy ?? DataLocator.path(of: "taxonomy.json"))

        // Then the database: an existing one is locked (a running daemon stops the import here,
        // before any work is written); a new one is created only when there is something to store.
        let dbPath = db ?? StoreLocation.defaultPath()
        let existing =
            FileManager.default.fileExists(atPath: dbPath)
            ? try SQLiteCommunityStore(path: dbPath, exclusive: !dryRun) : nil
        let importer = CommunityImporter(taxonomy: taxonomy)
        let mode: ImportMode = replace ? .replace : .add
        let changes: CommunityChanges
        do {
            changes = try importer.plan(incoming, mode: mode, into: existing ?? NoStore() as any CommunityImportStore)
        } catch let refusal as ImportRefusal {
            throw refused(refusal, dbPath: dbPath)
        }
        let checked = clock.now
        ImportSummary(changes: changes).print(to: dbPath, dryRun: dryRun)

        let storesNothing = changes.total.kept == 0
        if dryRun {
            print("Dry run: nothing was written to \(dbPath)")
        } else if changes.changesStore, !storesNothing {
            let store = try existing ?? SQLiteCommunityStore(path: dbPath, exclusive: true)
            let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1 && Self.total(changes) >= 20_000)
            do {
                try importer.commit(changes, to: store, confirmedRemoval: yes) { done, total in
                    bar.show(done, of: total)
                }
            } catch let refusal as ImportRefusal {
                throw refused(refusal, dbPath: dbPath)
            }
            bar.finish()
            print("Stored in \(dbPath): \(Self.describe(try store.counts()))")
            print("Checked in \(Self.seconds(checked - start)), stored in \(Self.seconds(clock.now - checked))")
        } else if let existing, !storesNothing {
            print("Nothing to change: \(dbPath) holds \(Self.describe(try existing.counts()))")
        }
        if storesNothing {
            // Also when replacing: a replacement that would keep nothing of the file removes nothing.
            throw CLIError.usage(
                "nothing from \(file) \(dryRun ? "would be" : "was") stored, and \(dbPath) was not changed: "
                    + (incoming.recordCount + incoming.skipped.count == 0
                        ? "the file holds no records" : "every record was skipped (the reasons are above)"))
        }
    }

    /// A community file's records, each checked on its own (the checks across records are made
    /// against the stored community they join).
    func communityRecords(_ data: Data) throws -> IncomingCommunity {
        let result: (records: IncomingCommunity, read: StoredCounts)
        do {
            result = try CommunityImport.incoming(data)
        } catch {
            // Not JSON: where, by line and column.
            if error.field == "$", let problem = JSONDocument.syntaxProblem(in: data) { throw CLIError.notJSON(file: file, problem) }
            // A file told by its keys alone that is not sound JSON: said as when told by decoding.
            if self.format == nil, error.field == "$" { _ = try ImportFormat.detectDecoding(path: file, data: data) }
            throw CLIError.invalidInput(file: file, errors: [error])
        }
        print("Read \(file) (json): \(Self.describe(result.read))")
        return result.records
    }

    /// The message for an import refused before anything was written.
    func refused(_ refusal: ImportRefusal, dbPath: String) -> CLIError {
        switch refusal {
        case .demoStored:
            return .usage(
                "\(dbPath) holds the bundled demo community (fictional people): your records would be mixed with "
                    + "them. Import into another database with --db PATH, or replace the demo with "
                    + "`stitch import \(file)\(db.map { " --db \($0)" } ?? "") --replace --yes`")
        case .removalNotConfirmed(let removed):
            return .usage(
                "--replace would remove \(Self.describe(removed)) from \(dbPath); nothing was written. "
                    + "Add --yes to replace them, or leave out --replace to add the file's records to what is stored")
        case .invalid(let errors):
            return .invalidInput(file: file, errors: errors)
        }
    }

    static func seconds(_ d: Duration) -> String { String(format: "%.1f s", Double(d / .milliseconds(1)) / 1000) }

    static func total(_ changes: CommunityChanges) -> Int {
        changes.mode == .replace
            ? changes.community.members.count + changes.community.activities.count + changes.community.exchanges.count
                + changes.community.attendance.count
            : changes.members.count + changes.activities.count + changes.exchanges.count + changes.attendance.count
    }

    /// `345 members, 94 activities, 1810 exchanges, 598 attendance`, then the ledger's accounts
    /// and entries and the pairings when there are any.
    static func describe(_ c: StoredCounts) -> String {
        var parts = [
            Wording.count(c.members, "member"), Wording.count(c.activities, "activity"), Wording.count(c.exchanges, "exchange"),
            "\(c.attendance) attendance",
        ]
        if c.accounts > 0 { parts.append(Wording.count(c.accounts, "account")) }
        if c.ledger > 0 { parts.append(Wording.count(c.ledger, "ledger entry")) }
        if c.pairings > 0 { parts.append(Wording.count(c.pairings, "pairing")) }
        return parts.joined(separator: ", ")
    }

}

/// A database that does not exist yet, for planning an import into it: empty, and never written
/// (the real file is created only when there is something to store).
private final class NoStore: CommunityImportStore {
    func loadCommunity() throws -> Community { Community() }
    func holdsDemo() throws -> Bool { false }
    func loadPairings() throws -> [Pairing] { [] }
    func apply(_ changes: CommunityChanges, progress: ((Int, Int) -> Void)?) throws {
        preconditionFailure("an import is never stored into a database that is not open")
    }
}

/// A one-line progress bar on standard error, for long imports at a terminal.
struct ProgressBar {
    let enabled: Bool

    func show(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r  storing [\(bar)] \(done * 100 / total)%".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
