import CoreMetrics
import Synchronization

/// The daemon's metrics, through swift-metrics (exported for Prometheus at `/metrics` when the
/// daemon serves HTTP; docs/daemon.md, "Metrics"). Names and labels only, never a request's
/// content: a method's name, a transport, a status, a write's kind.
///
/// | metric | kind | labels |
/// |---|---|---|
/// | `stitch_requests_total` | counter | `method`, `transport` (`jsonrpc`, `http`), `status` (`ok` or the error code; HTTP: the status code) |
/// | `stitch_request_duration_seconds` | histogram | `method`, `transport` |
/// | `stitch_store_write_duration_seconds` | histogram | `write` (`member.upsert`, `community.load`, …) |
/// | `stitch_store_write_failures_total` | counter | `write` |
/// | `stitch_engine_rebuilds_total` | counter | none |
/// | `stitch_engine_rebuild_duration_seconds` | histogram | none |
public enum ServiceMetrics {
    /// The metrics' names, for the exporter's buckets and the docs.
    public enum Name {
        public static let requests = "stitch_requests_total"
        public static let requestDuration = "stitch_request_duration_seconds"
        public static let storeWriteDuration = "stitch_store_write_duration_seconds"
        public static let storeWriteFailures = "stitch_store_write_failures_total"
        public static let rebuilds = "stitch_engine_rebuilds_total"
        public static let rebuildDuration = "stitch_engine_rebuild_duration_seconds"
    }

    /// How a request came.
    public enum Transport: String, Sendable {
        case jsonRPC = "jsonrpc"
        case http
    }

    /// Records one answered request.
    static func request(method: String, transport: Transport, status: String, duration: Duration) {
        let handles = cache.withLock { cache in
            let key = RequestKey(method: method, transport: transport, status: status)
            if let found = cache[key] { return found }
            let made = (
                Counter(label: Name.requests, dimensions: [("method", method), ("transport", transport.rawValue), ("status", status)]),
                Timer(label: Name.requestDuration, dimensions: [("method", method), ("transport", transport.rawValue)])
            )
            cache[key] = made
            return made
        }
        handles.0.increment()
        handles.1.recordNanoseconds(duration.nanoseconds)
    }

    /// Records one write to the store: how long it took, and whether it failed.
    static func storeWrite(_ write: String, duration: Duration, failed: Bool) {
        Timer(label: Name.storeWriteDuration, dimensions: [("write", write)]).recordNanoseconds(duration.nanoseconds)
        if failed { Counter(label: Name.storeWriteFailures, dimensions: [("write", write)]).increment() }
    }

    /// Records one background rebuild of the engine.
    static func rebuild(duration: Duration) {
        Counter(label: Name.rebuilds).increment()
        Timer(label: Name.rebuildDuration).recordNanoseconds(duration.nanoseconds)
    }

    private struct RequestKey: Hashable {
        var method: String
        var transport: Transport
        var status: String
    }

    /// The handles made so far (a handful of methods × statuses), so the hot path does not ask
    /// the metrics system's factory for them on every request.
    private static let cache = Mutex<[RequestKey: (Counter, Timer)]>([:])
}

extension Duration {
    /// The duration in whole nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return product.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
