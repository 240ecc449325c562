import StitchModel
import Testing

/// The one reader of days and times: the forms people write, read the same everywhere, and
/// everything else refused with the piece at fault and the forms accepted.
@Suite("Days and times as people write them")
struct WeeklyTimeTextTests {
    func read(_ text: String) throws -> [String] { try WeeklyTimeText.slots(text).map(\.description) }

    @Test(arguments: [
        ("tue", Weekday.tue), ("tues", .tue), ("Tuesday", .tue), ("Tuesdays", .tue), ("TUE", .tue), ("Tue.", .tue),
        ("weds", .wed), ("Wednesdays", .wed), ("thurs", .thu), ("thur", .thu), ("Thu", .thu), ("mon", .mon),
        ("Saturdays", .sat), ("sun", .sun), ("fri", .fri), ("Frid", .fri),
    ])
    func daysAsPeopleWriteThem(text: String, day: Weekday) throws {
        #expect(try WeeklyTimeText.weekday(text) == day)
        #expect(Weekday(spelled: text.hasSuffix(".") ? String(text.dropLast()) : text) == day)
    }

    @Test(arguments: ["wedding", "tu", "mo", "tuesdayy", "weekday", "", "12"])
    func wordsThatAreNotOneDayAreRefused(text: String) {
        #expect(throws: WeeklyTimeError.self) { try WeeklyTimeText.weekday(text) }
    }

    @Test(arguments: [
        ("2pm", "14:00"), ("2.30pm", "14:30"), ("2:30 p.m.", "14:30"), ("14:00", "14:00"), ("11.00", "11:00"),
        ("10", "10:00"), ("noon", "12:00"), ("12 noon", "12:00"), ("midday", "12:00"), ("2.30", "14:30"),
        ("07:30", "07:30"), ("7am", "07:00"), ("12am", "00:00"), ("12pm", "12:00"), ("9 AM", "09:00"),
        ("0:15", "00:15"),
    ])
    func timesAsPeopleWriteThem(text: String, expected: String) throws {
        #expect(try WeeklyTimeText.time(text).description == expected)
    }

    @Test(arguments: ["25:00", "13pm", "10:5", "10:75", "1000", "ten", "", "10-12"])
    func notATime(text: String) {
        #expect(throws: WeeklyTimeError.self) { try WeeklyTimeText.time(text) }
    }

    @Test(arguments: [
        ("tue 10-12", "Tue 10:00-12:00"), ("Tuesdays 2pm-4pm", "Tue 14:00-16:00"),
        ("tues 10am-12pm", "Tue 10:00-12:00"), ("Tue 10:00-12:00", "Tue 10:00-12:00"),
        ("Tue 2pm–4pm", "Tue 14:00-16:00"), ("Tue 10 to 12", "Tue 10:00-12:00"), ("Tue 1-3", "Tue 13:00-15:00"),
        ("Tue 2-4pm", "Tue 14:00-16:00"), ("Tue 10-12pm", "Tue 10:00-12:00"), ("Tue 11-1pm", "Tue 11:00-13:00"),
        ("Tue 11-1", "Tue 11:00-13:00"), ("Tue 9-5", "Tue 09:00-17:00"), ("Tue 10am-2", "Tue 10:00-14:00"),
        ("Tue 9pm-11", "Tue 21:00-23:00"), ("Tue 6am-7", "Tue 06:00-07:00"), ("Tue 6-8am", "Tue 06:00-08:00"),
        ("Tue 10pm-12", "Tue 22:00-24:00"), ("Tue 10pm-midnight", "Tue 22:00-24:00"), ("Tue 10-9", "Tue 10:00-21:00"),
        ("Tue 11.00-12.30", "Tue 11:00-12:30"), ("Tue 9:00-17:00", "Tue 09:00-17:00"),
        ("Tue 14:00-4", "Tue 14:00-16:00"), ("Tue 12-2pm", "Tue 12:00-14:00"), ("Tue 10am-12", "Tue 10:00-12:00"),
        ("Tue 7:00-9:00", "Tue 19:00-21:00"), ("Tue 07:00-09:00", "Tue 07:00-09:00"),
        ("every Tuesday from 2pm to 4pm", "Tue 14:00-16:00"), ("Tue noon-2", "Tue 12:00-14:00"),
        ("Tue 10 till 11.30", "Tue 10:00-11:30"), ("Monday 9:00 - 9:30", "Mon 09:00-09:30"),
    ])
    func oneSlot(text: String, expected: String) throws {
        #expect(try read(text) == [expected])
        #expect(try WeeklyTimeText.slot(text).description == expected)
    }

