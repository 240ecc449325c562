import Foundation
import StitchTestSupport
import Testing

/// The daemon's limits and access rules, checked against the real binary: tokens, loopback,
/// batches, clients that do not read, idle clients, the connection limit, strict JSON, exact ids,
/// and a clean stop that folds the database's log.
@Suite("stitch serve: limits, access and strict JSON, end to end", .serialized)
struct WireLimitTests {
    /// A token long enough (64 hex digits, as `openssl rand -hex 32` prints).
    static let token = "3f9a1c5e7b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a"

    static func socketDaemon(
        _ extra: [String] = [], environment: [String: String] = [:], fileLimit: Int? = nil
    ) throws -> (DaemonProcess, String) {
        let folder = try DaemonProcess.makeFolder()
        let path = folder + "/stitch.sock"
        return (
            try DaemonProcess(["--socket", path] + extra, folder: folder, environment: environment, fileLimit: fileLimit),
            folder
        )
    }

    // MARK: Access

    @Test func aShortOrEmptyTokenOrOneOnTheCommandLineIsRefused() throws {
        let runner = CommandRunner()
        let folder = try DaemonProcess.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = ["--db", folder + "/s.sqlite"]
        for short in ["", "x", String(repeating: "a", count: 31)] {
            let result = try runner.run(["serve", "--tcp", "0.0.0.0:0"] + db, environment: ["STITCH_TOKEN": short])
            #expect(result.status != 0, "a \(short.count)-byte token")
            #expect(result.stderr.contains("at least 32 bytes") && result.stderr.contains("openssl rand -hex 32"), "\(result.stderr)")
        }
        let onCommandLine = try runner.run(["serve", "--tcp", "127.0.0.1:0", "--token", Self.token] + db)
        #expect(onCommandLine.status != 0)
        #expect(onCommandLine.stderr.contains("--token-file") && onCommandLine.stderr.contains("STITCH_TOKEN"), "\(onCommandLine.stderr)")
        let file = folder + "/token"
        try Data(Self.token.utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o644)
        let shared = try runner.run(["serve", "--tcp", "127.0.0.1:0", "--token-file", file] + db)
        #expect(shared.status != 0 && shared.stderr.contains("chmod 600"), "\(shared.stderr)")
    }

