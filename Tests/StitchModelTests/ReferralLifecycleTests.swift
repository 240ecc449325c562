import Foundation
import StitchModel
import StitchTestSupport
import Testing

@Suite("A referral moves only along its lifecycle, dated and explained")
struct ReferralLifecycleTests {
    static let day = CalendarDate(year: 2026, month: 11, day: 2)!

    @Test func theWholePathwayIsAllowedAndRecordedInOrder() throws {
        var record = ReferralRecord(id: "r-1", person: .id("m-maud"), date: Self.day)
        #expect(record.status == .referred)
        try record.move(to: .contacted, on: Self.day.adding(days: 2), by: "lw-ann", note: nil)
        try record.move(to: .offered, on: Self.day.adding(days: 5), by: "lw-ann", note: nil)
        try record.move(to: .attending, on: Self.day.adding(days: 12), by: "attendance", note: nil, activity: "a-knit")
        try record.move(to: .completed, on: Self.day.adding(days: 60), by: "lw-ann", note: nil)
        #expect(record.history.map(\.status) == [.referred, .contacted, .offered, .attending, .completed])
        #expect(record.chosenActivity == "a-knit")
        #expect(record.boundErrors().isEmpty)
    }

    @Test func aMoveTheLifecycleDoesNotAllowIsRefusedSayingWhatIs() {
        var record = ReferralRecord(id: "r-1", person: .id("m-maud"), date: Self.day)
        #expect(throws: ValidationError(field: "status", reason: "a referral that is referred can move to contacted, declined or closed, not completed")) {
            try record.move(to: .completed, on: Self.day, by: nil, note: nil)
        }
        #expect(throws: ValidationError(field: "note", reason: "say why the referral is declined")) {
            try record.move(to: .declined, on: Self.day, by: nil, note: "  ")
        }
        #expect(record.history.count == 1, "a refused move changes nothing")
    }

    @Test func aChangeCannotGoBackInTime() throws {
        var record = ReferralRecord(id: "r-1", person: .id("m-maud"), date: Self.day)
        try record.move(to: .contacted, on: Self.day.adding(days: 3), by: nil, note: nil)
        #expect(throws: ValidationError.self) { try record.move(to: .offered, on: Self.day.adding(days: 2), by: nil, note: nil) }
    }

    /// Property: from any status, any sequence of attempted moves leaves a history in which each
    /// step is one the lifecycle allows, dates never go back, and a closed referral stays closed.
    @Test func randomSequencesOfMovesKeepTheLifecycle() {
        var random = SplitMix64(seed: 2026)
        for _ in 0..<500 {
            var record = ReferralRecord(id: "r-x", person: .id("m-x"), date: Self.day)
            var day = Self.day
            for _ in 0..<12 {
                let status = ReferralStatus.allCases[Int(random.next() % UInt64(ReferralStatus.allCases.count))]
                day = day.adding(days: Int(random.next() % 5) - 1)
                let note: String? = random.next() % 3 == 0 ? nil : "moved away"
                let before = record
                do {
                    try record.move(to: status, on: day, by: nil, note: note)
                } catch {
                    #expect(record == before)
                }
            }
            for (previous, next) in zip(record.history, record.history.dropFirst()) {
                #expect(previous.status.next.contains(next.status))
                #expect(previous.date <= next.date)
                #expect(!next.status.needsReason || next.note != nil)
            }
            #expect(record.boundErrors().isEmpty)
        }
    }

    @Test func statusesAreReadAsPeopleWriteThem() {
        #expect(ReferralStatus(spelled: "Did not attend") == .didNotAttend)
        #expect(ReferralStatus(spelled: "DNA") == .didNotAttend)
        #expect(ReferralStatus(spelled: "did_not_attend") == .didNotAttend)
        #expect(ReferralStatus(spelled: "Offered") == .offered)
        #expect(ReferralStatus(spelled: "maybe") == nil)
    }

    @Test func followUpCountsWorkingDaysOverWeekends() throws {
        let friday = try #require(CalendarDate(year: 2026, month: 11, day: 6))
        #expect(friday.weekday == .fri)
        #expect(FollowUpPolicy.standard.due(.referred, since: friday) == friday.adding(days: 7), "5 working days from a Friday is the next Friday")
        #expect(FollowUpPolicy.standard.due(.offered, since: friday) == friday.adding(days: 14))
        #expect(FollowUpPolicy.standard.due(.completed, since: friday) == nil)
        #expect(FollowUpPolicy.standard.due(.closed, since: friday) == nil)
    }

    @Test func aFollowUpFileReplacesOnlyTheStatusesItNames() throws {
        let policy = try JSONDecoder().decode(FollowUpPolicy.self, from: Data(#"{"offered": {"days": 7}}"#.utf8))
        #expect(policy.intervals[.offered] == .init(days: 7))
        #expect(policy.intervals[.referred] == FollowUpPolicy.standard.intervals[.referred])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FollowUpPolicy.self, from: Data(#"{"ofered": {"days": 7}}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FollowUpPolicy.self, from: Data(#"{"completed": {"days": 7}}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FollowUpPolicy.self, from: Data(#"{"offered": {"days": -1}}"#.utf8)) }
    }

    @Test func aRecordRoundTripsAndRefusesUnknownKeysAndBadPractices() throws {
        var record = ReferralRecord(
            id: "r-1", person: .id("m-maud"), referrer: Referrer(name: "Dr A", role: "gp", practice: "G85016"), date: Self.day,
            reason: "lonely", consent: Consent(given: true, date: Self.day))
        try record.move(to: .contacted, on: Self.day, by: "lw", note: nil)
        let data = try JSONEncoder().encode(record)
        #expect(try JSONDecoder().decode(ReferralRecord.self, from: data) == record)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ReferralRecord.self, from: Data(#"{"id":"r","person":"m","date":"2026-11-02","reasn":"x"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Referrer.self, from: Data(#"{"practice":"G8 5016"}"#.utf8))
        }
        #expect(try JSONDecoder().decode(Referrer.self, from: Data(#"{"practice":"g85016"}"#.utf8)).practice == "G85016")
    }
}
