import GRDB

/// Why the store could not open, read or write: said in words that name no personal data.
///
/// The daemon logs these as they are, so a description carries SQLite's result code and
/// message, table names, field paths and file paths, but never a record's values. (GRDB keeps
/// statement arguments out of its errors, and Stitch's statements bind every value.)
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file is an SQLite database, but not a Stitch store.
    case notAStitchStore(path: String)
    /// The file exists and is empty (zero bytes): not a Stitch database, and never taken for a new one.
    case emptyFile(path: String)
    /// The file was written by a newer Stitch, with a schema this build does not know.
    case newerSchema(path: String)
    /// Another Stitch process (a daemon, an import) is using the database.
    case inUse(path: String)
    /// SQLite refused a statement (a full disk, a read-only file, a broken constraint…).
    case sqlite(code: Int32, message: String)
    /// A stored record could not be read back (a damaged file, or one edited by hand).
    case unreadableRecord(table: String, row: String, field: String)
    /// A record could not be encoded for storage.
    case unencodable(table: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the database \(path): \(reason)"
        case .notAStitchStore(let path): "\(path) is an SQLite database, but not a Stitch store"
        case .emptyFile(let path):
            "\(path) is empty (0 bytes), so it is not a Stitch database; if it should hold your community, restore it "
                + "from a backup; otherwise remove it and Stitch will create a new database there"
        case .newerSchema(let path): "\(path) was written by a newer version of Stitch; upgrade Stitch to open it"
        case .inUse(let path):
            "\(path) is in use by another Stitch process (a running `stitch serve` or `stitch import`)"
        case .sqlite(let code, let message): "SQLite error \(code): \(message)"
        case .unreadableRecord(let table, let row, let field):
            "a stored record cannot be read: \(table) \(row), field \(field)"
        case .unencodable(let table): "a record for \(table) cannot be encoded"
        }
    }

    /// Wraps any error thrown while using the database.
    static func wrapping(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: error
        case let error as DatabaseError:
            .sqlite(code: error.extendedResultCode.rawValue, message: error.message ?? "\(error.resultCode)")
        default: .sqlite(code: 1, message: "\(type(of: error))")
        }
    }
}
