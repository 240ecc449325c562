import Foundation
import StitchTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `stitch serve --http`, run as an operator would, driven by an HTTP client over a real socket.
@Suite("stitch serve --http, end to end", .serialized)
struct HTTPDaemonTests {
    /// One HTTP exchange: status, headers and body.
    struct Answer {
        var status: Int
        var contentType: String?
        var body: Data
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func send(
        _ method: String, _ url: String, body: String? = nil, token: String? = nil
    ) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Answer(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type"), body: data)
    }

    @Test func servesTheAPIBesideTCPAndASocketWithOneSetOfStatisticsAndPrometheusMetrics() async throws {
        let folder = try DaemonProcess.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let daemon = try DaemonProcess(
            ["--http", "127.0.0.1:0", "--tcp", "127.0.0.1:0", "--socket", folder + "/stitch.sock", "--insecure-loopback"], folder: folder)
        try await withDeadline(120) {
            let base = try await daemon.waitUntilServingHTTP()
            let health = try await Self.send("GET", base + "/api/health")
            #expect(health.status == 200)
            #expect(health.json?["status"] as? String == "ok")

            let helpers = try await Self.send(
                "POST", base + "/api/match/helpers", body: #"{"request":{"requester":"m-arthur","skill":"accompany to hospital"},"limit":3}"#)
            #expect(helpers.status == 200)
            let viaHTTP = (helpers.json?["matches"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(!viaHTTP.isEmpty)

            // The same request over JSON-RPC, on the same daemon, answers the same helpers in the same order.
            let target = try await daemon.waitUntilListening()
            try await LineClient.connect(to: target) { client async throws in
                let answer = try await client.call(
                    #"{"jsonrpc":"2.0","id":1,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital"},"limit":3}}"#)
                let viaRPC = answer["result"]?["matches"]?.array?.compactMap { $0["id"]?.string } ?? []
                #expect(viaRPC == viaHTTP)
                let stats = try await client.call(#"{"jsonrpc":"2.0","id":2,"method":"server.stats"}"#)
                #expect(stats["result"]?["requests"]?["match.helpers"]?.int == 2, "HTTP and JSON-RPC requests are counted together")
                #expect(stats["result"]?["requests"]?["server.health"]?.int == 1)
            }
            // The socket beside them serves the same community.
            try await LineClient.connect(to: .unix(folder + "/stitch.sock")) { client async throws in
                let answer = try await client.call(#"{"jsonrpc":"2.0","id":3,"method":"server.health"}"#)
                #expect(answer["result"]?["status"]?.string == "ok")
            }

            let bad = try await Self.send("POST", base + "/api/match/helpers", body: #"{"request":{"skill":"gardening","when":[{"day":"wedding","start":"10:00","end":"12:00"}]}}"#)
            #expect(bad.status == 400)
            #expect((bad.json?["data"] as? [String: Any])?["field"] as? String == "params.request.when[0].day")

            let contract = try await Self.send("GET", base + "/openapi.yaml")
            #expect(contract.status == 200)
            #expect(contract.text.hasPrefix("openapi: 3.1"))

            let metrics = try await Self.send("GET", base + "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.text.contains(#"stitch_requests_total{method="match.helpers",transport="http",status="200"} 1"#), "\(metrics.text)")
            #expect(metrics.text.contains(#"stitch_requests_total{method="match.helpers",transport="jsonrpc",status="ok"} 1"#))
            #expect(metrics.text.contains(#"stitch_requests_total{method="match.helpers",transport="http",status="400"} 1"#))
            #expect(metrics.text.contains("stitch_request_duration_seconds_bucket"))
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)
        #expect(!daemon.stderr.contains("Arthur") && !daemon.stderr.contains("m-arthur"), "logs carry no names or ids of people")
    }

    @Test func withATokenTheAPIAndTheMetricsNeedTheBearerHeader() async throws {
        let daemon = try DaemonProcess(["--http", "127.0.0.1:0"], environment: ["STITCH_TOKEN": WireLimitTests.token])
        try await withDeadline(120) {
            let base = try await daemon.waitUntilServingHTTP()
            let refused = try await Self.send("GET", base + "/api/health")
            #expect(refused.status == 401)
            #expect(refused.json?["code"] as? Int == -32004)
            #expect(try await Self.send("GET", base + "/metrics").status == 401)
            #expect(try await Self.send("GET", base + "/api/health", token: WireLimitTests.token).status == 200)
            #expect(try await Self.send("GET", base + "/metrics", token: WireLimitTests.token).status == 200)
            let written = try await Self.send(
                "PUT", base + "/api/members/m-newcomer", body: #"{"id":"m-newcomer","offers":["gardening"]}"#, token: WireLimitTests.token)
            #expect(written.status == 200)
        }
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)
        #expect(!daemon.stderr.contains(WireLimitTests.token), "the token is never logged")

        // The write was stored before it was answered: a new daemon on the same database serves it.
        let again = try DaemonProcess(["--http", "127.0.0.1:0", "--insecure-loopback"], folder: daemon.folder)
        try await withDeadline(120) {
            let base = try await again.waitUntilServingHTTP()
            let answer = try await Self.send("POST", base + "/api/match/opportunities", body: #"{"member":"m-newcomer"}"#)
            #expect(answer.status == 200)
        }
        again.signal(SIGTERM)
        #expect(try await again.waitForExit(seconds: 20) == 0)
    }

    @Test func refusesAnOpenAddressWithoutATokenAndStdioWithHTTP() throws {
        let runner = CommandRunner()
        let folder = try DaemonProcess.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let open = try runner.run(["serve", "--http", "0.0.0.0:0", "--db", folder + "/s.sqlite"])
        #expect(open.status != 0)
        #expect(open.stderr.contains("serve HTTP") && open.stderr.contains("not a loopback address"), "\(open.stderr)")
        let loopback = try runner.run(["serve", "--http", "127.0.0.1:0", "--db", folder + "/s.sqlite"])
        #expect(loopback.status != 0 && loopback.stderr.contains("--insecure-loopback"), "\(loopback.stderr)")
        let stdio = try runner.run(["serve", "--stdio", "--http", "127.0.0.1:0"])
        #expect(stdio.status != 0 && stdio.stderr.contains("--stdio serves alone"))
        let badPort = try runner.run(["serve", "--http", "127.0.0.1:web", "--db", folder + "/s.sqlite"])
        #expect(badPort.status != 0 && badPort.stderr.contains("port"))
    }
}

extension DaemonProcess {
    /// Waits for the daemon's "serving HTTP at …" log line and returns the base URL.
    func waitUntilServingHTTP(seconds: Double = 60) async throws -> String {
        var base: String?
        try await waitUntil(seconds) {
            if let range = self.stderr.range(of: "serving HTTP at ") {
                base = String(self.stderr[range.upperBound...].prefix { !$0.isWhitespace })
            }
            return base != nil || !self.isRunning
        }
        guard let base else { throw DaemonExited(status: 0, stderr: stderr) }
        return base
    }
}
