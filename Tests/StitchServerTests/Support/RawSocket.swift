import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain blocking Unix-socket client, for a test that must behave badly: write and never read.
///
/// Sends time out (`SO_SNDTIMEO`), so a test's write loop ends when the server stops reading.
final class RawSocket {
    private let fd: Int32

    /// Connects to the socket at `path`; sends give up after `sendTimeout` seconds.
    init(unixPath path: String, sendTimeout: Int = 1) throws {
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failed(call: "socket") }
        self.fd = fd
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else { throw Failed(call: "connect") }
        var timeout = timeval(tv_sec: sendTimeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Writes `data`; returns how many bytes the server took before a send timed out.
    func send(_ data: Data) -> Int {
        data.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { break }
                sent += n
            }
            return sent
        }
    }

    /// A system call failed.
    struct Failed: Error { var call: String }
}
