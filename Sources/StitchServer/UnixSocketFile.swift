import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file-system side of a Unix domain socket: refusing to clobber other files, removing a
/// stale socket, and creating the socket with mode 0600 so only its owner can connect.
enum UnixSocketFile {
    /// What lies at a path before binding.
    enum Existing: Equatable {
        case nothing
        case staleSocket
    }

    /// Checks `path` before binding: nothing there, or a socket nobody listens on (removed
    /// here). Anything else is an error and is left untouched.
    static func prepare(_ path: String) throws(LineServerError) -> Existing {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return .nothing }
            throw .socketFile(path, reason: String(cString: strerror(code)))
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw .pathIsNotASocket(path) }
        if isListening(path) { throw .socketInUse(path) }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .socketFile(path, reason: "cannot remove the stale socket: \(String(cString: strerror(errno)))")
        }
        return .staleSocket
    }

    /// Whether a server accepts connections at `path` (a connect succeeds).
    static func isListening(_ path: String) -> Bool {
        #if canImport(Glibc)
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }

    /// Sets the socket's mode to 0600 (owner read and write only).
    static func restrict(_ path: String) throws(LineServerError) {
        guard chmod(path, 0o600) == 0 else {
            throw .socketFile(path, reason: "cannot set mode 0600: \(String(cString: strerror(errno)))")
        }
    }

    /// A file's device and inode: which socket file a server created.
    struct Identity: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// The identity of the file at `path`, if any.
    static func identity(of path: String) -> Identity? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Removes the socket file at `path` on shutdown, unless something else has replaced it.
    static func remove(_ path: String, ifStill identity: Identity) {
        guard self.identity(of: path) == identity else { return }
        unlink(path)
    }

    /// Runs `body` with the process umask at 0177, so files it creates get at most mode 0600.
    ///
    /// The umask is process-wide: overlapping callers share one restrictive period, and the
    /// original mask comes back when the last one leaves.
    static func withOwnerOnlyUmask<T>(_ body: () async throws -> T) async rethrows -> T {
        umaskHolders.withLock { state in
            if state.holders == 0 { state.saved = umask(0o177) }
            state.holders += 1
        }
        defer {
            umaskHolders.withLock { state in
                state.holders -= 1
                if state.holders == 0 { umask(state.saved) }
            }
        }
        return try await body()
    }

    private static let umaskHolders = Mutex<(holders: Int, saved: mode_t)>((0, 0))
}
