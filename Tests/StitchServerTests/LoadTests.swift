import Foundation
import StitchTestSupport
import Testing

/// Many clients at once against the real daemon, every answer checked.
///
/// 32 clients × 2,000 mixed requests (reads and writes), each answer checked.
@Suite("stitch serve under load", .serialized)
struct LoadTests {
    static let clients = 32
    static let perClient = 2000
    /// Requests a client keeps in flight (pipelined) before waiting for answers.
    static let window = 8

    /// What one client saw.
    struct ClientReport: Sendable {
        var answered = 0
        var wrong = 0
        var firstWrong: String?
    }

    @Test func thirtyTwoSocketClientsGetEveryAnswerRightAndInOrder() async throws {
        let mix = try await LoadMix(reference: try TestServers.dispatcher(maximumLineBytes: 1 << 20))
        let folder = try DaemonProcess.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let daemon = try DaemonProcess(["--socket", folder + "/stitch.sock"], folder: folder)
        let target = try await withDeadline(60) { try await daemon.waitUntilListening() }
        let clock = ContinuousClock()
        let start = clock.now
        let reports = try await withDeadline(300) {
            try await withThrowingTaskGroup(of: ClientReport.self) { group in
                for client in 0..<Self.clients {
                    group.addTask { try await Self.run(client: client, mix: mix, target: target) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        let elapsed = clock.now - start
        let serverCPU = daemon.cpuSeconds.map { String(format: "%.1f", $0) } ?? "?"
        let clientCPU = Double(Foundation.clock()) / Double(CLOCKS_PER_SEC)
        daemon.signal(SIGTERM)
        #expect(try await daemon.waitForExit(seconds: 20) == 0)

        let answered = reports.reduce(0) { $0 + $1.answered }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "stitch serve load: \(Self.clients) clients × \(Self.perClient) requests = \(answered) answers in \(String(format: "%.2f", seconds)) s (\(Int(Double(answered) / seconds)) requests/s; daemon CPU \(serverCPU) s, test process CPU \(String(format: "%.1f", clientCPU)) s)"
        )
        #expect(answered == Self.clients * Self.perClient)
        #expect(reports.allSatisfy { $0.wrong == 0 }, "\(reports.compactMap(\.firstWrong).prefix(3))")
        // Throughput is measured by the daemon benchmarks (docs/performance.md), not asserted here.
    }

    /// One client: pipelines its requests a window at a time and checks each answer as it comes.
    static func run(client: Int, mix: LoadMix, target: ClientTarget) async throws -> ClientReport {
        try await LineClient.connect(to: target) { connection async throws in
            var report = ClientReport()
            var sent = 0
            while report.answered < Self.perClient {
                var lines: [String] = []
                while sent < Self.perClient, sent - report.answered < Self.window {
                    lines.append(mix.requests[mix.pick(client: client, index: sent)].line(id: sent + 1))
                    sent += 1
                }
                if !lines.isEmpty { try await connection.send(lines: lines) }
                let response = try await connection.readResponse()
                let index = report.answered
                report.answered += 1
                let expected = mix.expected[mix.pick(client: client, index: index)]
                if response.id?.int != index + 1 || LoadMix.withoutID(response) != expected {
                    report.wrong += 1
                    if report.firstWrong == nil {
                        report.firstWrong =
                            "client \(client) message \(index + 1): got id \(String(describing: response.id))"
                    }
                }
            }
            return report
        }
    }
}