    @Test func loopbackTCPNeedsATokenUnlessInsecureLoopbackIsGiven() throws {
        let runner = CommandRunner()
        let folder = try DaemonProcess.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refused = try runner.run(["serve", "--tcp", "127.0.0.1:0", "--db", folder + "/s.sqlite"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--insecure-loopback") && refused.stderr.contains("--token-file"), "\(refused.stderr)")
    }

    @Test func aTokenFileWorksAndAnUnauthenticatedBatchIsRefusedWhole() async throws {
        let folder = try DaemonProcess.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/token"
        try Data((Self.token + "\n").utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        let daemon = try DaemonProcess(["--tcp", "127.0.0.1:0", "--token-file", file], folder: folder)
        try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            try await LineClient.connect(to: target) { client async throws in
                #expect(try await client.call(Requests.health).errorCode == -32004)
                let authed = #"{"jsonrpc":"2.0","id":2,"method":"server.health","params":{"auth":"\#(Self.token)"}}"#
                #expect(try await client.call(authed)["result"]?["status"]?.string == "ok")
                let batch = "[" + Array(repeating: Requests.health, count: 500).joined(separator: ",") + "]"
                let refused = try await client.call(batch)
                #expect(refused.errorCode == -32004 && refused.array == nil, "one error for the whole batch")
            }
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)
    }

    // MARK: Limits

    @Test func aBatchOverTheLimitIsRefusedCheaply() async throws {
        let (daemon, folder) = try Self.socketDaemon(["--max-batch", "5"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            try await LineClient.connect(to: target) { client async throws in
                let six = "[" + Array(repeating: Requests.health, count: 6).joined(separator: ",") + "]"
                let refused = try await client.call(six)
                #expect(refused.errorCode == -32600)
                #expect(refused["error"]?["message"]?.string?.contains("at most 5") == true, "\(refused)")
                let five = "[" + Array(repeating: Requests.health, count: 5).joined(separator: ",") + "]"
                #expect(try await client.call(five).array?.count == 5)
                // A 1 MiB line of `{}` elements: refused after the sixth, at almost no cost.
                let before = daemon.cpuSeconds ?? 0
                let flood = "[" + Array(repeating: "{}", count: 349_000).joined(separator: ",") + "]"
                for _ in 0..<5 {
                    #expect(try await client.call(flood).errorCode == -32600)
                }
                let spent = (daemon.cpuSeconds ?? 0) - before
                print("five 1 MiB batch lines of {} refused in \(spent) s of daemon CPU")
                #expect(spent < 2, "five 1 MiB batches cost \(spent) s of CPU")
            }
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)
    }

    @Test func aClientThatNeverReadsNeitherGrowsMemoryNorHoldsShutdown() async throws {
        let (daemon, folder) = try Self.socketDaemon()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = ContinuousClock()
        try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            try await LineClient.connect(to: target) { client async throws in
                #expect(try await client.call(Requests.health).id == .number(1))
            }
            let before = try #require(daemon.residentBytes)
            guard case .unix(let path) = target else { return }
            let socket = try RawSocket(unixPath: path, sendTimeout: 1)
            // Batches of 1,000 queries whose answers run to megabytes; at most 64 lines tried.
            let request = #"{"jsonrpc":"2.0","id":1,"method":"match.opportunities","params":{"member":"m-bee","limit":50}}"#
            let line = Data(("[" + Array(repeating: request, count: 1000).joined(separator: ",") + "]\n").utf8)
            var sent = 0
            for _ in 0..<64 {
                let n = socket.send(line)
                sent += n
                if n < line.count { break }  // the server stopped reading
            }
            try await Task.sleep(for: .seconds(2))
            let after = try #require(daemon.residentBytes)
            let grown = after - before
            print("a client that never reads: \(sent) bytes taken, resident memory \(before >> 20) MiB -> \(after >> 20) MiB")
            #expect(sent < 32 * line.count, "reading stopped: \(sent) bytes taken")
            #expect(grown < 256 << 20, "resident memory grew by \(grown >> 20) MiB")
            let start = clock.now
            daemon.signal(SIGTERM)
            #expect(try await daemon.waitForExit(seconds: 30) == 0, "\(daemon.stderr)")
            #expect(clock.now - start < .seconds(12), "the stuck client held the stop for \(clock.now - start)")
            withExtendedLifetime(socket) {}
        }
        let wal = (try? FileManager.default.attributesOfItem(atPath: folder + "/stitch.sqlite-wal")[.size] as? Int) ?? 0
        #expect(wal == 0, "the log is folded into the database")
    }

    @Test func anIdleClientIsDisconnected() async throws {
        let (daemon, folder) = try Self.socketDaemon(["--idle-timeout", "1"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = ContinuousClock()
        try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            try await LineClient.connect(to: target) { client async throws in
                // The server's idle clock starts at its answer, which comes after this.
                let start = clock.now
                #expect(try await client.call(Requests.health).id == .number(1))
                #expect(try await client.readToEnd().isEmpty)
                let waited = clock.now - start
                #expect(waited >= .milliseconds(900) && waited < .seconds(10), "closed after \(waited)")
            }
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)
    }

    @Test func theConnectionOverTheLimitIsRefusedWithAnAnswer() async throws {
        let (daemon, folder) = try Self.socketDaemon(["--max-connections", "2"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            try await LineClient.connect(to: target) { first async throws in
                #expect(try await first.call(Requests.health).id == .number(1))
                try await LineClient.connect(to: target) { second async throws in
                    #expect(try await second.call(Requests.health).id == .number(1))
                    try await LineClient.connect(to: target) { third async throws in
                        let answer = try await third.readResponse()
                        #expect(answer.errorCode == -32600)
                        #expect(answer["error"]?["message"]?.string?.contains("Too many connections") == true)
                        #expect(try await third.readToEnd().isEmpty, "then closed")
                    }
                }
            }
            // Slots free up again.
            try await waitUntil(10) { daemon.stderr.contains("connection refused") }
            try await Task.sleep(for: .milliseconds(200))
            try await LineClient.connect(to: target) { again async throws in
                #expect(try await again.call(Requests.health).id == .number(1))
            }
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)
    }

    @Test func atTheFileDescriptorLimitNewClientsAreRefusedNotLeftHanging() async throws {
        // 100 descriptors: the daemon keeps 64 for itself, so it admits 36 connections.
        let (daemon, folder) = try Self.socketDaemon(["--max-connections", "1000"], fileLimit: 100)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            guard case .unix(let path) = target else { return }
            var held: [RawSocket] = []
            for _ in 0..<40 { held.append(try RawSocket(unixPath: path)) }
            try await LineClient.connect(to: target) { late async throws in
                let answer = try await late.readResponse()
                #expect(answer["error"]?["message"]?.string?.contains("Too many connections") == true, "\(answer)")
            }
            held.removeAll()
            try await Task.sleep(for: .milliseconds(500))
            try await LineClient.connect(to: target) { again async throws in
                #expect(try await again.call(Requests.health).id == .number(1))
            }
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0, "\(daemon.stderr)")
    }

    // MARK: Strict JSON and exact ids

    @Test func malformedEncodingsAreRefusedAndIdsComeBackExactly() async throws {
        let (daemon, folder) = try Self.socketDaemon()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            try await LineClient.connect(to: target) { client async throws in
                let trailing = #"{"jsonrpc":"2.0","id":1,"method":"server.health",}"#
                let answer = try await client.call(trailing)
                #expect(answer.errorCode == -32700)
                #expect(answer["error"]?["message"]?.string?.contains("trailing comma") == true, "\(answer)")
                try await client.send(bytes: [0xEF, 0xBB, 0xBF] + Array(Requests.health.utf8) + [0x0A])
                let bom = try await client.readResponse()
                #expect(bom.errorCode == -32700 && bom["error"]?["message"]?.string?.contains("byte-order mark") == true)
                // UTF-16LE without its newline's second byte, then a UTF-8 newline.
                let utf16 = Array(Requests.health.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
                try await client.send(bytes: utf16 + [0x0A])
                #expect(try await client.readResponse().errorCode == -32700)
                for id in ["12345678901234567890", "1.0e3", "-0", "9007199254740993"] {
                    try await client.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"server.health"}"#)
                    let line = try #require(try await client.readLine())
                    #expect(line.contains(#""id":\#(id),"#), "\(line)")
                }
                for (value, reason) in [("1950.5", "must be a whole number"), ("1e19", "is out of range")] {
                    let plan = #"{"jsonrpc":"2.0","id":9,"method":"plan.allocate","params":{"referrals":[{"id":"r-1","person":"m-bee"}],"topK":\#(value)}}"#
                    let error = try await client.call(plan)["error"]
                    #expect(error?["code"]?.int == -32602)
                    #expect(error?["data"]?["field"]?.string == "params.topK", "\(String(describing: error))")
                    #expect(error?["data"]?["reason"]?.string == reason, "\(String(describing: error))")
                }
            }
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)
    }

    // MARK: A clean stop

    @Test(arguments: 1...5)
    func sigtermDuringABackgroundRebuildLeavesNoLog(trial: Int) async throws {
        let (daemon, folder) = try Self.socketDaemon()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            try await LineClient.connect(to: target) { client async throws in
                // Enough new members to make a rebuild due, then stop while it runs.
                let writes = (1...40).map { i in
                    #"{"jsonrpc":"2.0","id":\#(i),"method":"member.upsert","params":{"member":{"id":"m-t\#(trial)-\#(i)","offers":["gardening"],"location":{"lat":51.445,"lon":-0.02}}}}"#
                }
                try await client.send(lines: writes)
                for _ in writes { #expect(try await client.readResponse()["result"] != nil) }
                let health = try await client.call(Requests.health)
                #expect(health["result"]?["status"]?.string == "ok")
                daemon.signal(SIGTERM)
            }
        }
        #expect(try await daemon.waitForExit(seconds: 30) == 0, "\(daemon.stderr)")
        let wal = (try? FileManager.default.attributesOfItem(atPath: folder + "/stitch.sqlite-wal")[.size] as? Int) ?? 0
        #expect(wal == 0, "the write-ahead log is folded into the database (trial \(trial))")
        #expect(daemon.stderr.contains("database closed"), "\(daemon.stderr)")
    }
}
