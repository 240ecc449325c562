/// Why a ``LineServer`` could not start, in words a person running the daemon can act on.
public enum LineServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `--tcp` text is not `host:port`.
    case invalidEndpoint(String, reason: String)
    /// A non-loopback TCP address without a token: anyone on the network could query members.
    case nonLoopbackWithoutToken(String)
    /// The socket path exists and is not a socket (a regular file, a directory…): never removed.
    case pathIsNotASocket(String)
    /// Another server is listening on the socket path.
    case socketInUse(String)
    /// A system call failed while preparing the socket path.
    case socketFile(String, reason: String)

    public var description: String {
        switch self {
        case .invalidEndpoint(let text, let reason):
            return "cannot serve TCP at '\(text)': \(reason)"
        case .nonLoopbackWithoutToken(let address):
            return "refusing to serve TCP on \(address), which is not a loopback address, without a token: "
                + "give --token TOKEN (every request must then carry params.auth), or bind 127.0.0.1 or ::1"
        case .pathIsNotASocket(let path):
            return "cannot serve a socket at \(path): the path exists and is not a socket (it was left untouched)"
        case .socketInUse(let path):
            return "cannot serve a socket at \(path): another server is listening there"
        case .socketFile(let path, let reason):
            return "cannot serve a socket at \(path): \(reason)"
        }
    }
}
