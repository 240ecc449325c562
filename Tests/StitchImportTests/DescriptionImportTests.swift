import Foundation
import StitchImport
import StitchModel
import Testing

/// Every importer that has a description fills the activity's `description`: HTML removed where a
/// source may carry it, white space collapsed, and a text too long for the model cut with a note.
@Suite("Activity descriptions from imported sources")
struct DescriptionImportTests {
    /// An Open Referral service with the given `description` (a JSON value).
    func service(description: String) -> Data {
        Data(
            (#"{"id":"s-1","name":"Lee Health Walk","status":"active","description":\#(description),"#
                + #""service_at_locations":[{"id":"sal-1","location":{"id":"l-1","latitude":51.45,"longitude":-0.01}}]}"#)
                .utf8)
    }

    /// An OpenActive page of one live session whose `data` has the given extra members.
    func page(_ extra: String) -> Data {
        Data(
            (#"{"items":[{"id":"s1","state":"updated","kind":"session","modified":1,"data":{"name":"Chair Yoga","#
                + #""activity":["Yoga"],"location":{"identifier":"V1","geo":{"latitude":51.45,"longitude":-0.02}},"#
                + #""subEvent":[{"startDate":"2020-01-06T10:00:00Z","endDate":"2020-01-06T11:00:00Z"}]\#(extra)}}],"#
                + #""next":"x","license":"https://creativecommons.org/licenses/by/4.0/"}"#).utf8)
    }

    // MARK: - The repository's example files

    @Test func theOpenReferralExampleServiceKeepsItsDescription() throws {
        let result = OpenReferralReader().read(try RepositoryFiles.data(RepositoryFiles.openReferralService))
        let activity = try #require(result.activities.first?.value)
        // The file's text ends with a space: trimmed.
        #expect(
            activity.description
                == "Counselling Services provided by trained professionals. Suitable for people with mental health "
                + "conditions such as anxiety, depression, or eating disorders as well as people experiencing "
                + "difficult life events and circumstances.")
        #expect(!result.issues.contains { $0.field.contains("description") })
    }

    @Test func anActiveNewhamSeriesKeepsItsDescription() throws {
        let result = OpenActiveFeedReader().read(try RepositoryFiles.data(RepositoryFiles.newham), source: "Active Newham")
        let crossfit = try #require(result.activities.first { $0.id == "oa-active-newham-new-crossfit-open-box" })
        #expect(
            crossfit.description
                == "CrossFit is a training program that builds strength and conditioning through varied and "
                + "challenging workouts.")
        // Newham writes `-` when it has nothing to say: no description, rather than "-".
        #expect(!result.activities.contains { $0.description == "-" })
        #expect(result.activities.contains { $0.description == nil })
        #expect(result.activities.filter { $0.description != nil }.count > result.activities.count / 2)
    }

    @Test func anEveryoneActiveDescriptionLosesItsHTML() throws {
        let result = OpenActiveFeedReader().read(
            try RepositoryFiles.data(RepositoryFiles.everyoneActive), source: "Everyone Active")
        let softPlay = try #require(result.activities.first { $0.name == "Soft Play Session at Westminster Lodge L C" })
        // The feed's text is "…avoid the queues <br>\r\nSuitable for kids…".
        #expect(
            softPlay.description
                == "Pre-Pay and Swipe - Pay for your visit online and avoid the queues Suitable for kids aged all "
                + "the way up to 12 they can climb clamber and explore our dedicated soft play area having fun "
                + "and getting active at the same time.")
        // 248 of the 250 live sessions have a description; every one is kept, none with a tag.
        let described = result.activities.compactMap(\.description)
        #expect(described.count >= result.activities.count - 2)
        for text in described {
            #expect(!text.contains("<br") && !text.contains("\n") && !text.contains("  "), "\(text)")
        }
    }

    // MARK: - Cleaning

