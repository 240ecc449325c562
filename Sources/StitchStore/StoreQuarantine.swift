import Foundation
import StitchModel

/// A stored row that start-up set aside: it could not be read back, or it breaks a bound or a
/// reference, so the daemon serves the rest without it (docs/daemon.md, "Quarantine").
///
/// The row itself stays in its table, untouched; this entry says which it is and why. Every
/// load finds the set-aside rows afresh, so a row repaired (or replaced by a write) is served
/// again at the next start. `stitch admin quarantine` lists, drops and repairs them.
///
/// An entry names its row by table and key (an id, `#seq` for exchanges, attendance and
/// outcomes, a profile for weights) and the field at fault, with a reason from which quoted
/// record contents are removed: the log and the listing carry no names, needs or health details.
public struct QuarantineEntry: Sendable, Hashable {
    /// The entry's number, for `--drop` and `--repair`.
    public var entry: Int64
    /// The table holding the row: `members`, `activities`, `exchanges`, `attendance`, `outcomes`, `weights`.
    public var table: String
    /// The row's key in its table.
    public var key: String
    /// The field at fault, relative to the record (`ageMax`, `giver`, `$` for the whole record).
    public var field: String
    /// Why, in plain English, without record contents.
    public var reason: String

    public init(entry: Int64, table: String, key: String, field: String, reason: String) {
        self.entry = entry
        self.table = table
        self.key = key
        self.field = field
        self.reason = reason
    }

    /// A short hash of the key (FNV-1a, 64 bits, 12 hex digits), for listings that show no id.
    public var keyHash: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }
}

/// The rows one load sets aside, before they are numbered.
struct SetAside: Sendable, Hashable {
    var table: String
    var key: String
    var field: String
    var reason: String

    init(table: String, key: String, _ error: ValidationError) {
        self.table = table
        self.key = key
        self.field = error.field
        self.reason = Self.withoutContents(error.reason)
    }

    init(table: String, key: String, field: String, reason: String) {
        self.table = table
        self.key = key
        self.field = field
        self.reason = reason
    }

    /// A reason with every quoted part ('…') emptied, so no id, term or text of the record is kept.
    static func withoutContents(_ reason: String) -> String {
        var out = ""
        var quoted = false
        for c in reason {
            if c == "'" {
                out.append(quoted ? "…'" : "'")
                quoted.toggle()
            } else if !quoted {
                out.append(c)
            }
        }
        return out
    }
}
