import Foundation
import Synchronization

/// Requests answered by every interface of one daemon, for `server.stats`: counts per method,
/// errors per code, and latency percentiles over the most recent requests.
///
/// One instance is shared by the JSON-RPC transports and the HTTP interface, each recording a
/// request under its JSON-RPC method's name (`match.helpers` for `POST /api/match/helpers`).
/// Only names and counts are kept, never a request's content.
public final class RequestStatistics: Sendable {
    private let state = Mutex(State())
    private let started = Date()

    public init() {}

    /// Records one answered request: its method (`(unknown)` for a name outside the protocol),
    /// the error code it got (`nil` when it succeeded) and how long it took; also in the
    /// metrics (``ServiceMetrics``), by transport and status (`httpStatus` for HTTP).
    public func record(
        method: String, errorCode: Int?, duration: Duration, transport: ServiceMetrics.Transport = .jsonRPC,
        httpStatus: Int? = nil
    ) {
        let status = httpStatus.map(String.init) ?? errorCode.map(String.init) ?? "ok"
        ServiceMetrics.request(method: method, transport: transport, status: status, duration: duration)
        let micros = Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
        state.withLock { $0.record(method: method, errorCode: errorCode, microseconds: micros) }
    }

    /// The figures so far.
    public func snapshot() -> Snapshot {
        let uptime = Date().timeIntervalSince(started)
        return state.withLock { $0.snapshot(uptime: uptime) }
    }

    /// What `server.stats` answers (docs/protocol.md).
    public struct Snapshot: Encodable, Sendable {
        /// Seconds since the daemon started.
        public var uptimeSeconds: Double
        /// Requests answered, per method.
        public var requests: [String: Int]
        /// Requests answered with an error, per error code.
        public var errors: [String: Int]
        /// `p50`, `p90`, `p99` and `max` of the most recent requests' latencies, in microseconds.
        public var latencyMicroseconds: [String: Double]
    }

    private struct State {
        var requests: [String: Int] = [:]
        var errors: [Int: Int] = [:]
        /// The most recent latencies in microseconds (a bounded window).
        var latencies: [Double] = []
        var next = 0
        static let window = 4096

        mutating func record(method: String, errorCode: Int?, microseconds: Double) {
            requests[method, default: 0] += 1
            if let errorCode { errors[errorCode, default: 0] += 1 }
            if latencies.count < Self.window {
                latencies.append(microseconds)
            } else {
                latencies[next] = microseconds
                next = (next + 1) % Self.window
            }
        }

        func snapshot(uptime: Double) -> Snapshot {
            let sorted = latencies.sorted()
            func percentile(_ p: Double) -> Double {
                guard !sorted.isEmpty else { return 0 }
                return sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))]
            }
            return Snapshot(
                uptimeSeconds: uptime, requests: requests,
                errors: Dictionary(uniqueKeysWithValues: errors.map { (String($0.key), $0.value) }),
                latencyMicroseconds: [
                    "p50": percentile(0.5), "p90": percentile(0.9), "p99": percentile(0.99), "max": sorted.last ?? 0,
                ])
        }
    }
}
