import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One Stitch process at a time per database: held by `stitch serve` and `stitch import`.
///
/// The daemon keeps its community in memory and stores each change as it makes it, so a
/// second writer (another daemon, an import while a daemon runs) would make the file and the
/// daemon's memory disagree. The lock is an advisory `flock` on a sibling file (`PATH-lock`),
/// never on the database itself (SQLite's own locks stay untouched); the system releases it
/// when the process ends, even by SIGKILL, so a crash never leaves the database locked.
public final class StoreLock: Sendable {
    private let descriptor: Int32
    /// The lock file.
    public let path: String

    /// Takes the lock of the database at `databasePath`, or throws ``StoreError/inUse(path:)``.
    public init(databasePath: String) throws(StoreError) {
        path = databasePath + "-lock"
        try SQLiteCommunityStore.createParentDirectory(of: databasePath)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            throw busy ? .inUse(path: databasePath) : .cannotOpen(path: path, reason: reason)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
