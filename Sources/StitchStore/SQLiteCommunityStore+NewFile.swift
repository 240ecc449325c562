import Foundation
import GRDB
import StitchModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replacing the whole community by writing a new database file and moving it into place: the
/// bulk path of `stitch import`, several times faster than `replaceAll`'s one transaction
/// through the write-ahead log.
extension SQLiteCommunityStore {
    /// Replaces everything stored with `community`, as ``replaceAll(_:progress:demo:pairings:)`` does (the
    /// weights kept, and the outcomes that still resolve), by writing a new database file beside
    /// this one (`PATH-import`) and renaming it over this one once it is complete and synced.
    ///
    /// Until the rename the old file is untouched and whole (its write-ahead log checkpointed
    /// into it first), so a failure or a crash at any point leaves either the old community or
    /// the new one, never a mix; a file left by an interrupted import is removed by the next.
    ///
    /// For a store that nothing else is using: the store's own lock is taken for the duration
    /// (or the one held since opening with `exclusive`), and reads and writes through this
    /// store must not run meanwhile. When another connection still has the database open (the
    /// write-ahead log outlives closing this store's), renaming over it would be unsafe, and the
    /// community is written by ``replaceAll(_:progress:demo:pairings:)`` instead.
    ///
    /// - Parameters:
    ///   - pairings: the community file's pairings, added over the stored ones as ``replaceAll(_:progress:demo:pairings:)`` adds them.
    ///   - progress: called now and then with the records written so far and the total.
    public func replaceAllInNewFile(
        _ community: Community, pairings: [Pairing] = [], progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(StoreError) {
        let heldLock = lock == nil ? try StoreLock(databasePath: path) : nil
        defer { withExtendedLifetime(heldLock) {} }
        // The records' JSON is made on every core before the file is written.
        guard let memberJSON = RecordEncoding.encode(community.members) else { throw .unencodable(table: "members") }
        guard let activityJSON = RecordEncoding.encode(community.activities) else { throw .unencodable(table: "activities") }
        let kept = try read { db in try BulkStoreFile.Kept(db) }
        let newPath = path + "-import"
        try BulkStoreFile.write(
            community, memberJSON: memberJSON, activityJSON: activityJSON, kept: kept, pairings: pairings, to: newPath, progress: progress)
        guard try closeForRename() else {
            BulkStoreFile.remove(newPath)
            try replaceAll(community, progress: nil, pairings: pairings)
            return
        }
        guard rename(newPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            BulkStoreFile.remove(newPath)
            _ = swapPool(try Self.openPool(path: path))
            throw .cannotOpen(path: path, reason: "cannot move the new database into place: \(reason)")
        }
        Self.syncFolder(of: path)
        _ = swapPool(try Self.openPool(path: path))
    }

    /// Closes the database and takes its file out of WAL mode, which checkpoints the log into
    /// the file and removes it, so that the file alone holds everything; `false` (the database
    /// open again) when another connection still has it open, and so SQLite refuses.
    private func closeForRename() throws(StoreError) -> Bool {
        do {
            try pool.close()
        } catch {
            throw StoreError.wrapping(error)
        }
        var alone = false
        do {
            let queue = try DatabaseQueue(path: path)
            alone = try queue.writeWithoutTransaction { db in
                try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete"
            }
            try queue.close()
        } catch {
            alone = false
        }
        if !alone { _ = swapPool(try Self.openPool(path: path)) }
        return alone
    }

    /// Syncs the folder holding `path`, so that a rename in it is on the disk.
    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
