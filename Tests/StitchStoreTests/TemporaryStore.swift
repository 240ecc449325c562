import Foundation
import StitchStore

/// A fresh database file per test, in its own temporary folder (removed when the test ends).
final class TemporaryStore {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("stitch.sqlite").path
    }

    /// Opens (or reopens) the store at this path.
    func open() throws -> SQLiteCommunityStore { try SQLiteCommunityStore(path: path) }

    /// The bytes of the database and its write-ahead log, to show that nothing was written.
    func snapshot() throws -> [Data?] {
        [path, path + "-wal"].map { FileManager.default.contents(atPath: $0) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
