import Foundation
import GRDB
import StitchApplication
import StitchModel

/// Referral records (`referral.create`, `referral.update-status`, an attendance that closes the
/// loop): each saved whole, one committed transaction each, read back strictly at start-up.
extension SQLiteCommunityStore: ReferralPersistence {
    public func save(referral: ReferralRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(referral), as: UTF8.self)
        let values: [StoreValue] = [
            .text(referral.id), .text(referral.person.id), .text(referral.referrer?.practice),
            .text(referral.status.rawValue), .text(referral.date.description), .text(json),
        ]
        try write { db in
            try db.run(
                """
                INSERT INTO referrals (id, person, practice, status, date, record) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET person = excluded.person, practice = excluded.practice,
                    status = excluded.status, date = excluded.date, record = excluded.record
                """, values)
        }
    }

    /// The stored referral records, by id. Each is read strictly (unknown keys, bounds, a
    /// history that goes back in time); a bad row is set aside (``QuarantineEntry``, by its id
    /// and field, never its contents), and the rest are served.
    public func loadReferrals() throws(StoreError) -> [ReferralRecord] {
        let (records, setAside) = try read { db in
            var records: [ReferralRecord] = []
            var setAside: [SetAside] = []
            let decoder = JSONDecoder()
            let rows = try Row.fetchCursor(db, sql: "SELECT id, record FROM referrals ORDER BY id")
            while let row = try rows.next() {
                let key = String.fromDatabaseValue(row[0] as DatabaseValue) ?? "?"
                guard let text = String.fromDatabaseValue(row[1] as DatabaseValue) else {
                    setAside.append(SetAside(table: "referrals", key: key, field: "$", reason: "a column cannot be read"))
                    continue
                }
                do {
                    let record = try decoder.decode(ReferralRecord.self, from: Data(text.utf8))
                    guard record.id == key else {
                        setAside.append(SetAside(table: "referrals", key: key, field: "id", reason: "is not the row's id"))
                        continue
                    }
                    records.append(record)
                } catch let error as DecodingError {
                    setAside.append(SetAside(table: "referrals", key: key, ValidationError(error)))
                } catch {
                    setAside.append(SetAside(table: "referrals", key: key, field: "$", reason: "cannot be read"))
                }
            }
            return (records, setAside)
        }
        noteSetAside(setAside, tables: ["referrals"])
        return records
    }
}
