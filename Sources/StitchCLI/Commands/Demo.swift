import ArgumentParser
import Foundation
import StitchEngine
import StitchModel
import StitchStore

/// `stitch demo`: stores the bundled demo community in a database, to try Stitch on.
///
/// The demo is fictional people around Lewisham (data/lewisham.json). It goes only into a new or
/// empty database (or, with `--replace --yes`, over one that holds records), and the database is
/// marked as the demo's, so that `stitch import` refuses to mix a person's real records into it.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store the bundled demo community (fictional people) in a database, to try Stitch on.",
        discussion: """
            The demo goes into a new or empty database. A database that already holds records is
            left alone unless --replace --yes is given. `stitch import` will not add your own
            records to a database holding the demo; import them into another database, or replace
            the demo. To read the demo without storing it, give --demo to any query command.

            Examples:
              stitch demo
              stitch demo --db demo.sqlite
              stitch who-can-help --db demo.sqlite --requester m-arthur --skill "accompany to hospital"
            """)

    @Option(
        help: ArgumentHelp(
            "The database (default: \(StoreLocation.defaultDescription)).",
            valueName: "path"))
    var db: String?
    @Option(help: ArgumentHelp("Skills taxonomy file (JSON).", valueName: "path"))
    var taxonomy: String?
    @Flag(help: "Replace what the database holds with the demo (needs --yes when it holds records).")
    var replace = false
    @Flag(help: "Confirm that --replace may remove stored records.")
    var yes = false

    func validate() throws {
        try ReplaceConfirmation.check(replace: replace, yes: yes)
    }

    func run() throws {
        // The demo is read and checked before the database is touched.
        let path = try DataLocator.path(of: "lewisham.json")
        let file = try JSONInput.decode(CommunityFile.self, fromFile: path)
        let demo = file.community
        let taxonomy = try JSONInput.decode(
            SkillTaxonomy.self, fromFile: try self.taxonomy ?? DataLocator.path(of: "taxonomy.json"))
        do {
            try Engine.validate(community: demo, taxonomy: taxonomy)
        } catch {
            throw CLIError.invalidInput(file: path, errors: error.errors)
        }
        let dbPath = db ?? StoreLocation.defaultPath()
        let store = try SQLiteCommunityStore(path: dbPath, exclusive: true)
        let counts = try store.counts()
        let held = counts.members + counts.activities + counts.exchanges + counts.attendance
        if held > 0 {
            if try store.holdsDemo(), !replace {
                print("\(dbPath) already holds the demo community (\(Import.describe(counts)))")
                printNext(dbPath)
                return
            }
            guard replace, yes else {
                throw CLIError.usage(
                    "\(dbPath) already holds \(Import.describe(counts)); the demo goes only into a new or empty "
                        + "database. Give another database with --db PATH, or add --replace --yes to replace them "
                        + "with the demo")
            }
        }
        let dismissals = try DemoDismissals.read()
        try store.replaceAll(demo, progress: nil, demo: true, pairings: file.pairings)
        for dismissal in dismissals { try store.save(dismissal: dismissal) }
        print(
            "Stored the demo community (fictional people around Lewisham) in \(dbPath): "
                + Import.describe(try store.counts())
        )
        printNext(dbPath)
    }

    /// How to query the demo just stored.
    private func printNext(_ dbPath: String) {
        let at = db.map { " --db \($0)" } ?? ""
        print(
            """

            Try:
              stitch who-can-help\(at) --requester m-arthur --skill "accompany to hospital" --when "tue 10:00-12:00"
              stitch give\(at) m-kathy
              stitch refer\(at) --person m-maud
              stitch serve\(at) --stdio

            It is fictional: import your own community into another database (stitch import FILE --db PATH),
            or replace the demo with it (stitch import FILE\(at) --replace --yes).
            """)
    }
}
