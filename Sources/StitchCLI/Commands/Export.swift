import ArgumentParser
import Foundation
import StitchImport
import StitchModel
import StitchStore

/// `stitch export`: the stored community written out, as the community file `stitch import` and
/// `--community` read, or as CSV files.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the stored community out: as a community file (JSON), or as CSV files.",
        discussion: """
            JSON (the default) is the community file that `stitch import` and `--community` read,
            complete: importing it into a new database gives the same answers. --format csv writes
            members.csv, activities.csv, exchanges.csv and attendance.csv into the folder --output
            names, in the columns the CSV import reads (docs/import.md); members and activities
            import back from them, and a value CSV cannot carry exactly is listed on standard error.
            The database is only read (a running daemon may keep serving it).

            Examples:
              stitch export > community.json
              stitch export --db /var/lib/stitch/stitch.sqlite --output community.json
              stitch export --format csv --output sheets/
            """)

    /// The forms `stitch export` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @Option(
        help: ArgumentHelp(
            "The database (default: \(StoreLocation.defaultDescription)).",
            valueName: "path"))
    var db: String?
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write here (JSON: a file, default standard output; CSV: a folder, required).", valueName: "path"))
    var output: String?
    @Option(help: ArgumentHelp("json or csv (default: json).", valueName: "format"))
    var format: Format = .json

    func validate() throws {
        if format == .csv, output == nil {
            throw ValidationError(
                "--format csv writes one file per kind of record: name their folder with --output DIR")
        }
    }

    func run() throws {
        let path = db ?? StoreLocation.defaultPath()
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.usage(
                "no Stitch database at \(path): import a community first with "
                    + "`stitch import FILE\(db.map { " --db \($0)" } ?? "")`"
            )
        }
        let store = try SQLiteCommunityStore(path: path)
        let community = try store.load()
        switch format {
        case .json:
            // The community file whole: the ongoing pairings beside the community.
            let pairings = try store.loadPairings()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(CommunityFile(community: community, pairings: pairings))
            if let output {
                try write(data, to: output)
                let besides = pairings.isEmpty ? "" : " and \(Wording.count(pairings.count, "pairing"))"
                note("Wrote \(Import.describe(counts(community)))\(besides) to \(output)")
            } else {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
        case .csv:
            let folder = output ?? "."
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError.usage("cannot create the folder \(folder): \((error as NSError).localizedDescription)")
            }
            let files: [(String, String)] = [
                ("members.csv", CSVCommunityWriter.members(community.members)),
                ("activities.csv", CSVCommunityWriter.activities(community.activities)),
                ("exchanges.csv", CSVCommunityWriter.exchanges(community.exchanges)),
                ("attendance.csv", CSVCommunityWriter.attendance(community.attendance)),
            ]
            for (name, text) in files {
                try write(Data(text.utf8), to: (folder as NSString).appendingPathComponent(name))
            }
            let changed = CSVCommunityWriter.changedByCSV(community)
            for problem in changed { note("  \(problem)") }
            note(
                "Wrote \(Import.describe(counts(community))) to \(files.map(\.0).joined(separator: ", ")) in \(folder)"
                    + (changed.isEmpty
                        ? ""
                        : "; \(Wording.count(changed.count, "record")) would not import back exactly "
                            + "(listed above): export --format json to keep them whole"))
        }
    }

    private func counts(_ c: Community) -> StoredCounts {
        StoredCounts(
            members: c.members.count, activities: c.activities.count, exchanges: c.exchanges.count,
            attendance: c.attendance.count)
    }

    /// Writes a file readable by its owner only (it holds personal data).
    private func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw CLIError.usage("cannot write \(path): check the folder exists and you may write there")
        }
    }

    private func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
