import Synchronization

/// Counts a ``LineServer`` keeps for its logs: ids and totals only, never content.
final class LineServerStatistics: Sendable {
    private let accepted = Atomic<Int>(0)
    private let open = Atomic<Int>(0)
    private let answered = Atomic<Int>(0)
    private let refused = Atomic<Int>(0)

    /// Connections refused at the connection limit so far.
    var refusedConnections: Int { self.refused.load(ordering: .relaxed) }

    /// Records a connection refused at the limit.
    func connectionRefused() {
        self.refused.add(1, ordering: .relaxed)
    }

    /// Connections accepted so far.
    var acceptedConnections: Int { self.accepted.load(ordering: .relaxed) }
    /// Connections open now.
    var openConnections: Int { self.open.load(ordering: .relaxed) }
    /// Lines answered (or skipped as too long) so far, over all connections.
    var answeredLines: Int { self.answered.load(ordering: .relaxed) }

    /// Records a new connection; returns its id (1, 2, …).
    func connectionOpened() -> Int {
        self.open.add(1, ordering: .relaxed)
        return self.accepted.add(1, ordering: .relaxed).newValue
    }

    /// Records a closed connection and the lines it sent.
    func connectionClosed(lines: Int) {
        self.open.subtract(1, ordering: .relaxed)
        self.answered.add(lines, ordering: .relaxed)
    }
}
