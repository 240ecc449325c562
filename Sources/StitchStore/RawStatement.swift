import GRDB
import GRDBSQLite

/// A prepared SQLite statement run row after row through the C API: values are bound in place,
/// with no argument arrays built per row (the bulk path of an import writes a million rows).
///
/// Every text is bound with its exact UTF-8 length, never as a NUL-terminated C string, so a
/// text is stored whole whatever it holds (GRDB's own `StatementArguments` bind strings with
/// length -1, which SQLite cuts at the first NUL). Every write that binds an id goes through here.
struct RawStatement: ~Copyable {
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    /// Prepares `sql` on `db`.
    init(_ db: Database, sql: String) throws(StoreError) {
        var statement: OpaquePointer?
        connection = db.sqliteConnection!
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw .sqlite(code: code, message: String(cString: sqlite3_errmsg(connection)))
        }
        handle = statement
    }

    deinit { sqlite3_finalize(handle) }

    /// SQLite copies the bound bytes before the bind returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            _ = sqlite3_bind_text(
                handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(utf8.count),
                Self.transient)
        }
    }

    func bind(_ index: Int32, _ text: String?) {
        if let text { bind(index, text) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, blob bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }

    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { bind(index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds `values` in order (from parameter 1), then runs the statement once.
    func execute(_ values: [StoreValue]) throws(StoreError) {
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .text(let text): bind(index, text)
            case .integer(let n): bind(index, n)
            case .real(let x): bind(index, x)
            }
        }
        try step()
    }

    /// Runs the statement with the values bound, and resets it for the next row.
    func step() throws(StoreError) {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw .sqlite(code: sqlite3_extended_errcode(connection), message: String(cString: sqlite3_errmsg(connection)))
        }
    }
}

/// A value bound to a ``RawStatement`` parameter.
enum StoreValue {
    case text(String?)
    case integer(Int)
    case real(Double?)
}

extension Database {
    /// Runs `sql` once with `values` bound through a ``RawStatement`` (texts by their exact length).
    func run(_ sql: String, _ values: [StoreValue]) throws {
        try RawStatement(self, sql: sql).execute(values)
    }
}
