import Foundation

/// Finds the bundled data files: `$STITCH_DATA`, then `./data`, then a `data/` folder above the
/// executable (so a built binary finds the repository's data wherever it is run from), then
/// `share/stitch/data` beside the executable's `bin/` (where `make install` puts it).
enum DataLocator {
    static func path(of file: String) throws -> String {
        let fm = FileManager.default
        var candidates: [String] = []
        if let dir = ProcessInfo.processInfo.environment["STITCH_DATA"] { candidates.append(dir) }
        candidates.append(fm.currentDirectoryPath + "/data")
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(url.appendingPathComponent("data").path)
            url.deleteLastPathComponent()
        }
        candidates.append(installed.appendingPathComponent("data").path)
        for dir in candidates where fm.fileExists(atPath: dir + "/" + file) { return dir + "/" + file }
        throw CLIError.missingData(file: file)
    }

    /// The text model's folder: `$STITCH_MODEL`, then `models/all-MiniLM-L6-v2` in the current
    /// folder or above the executable (where `make models` puts it), then under `share/stitch`
    /// beside the executable's `bin/` (where `make install` puts it); `nil` when none holds it.
    static func modelDirectory() -> String? {
        let fm = FileManager.default
        if let dir = ProcessInfo.processInfo.environment["STITCH_MODEL"] { return dir }
        let relative = "models/all-MiniLM-L6-v2"
        var candidates = [fm.currentDirectoryPath + "/" + relative]
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(url.appendingPathComponent(relative).path)
            url.deleteLastPathComponent()
        }
        candidates.append(installed.appendingPathComponent(relative).path)
        return candidates.first { fm.fileExists(atPath: $0 + "/model.safetensors") }
    }

    /// `PREFIX/share/stitch` for an executable installed as `PREFIX/bin/stitch`.
    private static var installed: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("share/stitch")
    }
}
