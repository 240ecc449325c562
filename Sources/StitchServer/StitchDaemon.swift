public import ServiceLifecycle
public import Logging

/// Runs a daemon's servers until SIGTERM or SIGINT, then shuts them down gracefully.
///
/// On the signal every ``LineServer`` stops accepting and reading, answers the lines it has
/// already read, and closes its connections; when all have finished, `onShutdown` runs (the
/// place for a store to close cleanly) and ``run(_:logger:gracefulShutdownTimeout:onShutdown:)``
/// returns, so the process can exit 0. Servers still busy after `gracefulShutdownTimeout` are
/// cancelled.
///
/// ```swift
/// let server = try await LineServer.bind(.tcp(host: "127.0.0.1", port: 7411), dispatcher: dispatcher, logger: logger)
/// try await StitchDaemon.run([server], logger: logger) { logger.info("closing the store") }
/// ```
public enum StitchDaemon {
    /// Serves until a shutdown signal, then drains and calls `onShutdown`.
    ///
    /// - Parameters:
    ///   - servers: the servers to run: bound ``LineServer``s, and any other service (the HTTP server).
    ///   - logger: where the lifecycle logs go.
    ///   - gracefulShutdownTimeout: how long in-flight requests may take after the signal.
    ///   - onShutdown: runs once every server has stopped, before returning.
    public static func run(
        _ servers: [any Service],
        logger: Logger,
        gracefulShutdownTimeout: Duration = .seconds(30),
        onShutdown: @Sendable () async throws -> Void = {}
    ) async throws {
        var configuration = ServiceGroupConfiguration(
            services: servers.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = gracefulShutdownTimeout
        let group = ServiceGroup(configuration: configuration)
        do {
            try await group.run()
        } catch {
            try await onShutdown()
            throw error
        }
        try await onShutdown()
    }
}
