import Foundation

/// Runs blocking work (waiting for a child process to finish, reading its output to the end)
/// on a thread of its own and awaits its result.
///
/// All the tests run in one process and share Swift concurrency's cooperative threads, one per
/// core. A test that waits minutes for a browser or a contract checker on one of them, while
/// another does the same, leaves no thread for every other test: their sockets and timers wait
/// until one is freed, and their deadlines fire. Long waits go through here instead.
///
/// Only the wait: `#expect` and `#require` belong outside `work`. On a thread of its own an
/// expectation has no test to belong to, and its failure is not reported as the test's.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try work() })
        }
        thread.name = "stitch-test-blocking"
        thread.start()
    }
}