    @Test(arguments: [
        (#""<p>Gentle <b>chair</b> yoga&nbsp;for&nbsp;all.</p><p>Tea &amp; cake after.</p>""#,
         "Gentle chair yoga for all. Tea & cake after."),
        (#""Ages <5 &amp; >3 welcome &unknown; &#233;t&#xE9;""#, "Ages <5 & >3 welcome &unknown; été"),
        (#""  Line one\r\n\tline two  ""#, "Line one line two"),
        (#""<!-- hidden -->Seen<script>alert(1)</script> too<br/>""#, "Seen too"),
        (#""Zoë 🧶 \"knit\" \\ natter""#, "Zoë 🧶 \"knit\" \\ natter"),
        (#""-""#, nil), (#"" <br> ""#, nil), (#""""#, nil), ("null", nil),
    ] as [(String, String?)])
    func anOpenReferralDescriptionIsCleaned(json: String, expected: String?) throws {
        let result = OpenReferralReader().read(service(description: json))
        let activity = try #require(result.activities.first?.value)
        #expect(activity.description == expected)
        #expect(result.issues.isEmpty, "\(result.issues)")
    }

    @Test func aDescriptionThatIsNotTextIsLeftOutWithANote() throws {
        let result = OpenReferralReader().read(service(description: #"{"text":"x"}"#))
        #expect(result.activities.first?.value.description == nil)
        #expect(result.issues.map(\.description) == ["$[0] (s-1) description: expected text, found an object; left out; field ignored"])
    }

    /// 2 bytes and 600 characters of 8 bytes each (👍🏽, two scalars): cut before the character that
    /// would pass 4096 bytes, never between its two scalars.
    @Test func aLongDescriptionIsCutAtACharacterBoundaryWithANote() throws {
        let long = "ab" + String(repeating: "👍🏽", count: 600)
        let result = OpenReferralReader().read(service(description: "\"\(long)\""))
        let activity = try #require(result.activities.first?.value)
        let text = try #require(activity.description)
        #expect(text.utf8.count == 2 + 8 * 511)
        #expect(text == "ab" + String(repeating: "👍🏽", count: 511))
        #expect(activity.boundErrors().isEmpty)
        let issue = try #require(result.issues.first)
        #expect(result.issues.count == 1)
        #expect(issue.field == "description" && !issue.recordSkipped)
        #expect(issue.reason == "is 4802 bytes of UTF-8, more than the 4096 a text may hold; cut to its first 4090")
    }

    @Test func anOpenActiveDescriptionComesFromTheRecordOrItsSuperEvent() throws {
        let own = OpenActiveFeedReader().read(page(#","description":"<p>Seated yoga.</p>""#), source: "Test")
        #expect(own.activities.first?.description == "Seated yoga.")
        let series = OpenActiveFeedReader().read(
            page(#","superEvent":{"type":"SessionSeries","description":"Yoga &amp; tea"}"#), source: "Test")
        #expect(series.activities.first?.description == "Yoga & tea")
        let none = OpenActiveFeedReader().read(page(#","description":42"#), source: "Test")
        #expect(none.activities.first?.description == nil)
        #expect(none.issues.map(\.path) == ["items[0].data.description"])
        let long = OpenActiveFeedReader().read(
            page(#","description":"\#(String(repeating: "é", count: 3000))""#), source: "Test")
        #expect(long.activities.first?.description == String(repeating: "é", count: 2048))
        #expect(long.issues.map(\.path) == ["items[0].data.description"])
        #expect(long.issues.first?.recordSkipped == false)
    }

    // MARK: - CSV

    @Test func aCSVDescriptionColumnIsRead() throws {
        let long = String(repeating: "word ", count: 1000)
        let csv = """
            id,name,About
            a-walk,Health walk,"A gentle walk round the park,
              then tea at the <b>café</b>."
            a-quiz,Quiz,
            a-long,Long,\(long)
            a-bad,,Has no name
            """
        let result = CSVActivityReader().read(Data(csv.utf8))
        #expect(result.activities.map(\.value.id) == ["a-walk", "a-quiz", "a-long"])
        // A spreadsheet's text is taken as written: angle brackets stay.
        #expect(
            result.activities[0].value.description == "A gentle walk round the park, then tea at the <b>café</b>.")
        #expect(result.activities[1].value.description == nil)
        let cut = try #require(result.activities[2].value.description)
        // 819 times "word " and a "w": 4096 bytes, cut where the bound falls.
        #expect(cut.utf8.count == 4096 && cut.hasPrefix("word word") && cut.hasSuffix("word w"))
        #expect(result.issues.map(\.path) == ["rows[4].description", "rows[5].name"])
        #expect(result.issues.first?.recordSkipped == false)
        #expect(result.issues.first?.reason.hasPrefix("is 4999 bytes of UTF-8") == true)
        // `description` itself is a column too, and makes an activity that compares equal.
        let plain = CSVActivityReader().read(Data("id,name,description\na-1,Walk,Round the park\n".utf8))
        #expect(plain.activities.first?.value == Activity(id: "a-1", name: "Walk", description: "Round the park"))
    }
}
