extension LineServer {
    /// How a ``LineServer`` treats its connections.
    ///
    /// The line limit itself comes from the dispatcher (`RPCDispatcher.maximumLineBytes`), so
    /// every transport enforces the same one.
    public struct Configuration: Sendable {
        /// The dispatcher checks a token (`params.auth`) on every request. Required to serve TCP
        /// on an address other than loopback.
        public var isAuthenticated: Bool
        /// How many bytes of an over-long line are skipped, looking for its newline, before the
        /// connection is closed (default: 64 times the line limit).
        public var maximumSkippedBytes: Int?
        /// How many decoded lines a connection may hold before the server stops reading from it
        /// (backpressure: a client that does not read its answers stops being read).
        public var maximumBufferedLines: Int
        /// The TCP listen backlog.
        public var backlog: Int32
        /// How long a closing connection waits for the client to close its side after the last
        /// answer (reading and discarding meanwhile), so the client is never reset mid-answer.
        public var closeLinger: Duration

        /// - Parameters:
        ///   - isAuthenticated: whether the dispatcher was made with a token.
        ///   - maximumSkippedBytes: the skip allowance for an over-long line.
        ///   - maximumBufferedLines: lines read ahead per connection.
        ///   - backlog: the listen backlog.
        ///   - closeLinger: the wait for a closing client.
        public init(
            isAuthenticated: Bool = false,
            maximumSkippedBytes: Int? = nil,
            maximumBufferedLines: Int = 16,
            backlog: Int32 = 256,
            closeLinger: Duration = .seconds(2)
        ) {
            self.isAuthenticated = isAuthenticated
            self.maximumSkippedBytes = maximumSkippedBytes
            self.maximumBufferedLines = max(2, maximumBufferedLines)
            self.backlog = backlog
            self.closeLinger = closeLinger
        }
    }
}