    @Test func severalSlotsInOneText() throws {
        #expect(try read("Tue 10-12; Thu 2-4pm") == ["Tue 10:00-12:00", "Thu 14:00-16:00"])
        #expect(try read("Mon, Wed 10-12") == ["Mon 10:00-12:00", "Wed 10:00-12:00"])
        #expect(try read("Tue 10-12, Thu 2-4") == ["Tue 10:00-12:00", "Thu 14:00-16:00"])
        #expect(try read("Tue 10-12 Thu 2-4") == ["Tue 10:00-12:00", "Thu 14:00-16:00"])
        #expect(try read("Mon 10-12 and 2-4") == ["Mon 10:00-12:00", "Mon 14:00-16:00"])
        #expect(try read("Mon & Wed 10-12\nFri 1-3") == ["Mon 10:00-12:00", "Wed 10:00-12:00", "Fri 13:00-15:00"])
        #expect(try read("Mondays and Thursdays 10am-12pm") == ["Mon 10:00-12:00", "Thu 10:00-12:00"])
        #expect(
            try read("Mon-Fri 9-5") == ["Mon", "Tue", "Wed", "Thu", "Fri"].map { "\($0) 09:00-17:00" })
        #expect(try read("Monday to Wednesday 10-11") == ["Mon", "Tue", "Wed"].map { "\($0) 10:00-11:00" })
        #expect(try read("weekends 10-4") == ["Sat 10:00-16:00", "Sun 10:00-16:00"])
        #expect(try read("every day 9-10").count == 7)
        #expect(try read("Fri-Mon 10-11").map { String($0.prefix(3)) } == ["Fri", "Sat", "Sun", "Mon"])
        // Repeats are one slot.
        #expect(try read("Tue 10-12; tues 10:00-12:00") == ["Tue 10:00-12:00"])
    }

    func refusal(_ text: String) -> WeeklyTimeError? {
        do {
            _ = try WeeklyTimeText.slots(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func refusalsNameThePieceAndListTheAcceptedForms() throws {
        let wedding = try #require(refusal("wedding 10:00-12:00"))
        #expect(wedding.piece == "wedding")
        #expect(wedding.message.hasPrefix("'wedding' is not a day or a time; accepted: days as mon…sun"))
        #expect(wedding.message.contains("ranges as 10-12, 10am-12pm"))

        let alone = try #require(refusal("tue 10am"))
        #expect(alone.piece == "10am" && alone.reason.hasPrefix("has no end time"))

        let backwards = try #require(refusal("Tue 4pm-2pm"))
        #expect(backwards.piece == "4pm-2pm")
        #expect(backwards.reason.hasPrefix("ends at 14:00 but starts at 16:00: the end must be after the start"))
        #expect(refusal("Wed 14:00-12:00")?.piece == "14:00-12:00")
        #expect(refusal("Tue 3-1pm")?.piece == "3-1pm")
        #expect(refusal("Tue 3-1")?.piece == "3-1")

        #expect(refusal("10-12")?.reason.hasPrefix("names no day") == true)
        #expect(refusal("Tuesday")?.reason.hasPrefix("has no times") == true)
        #expect(refusal("Thursday mornings")?.piece == "mornings")
        #expect(refusal("Tue 10:00-25:00")?.piece == "25:00")
        #expect(refusal("Tue 10-12-2")?.reason.hasPrefix("follows a range") == true)
        #expect(refusal("Tue 10-12 (term time)")?.piece == "(")
        #expect(refusal("")?.reason == "names no day and time")
        #expect(refusal("   ")?.reason == "names no day and time")
        #expect(refusal("Tue pm 10-12")?.piece == "pm")
    }

    @Test func oneSlotIsRefusedWhenTheTextHoldsSeveral() {
        #expect(throws: WeeklyTimeError.self) { try WeeklyTimeText.slot("Mon, Wed 10-12") }
    }

    @Test func theErrorBecomesAValidationErrorOfAField() throws {
        let error = try #require(refusal("wedding 10-12"))
        let validation = error.validationError(field: "availability")
        #expect(validation.field == "availability")
        #expect(validation.reason == error.message)
    }
}
