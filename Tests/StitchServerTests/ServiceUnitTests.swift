import Foundation
import StitchTestSupport
import Testing

/// deploy/stitch.service's command line, run as systemd would run it: its `ExecStart` with the
/// directories systemd makes (state, runtime, credentials) in a test folder, the environment file
/// deploy/stitch.env, the installed paths pointed at this checkout. The daemon must serve its
/// socket and stop cleanly on the unit's kill signal.
@Suite("The systemd unit's command line", .serialized)
struct ServiceUnitTests {
    static func read(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// `NAME=value` settings of a unit or environment file (comments and sections left out).
    static func settings(_ text: String) -> [(String, String)] {
        text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.hasPrefix("["), let eq = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<eq]), String(line[line.index(after: eq)...]))
        }
    }

    @Test func theUnitIsHardened() throws {
        let unit = Dictionary(Self.settings(try Self.read("deploy/stitch.service")), uniquingKeysWith: { a, _ in a })
        for (key, value) in [
            ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes"),
            ("DynamicUser", "yes"), ("KillSignal", "SIGTERM"), ("CapabilityBoundingSet", ""),
            ("MemoryDenyWriteExecute", "yes"), ("UMask", "0077"),
        ] {
            #expect(unit[key] == value, "\(key)")
        }
        #expect(unit["LoadCredential"]?.hasPrefix("token:") == true, "the token comes as a credential")
        #expect(unit["ExecStart"]?.contains("--token-file ${CREDENTIALS_DIRECTORY}/token") == true)
        #expect(unit["ExecStart"]?.contains("--token ") == false, "never the token on the command line")
    }

    @Test func itsCommandLineServesAndStopsCleanly() async throws {
        let unit = Self.settings(try Self.read("deploy/stitch.service"))
        let environmentFile = Self.settings(try Self.read("deploy/stitch.env"))
        let execStart = try #require(unit.first { $0.0 == "ExecStart" }?.1)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-unit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var directories: [String: String] = [:]
        for name in ["STATE_DIRECTORY", "RUNTIME_DIRECTORY", "CREDENTIALS_DIRECTORY"] {
            let dir = folder.appendingPathComponent(name.lowercased())
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            directories[name] = dir.path
        }
        let token = String(repeating: "7f", count: 32)
        let tokenFile = directories["CREDENTIALS_DIRECTORY"]! + "/token"
        #expect(FileManager.default.createFile(atPath: tokenFile, contents: Data(token.utf8), attributes: [.posixPermissions: 0o600]))

        // systemd's expansion: ${NAME} is one word, $NAME is split at white space.
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in CommandRunner.environment { environment[k] = v }
        for (k, v) in environmentFile { environment[k] = v }
        environment["STITCH_DATA"] = Fixtures.root.appendingPathComponent("data").path  // not installed here
        environment["STITCH_MEANING"] = "off"
        var words: [String] = []
        for word in execStart.split(separator: " ").map(String.init) {
            if word.hasPrefix("$"), !word.hasPrefix("${") {
                words += (environment[String(word.dropFirst())] ?? "").split(separator: " ").map(String.init)
                continue
            }
            var expanded = word
            for (name, path) in directories { expanded = expanded.replacingOccurrences(of: "${\(name)}", with: path) }
            words.append(expanded)
        }
        #expect(words.first == "/usr/local/bin/stitch")
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = Array(words.dropFirst())
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let socket = directories["RUNTIME_DIRECTORY"]! + "/stitch.sock"
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: socket), process.isRunning, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(FileManager.default.fileExists(atPath: socket), "the socket is served")
        // Served: a health check with the token is answered (retried while the daemon starts).
        let health = #"{"jsonrpc":"2.0","id":1,"method":"server.health","params":{"auth":"\#(token)"}}"#
        var answered = false
        while !answered, process.isRunning, Date() < deadline {
            let answer = try? await LineClient.connect(to: .unix(socket)) { client in try await client.call(health) }
            if let answer, "\(answer)".contains("ok") { answered = true } else { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(answered, "the daemon answered over its socket")
        process.terminate()  // SIGTERM, the unit's KillSignal
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stderr.contains("database closed"), "\(stderr)")
        #expect(!stderr.contains(token), "the token is never logged")
        #expect(FileManager.default.fileExists(atPath: directories["STATE_DIRECTORY"]! + "/stitch.sqlite"))
    }
}
