import Foundation
import Logging
import StitchRPC
import StitchServer

extension Serve {
    /// Serves `--socket PATH` or `--tcp HOST:PORT` until SIGTERM or SIGINT (see docs/daemon.md).
    ///
    /// Refuses, before serving anything, a socket path that holds another kind of file or a live
    /// server, TCP without a token (on loopback, unless `--insecure-loopback`). On the signal it
    /// stops accepting, answers what it has read within a bound, closes every connection and
    /// returns (the caller then closes the store; exit status 0).
    func serveNetwork(_ dispatcher: RPCDispatcher, isAuthenticated: Bool) async throws {
        let logger = Logger(label: "stitch.serve")
        var endpoint = LineServer.Endpoint.unixSocket(path: socket ?? "")
        if socket == nil {
            do throws(LineServerError) {
                endpoint = try LineServer.Endpoint(tcp: tcp ?? "")
            } catch {
                throw CLIError.usage(error.description)
            }
        }
        let server: LineServer
        do {
            server = try await LineServer.bind(
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
        try await StitchDaemon.run([server], logger: logger) {
            log("every connection closed; stopping")
        }
    }
}
