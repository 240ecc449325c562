import Foundation
import GRDB

/// The text model's vectors (`text_vectors`, schema v4), kept so that a restart, or a community
/// imported again, does not embed the same texts again.
///
/// Each row is keyed by the model's identity (`TextModelIdentity`: its name and a hash of its
/// files) and the text, so a vector is only ever reused by the model that made it. A vector is
/// stored as little-endian Float32 bytes. The texts are the community's terms and the words of
/// requests: personal data, kept in the same private file as the records and never logged.
///
/// The table is a cache: a row that cannot be read (a vector of the wrong length, a value that
/// is not finite, a text that is not UTF-8) is skipped and counted, and its text is embedded
/// again when needed.
extension SQLiteCommunityStore {
    /// Vectors read back by ``loadVectors(model:dimension:)``.
    public struct StoredVectors: Sendable {
        /// Each text with its vector, in no particular order.
        public var entries: [(text: String, vector: [Float])]
        /// How many rows of the model were skipped as unreadable.
        public var skipped: Int
    }

    /// The vectors kept for `model`, those of length `dimension` with finite values; other rows
    /// are skipped and counted.
    public func loadVectors(model: String, dimension: Int) throws(StoreError) -> StoredVectors {
        try read { db in
            var result = StoredVectors(entries: [], skipped: 0)
            // The text as a blob: read by its length, whatever bytes it holds.
            let rows = try Row.fetchCursor(
                db, sql: "SELECT CAST(text AS BLOB), vector FROM text_vectors WHERE model = ?", arguments: [model])
            while let row = try rows.next() {
                let textValue = row[0] as DatabaseValue
                guard let vectorBytes = Data.fromDatabaseValue(row[1] as DatabaseValue),
                    let text = textValue.isNull ? nil : String(validating: Data.fromDatabaseValue(textValue) ?? Data(), as: UTF8.self),
                    let vector = Self.vector(from: vectorBytes, dimension: dimension)
                else {
                    result.skipped += 1
                    continue
                }
                result.entries.append((text, vector))
            }
            return result
        }
    }

    /// Keeps `entries` as vectors of `model`, in one transaction; a text already kept for the
    /// model keeps its vector (`INSERT OR IGNORE`).
    public func saveVectors(model: String, _ entries: [(text: String, vector: [Float])]) throws(StoreError) {
        guard !entries.isEmpty else { return }
        do {
            try pool.write { db in
                let insert = try RawStatement(db, sql: "INSERT OR IGNORE INTO text_vectors (model, text, vector) VALUES (?, ?, ?)")
                for (text, vector) in entries {
                    insert.bind(1, model)
                    insert.bind(2, text)
                    insert.bind(3, blob: Self.bytes(of: vector))
                    try insert.step()
                }
            }
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// How many vectors are kept for `model`.
    public func vectorCount(model: String) throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM text_vectors WHERE model = ?", arguments: [model]) ?? 0 }
    }

    /// `vector` as little-endian Float32 bytes.
    static func bytes(of vector: [Float]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vector.count * 4)
        for value in vector {
            let bits = value.bitPattern
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 16))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 24))
        }
        return bytes
    }

    /// The vector in `bytes` (little-endian Float32), if it has `dimension` values, all finite.
    static func vector(from bytes: Data, dimension: Int) -> [Float]? {
        guard bytes.count == dimension * 4 else { return nil }
        var vector: [Float] = []
        vector.reserveCapacity(dimension)
        var finite = true
        bytes.withUnsafeBytes { raw in
            for i in 0..<dimension {
                let bits = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
                let value = Float(bitPattern: bits)
                finite = finite && value.isFinite
                vector.append(value)
            }
        }
        return finite ? vector : nil
    }
}
