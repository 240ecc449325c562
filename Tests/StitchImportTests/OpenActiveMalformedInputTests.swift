import Foundation
import StitchImport
import StitchModel
import Testing

@Suite("OpenActive input that is broken or unusual")
struct OpenActiveMalformedInputTests {
    let reader = OpenActiveFeedReader()

    /// A page with the given items (JSON text) and a CC BY licence.
    func page(_ items: String...) -> Data {
        let licence = "https://creativecommons.org/licenses/by/4.0/"
        return Data(#"{"items":[\#(items.joined(separator: ","))],"next":"x","license":"\#(licence)"}"#.utf8)
    }

    /// A live session item; `data` fields can be replaced.
    func session(
        id: String = "s1", name: String = "Chair Yoga", geo: String = #"{"latitude":51.45,"longitude":-0.02}"#,
        subEvent: String = #"[{"startDate":"2020-01-06T10:00:00Z","endDate":"2020-01-06T11:00:00Z"}]"#,
        extra: String = ""
    ) -> String {
        #"{"id":"\#(id)","state":"updated","kind":"session","modified":1,"#
            + #""data":{"name":"\#(name)","activity":["Yoga"],"#
            + #""location":{"identifier":"V1","geo":\#(geo)},"subEvent":\#(subEvent)\#(extra)}}"#
    }

    func read(_ data: Data) -> OpenActiveImport { reader.read(data, source: "Test") }

    @Test(arguments: ["", "not json", "{\"items\": [", "<html></html>"])
    func notJSONGivesOnePageIssue(text: String) {
        let result = reader.read(Data(text.utf8), source: "Test")
        #expect(result.activities.isEmpty)
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.field == "$")
        #expect(result.issues.first?.reason.hasPrefix("not valid JSON") == true)
    }

