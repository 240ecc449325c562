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
    /// Counts open connections, refusing the one over the limit.
    let gate: ConnectionGate
    private let socketIdentity: UnixSocketFile.Identity?

    private init(
        endpoint: Endpoint, listener: Listener, socketIdentity: UnixSocketFile.Identity?,
        dispatcher: RPCDispatcher, configuration: Configuration, gate: ConnectionGate, logger: Logger
    ) {
        self.gate = gate
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
    /// file is an error. The socket is created with mode 0600. TCP needs
    /// `configuration.isAuthenticated`; on a loopback address `allowsLoopbackWithoutToken` also
    /// does.
    ///
    /// Each connection is guarded before anything it sends is read as a request: one over
    /// `maximumConnections` gets one error line and is closed; a silent one is closed after
    /// `idleTimeout`; lines over the dispatcher's limit are skipped without being buffered; and
    /// reading stops while the answers already read are not yet taken by the client.
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
        // Batches of at most half the allowance each (and about one line's worth of bytes);
        // reading stops once two are waiting.
        let batchLines = max(1, configuration.maximumBufferedLines / 2)
        let batchBytes = dispatcher.maximumLineBytes
        let gate = ConnectionGate(limit: ConnectionGate.effectiveLimit(configuration.maximumConnections))
        let idleTimeout = configuration.idleTimeout.map { TimeAmount($0) }
        let linger = TimeAmount(configuration.closeLinger)
        let backPressure = NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark(
            lowWatermark: 1, highWatermark: 2)
        let bootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: configuration.backlog)
            .serverChannelOption(.autoRead, value: false)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<Connection> = { channel in
            channel.eventLoop.makeCompletedFuture {
                let handlers = channel.pipeline.syncOperations
                guard gate.admit(channel) else {
                    try handlers.addHandler(RefuseConnectionHandler(limit: gate.limit, linger: linger))
                    return try Connection(wrappingChannelSynchronously: channel)
                }
                if let idleTimeout {
                    try handlers.addHandler(IdleStateHandler(allTimeout: idleTimeout))
                    try handlers.addHandler(IdleCloseHandler())
                }
                try handlers.addHandler(ByteToMessageHandler(decoder))
                try handlers.addHandler(ConnectionDrainHandler())
                try handlers.addHandler(LineBatchHandler(maximumLines: batchLines, maximumBytes: batchBytes))
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
            let address = try endpoint.admittedAddress(
                host: host, port: port, isAuthenticated: configuration.isAuthenticated,
                allowsLoopbackWithoutToken: configuration.allowsLoopbackWithoutToken)
            listener =
                try await bootstrap
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(to: address, childChannelInitializer: initializer)
        }
        return LineServer(
            endpoint: endpoint, listener: listener, socketIdentity: identity,
            dispatcher: dispatcher, configuration: configuration, gate: gate, logger: logger)
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
                        group.addTask {
                            if await Self.isRefused(connection.channel) {
                                self.statistics.connectionRefused()
                                self.logger.info("connection refused: \(self.gate.limit) already open")
                                try? await connection.executeThenClose { _ in
                                    try await connection.channel.closeFuture.get()
                                }
                                return
                            }
                            await self.serve(connection)
                        }
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

    /// Whether `channel` was refused at accept (over the connection limit).
    static func isRefused(_ channel: any Channel) async -> Bool {
        (try? await channel.pipeline.containsHandler(type: RefuseConnectionHandler.self).get()) != nil
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
