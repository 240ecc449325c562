import Foundation
import GRDB
import StitchApplication
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchStore

@Suite("Referral records are stored, survive restarts, and a bad row is set aside")
struct ReferralStoreTests {
    static let day = CalendarDate(year: 2026, month: 11, day: 2)!

    @Test func aRecordAndItsChangesSurviveReopening() throws {
        let file = try TemporaryStore()
        var record = ReferralRecord(
            id: "r-1", person: .id("m-maud"), referrer: Referrer(role: "gp", practice: "G85016"), date: Self.day, reason: "lonely",
            offered: [OfferedActivity(activity: "a-knit", score: 0.8, factors: ["skill": 1], reasons: ["About knitting"], buddy: "m-ada")])
        do {
            let store = try file.open()
            try store.save(referral: record)
            try record.move(to: .contacted, on: Self.day.adding(days: 1), by: "lw", note: nil)
            try store.save(referral: record)
        }
        let reopened = try file.open()
        #expect(try reopened.loadReferrals() == [record])
        #expect(reopened.integrityCheck())
    }

    @Test func aRowThatDoesNotReadIsSetAsideAndTheRestServed() throws {
        let file = try TemporaryStore()
        let good = ReferralRecord(id: "r-good", person: .id("m-maud"), date: Self.day)
        do {
            let store = try file.open()
            try store.save(referral: good)
            try store.pool.write { db in
                try db.execute(
                    sql: "INSERT INTO referrals (id, person, status, date, record) VALUES ('r-bad', 'm-x', 'referred', '2026-11-02', ?)",
                    arguments: [#"{"id":"r-bad","person":"m-x","date":"2026-11-02","mood":"sad"}"#])
            }
        }
        let reopened = try file.open()
        #expect(try reopened.loadReferrals() == [good])
        let quarantined = try reopened.pool.read { db in try String.fetchAll(db, sql: "SELECT key FROM quarantine WHERE source = 'referrals'") }
        #expect(quarantined == ["r-bad"])
    }
}

extension ReferralStoreTests {
    @Test func aQuarantinedReferralIsRepairedOrDropped() throws {
        let file = try TemporaryStore()
        do {
            let store = try file.open()
            try store.pool.write { db in
                for id in ["r-bad-1", "r-bad-2"] {
                    try db.execute(
                        sql: "INSERT INTO referrals (id, person, status, date, record) VALUES (?, 'm-x', 'referred', '2026-11-02', ?)",
                        arguments: [id, #"{"id":"\#(id)","person":"m-x","date":"2026-11-02","mood":"sad"}"#])
                }
            }
        }
        let store = try file.open()
        #expect(try store.loadReferrals().isEmpty)
        let entries = try store.quarantineEntries()
        #expect(entries.map(\.key).sorted() == ["r-bad-1", "r-bad-2"])
        let first = try #require(entries.first { $0.key == "r-bad-1" })
        let second = try #require(entries.first { $0.key == "r-bad-2" })
        try store.repairQuarantined(entry: first.entry, json: Data(#"{"id":"r-bad-1","person":"m-x","date":"2026-11-02"}"#.utf8))
        try store.dropQuarantined(entry: second.entry)
        #expect(try store.loadReferrals().map(\.id) == ["r-bad-1"])
        #expect(try store.quarantineEntries().isEmpty)
    }
}

extension ReferralStoreTests {
    @Test func referralsOutliveReplacingTheCommunity() throws {
        let file = try TemporaryStore()
        let record = ReferralRecord(id: "r-1", person: .id("m-maud"), date: Self.day)
        do {
            let store = try file.open()
            try store.replaceAll(try Fixtures.lewisham)
            try store.save(referral: record)
        }
        let store = try file.open()
        try store.replaceAllInNewFile(try Fixtures.lewisham, progress: nil)
        #expect(try file.open().loadReferrals() == [record])
    }
}
