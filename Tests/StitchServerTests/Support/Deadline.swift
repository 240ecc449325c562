/// A test step took longer than it may.
struct DeadlineExceeded: Error, CustomStringConvertible {
    var seconds: Double
    var description: String { "did not finish within \(seconds) s" }
}

/// Runs `operation`, cancelling it and throwing ``DeadlineExceeded`` if it takes longer than
/// `seconds`: no test waits forever on a socket.
func withDeadline<T: Sendable>(
    _ seconds: Double, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw DeadlineExceeded(seconds: seconds) }
        return value
    }
}

/// Polls `condition` every 20 ms until it holds; throws after `seconds`.
func waitUntil(_ seconds: Double, _ condition: () -> Bool) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(seconds)
    while !condition() {
        guard clock.now < deadline else { throw DeadlineExceeded(seconds: seconds) }
        try await Task.sleep(for: .milliseconds(20))
    }
}
