import Benchmark
import Foundation
import StitchApplication
import StitchDaemonLoad
import StitchRPC
import StitchServer
import Synchronization

/// The daemon's round trip over its Unix socket at 10,000 members, from 1, 8 and 32 clients.
///
/// Setup starts the real server (`LineServer` and `RPCDispatcher` over an in-memory
/// `StitchService`, no database) on a socket in a temporary folder and connects the clients.
/// Each iteration is one round: every client sends its share of 8,192 requests with 16 in
/// flight (pipelined), on its own thread with plain POSIX calls, and reads every answer. The mix
/// is ``DaemonLoadMix``: 80% `match.helpers` (limit 10), 15% `match.explain`, 5% `server.health`.
///
/// Reported: requests per second of each round, and the round trip of every request (from
/// writing its line to reading its answer), in microseconds.
enum DaemonBenchmarks {
    static let members = 10_000
    static let requestsPerRound = 8_192
    static let window = 16

    static let throughput = BenchmarkMetric.custom("requests/s", polarity: .prefersLarger, useScalingFactor: false)
    static let roundTrip = BenchmarkMetric.custom("round trip (µs)", polarity: .prefersSmaller, useScalingFactor: false)

    /// The server and clients of the benchmark running now (each runs in a process of its own).
    static let running = Mutex<Fixture?>(nil)

    /// A served community and connected clients.
    final class Fixture: Sendable {
        let daemon: InProcessDaemon
        let mix: DaemonLoadMix
        let clients: [DaemonLoadClient]
        let nextID = Atomic<Int>(1)

        init(clients count: Int) async throws {
            let community = DaemonLoadCommunity.seeded(members: DaemonBenchmarks.members)
            let daemon = try await InProcessDaemon.start(community: community, taxonomy: DaemonLoadCommunity.taxonomy)
            self.daemon = daemon
            mix = DaemonLoadMix(community: community, engine: daemon.engine)
            clients = try (0..<count).map { _ in try DaemonLoadClient(socketPath: daemon.socketPath) }
            ProcessMemory.trim()
        }
    }

    static func register() {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, throughput, roundTrip], timeUnits: .milliseconds,
            units: [throughput: .count, roundTrip: .count], warmupIterations: 1, scalingFactor: .one,
            maxDuration: .seconds(10), maxIterations: 20)
        for clients in [1, 8, 32] {
            Benchmark(
                "daemon \(members) members \(clients) client\(clients == 1 ? "" : "s")", configuration: configuration,
                closure: { (benchmark: Benchmark, fixture: Fixture) in
                    let perClient = requestsPerRound / clients
                    let firstID = fixture.nextID.add(perClient, ordering: .relaxed).oldValue
                    let round = try! DaemonLoadRound.run(
                        clients: fixture.clients, mix: fixture.mix, requestsPerClient: perClient, window: window,
                        firstID: firstID)
                    precondition(round.errors == 0, "\(round.errors) answers were errors")
                    benchmark.stopMeasurement()
                    benchmark.measurement(throughput, Int(round.requestsPerSecond.rounded()))
                    for latency in round.latencies { benchmark.measurement(roundTrip, latency / 1000) }
                },
                setup: { () async throws -> Fixture in
                    let fixture = try await Fixture(clients: clients)
                    running.withLock { $0 = fixture }
                    return fixture
                },
                teardown: {
                    guard let fixture = running.withLock({ $0.take() }) else { return }
                    await fixture.daemon.stop()
                })
        }
    }
}
