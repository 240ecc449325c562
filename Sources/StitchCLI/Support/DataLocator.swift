import Foundation

/// Finds the bundled data files: `$STITCH_DATA`, then `./data`, then a `data/` folder above the
/// executable (so a built binary finds the repository's data wherever it is run from).
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
        for dir in candidates where fm.fileExists(atPath: dir + "/" + file) { return dir + "/" + file }
        throw CLIError.missingData(file: file)
    }

    /// The text model's folder: `$STITCH_MODEL`, then `models/all-MiniLM-L6-v2` in the current
    /// folder or above the executable (where `make models` puts it); `nil` when none holds it.
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
        return candidates.first { fm.fileExists(atPath: $0 + "/model.safetensors") }
    }
}
