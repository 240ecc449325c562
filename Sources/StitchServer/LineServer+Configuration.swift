extension LineServer {
    /// How a ``LineServer`` treats its connections.
    ///
    /// The line and batch limits themselves come from the dispatcher
    /// (`RPCDispatcher.maximumLineBytes`, `RPCDispatcher.maximumBatch`), so every transport
    /// enforces the same ones. Every limit here holds before a client has shown a token.
    public struct Configuration: Sendable {
        /// The dispatcher checks a token (`params.auth`) on every request. Required to serve TCP
        /// on an address other than loopback, and on loopback unless
        /// ``allowsLoopbackWithoutToken`` is set.
        public var isAuthenticated: Bool
        /// Serve TCP on a loopback address without a token (`--insecure-loopback`): any local
        /// user can then read and change all data. Off by default.
        public var allowsLoopbackWithoutToken: Bool
        /// How many bytes of an over-long line are skipped, looking for its newline, before the
        /// connection is closed (default: 64 times the line limit).
        public var maximumSkippedBytes: Int?
        /// How many decoded lines a connection may hold before the server stops reading from it
        /// (backpressure: a client that does not read its answers stops being read).
        public var maximumBufferedLines: Int
        /// The most connections open at once; one more is answered with one error line and
        /// closed. Never more than the process's file descriptor limit allows (less a reserve).
        public var maximumConnections: Int
        /// A connection with neither input nor output for this long is closed; `nil`: never.
        public var idleTimeout: Duration?
        /// After a graceful shutdown begins, a connection whose client neither takes any of the
        /// answers waiting for it nor sends anything for this long is closed (a client that does
        /// not read holds the shutdown up no longer than this).
        public var drainTimeout: Duration
        /// The TCP listen backlog.
        public var backlog: Int32
        /// How long a closing connection waits, after the last answer, for a client that has
        /// gone quiet to close its side (reading and discarding meanwhile, so the client is never
        /// reset mid-answer); a client still sending gets up to four times as long.
        public var closeLinger: Duration

        /// The default for ``maximumConnections``.
        public static let defaultMaximumConnections = 256
        /// The default for ``idleTimeout``.
        public static let defaultIdleTimeout = Duration.seconds(300)

        /// - Parameters:
        ///   - isAuthenticated: whether the dispatcher was made with a token.
        ///   - allowsLoopbackWithoutToken: serve loopback TCP without a token.
        ///   - maximumSkippedBytes: the skip allowance for an over-long line.
        ///   - maximumBufferedLines: lines read ahead per connection.
        ///   - maximumConnections: connections open at once.
        ///   - idleTimeout: how long a silent connection stays open.
        ///   - drainTimeout: how long a connection may take to finish after a shutdown begins.
        ///   - backlog: the listen backlog.
        ///   - closeLinger: the wait for a closing client.
        public init(
            isAuthenticated: Bool = false,
            allowsLoopbackWithoutToken: Bool = false,
            maximumSkippedBytes: Int? = nil,
            maximumBufferedLines: Int = 16,
            maximumConnections: Int = Configuration.defaultMaximumConnections,
            idleTimeout: Duration? = Configuration.defaultIdleTimeout,
            drainTimeout: Duration = .seconds(5),
            backlog: Int32 = 256,
            closeLinger: Duration = .seconds(2)
        ) {
            self.isAuthenticated = isAuthenticated
            self.allowsLoopbackWithoutToken = allowsLoopbackWithoutToken
            self.maximumSkippedBytes = maximumSkippedBytes
            self.maximumBufferedLines = max(2, maximumBufferedLines)
            self.maximumConnections = max(1, maximumConnections)
            self.idleTimeout = idleTimeout
            self.drainTimeout = drainTimeout
            self.backlog = backlog
            self.closeLinger = closeLinger
        }
    }
}
