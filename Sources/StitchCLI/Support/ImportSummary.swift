import Foundation
import StitchApplication

/// What `stitch import` tells a person once the file is merged: every skipped record on standard
/// error (its path in the file and why), and on standard output the counts by kind and one line
/// of totals with the skipped records counted by reason.
///
/// ```
///   members: 2 added, 1 updated, 3 unchanged
///   exchanges: 4 added
/// Added 6, updated 1, unchanged 3, skipped 3: unknown member id (2), duplicate member id (1)
/// ```
struct ImportSummary {
    let changes: CommunityChanges

    func print(to dbPath: String, dryRun: Bool) {
        for record in changes.skipped {
            FileHandle.standardError.write(Data("  \(record.fullPath): \(record.reason)\n".utf8))
        }
        for kind in RecordKind.allCases {
            let c = changes[kind]
            var parts: [String] = []
            if c.added > 0 { parts.append("\(c.added) added") }
            if c.updated > 0 { parts.append("\(c.updated) updated") }
            if c.unchanged > 0 { parts.append("\(c.unchanged) unchanged") }
            if c.removed > 0 { parts.append("\(c.removed) removed") }
            if !parts.isEmpty { Swift.print("  \(kind.rawValue): \(parts.joined(separator: ", "))") }
        }
        if changes.mode == .replace {
            let removed = changes.removed
            let total =
                removed.members + removed.activities + removed.exchanges + removed.attendance + removed.accounts + removed.ledger
                + removed.pairings
            Swift.print(
                total == 0
                    ? "Replacing what \(dbPath) holds removes nothing"
                    : "Replacing what \(dbPath) holds removes \(Import.describe(removed))"
                        + (dryRun ? " (an import would need --yes)" : ""))
        }
        Swift.print(line)
    }

    /// `Added 6, updated 1, unchanged 3, skipped 3: unknown member id (2), duplicate member id (1)`.
    var line: String {
        let t = changes.total
        var text = "Added \(t.added), updated \(t.updated), unchanged \(t.unchanged), skipped \(changes.skippedCount)"
        let reasons = changes.skippedByReason
        if !reasons.isEmpty {
            text += ": " + reasons.map { "\($0.reason) (\($0.count))" }.joined(separator: ", ")
            text += "; each listed on standard error"
        }
        return text
    }
}
