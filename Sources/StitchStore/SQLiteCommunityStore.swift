import Foundation
import GRDB
import StitchApplication
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The daemon's store: the community in an SQLite database, written one committed transaction
/// per change, so that an acknowledged write survives a crash or a restart.
///
/// A GRDB `DatabasePool` in WAL mode: one writer, and readers that each see a consistent
/// snapshot of the last committed state while a write goes on. The writer connection runs with
/// `synchronous = FULL`, so a transaction is on disk (the WAL is synced) before its commit
/// returns: an acknowledged write survives the process being killed *and* the machine losing
/// power. Foreign keys are enforced, so the stored exchanges, attendance and `avoid` lists only
/// ever name stored members and activities.
///
/// The schema and its migrations are in `StoreSchema`; the daemon's use of the store is
/// described in docs/daemon.md.
///
/// ```swift
/// let store = try SQLiteCommunityStore(path: StoreLocation.defaultPath())
/// let community = try store.load()   // empty until something is imported
/// ```
///
/// ## Topics
///
/// ### Opening
/// - ``init(path:exclusive:)``
/// - ``StoreLocation``
/// - ``StoreLock``
///
/// ### Reading
/// - ``load()``
/// - ``loadWeights()``
/// - ``configuration(base:)``
/// - ``hasCommunity()``
/// - ``counts()``
/// - ``integrityCheck()``
///
/// ### Writing
/// - ``replaceAll(_:progress:demo:pairings:)``
/// - ``apply(_:progress:)``
/// - ``holdsDemo()``
/// - ``CommunityPersistence``
public final class SQLiteCommunityStore: CommunityPersistence {
    /// The database file.
    public let path: String
    /// The open database; replaced only by ``replaceAllInNewFile(_:pairings:progress:)``, which moves a new file into place.
    private let currentPool: Mutex<DatabasePool>
    let lock: StoreLock?

    /// The open database.
    var pool: DatabasePool { currentPool.withLock { $0 } }

    /// Opens the store at `path`, creating the file (and its folder) and the schema if needed.
    ///
    /// - Parameter exclusive: hold a ``StoreLock`` for as long as the store is open, so that no
    ///   other Stitch process writes to it meanwhile (`stitch serve`, `stitch import`).
    /// - Throws: ``StoreError/inUse(path:)`` when `exclusive` and another process holds the
    ///   lock; ``StoreError/notAStitchStore(path:)`` for another application's SQLite file;
    ///   ``StoreError/newerSchema(path:)`` for a file from a newer Stitch;
    ///   ``StoreError/emptyFile(path:)`` for a zero-length file that was there before.
    public init(path: String, exclusive: Bool = false) throws(StoreError) {
        self.path = path
        try Self.createParentDirectory(of: path)
        lock = exclusive ? try StoreLock(databasePath: path) : nil
        // A new database is readable by its owner only (SQLite gives its -wal and -shm files
        // the same mode): it holds personal data.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 {
            close(fd)
        } else if Self.isEmptyFile(path) {
            // A file that was there already and holds nothing is never taken for a new store.
            throw .emptyFile(path: path)
        }
        try Self.checkFormat(path: path)
        currentPool = Mutex(try Self.openPool(path: path))
    }

    /// Opens the database in WAL mode, synced at every commit, with its schema up to date.
    static func openPool(path: String) throws(StoreError) -> DatabasePool {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.label = "stitch.store"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: StoreError.wrapping(error).description)
        }
        do {
            // GRDB sets NORMAL when it turns WAL on; FULL syncs the WAL at every commit.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try StoreSchema.migrator.migrate(pool)
        } catch {
            throw StoreError.wrapping(error)
        }
        return pool
    }

    /// Puts `pool` in place of the open database, returning the one it replaces.
    func swapPool(_ pool: DatabasePool) -> DatabasePool {
        currentPool.withLock { current in
            let old = current
            current = pool
            return old
        }
    }

    /// Refuses, without writing to it, a file that is not a Stitch store or comes from a newer
    /// Stitch. A new (empty) file has no tables yet; any other must carry Stitch's application id.
    private static func checkFormat(path: String) throws(StoreError) {
        do {
            // Not a read-only connection: on a WAL file without its -shm, SQLite may need to create it.
            let queue = try DatabaseQueue(path: path)
            let (applicationID, tables, superseded) = try queue.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0,
                    try StoreSchema.migrator.hasBeenSuperseded(db)
                )
            }
            try queue.close()
            guard applicationID == StoreSchema.applicationID || (applicationID == 0 && tables == 0) else {
                throw StoreError.notAStitchStore(path: path)
            }
            if superseded { throw StoreError.newerSchema(path: path) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: StoreError.wrapping(error).description)
        }
    }

    /// Whether `path` is an existing regular file of zero bytes.
    static func isEmptyFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0
    }

    /// Creates the folder that will hold `path`, if missing (private to the user: 0700).
    static func createParentDirectory(of path: String) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotOpen(path: path, reason: "cannot create the folder \(folder)")
        }
    }

    /// Closes the database for a clean stop: folds the write-ahead log into the database file
    /// (`wal_checkpoint(TRUNCATE)`) and closes every connection, so no `-wal` content is left.
    /// Any later use of the store fails with an error.
    public func closeAndCheckpoint() throws(StoreError) {
        do {
            let pool = self.pool
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try pool.close()
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// Whether a community has been stored (imported, loaded or written to), even an empty one.
    public func hasCommunity() throws(StoreError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'community')") ?? false
        }
    }

    /// How many records of each kind are stored.
    public func counts() throws(StoreError) -> StoredCounts {
        try read { db in
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return StoredCounts(
                members: try count("members"), activities: try count("activities"), exchanges: try count("exchanges"),
                attendance: try count("attendance"), accounts: try count("ledger_accounts"), ledger: try count("ledger_entries"),
                pairings: try count("pairings"))
        }
    }

    /// `PRAGMA integrity_check` and `PRAGMA foreign_key_check`: `true` when SQLite finds the file
    /// sound and every reference resolves.
    public func integrityCheck() -> Bool {
        do {
            return try pool.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                return integrity == ["ok"] && foreignKeys.isEmpty
            }
        } catch {
            return false
        }
    }

    /// A read in one transaction: a consistent snapshot of the last commit.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError.wrapping(error) }
    }

    /// A write in one transaction, committed (and synced) before it returns; rolled back whole
    /// on any error. Every write marks the database as holding a community.
    func write(_ body: (Database) throws -> Void) throws(StoreError) {
        do {
            try pool.write { db in
                try body(db)
                try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('community', 'stored')")
            }
        } catch {
            throw StoreError.wrapping(error)
        }
    }
}

/// How many records of each kind a store holds: the application layer's ``RecordCounts``.
public typealias StoredCounts = RecordCounts
