import Synchronization

/// Slows down password guessing: after ``maximumFailures`` refused logins under one name within
/// ``window``, that name is locked for ``lockout``, whether or not it is an account (so the lock
/// tells nothing about which names exist).
///
/// Kept in memory: a restart clears it. At most ``maximumNames`` names are followed; past that,
/// those whose failures are old are forgotten first.
public final class LoginThrottle: Sendable {
    public let maximumFailures: Int
    public let window: Duration
    public let lockout: Duration
    /// The most names followed at once.
    public let maximumNames = 10_000

    private struct Record {
        var failures: Int
        var firstFailure: ContinuousClock.Instant
        var lockedUntil: ContinuousClock.Instant?
    }

    private let records = Mutex<[String: Record]>([:])

    public init(maximumFailures: Int = 5, window: Duration = .seconds(15 * 60), lockout: Duration = .seconds(15 * 60)) {
        self.maximumFailures = maximumFailures
        self.window = window
        self.lockout = lockout
    }

    /// How long `name` stays locked, or `nil` when it may try.
    public func lockRemaining(for name: String, now: ContinuousClock.Instant = .now) -> Duration? {
        records.withLock { records in
            guard let until = records[name]?.lockedUntil else { return nil }
            guard now < until else {
                records[name] = nil
                return nil
            }
            return until - now
        }
    }

    /// Counts a refused login; locks the name once it has failed too often.
    public func recordFailure(for name: String, now: ContinuousClock.Instant = .now) {
        records.withLock { records in
            var record = records[name] ?? Record(failures: 0, firstFailure: now, lockedUntil: nil)
            if now - record.firstFailure > window {
                record = Record(failures: 0, firstFailure: now, lockedUntil: nil)
            }
            record.failures += 1
            if record.failures >= maximumFailures { record.lockedUntil = now + lockout }
            records[name] = record
            if records.count > maximumNames { forgetOld(&records, now: now) }
        }
    }

    /// Forgets the failures of a name that logged in.
    public func recordSuccess(for name: String) {
        _ = records.withLock { $0.removeValue(forKey: name) }
    }

    private func forgetOld(_ records: inout [String: Record], now: ContinuousClock.Instant) {
        records = records.filter { _, record in
            if let until = record.lockedUntil { return now < until }
            return now - record.firstFailure <= window
        }
        if records.count > maximumNames {
            records = records.filter { $0.value.lockedUntil != nil }
        }
    }
}
