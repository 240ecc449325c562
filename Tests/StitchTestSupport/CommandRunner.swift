import Foundation

/// Runs the built `stitch` binary as a person would, capturing its output and exit status.
public struct CommandRunner: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The built executable, next to the test bundle.
    public static let executable: URL = {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("stitch")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return Fixtures.root.appendingPathComponent(".build/debug/stitch")
    }()

    public init() {}

    /// What every command a test runs gets in its environment unless the test says otherwise:
    /// words matched by exact terms only (`STITCH_MEANING=off`), so that answers compare with
    /// engines built in the test process and no start pays for embedding the vocabulary (the
    /// tests of matching by meaning set `STITCH_MEANING` to `on`); and a data folder of the test
    /// run's own (`XDG_DATA_HOME`), so that a daemon started without `--db` never opens the
    /// user's own database (``run(_:environment:input:)`` gives each command a fresh one).
    public static let environment = [
        "STITCH_MEANING": "off",
        "XDG_DATA_HOME": FileManager.default.temporaryDirectory.appendingPathComponent(
            "stitch-test-data-\(ProcessInfo.processInfo.processIdentifier)"
        ).path,
    ]

    public func run(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        var env = ProcessInfo.processInfo.environment
        for (k, v) in Self.environment { env[k] = v }
        // Keep every command away from the user's own database: unless a test says otherwise,
        // the default database lives in a fresh folder of its own, removed afterwards.
        let dataHome = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-data-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dataHome) }
        env["XDG_DATA_HOME"] = dataHome.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // Write from another thread so a large input cannot deadlock against our reads.
            let writer = stdin.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(input)
                try? writer.close()
            }
        }
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes text to a fresh temporary file and returns its path.
    public static func temporaryFile(_ contents: Data, name: String = "community.json") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }
}
