import Foundation

/// Request counts per method, errors by code and latency percentiles, for `server.stats`.
struct RPCStatistics: Sendable {
    private(set) var requests: [String: Int] = [:]
    private(set) var errors: [Int: Int] = [:]
    /// The most recent latencies in microseconds (a bounded window).
    private var latencies: [Double] = []
    private var next = 0
    static let window = 4096
    let started = Date()

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

    struct Snapshot: Encodable, Sendable {
        var uptimeSeconds: Double
        var requests: [String: Int]
        var errors: [String: Int]
        var latencyMicroseconds: [String: Double]
    }

    func snapshot() -> Snapshot {
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))]
        }
        return Snapshot(
            uptimeSeconds: Date().timeIntervalSince(started), requests: requests,
            errors: Dictionary(uniqueKeysWithValues: errors.map { (String($0.key), $0.value) }),
            latencyMicroseconds: ["p50": percentile(0.5), "p90": percentile(0.9), "p99": percentile(0.99), "max": sorted.last ?? 0])
    }
}
