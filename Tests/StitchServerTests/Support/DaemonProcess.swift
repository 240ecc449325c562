import Foundation
import StitchGenerator
import StitchTestSupport
import Synchronization

/// The real `stitch serve` binary, started as an operator would, with its standard error kept.
///
/// Each daemon gets its own temporary folder holding the community file (the scenario cast) and
/// its database. The process is killed on deinit if a test left it running, and a folder the
/// daemon made for itself is removed.
final class DaemonProcess: Sendable {
    private let process: Mutex<Process>
    private let pid: Int32
    /// The daemon's temporary folder.
    let folder: String
    private let ownsFolder: Bool
    private let errors: Pipe
    private let stderrText = LockedText()

    /// Starts `stitch serve` with `arguments` plus `--community` and `--db` in a fresh folder;
    /// `environment` is added to the test's own (for `STITCH_TOKEN`); `fileLimit` lowers the
    /// daemon's file descriptor limit (`ulimit -n`, through `/bin/sh`, which then execs it).
    init(
        _ arguments: [String], folder: String? = nil, environment: [String: String] = [:], fileLimit: Int? = nil
    ) throws {
        self.ownsFolder = folder == nil
        self.folder = try folder ?? Self.makeFolder()
        let errors = Pipe()
        self.errors = errors
        let community = self.folder + "/community.json"
        if !FileManager.default.fileExists(atPath: community) {
            try JSONEncoder().encode(ScenarioCast.community).write(to: URL(fileURLWithPath: community))
        }
        let process = Process()
        let serve = ["serve"] + arguments + ["--community", community, "--db", self.folder + "/stitch.sqlite"]
        if let fileLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$0\" \"$@\"", CommandRunner.executable.path] + serve
        } else {
            process.executableURL = CommandRunner.executable
            process.arguments = serve
        }
        process.currentDirectoryURL = Fixtures.root
        process.environment = ProcessInfo.processInfo.environment.merging(CommandRunner.environment) { $1 }.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let text = self.stderrText
        errors.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if chunk.isEmpty {
                handle.readabilityHandler = nil
            } else {
                text.append(String(decoding: chunk, as: UTF8.self))
            }
        }
        try process.run()
        self.pid = process.processIdentifier
        self.process = Mutex(process)
    }

    deinit {
        if isRunning { kill(pid, SIGKILL) }
        errors.fileHandleForReading.readabilityHandler = nil
        if ownsFolder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Whether the daemon is still running.
    var isRunning: Bool { process.withLock { $0.isRunning } }

    /// A fresh, short temporary folder.
    static func makeFolder() throws -> String {
        let folder = "/tmp/stitch-e2e-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Everything the daemon has written to standard error so far.
    var stderr: String { stderrText.value }

    /// Waits for the daemon's "listening on …" log line and returns where to connect.
    func waitUntilListening(seconds: Double = 60) async throws -> ClientTarget {
        var target: ClientTarget?
        try await waitUntil(seconds) {
            if let range = self.stderr.range(of: "listening on ") {
                let rest = self.stderr[range.upperBound...]
                target = ClientTarget(listening: rest.prefix { !$0.isNewline })
            }
            return target != nil || !self.isRunning
        }
        guard let target else { throw DaemonExited(status: process.withLock { $0.terminationStatus }, stderr: stderr) }
        return target
    }

    /// The CPU time the daemon has used so far (user + system), from `/proc`; `nil` elsewhere.
    var cpuSeconds: Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The daemon's resident memory now, in bytes (`VmRSS` in `/proc/PID/status`); `nil` elsewhere.
    var residentBytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }

    /// Sends a signal to the daemon (only to this process, by its id).
    func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the daemon to exit; returns its exit status.
    func waitForExit(seconds: Double) async throws -> Int32 {
        try await waitUntil(seconds) { !self.isRunning }
        return process.withLock { process in
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// The daemon stopped when it should have been listening.
    struct DaemonExited: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "stitch serve exited with status \(status): \(stderr)" }
    }
}

/// Text appended from one thread and read from another.
final class LockedText: Sendable {
    private let text = Mutex("")

    var value: String { text.withLock { $0 } }

    func append(_ more: String) { text.withLock { $0 += more } }
}
