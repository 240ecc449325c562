import Foundation
import Logging
import ServiceLifecycle
import StitchApplication
import StitchHTTP
import StitchRPC
import StitchServer
import StitchStore
import StitchWeb

extension Serve {
    /// Serves `--socket PATH` or `--tcp HOST:PORT`, and `--http HOST:PORT`, until SIGTERM or
    /// SIGINT (see docs/daemon.md).
    ///
    /// Refuses, before serving anything, a socket path that holds another kind of file or a live
    /// server, TCP or HTTP without a token (on loopback, unless `--insecure-loopback`). On the
    /// signal it stops accepting, answers what it has read within a bound, closes every
    /// connection and returns (the caller then closes the store; exit status 0).
    func serveNetwork(_ dispatcher: RPCDispatcher, service: StitchService, token: String?, store: SQLiteCommunityStore) async throws {
        let logger = Logger(label: "stitch.serve")
        var services: [any Service] = []
        if socket != nil || tcp != nil {
            services.append(try await lineServer(dispatcher, isAuthenticated: token != nil, logger: logger))
        }
        if let http {
            services.append(
                try httpServer(at: http, service: service, statistics: dispatcher.statistics, token: token, store: store, logger: logger))
        }
        try await StitchDaemon.run(services, logger: logger) {
            log("every connection closed; stopping")
        }
    }

    /// The JSON-RPC server on `--socket` or `--tcp`, bound.
    private func lineServer(_ dispatcher: RPCDispatcher, isAuthenticated: Bool, logger: Logger) async throws -> LineServer {
        var endpoint = LineServer.Endpoint.unixSocket(path: socket ?? "")
        if socket == nil {
            do throws(LineServerError) {
                endpoint = try LineServer.Endpoint(tcp: tcp ?? "")
            } catch {
                throw CLIError.usage(error.description)
            }
        }
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
            service: service, statistics: statistics, token: token, maximumBodyBytes: maxBodyBytes, openAPIDocument: document)
        let router = try interface.router()
        let web = WebPages(service: service, accounts: AccountService(store: store), maximumBodyBytes: maxBodyBytes)
        web.mount(on: router)
        let shown = host.contains(":") ? "[\(host)]" : host
        return interface.application(router: router, host: host, port: port, logger: logger, services: web.services) { port in
            Logger(label: "stitch.serve").info("serving HTTP at http://\(shown):\(port) (the web pages at /, the API under /api)")
        }
    }
}
