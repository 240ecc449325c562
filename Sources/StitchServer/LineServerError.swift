/// Why a ``LineServer`` could not start, in words a person running the daemon can act on.
public enum LineServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `--tcp` text is not `host:port`.
    case invalidEndpoint(String, reason: String)
    /// A non-loopback TCP address without a token: anyone on the network could query members.
    case nonLoopbackWithoutToken(String)
    /// Loopback TCP without a token and without `--insecure-loopback`: any local user could
    /// read and change all data.
    case loopbackWithoutToken(String)
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
                + "give a token of at least 32 bytes with --token-file PATH or the STITCH_TOKEN environment variable "
                + "(make one with `openssl rand -hex 32`; every request must then carry it in params.auth)"
        case .loopbackWithoutToken(let address):
            return "refusing to serve TCP on \(address) without a token: any local user could read and change all data. "
                + "Give a token of at least 32 bytes with --token-file PATH or the STITCH_TOKEN environment variable "
                + "(make one with `openssl rand -hex 32`), use --socket PATH (mode 0600), "
                + "or accept the risk with --insecure-loopback"
        case .pathIsNotASocket(let path):
            return "cannot serve a socket at \(path): the path exists and is not a socket (it was left untouched)"
        case .socketInUse(let path):
            return "cannot serve a socket at \(path): another server is listening there"
        case .socketFile(let path, let reason):
            return "cannot serve a socket at \(path): \(reason)"
        }
    }
}
