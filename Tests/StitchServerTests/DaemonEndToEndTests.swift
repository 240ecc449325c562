import Foundation
import StitchTestSupport
import Testing

/// `stitch serve --socket` and `--tcp`, run as an operator would, driven by a socket client.
@Suite("stitch serve on a socket and on TCP, end to end", .serialized)
struct DaemonEndToEndTests {
    @Test func theSocketAnswersEveryMethodAndEveryErrorCode() async throws {
        let folder = try DaemonProcess.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/stitch.sock"
        let daemon = try DaemonProcess(["--socket", path, "--max-line-bytes", "65536"], folder: folder)
        try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "only the owner may connect")
            try await InProcessServerTests.exerciseEveryMethod(target)
            try await LineClient.connect(to: target) { client async throws in
                try await client.send(lines: [Requests.padded(to: 200_000), Requests.health])
                #expect(try await client.readResponse().errorCode == -32003)
                #expect(
                    try await client.readResponse()["result"]?["status"]?.string == "ok",
                    "the connection is still usable")
            }
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)
        #expect(!FileManager.default.fileExists(atPath: path), "the socket file is removed")
        #expect(
            !daemon.stderr.contains("Arthur") && !daemon.stderr.contains("Maud") && !daemon.stderr.contains("m-maud"),
            "logs carry no names or ids of people")
    }

    @Test func tcpWithATokenRequiresItInEveryRequest() async throws {
        let daemon = try DaemonProcess(["--tcp", "127.0.0.1:0"], environment: ["STITCH_TOKEN": WireLimitTests.token])
        try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            guard case .tcp(let host, let port) = target else {
                Issue.record("not TCP: \(target)")
                return
            }
            #expect(host == "127.0.0.1" && port > 0)
            try await LineClient.connect(to: target) { client async throws in
                #expect(try await client.call(Requests.health).errorCode == -32004)
                let wrong = #"{"jsonrpc":"2.0","id":2,"method":"server.health","params":{"auth":"guess"}}"#
                #expect(try await client.call(wrong).errorCode == -32004)
                let right =
                    #"{"jsonrpc":"2.0","id":3,"method":"match.opportunities","params":{"member":"m-bee","limit":3,"auth":"\#(WireLimitTests.token)"}}"#
                #expect(try await client.call(right)["result"]?["matches"]?.array?.count == 3)
            }
        }
        daemon.signal(SIGINT)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)
        #expect(!daemon.stderr.contains(WireLimitTests.token), "the token is never logged")
    }

    @Test func tcpOnLoopbackAnswersEveryMethod() async throws {
        let daemon = try DaemonProcess(["--tcp", "127.0.0.1:0", "--insecure-loopback"])
        try await withDeadline(120) {
            try await InProcessServerTests.exerciseEveryMethod(try await daemon.waitUntilListening())
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)
    }

    @Test func refusesWhatItMustNotServe() throws {
        let runner = CommandRunner()
        let folder = try DaemonProcess.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let open = try runner.run(["serve", "--tcp", "0.0.0.0:0", "--db", folder + "/s.sqlite"])
        #expect(open.status != 0)
        #expect(open.stderr.contains("not a loopback address") && open.stderr.contains("--token"), "\(open.stderr)")
        let file = folder + "/notes.txt"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: file))
        let clobber = try runner.run(["serve", "--socket", file, "--db", folder + "/s.sqlite"])
        #expect(clobber.status != 0 && clobber.stderr.contains("not a socket"), "\(clobber.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        let both = try runner.run(["serve", "--stdio", "--tcp", "127.0.0.1:0"])
        #expect(both.status != 0 && both.stderr.contains("--stdio serves alone"))
        let badPort = try runner.run(["serve", "--tcp", "127.0.0.1:http", "--db", folder + "/s.sqlite"])
        #expect(badPort.status != 0 && badPort.stderr.contains("port"), "\(badPort.stderr)")
    }

    @Test func aStaleSocketIsReplacedAndALiveOneIsLeftAlone() async throws {
        let folder = try DaemonProcess.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/stitch.sock"
        let first = try DaemonProcess(["--socket", path], folder: folder)
        _ = try await withDeadline(120) { try await first.waitUntilListening() }
        let second = try CommandRunner().run(["serve", "--socket", path, "--db", folder + "/other.sqlite"])
        #expect(second.status != 0 && second.stderr.contains("another server is listening"), "\(second.stderr)")
        first.signal(SIGKILL)  // dies without removing its socket file
        _ = try await first.waitForExit(seconds: 20)
        #expect(FileManager.default.fileExists(atPath: path), "a stale socket is left behind")
        let third = try DaemonProcess(["--socket", path], folder: folder)
        try await withDeadline(120) {
            let target = try await third.waitUntilListening()
            try await LineClient.connect(to: target) { client async throws in
                #expect(try await client.call(Requests.health)["result"]?["status"]?.string == "ok")
            }
        }
        third.signal(SIGTERM)
        #expect(try await third.waitForExit(seconds: 20) == 0)
    }

    @Test func sigtermAnswersInFlightRequestsThenExitsZero() async throws {
        let folder = try DaemonProcess.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let daemon = try DaemonProcess(["--socket", folder + "/stitch.sock"], folder: folder)
        let clock = ContinuousClock()
        let signalled = try await withDeadline(120) {
            let target = try await daemon.waitUntilListening()
            try await LineClient.connect(to: target) { idle async throws in
                #expect(try await idle.call(Requests.health).id == .number(1))
                try await LineClient.connect(to: target) { busy async throws in
                    let lines = (1...3000).map {
                        #"{"jsonrpc":"2.0","id":\#($0),"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital"},"limit":3}}"#
                    }
                    try await busy.send(lines: lines)
                    #expect(try await busy.readResponse().id == .number(1))
                    daemon.signal(SIGTERM)
                    let rest = try await busy.readToEnd().map { try JSONValue.parse($0) }
                    #expect(
                        rest.map { $0.id?.int } == rest.indices.map { $0 + 2 }, "what was read is answered, in order")
                    #expect(rest.allSatisfy { Answers.firstMatch($0) == "m-june" })
                }
                #expect(try await idle.readToEnd().isEmpty)
            }
            return clock.now
        }
        #expect(try await daemon.waitForExit(seconds: 20) == 0, "\(daemon.stderr)")
        #expect(clock.now - signalled < .seconds(10), "promptly, once every connection has closed")
        #expect(daemon.stderr.contains("every connection closed; stopping"), "the shutdown hook ran")
    }
}
