import ArgumentParser
import Foundation
import StitchEngine
import StitchModel
import StitchStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `stitch import FILE`: checks a community file and stores it in the daemon's database.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check a community file and store it in the daemon's database.",
        discussion: """
            Each record is read on its own: a bad record is reported with its path in the file and
            skipped, and the good ones are kept. Then records that name unknown members or
            activities, repeat an id, or overfill an activity are skipped too, so what is stored is
            a community the daemon can serve. Counts go to standard output, problems to standard
            error. Stop `stitch serve` on the same database first (or use `community.load`).

            CSV files of members or activities, Open Referral UK services and OpenActive pages
            are added to the stored community instead: each record replaces the one with its id,
            or is added; everything else stored stays. --format names the kind of file; without
            it, a .csv file's header tells members from activities, and a JSON file's top-level
            keys tell a community file (members, activities…), an OpenActive page (items) and
            Open Referral services (an array, contents, service_at_locations or status) apart.
            A TimeOverflow export (a folder holding its users, offers, inquiries and transfers
            CSV reports) adds members, their offers and needs, and exchanges. --map reads a CSV
            sheet laid out its own way; --postcodes locates records that give a UK postcode.
            Columns and mappings: docs/import.md.

            Examples:
              stitch import data/lewisham.json --db /var/lib/stitch/stitch.sqlite
              stitch import big.json --replace
              stitch import members.csv
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
            "The database (default: $XDG_DATA_HOME/stitch/stitch.sqlite, else ~/.local/share/stitch/stitch.sqlite).",
            valueName: "path"))
    var db: String?
    @Option(help: ArgumentHelp("Skills taxonomy file (JSON).", valueName: "path"))
    var taxonomy: String?
    @Flag(help: "Replace the community the database already holds.")
    var replace = false
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

    func run() throws {
        // First the database: a locked one stops the import before any work.
        let dbPath = db ?? StoreLocation.defaultPath()
        let store = try SQLiteCommunityStore(path: dbPath, exclusive: true)
        if try importsOwnWay(into: store, dbPath: dbPath) { return }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIError.unreadable(file: file, reason: (error as NSError).localizedDescription)
        }
        let format = try self.format ?? ImportFormat.detect(path: file, data: data)
        if !format.isWholeCommunity {
            if replace {
                throw CLIError.usage(
                    "--replace is for a community file; a \(format.rawValue) file is added record by record")
            }
            return try upsert(data, format: format, into: store, dbPath: dbPath)
        }
        if try store.hasCommunity(), !replace {
            throw CLIError.usage(
                "\(dbPath) already holds a community (\(Self.describe(try store.counts()))); pass --replace to replace it"
            )
        }
        let clock = ContinuousClock()
        let start = clock.now

        let result: CommunityImport
        do {
            result = try CommunityImport.read(data)
        } catch {
            // A file told by its keys alone that is not sound JSON: said as when told by decoding.
            if self.format == nil, error.field == "$" { _ = try ImportFormat.detectDecoding(path: file, data: data) }
            throw CLIError.invalidInput(file: file, errors: [error])
        }
        var community = result.community
        let located = try locatePostcodes(in: &community)
        print("Read \(file): \(Self.describe(result.read))")
        if !result.problems.isEmpty {
            let skipped = Set(result.problems.map { $0.field.prefix { $0 != "]" } }).count
            print("Skipped \(skipped) record\(skipped == 1 ? "" : "s") with problems (listed on standard error)")
            for problem in result.problems {
                FileHandle.standardError.write(Data("  \(problem.field): \(problem.reason)\n".utf8))
            }
        }
        for note in located { FileHandle.standardError.write(Data("  \(note.field): \(note.reason) (record kept)\n".utf8)) }

        // The same check as the daemon's, so that what is stored can be served.
        let taxonomy = try JSONInput.decode(
            SkillTaxonomy.self, fromFile: try self.taxonomy ?? DataLocator.path(of: "taxonomy.json"))
        do {
            try Engine.validate(community: community, taxonomy: taxonomy)
        } catch {
            throw CLIError.invalidInput(file: file, errors: error.errors)
        }
        let checked = clock.now

        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1 && Self.total(community) >= 20_000)
        try store.replaceAllInNewFile(community) { done, total in bar.show(done, of: total) }
        bar.finish()
        let stored = clock.now
        print("Stored in \(dbPath): \(Self.describe(try store.counts()))")
        print("Checked in \(Self.seconds(checked - start)), stored in \(Self.seconds(stored - checked))")
    }

    static func seconds(_ d: Duration) -> String { String(format: "%.1f s", Double(d / .milliseconds(1)) / 1000) }

    static func total(_ c: Community) -> Int {
        c.members.count + c.activities.count + c.exchanges.count + c.attendance.count
    }

    static func describe(_ c: StoredCounts) -> String {
        "\(c.members) members, \(c.activities) activities, \(c.exchanges) exchanges, \(c.attendance) attendance"
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
