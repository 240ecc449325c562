import Foundation
import StitchTestSupport
import Synchronization
import Testing

/// The web pages as a person uses them: the built `stitch` serves the demo community over
/// HTTP, an account is made with `stitch account add`, and headless Chromium, driven by
/// Selenium (browser_test.py), logs in, refers, asks who can help, records an exchange, looks
/// at the network and plans a session, saving a screenshot of each page.
///
/// Skipped only when Chromium or its driver is not installed (a developer's machine without
/// `make deps`); `make test` installs both, and Selenium, so CI runs it. On a machine where
/// Chromium cannot start at all (an address-space limit below the tens of gigabytes it reserves,
/// say) the test records a known issue with the reason browser_test.py printed. With the text
/// model installed (`make models`) the referral is made from the reason in words alone.
@Suite("The web pages in a real browser (headless Chromium)", .serialized)
struct BrowserTests {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    static let password = "a browser test password"
    /// browser_test.py's exit status when Chromium cannot start on the machine (CANNOT_START).
    static let cannotStart: Int32 = 3

    @Test(
        .enabled(
            if: BrowserTests.available,
            "chromium and chromium-driver are not installed: run `make deps` (scripts/install-deps.sh installs them)"),
        .timeLimit(.minutes(10)))
    func aPersonUsesEveryPageInChromium() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("demo.sqlite").path
        let runner = CommandRunner()
        let demo = try runner.run(["demo", "--db", db])
        #expect(demo.status == 0, "\(demo.stderr)")
        let added = try runner.run(["account", "add", "tess", "--role", "admin", "--db", db], input: Data((Self.password + "\n").utf8))
        #expect(added.status == 0 && added.stdout.contains("added the account tess"), "\(added.stderr)")

        let python = try Self.pythonWithSelenium()
        let meaning = FileManager.default.fileExists(
            atPath: Fixtures.root.appendingPathComponent("models/all-MiniLM-L6-v2/model.safetensors").path)
        let server = try RunningServer(database: db, meaning: meaning, folder: folder)
        defer { server.stop() }
        let port = try await offThePool { try server.waitForPort() }

        let screenshots = ProcessInfo.processInfo.environment["STITCH_SCREENSHOTS"]
            ?? Fixtures.root.appendingPathComponent("docs/images").path
        let script = Fixtures.root.appendingPathComponent("Tests/StitchWebTests/browser_test.py").path
        let arguments = [
            script, "--url", "http://127.0.0.1:\(port)", "--name", "tess", "--screenshots", screenshots, "--meaning",
            meaning ? "on" : "off",
        ]
        let run = try await offThePool {
            try Self.run(
                python, arguments,
                environment: ["STITCH_TEST_PASSWORD": Self.password, "CHROMIUM": Self.chromium, "CHROMEDRIVER": Self.chromedriver],
                timeout: 480)
        }
        if run.status == Self.cannotStart {
            // Chromium could not start on this machine (alone, or through ChromeDriver in six
            // tries) before any page was asked for: the machine's limit (the script printed why),
            // recorded as such rather than as a fault in the pages.
            withKnownIssue("Chromium cannot start on this machine, so the pages were not tried in it") {
                Issue.record(Comment(rawValue: run.output))
            }
            return
        }
        #expect(run.status == 0 && run.output.contains("browser test passed"), "\(run.output)\nserver:\n\(server.log)")
        #expect(run.output.contains("exchange recorded"), "\(run.output)")
        for page in ["login", "home", "refer", "refer-phone", "help", "exchange", "network", "plan"] {
            #expect(FileManager.default.fileExists(atPath: "\(screenshots)/web-\(page).png"), "no screenshot of \(page)")
        }

        let status = server.stop()
        #expect(status == 0, "the daemon did not stop cleanly: \(server.log)")
        // The server's log and the audit log carry ids and counts, never the reason or a name.
        for secret in ["lonely", "wife", "woodwork", "Daniel", Self.password] {
            #expect(!server.log.contains(secret), "the server log holds '\(secret)'")
        }
        let audit = try runner.run(["account", "audit", "--db", db])
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("tess  refer  person=m-arthur"), "\(audit.stdout)")
        #expect(audit.stdout.contains("exchange.record"))
        #expect(!audit.stdout.contains("lonely") && !audit.stdout.contains("hospital"))
    }

    /// The project's Python (`.venv`, made by `make deps`) with Selenium; a missing Selenium
    /// fails the test, saying how to install it.
    static func pythonWithSelenium() throws -> String {
        let venv = PythonScript.repositoryRoot.appendingPathComponent(".venv/bin/python3").path
        let python = FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3"
        let check = try run(python, ["-c", "import selenium"], environment: [:], timeout: 60)
        guard check.status == 0 else {
            throw Failure("Selenium is not installed for \(python): run `make deps` (scripts/install-deps.sh): \(check.output)")
        }
        return python
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs a program to its end (killed after `timeout` seconds), its output and errors together.
    static func run(_ program: String, _ arguments: [String], environment: [String: String], timeout: Double) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        killer.cancel()
        return (process.terminationStatus, output)
    }
}

/// `stitch serve --http 127.0.0.1:0` over a database, its standard error collected; the port is
/// read from its line "serving HTTP at http://127.0.0.1:PORT".
final class RunningServer: Sendable {
    private let process: Process
    private let collected = Collected()

    /// Text written by another thread.
    final class Collected: Sendable {
        let text = Mutex("")
    }

    init(database: String, meaning: Bool, folder: URL) throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--http", "127.0.0.1:0", "--insecure-loopback", "--db", database]
        process.currentDirectoryURL = Fixtures.root
        var env = ProcessInfo.processInfo.environment
        for (k, v) in CommandRunner.environment { env[k] = v }
        env["STITCH_MEANING"] = meaning ? "on" : "off"
        env["XDG_DATA_HOME"] = folder.appendingPathComponent("xdg").path
        process.environment = env
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        self.process = process
        let collected = self.collected
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                return
            }
            collected.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// What the daemon has written to standard error so far.
    var log: String { collected.text.withLock { $0 } }

    /// The port, once the daemon says it serves HTTP (within two minutes: building the engine
    /// with the text model takes a while in a debug build).
    func waitForPort() throws -> Int {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let text = log
            if let range = text.range(of: #"serving HTTP at http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
                let port = Int(text[range].split(separator: ":").last ?? "")
            {
                return port
            }
            guard process.isRunning else { throw BrowserTests.Failure("the daemon stopped: \(text)") }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw BrowserTests.Failure("the daemon did not start serving HTTP within two minutes: \(log)")
    }

    /// Stops the daemon with SIGTERM and waits; its exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return process.terminationStatus
    }
}
