import Foundation
import StitchTestSupport
import Testing

/// Every command README's "Using it" shows, run as written (in order, in a fresh folder with the
/// repository's `data/`), so the README stays true. Three changes only: the daemon's socket goes in
/// the test's folder rather than /run, its TCP and HTTP ports are ones the system picks, and `generate` makes
/// a smaller community. A daemon that serves is stopped with SIGTERM after its start line.
@Suite("README's usage, run as written", .serialized)
struct ReadmeUsageTests {
    /// The command lines of the `sh` blocks of the section "Using it".
    static func commands() throws -> [String] {
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "\n## Using it\n") else { return [] }
        let section = readme[start.upperBound...]
        let body = section.range(of: "\n## ").map { section[..<$0.lowerBound] } ?? section
        var lines: [String] = [], inBlock = false
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock = line == "```sh"
                continue
            }
            if inBlock, !line.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(String(line)) }
        }
        return lines
    }

    @Test func everyCommandRunsAsShown() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 15, "README's usage lost its commands: \(commands)")
        #expect(commands.allSatisfy { $0.contains("stitch ") })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("data"), withDestinationURL: Fixtures.root.appendingPathComponent("data"))
        let bin = CommandRunner.executable.deletingLastPathComponent().path
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in CommandRunner.environment { environment[k] = v }
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["XDG_DATA_HOME"] = folder.appendingPathComponent("xdg").path
        for written in commands {
            let serves = ["stitch serve --socket", "stitch serve --tcp", "stitch serve --http"].contains { written.contains($0) }
            var line = written.replacingOccurrences(of: "/run/stitch/", with: folder.path + "/")
                .replacingOccurrences(of: "127.0.0.1:7411", with: "127.0.0.1:0")
                .replacingOccurrences(of: "127.0.0.1:7412", with: "127.0.0.1:0")
                .replacingOccurrences(of: "--members 100000 --activities 10000", with: "--members 1000 --activities 100")
            // A daemon runs until stopped: a few seconds, then SIGTERM (timeout's status 124).
            if serves { line = "timeout -s TERM 6 bash -c " + Self.quoted(line) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-o", "pipefail", "-c", line]
            process.currentDirectoryURL = folder
            process.environment = environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if serves {
                #expect(process.terminationStatus == 124, "\(written): \(stderr)")
                #expect(stderr.contains("serving"), "\(written) did not start: \(stderr)")
            } else {
                #expect(process.terminationStatus == 0, "\(written): \(stderr)")
                #expect(!stdout.isEmpty || written.contains("--output"), "\(written) printed nothing")
            }
        }
    }

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
