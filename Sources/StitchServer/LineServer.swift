import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import StitchRPC

/// Serves newline-delimited JSON-RPC over a Unix domain socket or TCP: one line in, one
/// dispatcher answer out, in order per connection, many connections at once.
///
/// Binding and serving are two steps, so a daemon reports a bad address before it starts and
/// a test can learn the port it was given (`127.0.0.1:0`):
///
/// ```swift
/// let server = try await LineServer.bind(.unixSocket(path: "/tmp/stitch.sock"), dispatcher: dispatcher, logger: logger)
/// try await ServiceGroup(services: [server], logger: logger).run()
/// ```
///
/// ``run()`` serves until the task is cancelled or a graceful shutdown is triggered (see
/// ``StitchDaemon``): the server then stops accepting, stops reading, answers every line it has
/// already read, and closes each connection. Logs carry connection ids and counts, never content.
public final class LineServer: Service, Sendable {
    /// A connection's lines arrive a read burst at a time (``LineBatchHandler``).
    typealias Connection = NIOAsyncChannel<[LineFrame], Never>
    typealias Listener = NIOAsyncChannel<Connection, Never>

    /// Where the server was asked to listen.
    public let endpoint: Endpoint
    /// The address it listens on (for TCP with port 0, the port the system chose).
    public let localAddress: SocketAddress?
    let dispatcher: RPCDispatcher
    let configuration: Configuration
    let logger: Logger
    let listener: Listener
    let statistics = LineServerStatistics()
    private let socketIdentity: UnixSocketFile.Identity?

    private init(
        endpoint: Endpoint, listener: Listener, socketIdentity: UnixSocketFile.Identity?,
        dispatcher: RPCDispatcher, configuration: Configuration, logger: Logger
    ) {
        self.endpoint = endpoint
        self.listener = listener
        self.localAddress = listener.channel.localAddress
        self.socketIdentity = socketIdentity
        self.dispatcher = dispatcher
        self.configuration = configuration
        self.logger = logger
    }

    /// Binds `endpoint`; the server accepts connections once ``run()`` is called.
    ///
    /// A Unix socket path is checked first: a stale socket is removed, a live one or any other
    /// file is an error. The socket is created with mode 0600. TCP on an address that is not
    /// loopback needs `configuration.isAuthenticated`.
    ///
    /// - Throws: ``LineServerError`` for a refused endpoint, or the system's error from binding.
    public static func bind(
        _ endpoint: Endpoint,
        dispatcher: RPCDispatcher,
        configuration: Configuration = Configuration(),
        logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> LineServer {
        let decoder = LineFrameDecoder(
            maximumLineBytes: dispatcher.maximumLineBytes, maximumSkippedBytes: configuration.maximumSkippedBytes)
        // Batches of at most half the allowance each; reading stops once two are waiting.
        let batchLines = max(1, configuration.maximumBufferedLines / 2)
        let backPressure = NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark(
            lowWatermark: 1, highWatermark: 2)
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: configuration.backlog)
            .serverChannelOption(.autoRead, value: false)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<Connection> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(decoder))
                try channel.pipeline.syncOperations.addHandler(ConnectionDrainHandler())
                try channel.pipeline.syncOperations.addHandler(LineBatchHandler(maximumLines: batchLines))
                return try Connection(
                    wrappingChannelSynchronously: channel, configuration: .init(backPressureStrategy: backPressure))
            }
        }

        let listener: Listener
        var identity: UnixSocketFile.Identity?
        switch endpoint {
        case .unixSocket(let path):
            _ = try UnixSocketFile.prepare(path)
            listener = try await UnixSocketFile.withOwnerOnlyUmask {
                try await bootstrap.bind(unixDomainSocketPath: path, childChannelInitializer: initializer)
            }
            do {
                try UnixSocketFile.restrict(path)
                identity = UnixSocketFile.identity(of: path)
            } catch {
                try? await listener.channel.close()
                throw error
            }
        case .tcp(let host, let port):
            let address = try SocketAddress.makeAddressResolvingHost(host, port: port)
            guard address.isLoopback || configuration.isAuthenticated else {
                throw LineServerError.nonLoopbackWithoutToken(endpoint.description)
            }
            listener =
                try await bootstrap
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(to: address, childChannelInitializer: initializer)
        }
        return LineServer(
            endpoint: endpoint, listener: listener, socketIdentity: identity,
            dispatcher: dispatcher, configuration: configuration, logger: logger)
    }

    /// Accepts and serves connections until cancelled or shut down gracefully.
    public func run() async throws {
        self.logger.info("listening on \(self.listenDescription)")
        try await withGracefulShutdownHandler {
            try await self.listener.executeThenClose { connections in
                // Accept only now: a Unix socket's mode is already 0600.
                try await self.listener.channel.setOption(.autoRead, value: true).get()
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        group.addTask { await self.serve(connection) }
                    }
                    self.logger.info(
                        "stopped accepting; finishing \(self.statistics.openConnections) open connection(s)")
                }
            }
        } onGracefulShutdown: {
            self.logger.info("shutting down: no new connections")
            self.listener.channel.close(promise: nil)
        }
        if case .unixSocket(let path) = self.endpoint, let socketIdentity {
            UnixSocketFile.remove(path, ifStill: socketIdentity)
        }
        self.logger.info(
            "stopped after \(self.statistics.acceptedConnections) connection(s) and \(self.statistics.answeredLines) line(s)"
        )
    }

    /// What the logs and the CLI print: the endpoint, with the port chosen for TCP port 0.
    public var listenDescription: String {
        switch (self.endpoint, self.localAddress) {
        case (.tcp(let host, _), let address?):
            let port = address.port ?? 0
            return host.contains(":") ? "tcp:[\(host)]:\(port)" : "tcp:\(host):\(port)"
        default:
            return self.endpoint.description
        }
    }
}