    @Test func jsonThatIsNotAPageGivesAPageIssue() {
        #expect(
            reader.read(Data("[1,2]".utf8), source: "Test").issues.first?.reason
                == "expected an RPDE page object, found an array")
        #expect(reader.read(Data("{\"next\":\"x\"}".utf8), source: "Test").issues.first?.field == "items")
    }

    @Test func badRecordsAreReportedAndGoodOnesKept() throws {
        let result = read(
            page(
                session(id: "good"),
                session(id: "bad-lat", name: "Walk", geo: #"{"latitude":123.4,"longitude":-0.02}"#),
                session(id: "no-geo", name: "Swim", geo: "null"),
                #"{"id":"no-name","state":"updated","data":{"location":{"geo":{"latitude":51,"longitude":0}}}}"#,
                session(
                    id: "bad-dates", name: "Dance",
                    subEvent: #"[{"startDate":"yesterday","endDate":"2020-01-06T11:00:00Z"}]"#),
                session(
                    id: "backwards", name: "Golf",
                    subEvent: #"[{"startDate":"2020-01-06T11:00:00Z","endDate":"2020-01-06T10:00:00Z"}]"#),
                #""just a string""#,
                #"{"id":"no-state","data":{}}"#,
                #"{"id":"gone","state":"deleted","kind":"session","modified":2}"#))
        #expect(result.activities.map(\.name) == ["Chair Yoga"])
        #expect(result.deletedCount == 1)
        let byID = Dictionary(grouping: result.skippedRecords, by: { $0.id ?? "-" })
        #expect(byID["bad-lat"]?.first?.field == "data.location.geo.latitude")
        #expect(byID["bad-lat"]?.first?.reason.contains("123.4") == true)
        #expect(byID["no-geo"]?.first?.field == "data.location.geo")
        #expect(byID["no-name"]?.first?.field == "data.name")
        #expect(byID["bad-dates"]?.contains { $0.field == "data.subEvent" } == true)
        #expect(
            result.issues.contains {
                $0.id == "bad-dates" && $0.field == "data.subEvent[0].startDate" && !$0.recordSkipped
            })
        #expect(byID["backwards"] != nil)
        #expect(byID["-"]?.first?.index == 6)
        #expect(byID["no-state"]?.first?.field == "state")
    }

    @Test func minorProblemsDropTheFieldNotTheRecord() throws {
        let result = read(
            page(
                session(
                    extra: #","offers":[{"price":"free"},{"price":"2.50"}],"ageRange":{"minValue":60,"maxValue":18}"#)))
        let activity = try #require(result.activities.first)
        #expect(activity.cost == 2.5)
        #expect(activity.ageMin == nil && activity.ageMax == nil)
        #expect(result.issues.map(\.field).sorted() == ["data.ageRange", "data.offers[0].price"])
        #expect(result.issues.allSatisfy { !$0.recordSkipped })
    }

    @Test func summerTimeIsLocalWallClock() throws {
        // 17:30Z on Wednesday 1 July 2020 is 18:30 BST.
        let result = read(
            page(
                session(subEvent: #"[{"startDate":"2020-07-01T17:30:00Z","endDate":"2020-07-01T18:45:00Z"}]"#),
                session(
                    id: "late", name: "Late Swim",
                    subEvent: #"[{"startDate":"2020-10-24T22:30:00Z","duration":"PT1H30M"}]"#),
                session(
                    id: "offset", name: "Walk",
                    subEvent: #"[{"startDate":"2020-07-02T09:00:00+01:00","endDate":"2020-07-02T10:00:00+01:00"}]"#)))
        let byName = Dictionary(uniqueKeysWithValues: result.activities.map { ($0.name, $0) })
        #expect(byName["Chair Yoga"]?.schedule == [Slot(.wed, "18:30", "19:45")!])
        // 22:30Z on Saturday 24 October 2020 is 23:30 BST; 90 minutes later it is 01:00 on Sunday.
        #expect(byName["Late Swim"]?.schedule == [Slot(.sat, "23:30", "24:00")!, Slot(.sun, "00:00", "01:00")!])
        #expect(byName["Walk"]?.schedule == [Slot(.thu, "09:00", "10:00")!])
    }

    @Test func sessionsOfOneSeriesMergeAndLaterVersionsWin() throws {
        let result = read(
            page(
                session(id: "a", subEvent: #"[{"startDate":"2020-01-06T10:00:00Z","endDate":"2020-01-06T11:00:00Z"}]"#),
                session(id: "b", subEvent: #"[{"startDate":"2020-01-09T14:00:00Z","endDate":"2020-01-09T15:00:00Z"}]"#),
                #"{"id":"b","state":"deleted","modified":5}"#,
                session(id: "c", subEvent: #"[{"startDate":"2020-01-13T10:00:00Z","endDate":"2020-01-13T11:00:00Z"}]"#))
        )
        #expect(result.activities.count == 1)
        #expect(result.activities.first?.schedule == [Slot(.mon, "10:00", "11:00")!])
        #expect(result.activities.first?.id == "oa-test-v1-chair-yoga")
    }

    @Test func weeklyScheduleWithoutDatedOccurrences() throws {
        let item = session(
            subEvent: "[]",
            extra: #","eventSchedule":[{"byDay":["https://schema.org/Tuesday","https://schema.org/Thursday"],"#
                + #""startTime":"14:00","endTime":"15:30"}]"#)
        let activity = try #require(reader.read(page(item), source: "Test").activities.first)
        #expect(activity.schedule == [Slot(.tue, "14:00", "15:30")!, Slot(.thu, "14:00", "15:30")!])
    }
}

@Suite("Series names")
struct SeriesNameTests {
    @Test(arguments: [
        ("Crossfit Session 6.30am", "oa-test-v1-crossfit-session"), ("Group Cycle Mon 7pm", "oa-test-v1-group-cycle"),
        ("Hiit 360 Sunday 9am", "oa-test-v1-hiit-360"), ("Crossfit Open Box", "oa-test-v1-crossfit-open-box"),
        ("Class 10:30", "oa-test-v1-class"), ("Yoga 12noon", "oa-test-v1-yoga"),
        ("W/o Group Cycl Frid 12.30", "oa-test-v1-w-o-group-cycl"),
        ("Virtual Group Cycle 8.15a", "oa-test-v1-virtual-group-cycle"),
        ("Circuits 360", "oa-test-v1-circuits-360"), ("Mon 7pm", "oa-test-v1-mon"),
        ("Over 50s Swim 2020", "oa-test-v1-over-50s-swim-2020"),
    ])
    func dayAndTimeAreNotPartOfTheSeries(name: String, id: String) throws {
        let item =
            #"{"id":"x","state":"updated","data":{"name":"\#(name)","location":{"identifier":"V1","#
            + #""geo":{"latitude":51.5,"longitude":0}},"#
            + #""subEvent":[{"startDate":"2020-01-06T10:00:00Z","duration":"PT1H"}]}}"#
        let activity = try #require(
            OpenActiveFeedReader().read(Data(#"{"items":[\#(item)]}"#.utf8), source: "Test").activities.first)
        #expect(activity.id == id)
    }
}
