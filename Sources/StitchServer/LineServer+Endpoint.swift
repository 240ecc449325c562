public import NIOCore

extension LineServer {
    /// Where a ``LineServer`` listens: a Unix domain socket path, or a TCP host and port.
    ///
    /// ```swift
    /// let local = try LineServer.Endpoint(tcp: "127.0.0.1:7411")
    /// let socket = LineServer.Endpoint.unixSocket(path: "/run/stitch/stitch.sock")
    /// ```
    public enum Endpoint: Sendable, Hashable, CustomStringConvertible {
        /// A Unix domain socket at this path (created with mode 0600).
        case unixSocket(path: String)
        /// TCP on this host (a name or an address) and port (0: any free port).
        case tcp(host: String, port: Int)

        /// Reads `host:port`, `[ipv6]:port` or `:port` (loopback).
        ///
        /// - Throws: ``LineServerError/invalidEndpoint(_:reason:)`` when the text is not of that form.
        public init(tcp text: String) throws(LineServerError) {
            let host: Substring
            let port: Substring
            if text.hasPrefix("[") {
                guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]:") else {
                    throw .invalidEndpoint(text, reason: "expected [address]:port")
                }
                host = text[text.index(after: text.startIndex)..<close]
                port = text[text.index(close, offsetBy: 2)...]
            } else {
                guard let colon = text.lastIndex(of: ":") else {
                    throw .invalidEndpoint(text, reason: "expected host:port, e.g. 127.0.0.1:7411")
                }
                host = text[..<colon]
                port = text[text.index(after: colon)...]
                guard !host.contains(":") else {
                    throw .invalidEndpoint(text, reason: "write an IPv6 address in brackets, e.g. [::1]:7411")
                }
            }
            guard let number = Int(port), (0...65535).contains(number) else {
                throw .invalidEndpoint(text, reason: "the port must be a number from 0 to 65535")
            }
            self = .tcp(host: host.isEmpty ? "127.0.0.1" : String(host), port: number)
        }

        public var description: String {
            switch self {
            case .unixSocket(let path): return "unix:\(path)"
            case .tcp(let host, let port): return host.contains(":") ? "tcp:[\(host)]:\(port)" : "tcp:\(host):\(port)"
            }
        }
    }
}

extension LineServer.Endpoint {
    /// The address to listen on for TCP at `host:port`, once the rule every TCP interface of
    /// the daemon follows admits it: a token is needed on an address other than loopback, and
    /// on loopback unless `allowsLoopbackWithoutToken` (`--insecure-loopback`).
    ///
    /// - Throws: ``LineServerError/nonLoopbackWithoutToken(_:)`` or
    ///   ``LineServerError/loopbackWithoutToken(_:)``; a host that does not resolve throws NIO's error.
    public func admittedAddress(
        host: String, port: Int, isAuthenticated: Bool, allowsLoopbackWithoutToken: Bool
    ) throws -> SocketAddress {
        let address = try SocketAddress.makeAddressResolvingHost(host, port: port)
        guard address.isLoopback || isAuthenticated else {
            throw LineServerError.nonLoopbackWithoutToken(description)
        }
        guard isAuthenticated || allowsLoopbackWithoutToken else {
            throw LineServerError.loopbackWithoutToken(description)
        }
        return address
    }
}

extension SocketAddress {
    /// Whether this is a loopback address (127.0.0.0/8, `::1`, or IPv4-mapped 127.x), which
    /// only processes on this machine can reach.
    var isLoopback: Bool {
        switch self {
        case .v4(let address):
            return UInt32(bigEndian: address.address.sin_addr.s_addr) >> 24 == 127
        case .v6(let address):
            let bytes = withUnsafeBytes(of: address.address.sin6_addr) { Array($0) }
            let loopback: [UInt8] = Array(repeating: 0, count: 15) + [1]
            let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
            return bytes == loopback || (Array(bytes.prefix(12)) == mappedPrefix && bytes[12] == 127)
        case .unixDomainSocket:
            return true
        }
    }
}
