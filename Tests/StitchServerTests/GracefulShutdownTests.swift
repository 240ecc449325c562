import Foundation
import ServiceLifecycle
import Testing

@testable import StitchServer

@Suite("Graceful shutdown in process")
struct GracefulShutdownTests {
    /// Sends many requests at once, shuts down after the first answer: every request answered is
    /// answered in order, the rest are read and dropped (so a client still writing is not stuck),
    /// and each connection ends with a clean close, never a reset.
    @Test(arguments: ["unix", "tcp"])
    func answersWhatItHasReadThenClosesCleanly(transport: String) async throws {
        let endpoint: LineServer.Endpoint =
            transport == "unix" ? .unixSocket(path: try TestServers.socketPath()) : .tcp(host: "127.0.0.1", port: 0)
        // Generous: the whole suite runs beside it on a machine of two cores.
        try await withDeadline(180) {
            try await TestServers.withServer(endpoint, dispatcher: try TestServers.dispatcher()) {
                server, target, group in
                try await LineClient.connect(to: target) { idle async throws in
                    #expect(try await idle.call(Requests.health).id == .number(1))
                    try await LineClient.connect(to: target) { busy async throws in
                        // Four batches of 5,000 with ids 1...20,000: one before the shutdown, three after.
                        let batches = (0..<4).map { batch in
                            (1...5_000).map { #"{"jsonrpc":"2.0","id":\#(batch * 5_000 + $0),"method":"server.health"}"# }
                        }
                        try await busy.send(lines: batches[0])
                        let first = try await busy.readResponse()
                        #expect(first.id == .number(1))
                        await group.triggerGracefulShutdown()
                        // A client that writes everything before it reads must be able to finish writing.
                        for batch in batches.dropFirst() { try await busy.send(lines: batch) }
                        let rest = try await busy.readToEnd().map { try JSONValue.parse($0) }
                        #expect(
                            rest.map { $0.id?.int } == rest.indices.map { $0 + 2 }, "a prefix of the requests, in order"
                        )
                        #expect(rest.allSatisfy { $0["result"]?["status"]?.string == "ok" })
                        // How many were read before the connection stopped taking lines depends on the
                        // kernel's socket buffers (a machine with large TCP buffers may read all of the
                        // first batch at once), but it stops: the 15,000 sent after the shutdown are not
                        // all answered.
                        #expect(rest.count < 19_999, "the connection stops taking lines once the shutdown comes")
                    }
                    #expect(try await idle.readToEnd().isEmpty, "an idle connection is closed cleanly")
                }
                if case .unixSocket(let path) = server.endpoint {
                    try await waitUntil(10) { !FileManager.default.fileExists(atPath: path) }
                }
            }
        }
    }

    /// A client that sends a flood and never reads stalls only itself; a shutdown that it holds
    /// up past the limit closes it.
    @Test func aClientThatNeverReadsHoldsUpNeitherOthersNorShutdown() async throws {
        let clock = ContinuousClock()
        let shutdownTook = try await withDeadline(60) {
            try await TestServers.withServer(
                .unixSocket(path: try TestServers.socketPath()), dispatcher: try TestServers.dispatcher(),
                gracefulShutdownTimeout: .seconds(1)
            ) { server, target, group in
                try await LineClient.connect(to: target) { stuck async throws in
                    let flood = (1...20_000).map {
                        #"{"jsonrpc":"2.0","id":\#($0),"method":"refer.activities","params":{"referral":{"person":"m-maud"}}}"#
                    }
                    try await stuck.send(lines: flood)
                    try await Task.sleep(for: .milliseconds(500))  // the server fills the socket and waits
                    try await LineClient.connect(to: target) { other async throws in
                        #expect(try await other.call(Requests.health).id == .number(1), "others are served meanwhile")
                    }
                    try await waitUntil(10) { server.statistics.openConnections == 1 }  // only the stuck one
                    let start = clock.now
                    await group.triggerGracefulShutdown()
                    try await waitUntil(20) { server.statistics.openConnections == 0 }
                    return clock.now - start
                }
            }
        }
        // At least the 1 s grace period; the upper bound leaves room for a machine busy with the
        // other tests, whose blocking waits can hold up this test's threads for seconds.
        #expect(
            shutdownTook >= .seconds(1) && shutdownTook < .seconds(20),
            "closed when the grace period ran out, not after \(shutdownTook)")
    }
}
