import Foundation
import StitchModel
import Testing

/// Dated times (a one-off request, an activity's dated sessions) and a member's days away: both
/// accepted wire forms, what is written back, and the refusals with their field paths.
@Suite("Dated times and days away")
struct DatedTimeTests {
    static func request(_ when: String) throws -> HelpRequest {
        try JSONDecoder().decode(HelpRequest.self, from: Data(#"{"requester":"m-1","skill":"lifts","when":\#(when)}"#.utf8))
    }

    static func error<T: Decodable>(_ type: T.Type, _ json: String) -> ValidationError? {
        do {
            _ = try JSONDecoder().decode(type, from: Data(json.utf8))
            return nil
        } catch let error as DecodingError {
            return ValidationError(error)
        } catch {
            return ValidationError(field: "?", reason: "\(error)")
        }
    }

    @Test func bothFormsOfADatedTimeAreReadTheSame() throws {
        let object = try Self.request(#"[{"date":"2026-12-15","start":"10:00","end":"12:00"}]"#)
        let iso = try Self.request(#"["2026-12-15T10:00/2026-12-15T12:00"]"#)
        let expected = DatedSlot("2026-12-15", "10:00", "12:00")!
        #expect(object.whenDated == [expected])
        #expect(iso.whenDated == [expected])
        #expect(object.when.isEmpty)
        #expect(expected.weekly == Slot(.tue, "10:00", "12:00")!)
        #expect(expected.description == "Tue 15 Dec, 10:00–12:00")
        #expect(expected.isoInterval == "2026-12-15T10:00/2026-12-15T12:00")
    }

    @Test func weeklyAndDatedTimesMixAndRoundTrip() throws {
        let mixed = try Self.request(
            #"[{"day":"wed","start":"09:00","end":"10:00"},"2026-12-15T10:00/2026-12-15T12:00"]"#)
        #expect(mixed.when == [Slot(.wed, "09:00", "10:00")!])
        #expect(mixed.whenDated.count == 1)
        let written = try JSONEncoder().encode(mixed)
        let back = try JSONDecoder().decode(HelpRequest.self, from: written)
        #expect(back == mixed)
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains(#""date":"2026-12-15""#))
    }

    @Test func anIntervalSpanningDaysIsRefused() {
        let error = Self.error(HelpRequest.self, #"{"requester":"m-1","skill":"lifts","when":["2026-12-15T22:00/2026-12-16T02:00"]}"#)
        #expect(error?.field == "when[0]")
        #expect(error?.reason.contains("same day") == true)
    }

    @Test func anIntervalEndingBeforeItStartsIsRefused() {
        let error = Self.error(HelpRequest.self, #"{"requester":"m-1","skill":"lifts","when":["2026-12-15T12:00/2026-12-15T10:00"]}"#)
        #expect(error?.field == "when[0]")
        #expect(error?.reason.contains("is not after start") == true)
        let object = Self.error(
            HelpRequest.self, #"{"requester":"m-1","skill":"lifts","when":[{"date":"2026-12-15","start":"12:00","end":"10:00"}]}"#)
        #expect(object?.field == "when[0].end")
    }

    @Test func anythingElseIsRefusedWithEveryAcceptedForm() {
        for bad in [#""next tuesday""#, "42", #"{"start":"10:00","end":"12:00"}"#, #"{"day":"tue","date":"2026-12-15","start":"10:00","end":"12:00"}"#] {
            let error = Self.error(HelpRequest.self, #"{"requester":"m-1","skill":"lifts","when":[\#(bad)]}"#)
            #expect(error?.field == "when[0]", "\(bad)")
            #expect(error?.reason.contains("2026-12-15T10:00/2026-12-15T12:00") == true, "\(bad)")
            #expect(error?.reason.contains("\"date\": \"2026-12-15\"") == true, "\(bad)")
        }
        let badDate = Self.error(
            HelpRequest.self, #"{"requester":"m-1","skill":"lifts","when":[{"date":"2026-02-30","start":"10:00","end":"12:00"}]}"#)
        #expect(badDate?.field == "when[0].date")
        let extraKey = Self.error(
            HelpRequest.self, #"{"requester":"m-1","skill":"lifts","when":[{"date":"2026-12-15","start":"10:00","end":"12:00","room":"2"}]}"#)
        #expect(extraKey?.field == "when[0].room")
    }

    @Test func anActivityListsDatedSessionsBesideWeeklyOnes() throws {
        let activity = try JSONDecoder().decode(
            Activity.self,
            from: Data(#"{"id":"a-1","name":"Lunch","schedule":[{"day":"mon","start":"12:00","end":"13:00"},{"date":"2026-12-19","start":"12:00","end":"14:00"}]}"#.utf8))
        #expect(activity.schedule == [Slot(.mon, "12:00", "13:00")!])
        #expect(activity.datedSessions == [DatedSlot("2026-12-19", "12:00", "14:00")!])
        let back = try JSONDecoder().decode(Activity.self, from: JSONEncoder().encode(activity))
        #expect(back == activity)
    }

    @Test func aMemberIsAwayOnInclusiveDays() throws {
        let member = try JSONDecoder().decode(
            Member.self, from: Data(#"{"id":"m-1","away":[{"from":"2026-12-20","to":"2027-01-03"}]}"#.utf8))
        let period = try #require(member.away.first)
        #expect(period.contains(CalendarDate(parsing: "2026-12-20")!))
        #expect(period.contains(CalendarDate(parsing: "2027-01-03")!))
        #expect(!period.contains(CalendarDate(parsing: "2027-01-04")!))
        #expect(period.description == "20 Dec – 3 Jan")
        #expect(try JSONDecoder().decode(Member.self, from: JSONEncoder().encode(member)) == member)
    }

    @Test func awayEndingBeforeItStartsOrTooManyIsRefused() {
        let backwards = Self.error(Member.self, #"{"id":"m-1","away":[{"from":"2027-01-03","to":"2026-12-20"}]}"#)
        #expect(backwards?.field == "away[0].to")
        #expect(backwards?.reason.contains("is before from") == true)
        let unknown = Self.error(Member.self, #"{"id":"m-1","away":[{"from":"2026-12-20","until":"2027-01-03"}]}"#)
        #expect(unknown?.field == "away[0].until")
        let many = (0...RecordBounds.maximumAway).map { _ in #"{"from":"2026-12-20","to":"2026-12-21"}"# }.joined(separator: ",")
        let tooMany = Self.error(Member.self, #"{"id":"m-1","away":[\#(many)]}"#)
        #expect(tooMany?.field == "away")
        #expect(tooMany?.reason.contains("at most \(RecordBounds.maximumAway)") == true)
    }
}
