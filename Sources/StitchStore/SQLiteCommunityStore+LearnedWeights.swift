import Foundation
import GRDB
import StitchApplication
import StitchModel

/// The fits `weights.learn` makes (schema v7): each saved whole under its version, one committed
/// transaction each, read back strictly when first listed or applied.
extension SQLiteCommunityStore: LearnedWeightsPersistence {
    public func save(fit: LearnedFit) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(fit), as: UTF8.self)
        let values: [StoreValue] = [
            .text(fit.version), .text(fit.fit.group.profile.rawValue), .text(fit.fit.target.rawValue), .text(fit.learned.description),
            .text(fit.applied?.description), .text(json),
        ]
        try write { db in
            try db.run(
                """
                INSERT INTO learned_weights (version, profile, target, learned, applied, fit) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(version) DO UPDATE SET profile = excluded.profile, target = excluded.target,
                    applied = excluded.applied, fit = excluded.fit
                """, values)
        }
    }

    /// The stored fits. Each is read strictly; a row that does not read is set aside
    /// (``QuarantineEntry``, by its version and field) and the rest are answered.
    public func loadFits() throws -> [LearnedFit] {
        let (fits, setAside) = try read { db in
            var fits: [LearnedFit] = []
            var setAside: [SetAside] = []
            let decoder = JSONDecoder()
            let rows = try Row.fetchCursor(db, sql: "SELECT version, fit FROM learned_weights ORDER BY version")
            while let row = try rows.next() {
                let key = String.fromDatabaseValue(row[0] as DatabaseValue) ?? "?"
                guard let text = String.fromDatabaseValue(row[1] as DatabaseValue) else {
                    setAside.append(SetAside(table: "learned_weights", key: key, field: "$", reason: "a column cannot be read"))
                    continue
                }
                do {
                    let fit = try decoder.decode(LearnedFit.self, from: Data(text.utf8))
                    guard fit.version == key, fit.fit.version == key else {
                        setAside.append(SetAside(table: "learned_weights", key: key, field: "version", reason: "is not the row's version"))
                        continue
                    }
                    fits.append(fit)
                } catch let error as DecodingError {
                    setAside.append(SetAside(table: "learned_weights", key: key, ValidationError(error)))
                } catch {
                    setAside.append(SetAside(table: "learned_weights", key: key, field: "$", reason: "cannot be read"))
                }
            }
            return (fits, setAside)
        }
        noteSetAside(setAside, tables: ["learned_weights"])
        return fits
    }
}
