import Foundation
import Synchronization

/// One round of load: every client sends its share of requests at once, each on its own thread.
public struct DaemonLoadRound: Sendable {
    /// Requests answered in the round, over all clients.
    public var requests: Int
    /// From the first request sent to the last answer read.
    public var seconds: Double
    /// Every request's round-trip time in nanoseconds (all clients, unordered).
    public var latencies: [Int]
    /// Answers that were JSON-RPC errors.
    public var errors: Int
    /// CPU time of the whole process during the round (server and clients, when the server runs
    /// in process), in seconds.
    public var processCPUSeconds: Double
    /// CPU time of the client threads, in seconds.
    public var clientCPUSeconds: Double

    /// CPU time per request spent outside the client threads (the server's, when it runs in
    /// process), in microseconds.
    public var serverCPUMicrosecondsPerRequest: Double {
        (processCPUSeconds - clientCPUSeconds) * 1e6 / Double(max(1, requests))
    }

    /// Answers per second.
    public var requestsPerSecond: Double { Double(requests) / seconds }

    /// The `p`-quantile (0…1) of the round-trip times, in microseconds.
    public func latencyMicroseconds(_ p: Double) -> Double {
        Self.quantile(latencies.sorted(), p) / 1000
    }

    static func quantile(_ sorted: [Int], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return Double(sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))])
    }

    /// Runs `requestsPerClient` requests on every client, `window` in flight each, one thread per
    /// client. Ids continue from `firstID` so rounds never repeat a client's request sequence.
    ///
    /// - Throws: ``DaemonLoadClient/Failure`` when a connection failed.
    public static func run(
        clients: [DaemonLoadClient], mix: DaemonLoadMix, requestsPerClient: Int, window: Int, firstID: Int = 1
    ) throws -> DaemonLoadRound {
        let reports = Reports()
        let finished = DispatchGroup()
        let start = DaemonLoadClient.now()
        let cpuStart = DaemonLoadClient.now(CLOCK_PROCESS_CPUTIME_ID)
        for (index, client) in clients.enumerated() {
            finished.enter()
            let thread = Thread {
                let report = client.run(
                    client: index, mix: mix, count: requestsPerClient, window: window, firstID: firstID)
                reports.all.withLock { $0.append(report) }
                finished.leave()
            }
            thread.stackSize = 1 << 20
            thread.name = "load-client"
            thread.start()
        }
        finished.wait()
        let seconds = Double(DaemonLoadClient.now() - start) / 1e9
        let cpu = Double(DaemonLoadClient.now(CLOCK_PROCESS_CPUTIME_ID) - cpuStart) / 1e9
        let all = reports.all.withLock { $0 }
        if let failure = all.compactMap(\.failure).first { throw DaemonLoadClient.Failure(description: failure) }
        let latencies = all.flatMap(\.latencies)
        return DaemonLoadRound(
            requests: latencies.count, seconds: seconds, latencies: latencies, errors: all.reduce(0) { $0 + $1.errors },
            processCPUSeconds: cpu, clientCPUSeconds: Double(all.reduce(0) { $0 + $1.cpuNanoseconds }) / 1e9)
    }
}

/// The reports of a round's clients, as they finish.
private final class Reports: Sendable {
    let all = Mutex<[DaemonLoadClient.Report]>([])
}
