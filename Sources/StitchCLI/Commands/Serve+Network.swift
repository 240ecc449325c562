import Foundation
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import StitchApplication
import StitchHTTP
import StitchRPC
import StitchServer
import StitchStore
import StitchWeb

extension Serve {
    /// Serves any of `--socket PATH`, `--tcp HOST:PORT` and `--http HOST:PORT` until SIGTERM or
    /// SIGINT (see docs/daemon.md).
    ///
    /// Refuses, before serving anything, a socket path that holds another kind of file or a live
    /// server, TCP or HTTP without a token (on loopback, unless `--insecure-loopback`). On the
    /// signal it stops accepting, answers what it has read within a bound, closes every
    /// connection and returns (the caller then closes the store; exit status 0).
    func serveNetwork(_ dispatcher: RPCDispatcher, service: StitchService, token: String?, store: SQLiteCommunityStore) async throws {
        let logger = Logger(label: "stitch.serve")
        var services: [any Service] = []
        if let socket {
            services.append(try await lineServer(.unixSocket(path: socket), dispatcher, isAuthenticated: token != nil, logger: logger))
        }
        if let tcp {
            let endpoint: LineServer.Endpoint
            do throws(LineServerError) {
                endpoint = try LineServer.Endpoint(tcp: tcp)
            } catch {
                throw CLIError.usage(error.description)
            }
            services.append(try await lineServer(endpoint, dispatcher, isAuthenticated: token != nil, logger: logger))
        }
        if let http {
            services.append(
                try httpServer(at: http, service: service, statistics: dispatcher.statistics, token: token, store: store, logger: logger))
        }
        try await StitchDaemon.run(services, logger: logger) {
            log("every connection closed; stopping")
        }
    }

    /// The metrics registry every metric of the process goes to (swift-metrics bootstrapped to
    /// Prometheus, once): request latencies in buckets from 50 µs to 10 s, since most answers
    /// take well under a millisecond.
    static func bootstrapMetrics() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        let buckets: [Duration] = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10),
        ]
        factory.defaultDurationHistogramBuckets = buckets
        MetricsSystem.bootstrap(factory)
        return registry
    }

    /// The JSON-RPC server on `--socket` or `--tcp`, bound.
    private func lineServer(
        _ endpoint: LineServer.Endpoint, _ dispatcher: RPCDispatcher, isAuthenticated: Bool, logger: Logger
    ) async throws -> LineServer {
        do {
            return try await LineServer.bind(
                endpoint, dispatcher: dispatcher, configuration: .init(
                    isAuthenticated: isAuthenticated, allowsLoopbackWithoutToken: insecureLoopback,
                    maximumConnections: maxConnections,
                    idleTimeout: idleTimeout > 0 ? .milliseconds(Int64(idleTimeout * 1000)) : nil),
                logger: logger)
        } catch let error as LineServerError {
            throw CLIError.usage(error.description)
        } catch {
            throw CLIError.usage("cannot serve \(endpoint): \(error)")
        }
    }

    /// The HTTP server on `--http`: the address admitted by the same rule as TCP's, the API and
    /// the contract (`docs/openapi.yaml`, found with the bundled data), and the web pages with
    /// the accounts kept in the database.
    private func httpServer(
        at text: String, service: StitchService, statistics: RequestStatistics, token: String?, store: SQLiteCommunityStore,
        logger: Logger
    ) throws -> any Service {
        let endpoint: LineServer.Endpoint
        do throws(LineServerError) {
            endpoint = try LineServer.Endpoint(tcp: text)
        } catch {
            throw CLIError.usage(error.description.replacingOccurrences(of: "serve TCP", with: "serve HTTP"))
        }
        guard case .tcp(let host, let port) = endpoint else { throw CLIError.usage("cannot serve HTTP at '\(text)'") }
        do {
            _ = try endpoint.admittedAddress(
                host: host, port: port, isAuthenticated: token != nil, allowsLoopbackWithoutToken: insecureLoopback)
        } catch let error as LineServerError {
            throw CLIError.usage(error.description.replacingOccurrences(of: "serve TCP", with: "serve HTTP"))
        } catch {
            throw CLIError.usage("cannot serve HTTP at \(text): \(error)")
        }
        let document = (try? DataLocator.path(of: "openapi.yaml")).flatMap { FileManager.default.contents(atPath: $0) }
        let interface = HTTPInterface(
            service: service, statistics: statistics, token: token, maximumBodyBytes: maxBodyBytes, openAPIDocument: document,
            metrics: Self.bootstrapMetrics())
        let router = try interface.router()
        let web = WebPages(service: service, accounts: AccountService(store: store), maximumBodyBytes: maxBodyBytes)
        web.mount(on: router)
        let shown = host.contains(":") ? "[\(host)]" : host
        return interface.application(router: router, host: host, port: port, logger: logger, services: web.services) { port in
            Logger(label: "stitch.serve").info("serving HTTP at http://\(shown):\(port) (the web pages at /, the API under /api)")
        }
    }
}
