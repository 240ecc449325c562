import Foundation
import StitchTestSupport
import Synchronization
import Testing

/// The HTTP interface against its contract, end to end: the built `stitch serve --http` over a
/// database holding the demo community, and schemathesis (the project's `.venv`, made by
/// scripts/install-deps.sh) generating requests from the OpenAPI document the daemon serves and
/// checking every answer against it.
@Suite("The HTTP interface keeps its OpenAPI contract")
struct HTTPContractTests {
    /// The fewest requests schemathesis must generate across the operations.
    static let minimumRequests = 1000

    @Test(.timeLimit(.minutes(10)))
    func schemathesisFindsNoAnswerOutsideTheContract() async throws {
        let root = PythonScript.repositoryRoot
        let schemathesis = root.appendingPathComponent(".venv/bin/st")
        try #require(
            FileManager.default.isExecutableFile(atPath: schemathesis.path),
            "schemathesis is not installed in .venv: run scripts/install-deps.sh (make deps)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stitch-contract-\(UUID().uuidString)")
        let loadable = folder.appendingPathComponent("load")
        try FileManager.default.createDirectory(at: loadable, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("stitch.sqlite").path
        let demo = try CommandRunner().run(["demo", "--db", database])
        try #require(demo.status == 0, "stitch demo failed: \(demo.stderr)")
        // The one file `PUT /api/community {"path"}` may load (contract_hooks.py): the demo again.
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("data/lewisham.json"), to: loadable.appendingPathComponent("community.json")
        )

        // Bodies up to 64 MiB, so that the lists generated one entry over their bound reach the
        // reader (400) rather than stopping at the size limit (413, also a refusal).
        let daemon = try ServedDaemon([
            "serve", "--http", "127.0.0.1:0", "--db", database, "--insecure-loopback", "--max-body-bytes",
            "\(64 << 20)",
            "--allow-load-path", loadable.path,
        ])
        defer { daemon.stop() }
        let port = try await daemon.httpPort()
        let origin = "http://127.0.0.1:\(port)"
        let report = folder.appendingPathComponent("report.json").path

        // Every check schemathesis has is on in schemathesis.toml (`--checks all` here would
        // also override its one exception, for weights.calibrate).
        let started = ContinuousClock.now
        let run = try await offThePool {
            try Self.run(
                schemathesis,
                [
                    "--config-file", root.appendingPathComponent("Tests/StitchCLITests/schemathesis.toml").path,
                    "run", "\(origin)/openapi.yaml", "--url", "\(origin)/api",
                    "--seed", "2026", "--generation-deterministic", "--max-examples", "50", "--no-color",
                    "--report", "json", "--report-json-path", report,
                ],
                in: folder,
                environment: [
                    "SCHEMATHESIS_HOOKS": root.appendingPathComponent("Tests/StitchCLITests/contract_hooks.py").path
                ])
        }
        let elapsed = ContinuousClock.now - started
        // The summary on success (its last section, from the start of its line), everything on failure.
        let summary = run.output.range(of: "SUMMARY", options: .backwards).map { found in
            run.output[
                (run.output[..<found.lowerBound].lastIndex(of: "\n").map { run.output.index(after: $0) }
                    ?? run.output.startIndex)...]
        }
        print(run.status == 0 ? String(summary ?? Substring(run.output)) : run.output)
        print("schemathesis took \(elapsed.components.seconds) s")
        #expect(run.status == 0, "schemathesis found answers outside the contract (its output is above)")
        #expect(daemon.isRunning, "the daemon stopped: \(daemon.stderr)")
        let generated = try Self.generatedRequests(report)
        #expect(generated >= Self.minimumRequests, "schemathesis generated \(generated) requests")
    }

    /// How many test cases the run generated, from its JSON report (`test_cases.generated`).
    static func generatedRequests(_ report: String) throws -> Int {
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let cases = object?["test_cases"] as? [String: Any]
        return cases?["generated"] as? Int ?? 0
    }

    /// Runs `executable` with `arguments` in `folder` (where schemathesis keeps its working
    /// files), with `environment` added; its output and error together.
    static func run(
        _ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String]
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}

/// The built `stitch` run as a daemon, with its standard error kept; stopped by its process id.
final class ServedDaemon: Sendable {
    private let process: Mutex<Process>
    private let pid: Int32
    private let errors = Text()

    /// Text appended by the pipe's reader and read by the test.
    private final class Text: Sendable {
        private let text = Mutex("")
        var value: String { text.withLock { $0 } }
        func append(_ more: String) { text.withLock { $0 += more } }
    }

    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        process.environment = ProcessInfo.processInfo.environment.merging(CommandRunner.environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardError = pipe
        let errors = self.errors
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            if chunk.isEmpty {
                handle.readabilityHandler = nil
            } else {
                errors.append(String(decoding: chunk, as: UTF8.self))
            }
        }
        try process.run()
        pid = process.processIdentifier
        self.process = Mutex(process)
    }

    deinit { stop() }

    var isRunning: Bool { process.withLock { $0.isRunning } }

    /// What the daemon has written to standard error so far.
    var stderr: String { errors.value }

    /// The port of the daemon's "serving HTTP at http://HOST:PORT" line, once it is written.
    func httpPort(seconds: Double = 60) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            let text = stderr
            if let range = text.range(of: "serving HTTP at http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), !digits.isEmpty,
                    text[range.upperBound...].dropFirst(digits.count).first == " "
                {
                    return port
                }
            }
            guard isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw DaemonNotServing(stderr: stderr)
    }

    /// Stops the daemon (SIGTERM, then SIGKILL after 10 s) and waits for it.
    func stop() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(10)
        while isRunning, ContinuousClock.now < deadline { usleep(20_000) }
        if isRunning { kill(pid, SIGKILL) }
        process.withLock { $0.waitUntilExit() }
    }

    struct DaemonNotServing: Error, CustomStringConvertible {
        var stderr: String
        var description: String { "stitch serve did not say where it serves HTTP: \(stderr)" }
    }
}
