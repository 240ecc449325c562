import ArgumentParser
import Foundation
import StitchModel
import StitchStore

/// Where a command reads its community: a Stitch database (`--db PATH`), a community file
/// (`--community FILE`), the bundled demo (`--demo`), or, with none of them, the daemon's
/// default database, where `stitch import FILE` puts a community.
///
/// The bundled demo is read only when asked for: a missing default database is an error that
/// says how to import a community or try the demo, never a silent fall-back to fictional people.
struct CommunitySource: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the community from this file (JSON).", valueName: "path"))
    var community: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read the community from this Stitch database (as `stitch import` and `stitch serve` keep it; "
                + "default: \(StoreLocation.defaultDescription)).",
            valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Read the bundled demo community (fictional people around Lewisham), without storing it.")
    var demo = false

    func validate() throws {
        let given = [community.map { _ in "--community FILE" }, db.map { _ in "--db PATH" }, demo ? "--demo" : nil]
            .compactMap { $0 }
        if given.count > 1 { throw ValidationError("give one of \(given.joined(separator: ", ")), not several") }
    }

    /// A community file, or a database that exists and holds a community.
    enum Location {
        case file(String)
        case database(String)
    }

    /// Where to read, checked: a database named or defaulted to must exist and hold records.
    /// Nothing is created or written.
    func location() throws -> Location {
        if demo { return .file(try DataLocator.path(of: "lewisham.json")) }
        if let community { return .file(community) }
        let path = db ?? StoreLocation.defaultPath()
        let how = Self.howToStart(db: db)
        guard FileManager.default.fileExists(atPath: path) else {
            if db != nil { throw CLIError.usage("no Stitch database at \(path): \(how)") }
            throw CLIError.usage("no community to read: the default database \(path) does not exist yet; \(how)")
        }
        return .database(path)
    }

    /// An opened database that holds records; the error says what to do when it holds none.
    func open(_ path: String) throws -> SQLiteCommunityStore {
        let store = try SQLiteCommunityStore(path: path)
        let counts = try store.counts()
        if counts.members + counts.activities == 0 {
            throw CLIError.usage("the database \(path) holds no community yet: \(Self.howToStart(db: db))")
        }
        return store
    }

    /// What to do when there is no community to read.
    static func howToStart(db: String?) -> String {
        let into = db.map { " --db \($0)" } ?? ""
        return "import your community with `stitch import FILE\(into)`, read a file with --community FILE, "
            + "or add --demo to try the bundled demo community"
    }
}

extension CommunitySource {
    /// The community itself, and the path it was read from (for error messages).
    func load() throws -> (community: Community, path: String) {
        switch try location() {
        case .file(let path):
            return (try JSONInput.decode(CommunityFile.self, fromFile: path).community, path)
        case .database(let path):
            return (try open(path).load(), path)
        }
    }
}
