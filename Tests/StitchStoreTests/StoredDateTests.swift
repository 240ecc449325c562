import Foundation
import GRDB
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchStore

/// A stored dismissal, ask or pairing whose date cannot be read is set aside under that date's
/// field when the store is read, never served or dropped in silence; its neighbours still load.
@Suite("Stored dates that cannot be read are set aside under their field")
struct StoredDateTests {
    @Test func aBadDateSetsItsRowAsideUnderItsField() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        let day = CalendarDate(parsing: "2026-12-01")!
        try store.save(dismissal: Dismissal(subject: "m-a", candidate: "m-b", until: day.adding(days: 10), date: day))
        try store.save(dismissal: Dismissal(subject: "m-a", candidate: "m-c", date: day))
        try store.save(ask: Ask(subject: "m-a", candidate: "m-b", date: day))
        try store.save(pairing: Pairing(person: "m-a", helper: "m-b", kind: "shopping", start: day, review: day.adding(days: 30)))
        try store.save(pairing: Pairing(person: "m-a", helper: "m-c", kind: "lifts", start: day, review: day.adding(days: 30)))

        let raw = try DatabaseQueue(path: file.path)
        try raw.write { db in
            try db.execute(sql: "UPDATE dismissals SET until = '2026-13-40' WHERE candidate = 'm-b'")
            try db.execute(sql: "UPDATE asks SET date = 'soon'")
            try db.execute(sql: "UPDATE pairings SET review = 'next week' WHERE kind = 'lifts'")
        }

        #expect(try store.loadDismissals().map(\.candidate) == ["m-c"])
        #expect(try store.loadAsks().isEmpty)
        #expect(try store.loadPairings().map(\.kind) == ["shopping"])
        let entries = try store.quarantineEntries().map { "\($0.table) \($0.field) \($0.reason)" }.sorted()
        #expect(
            entries == [
                "asks date is not a date YYYY-MM-DD", "dismissals until is not a date YYYY-MM-DD",
                "pairings review is not a date YYYY-MM-DD",
            ], "\(entries)")
    }
}
