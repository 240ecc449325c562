import Foundation
import StitchImport
import StitchModel
import Testing

@Suite("CSV members and activities")
struct CSVReaderTests {
    func members(_ text: String) -> SourceImport { CSVMemberReader().read(Data(text.utf8)) }
    func activities(_ text: String) -> SourceImport { CSVActivityReader().read(Data(text.utf8)) }

    /// The issues as `path: reason`, for readable expectations.
    func paths(_ result: SourceImport) -> [String] { result.issues.map(\.path) }

    @Test func readsEveryMemberColumn() throws {
        let result = members(
            """
            id,name,offers,interests,needs,experiences,availability,lat,lon,travelKm,homeVisits,housebound,accessNeeds,languages,dbsChecked,birthYear,groups,wellbeing,avoid,active
            m-1,Ada,gardening; lifts,knitting,shopping,carer,Mon 10:00-12:00; Wed 14:00-16:30,51.45,-0.02,3.5,yes,no,Step-free;hearing-loop,English; Polish,TRUE,1950,gp-lee; tenants,connect=1; Be Active=0.5; give,m-2,1
            m-2,,,,,,,,,,,,,,,,,,,no
            """)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.recordCount == 2)
        let ada = try #require(result.members.first)
        #expect(ada.index == 2)
        let expected = Member(
            id: "m-1", name: "Ada", offers: ["gardening", "lifts"], interests: ["knitting"], needs: ["shopping"],
            experiences: ["carer"],
            availability: [Slot(.mon, "10:00", "12:00")!, Slot(.wed, "14:00", "16:30")!],
            location: Location(lat: 51.45, lon: -0.02), travelKm: 3.5, homeVisits: true, housebound: false,
            accessNeeds: [.stepFree, .hearingLoop], languages: ["en", "pl"], dbsChecked: true, birthYear: 1950,
            groups: ["gp-lee", "tenants"], wellbeing: FiveWays(connect: 1, beActive: 0.5, give: 1), avoid: ["m-2"],
            active: true)
        #expect(ada.value == expected)
        #expect(result.members.last?.value == Member(id: "m-2", active: false))
    }

    @Test func headerNamesAreMatchedLooselyInAnyOrderAndAliasesWork() throws {
        let result = members(
            """
            Travel km,\u{20}ID ,Skills,DBS,Latitude,Longitude
            2,m-1,cooking,y,51.5,0.1
            """)
        #expect(result.issues.isEmpty, "\(result.issues)")
        let m = try #require(result.members.first?.value)
        #expect(m.id == "m-1" && m.travelKm == 2 && m.offers == ["cooking"] && m.dbsChecked)
        #expect(m.location == Location(lat: 51.5, lon: 0.1))
    }

    @Test func unknownColumnsAreReportedOnceAndIgnored() {
        let result = members(
            """
            id,favourite colour,shoe size
            m-1,blue,9
            m-2,red,7
            """)
        #expect(result.members.map(\.value.id) == ["m-1", "m-2"])
        #expect(result.issues.count == 1)
        let issue = result.issues[0]
        #expect(issue.field == "header" && !issue.recordSkipped)
        #expect(issue.reason.hasPrefix("unknown columns 'favourite colour', 'shoe size' ignored"))
    }

    @Test func aMissingRequiredColumnStopsTheFile() {
        let result = activities("id,schedule\na-1,Mon 10:00-11:00\n")
        #expect(result.activities.isEmpty)
        #expect(result.issues.count == 1)
        #expect(result.issues[0].field == "header")
        #expect(result.issues[0].reason.hasPrefix("the required column 'name' is missing"))
        #expect(
            members("name,offers\nAda,cooking\n").issues.first?.reason.hasPrefix("the required column 'id'") == true)
    }

    @Test func aRepeatedColumnStopsTheFile() {
        let result = members("id,offers,Skills\nm-1,a,b\n")
        #expect(result.members.isEmpty)
        #expect(result.issues.first?.reason == "columns 'offers' and 'Skills' are both offers; keep one")
    }

    @Test(arguments: ["", "\n\n", " , ,\n"])
    func anEmptyFileIsOneIssue(text: String) {
        let result = members(text)
        #expect(result.members.isEmpty)
        #expect(result.issues.map(\.reason) == ["is empty; expected a header row naming the columns"])
    }

    @Test func aHeaderWithoutRowsIsEmptyButSound() {
        let result = members("id,name\n")
        #expect(result.members.isEmpty && result.issues.isEmpty && result.recordCount == 0)
    }

    @Test func textThatIsNotUTF8IsRefused() {
        // "José" in Latin-1, and a UTF-16 sheet with its byte-order mark.
        let latin1 = Data("id,name\nm-1,Jos".utf8) + Data([0xE9]) + Data("\n".utf8)
        let utf16 = "id,name\nm-1,Ada\n".data(using: .utf16)!
        for data in [latin1, utf16] {
            let result = CSVMemberReader().read(data)
            #expect(result.members.isEmpty)
            #expect(result.issues.count == 1)
            #expect(result.issues.first?.reason.hasPrefix("is not UTF-8 text") == true)
        }
    }

    @Test func aByteOrderMarkAndQuotedCellsAreRead() throws {
        let text = "\u{FEFF}id,name,offers\r\n\"m-1\",\"Smith, Ada\",\"lifts; \"\"odd jobs\"\"\"\r\n"
        let result = CSVMemberReader().read(Data(text.utf8))
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.members.first?.value.name == "Smith, Ada")
        #expect(result.members.first?.value.offers == ["lifts", "\"odd jobs\""])
    }

    /// A cell that cannot be used is reported with its row, column, value, reason and the forms
    /// accepted, and left empty; the row is kept unless the cell is one people's safety rests on.
    @Test func badCellsAreReportedAndLeftEmptyAndTheRowKept() {
        let result = members(
            """
            id,availability,lat,lon,birthYear,travelKm,housebound,accessNeeds,wellbeing
            m-good,Mon 10:00-12:00,51.4,0,1960,2,no,,
            m-day,Mun 10:00-12:00,,,,,,,
            m-time,Tue 10:00-25:00,,,,,,,
            m-backwards,Wed 09:00-10:00; Wed 14:00-12:00,,,,,,,
            m-shape,Thursday mornings,,,,,,,
            m-lat,,north,0,,,,,
            m-range,,123.4,0,,,,,
            m-half,,51.4,,,,,,
            m-year,,,,1850,,,,
            m-km,,,,,-3,,,
            m-bool,,,,,,maybe,,
            m-term,,,,,,,lift,
            m-goal,,,,,,,,connect=lots
            ,Mon 10:00-11:00,,,,,,,
            m-good,Fri 10:00-11:00,,,,,,,
            m-also-good,Monday 9:00 - 9:30,,,,,,,
            m-many,Mun 10-12,north,0,1850,-3,,ramp,
            """)
        #expect(
            result.members.map(\.value.id) == [
                "m-good", "m-day", "m-time", "m-backwards", "m-shape", "m-lat", "m-range", "m-half", "m-year", "m-km",
                "m-goal", "m-also-good", "m-many",
            ])
        let byID = Dictionary(uniqueKeysWithValues: result.members.map { ($0.value.id, $0.value) })
        #expect(byID["m-backwards"]?.availability == [Slot(.wed, "09:00", "10:00")!])
        #expect(byID["m-day"]?.availability == [])
        #expect(byID["m-range"]?.location == nil && byID["m-half"]?.location == nil)
        #expect(byID["m-year"]?.birthYear == nil && byID["m-km"]?.travelKm == nil)
        #expect(byID["m-goal"]?.wellbeing == nil)
        #expect(byID["m-also-good"]?.availability == [Slot(.mon, "09:00", "09:30")!])
        // Every problem of a row, not the first only.
        let many = byID["m-many"]
        #expect(many?.accessNeeds == [.stepFree] && many?.location == nil && many?.birthYear == nil)
        #expect(
            result.issues.filter { $0.index == 18 }.map(\.field) == ["availability", "lat", "travelKm", "birthYear"])
        let expected = [
            "rows[3].availability", "rows[4].availability", "rows[5].availability[1]", "rows[6].availability",
            "rows[7].lat", "rows[8].lat", "rows[9].lon", "rows[10].birthYear", "rows[11].travelKm", "rows[12].housebound",
            "rows[13].accessNeeds[0]", "rows[14].wellbeing.connect", "rows[15].id", "rows[16].id",
            "rows[18].availability", "rows[18].lat", "rows[18].travelKm", "rows[18].birthYear",
        ]
        #expect(paths(result) == expected)
        // Only housebound, an unknown access need, a missing id and a repeated id skip their row.
        #expect(result.issues.filter(\.recordSkipped).map(\.index) == [12, 13, 15, 16])
        let reasons = Dictionary(result.issues.map { ($0.path, $0.reason) }) { first, _ in first }
        #expect(
            reasons["rows[3].availability"]?.hasPrefix(
                "'Mun' is not a day or a time (did you mean 'mon'?); accepted: days as mon…sun, in full (Tuesday)") == true)
        #expect(reasons["rows[3].availability"]?.hasSuffix("; the cell is left empty") == true)
        #expect(reasons["rows[4].availability"]?.hasPrefix("'25:00' is not a time; accepted:") == true)
        #expect(
            reasons["rows[5].availability[1]"]?.hasPrefix(
                "'14:00-12:00' ends at 12:00 but starts at 14:00: the end must be after the start") == true)
        #expect(reasons["rows[5].availability[1]"]?.hasSuffix("; left out") == true)
        #expect(reasons["rows[6].availability"]?.hasPrefix("'mornings' is not a day or a time") == true)
        #expect(reasons["rows[7].lat"] == "'north' is not a number; expected a number, as 3 or 2.5; the cell is left empty")
        #expect(reasons["rows[8].lat"] == "latitude 123.4 is outside -90...90; left out")
        #expect(reasons["rows[9].lon"] == "is required when lat is given; the cell is left empty")
        #expect(reasons["rows[10].birthYear"] == "birthYear 1850 is out of range; expected 1900 to 2100; left out")
        #expect(
            reasons["rows[12].housebound"]
                == "'maybe' is not yes or no; accepted: yes, y, true, t, 1, ✓, ✔ for yes, no, n, false, f, 0, ✗, ✘ for no")
        #expect(reasons["rows[13].accessNeeds[0]"]?.hasPrefix("'lift' is not an access term; accepted: step-free") == true)
        #expect(reasons["rows[14].wellbeing.connect"]?.hasPrefix("'lots' is not a number") == true)
        #expect(reasons["rows[15].id"] == "is required")
        #expect(reasons["rows[16].id"] == "duplicate id 'm-good' (first on row 2)")
        #expect(result.issues.first { $0.index == 3 }?.id == "m-day")
    }

    @Test func readsActivitiesAndChecksThemAsTheModelDoes() throws {
        let result = activities(
            """
            ID,Name,Organisation,Topics,Wellbeing,Schedule,Lat,Lon,Online,Capacity,Enrolled,Access,Cost,Age min,Age max,Buddy welcome,Groups,Attribution
            a-walk,Health walk,Lee Ramblers,walking; nature,Be Active; take notice,Tue 10:00-11:30,51.45,-0.01,no,20,4,wheelchair; hearing-loop,£2.50,50,,yes,lee-ramblers,Lee Ramblers
            a-zoom,Online quiz,,quizzes,connect,Thu 19:00-20:00,,,yes,,,,0,,,no,,
            a-ages,Youth club,,,,,,,,,,,,18,12,,,
            a-full,Choir,,,,,,,,10,12,,,,,,,
            a-way,Chess,,,thinking,,,,,,,,,,,,,
            a-count,Pottery,,,,,,,,2.5,,,,,,,,
            a-cost,Lunch,,,,,,,,,,,-4,,,,,
            a-sched,Tea,,,,Sun 16:00-15:00,,,,,,,,,,,,
            """)
        #expect(
            result.activities.map(\.value.id) == ["a-walk", "a-zoom", "a-full", "a-way", "a-count", "a-cost", "a-sched"])
        let walk = try #require(result.activities.first?.value)
        #expect(
            walk
                == Activity(
                    id: "a-walk", name: "Health walk", organisation: "Lee Ramblers", topics: ["walking", "nature"],
                    wellbeing: [.beActive, .takeNotice], schedule: [Slot(.tue, "10:00", "11:30")!],
                    location: Location(lat: 51.45, lon: -0.01), online: false, capacity: 20, enrolled: 4,
                    access: [.wheelchair, .hearingLoop], cost: 2.5, ageMin: 50, ageMax: nil, buddyWelcome: true,
                    groups: ["lee-ramblers"], attribution: "Lee Ramblers"))
        #expect(result.activities[1].value.online && !result.activities[1].value.buddyWelcome)
        #expect(result.activities[1].value.cost == 0)
        #expect(
            paths(result) == [
                "rows[4].ageMax", "rows[6].wellbeing[0]", "rows[7].capacity", "rows[8].cost", "rows[9].schedule",
            ])
        // An upside-down age range skips the row (who may go); the rest lose the cell only.
        #expect(result.issues.map(\.recordSkipped) == [true, false, false, false, false])
        #expect(result.issues.first?.reason == "ageMax 12 is below ageMin 18")
        // Over capacity is a community-level check, left to the import's merge (CommunityMergeTests).
        #expect(result.activities[2].value.enrolled == 12 && result.activities[2].value.capacity == 10)
        #expect(result.activities.map(\.value.cost)[5] == nil)
    }

    @Test func aRowWithMoreCellsThanTheHeaderIsSkipped() {
        let result = members("id,name\nm-1,Ada,extra\nm-2,Bob,\nm-3\n")
        #expect(result.members.map(\.value.id) == ["m-2", "m-3"])
        #expect(paths(result) == ["rows[2]"])
        #expect(result.issues.first?.reason == "has 3 cells but the header has 2 columns")
    }
}
