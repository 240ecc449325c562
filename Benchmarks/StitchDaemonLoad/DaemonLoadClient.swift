import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One client connection to a daemon's Unix socket, on plain blocking POSIX calls.
///
/// A client pipelines: it keeps up to `window` requests in flight, sending more as answers come
/// back, and times each request from the moment its line is written until its answer's newline
/// is read. Use one client from one thread at a time.
public final class DaemonLoadClient: Sendable {
    /// Why a client could not connect or lost its connection.
    public struct Failure: Error, CustomStringConvertible {
        /// What failed, with the system's reason.
        public var description: String
    }

    let descriptor: Int32

    /// Connects to the Unix socket at `path`.
    public init(socketPath path: String) throws {
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw Failure(description: "socket path too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "connect \(path): \(reason)")
        }
        self.descriptor = fd
    }

    deinit { close(descriptor) }

    /// What one client saw in one round.
    public struct Report: Sendable {
        /// Round-trip time of each request, in nanoseconds, in the order sent.
        public var latencies: [Int] = []
        /// Answers that were errors (`{"error":…`).
        public var errors = 0
        /// Set when the connection failed.
        public var failure: String?
        /// CPU time this client's thread used, in nanoseconds.
        public var cpuNanoseconds: UInt64 = 0
    }

    /// Sends `count` requests of the mix (ids `firstID`, `firstID + 1`, …) with up to `window` in
    /// flight, and reads every answer.
    public func run(client: Int, mix: DaemonLoadMix, count: Int, window: Int, firstID: Int) -> Report {
        let cpuStart = Self.now(CLOCK_THREAD_CPUTIME_ID)
        var report = exchange(client: client, mix: mix, count: count, window: window, firstID: firstID)
        report.cpuNanoseconds = Self.now(CLOCK_THREAD_CPUTIME_ID) - cpuStart
        return report
    }

    private func exchange(client: Int, mix: DaemonLoadMix, count: Int, window: Int, firstID: Int) -> Report {
        var report = Report()
        report.latencies.reserveCapacity(count)
        var sentAt = [UInt64](repeating: 0, count: count)
        var sent = 0
        var answered = 0
        var outgoing: [UInt8] = []
        outgoing.reserveCapacity(window * 256)
        var capacity = 1 << 20
        var incoming = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { incoming.deallocate() }
        var filled = 0
        let newline = Int32(UInt8(ascii: "\n"))
        let errorPrefix = Array(#"{"error":"#.utf8)

        while answered < count {
            outgoing.removeAll(keepingCapacity: true)
            let now = Self.now()
            while sent < count, sent - answered < window {
                mix.request(client: client, index: firstID + sent).append(id: firstID + sent, to: &outgoing)
                sentAt[sent] = now
                sent += 1
            }
            if !outgoing.isEmpty, !Self.writeAll(descriptor, outgoing) {
                report.failure = "write: \(String(cString: strerror(errno)))"
                return report
            }
            if filled == capacity {
                // One answer longer than the buffer: grow it.
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: incoming, count: filled)
                incoming.deallocate()
                incoming = larger
                capacity *= 2
            }
            let n = read(descriptor, incoming + filled, capacity - filled)
            guard n > 0 else {
                report.failure =
                    n == 0 ? "the server closed the connection" : "read: \(String(cString: strerror(errno)))"
                return report
            }
            let arrived = Self.now()
            var scan = filled
            var lineStart = 0
            filled += n
            while scan < filled, let found = memchr(incoming + scan, newline, filled - scan) {
                let end = UnsafeMutableRawPointer(incoming).distance(to: found)
                if end - lineStart >= errorPrefix.count,
                    memcmp(incoming + lineStart, errorPrefix, errorPrefix.count) == 0
                {
                    report.errors += 1
                }
                report.latencies.append(Int(arrived - sentAt[answered]))
                answered += 1
                lineStart = end + 1
                scan = lineStart
            }
            if lineStart > 0 {
                memmove(incoming, incoming + lineStart, filled - lineStart)
                filled -= lineStart
            }
        }
        return report
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    /// The reading of `clock` in nanoseconds (monotonic time, or a CPU-time clock).
    public static func now(_ clock: clockid_t = CLOCK_MONOTONIC) -> UInt64 {
        var time = timespec()
        clock_gettime(clock, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
