import Foundation
import StitchImport
import StitchModel
import Testing

@Suite("Open Referral UK services")
struct OpenReferralReaderTests {
    /// A minimal active service (JSON text); fields can be added or replaced.
    func service(
        id: String = "s-1", name: String = "Lee Health Walk", extra: String = "",
        location: String =
            #"{"id":"loc-1","location_type":"physical","name":"Manor House","latitude":51.455,"longitude":-0.012}"#,
        schedules: String = #"[{"id":"sc-1","freq":"WEEKLY","byday":"TU,TH","opens_at":"10:00","closes_at":"11:30"}]"#,
        places: String? = nil
    ) -> String {
        #"{"id":"\#(id)","name":"\#(name)","status":"active","organization":{"id":"o-1","name":"Lee Ramblers"},"#
            + #""schedules":\#(schedules),"service_at_locations":\#(places ?? #"[{"id":"sal-1","location":\#(location)}]"#)"#
            + #"\#(extra)}"#
    }

    func read(_ text: String, asOf: CalendarDate? = nil) -> SourceImport {
        OpenReferralReader(asOf: asOf).read(Data(text.utf8))
    }

    @Test func readsTheSpecificationsFullExampleService() throws {
        let result = OpenReferralReader().read(try RepositoryFiles.data(RepositoryFiles.openReferralService))
        #expect(result.recordCount == 1)
        let activity = try #require(result.activities.first?.value)
        #expect(result.activities.count == 1)
        #expect(activity.id == "oruk-ac148810-d857-441c-9679-408f346de14b")
        #expect(activity.name == "Community Counselling")
        #expect(activity.organisation == "Example Organization Inc.")
        #expect(activity.groups == ["example-organization-inc"])
        // The service-at-location's schedule: Thursdays and Fridays 10:00-18:00.
        #expect(activity.schedule == [Slot(.thu, "10:00", "18:00")!, Slot(.fri, "10:00", "18:00")!])
        // "induction loops for hearing aids… Wheelchair access is possible on all levels."
        #expect(activity.access == [.wheelchair, .hearingLoop])
        #expect(activity.topics == ["name"])
        #expect(activity.cost == 35)
        #expect(activity.ageMin == 12 && activity.ageMax == 100)
        #expect(activity.attribution == "Example Organization Inc. via Open Referral UK, CC BY-SA 4.0")
        // Latitude 100 is the example's placeholder: the location is reported and left out.
        #expect(activity.location == nil && !activity.online)
        #expect(
            result.issues.map(\.description) == [
                "$[0] (ac148810-d857-441c-9679-408f346de14b) service_at_locations[0].location.latitude: "
                    + "latitude 100.0 is outside -90...90; left out; field ignored"
            ])
    }

    @Test func schedulesAndPricesThatHaveEndedAreLeftOutAsOfADate() throws {
        let result = OpenReferralReader(asOf: CalendarDate(year: 2026, month: 1, day: 1))
            .read(try RepositoryFiles.data(RepositoryFiles.openReferralService))
        let activity = try #require(result.activities.first?.value)
        #expect(activity.schedule.isEmpty)
        #expect(activity.cost == nil)
        #expect(
            result.issues.map(\.path).sorted() == [
                "$[0].schedules[0].valid_to", "$[0].service_at_locations[0].location.latitude",
                "$[0].service_at_locations[0].schedules[0].valid_to",
            ])
        #expect(result.issues.first?.reason == "the schedule ended on 2005-01-01; the schedule is left out")
    }

    @Test func readsAnArrayAndAPaginatedPage() {
        let two = "[\(service(id: "s-1")),\(service(id: "s-2", name: "Knit and Natter"))]"
        let array = read(two)
        #expect(array.activities.map(\.value.id) == ["oruk-s-1", "oruk-s-2"])
        #expect(array.issues.isEmpty, "\(array.issues)")
        let page = read(
            #"{"total_items":2,"total_pages":1,"page_number":1,"size":2,"first_page":true,"last_page":true,"#
                + #""empty":false,"license":"https://creativecommons.org/licenses/by/4.0/","contents":\#(two)}"#)
        #expect(page.activities.map(\.value.id) == ["oruk-s-1", "oruk-s-2"])
        #expect(page.list == "contents")
        #expect(page.activities.first?.value.attribution == "Lee Ramblers via Open Referral UK, CC BY 4.0")
        let walk = page.activities[0].value
        #expect(walk.schedule == [Slot(.tue, "10:00", "11:30")!, Slot(.thu, "10:00", "11:30")!])
        #expect(walk.location == Location(lat: 51.455, lon: -0.012))
        #expect(walk.wellbeing == [.beActive])
        #expect(walk.topics.isEmpty && walk.access.isEmpty && walk.cost == nil)
    }

    @Test func mapsTermsWaysAccessAndCosts() throws {
        let extra =
            #","attributes":[{"id":"at-1","taxonomy_term":{"id":"t-1","name":"Social Clubs","description":"d"}},"#
            + #"{"id":"at-2","taxonomy_term":{"id":"t-2","name":"Arts and crafts","description":"d"}},"#
            + #"{"id":"at-3","taxonomy_term":{"id":"t-3","name":"Volunteering","description":"d"}}],"#
            + #""cost_options":[{"id":"c-1","amount":4.5,"currency":"GBP"},{"id":"c-2","amount":2,"option":"Concessions"},"#
            + #"{"id":"c-3","amount":1,"currency":"USD"},{"id":"c-4","amount":-1}]"#
        let location =
            #"{"id":"loc-1","location_type":"physical","latitude":51.4,"longitude":0,"accessibility":["#
            + #"{"id":"ac-1","description":"Level access from the street, but no hearing loop. Accessible toilet on site."},"#
            + #"{"id":"ac-2","description":"Unfortunately the lift is not wheelchair accessible","details":"There are no steps at the back door"},"#
            + #"{"id":"ac-3","description":"Free tea","attributes":[{"id":"x","taxonomy_term":{"id":"y","name":"Dementia friendly","description":"d"}}]}]}"#
        let result = read(service(name: "Craft Café", extra: extra, location: location))
        let activity = try #require(result.activities.first?.value)
        #expect(activity.topics == ["social-clubs", "arts-and-crafts", "volunteering"])
        #expect(activity.wellbeing == [.connect, .takeNotice, .give])
        #expect(activity.access == [.stepFree, .accessibleToilet, .dementiaFriendly])
        #expect(activity.cost == 2)
        #expect(result.issues.map(\.path) == ["$[0].cost_options[2].currency", "$[0].cost_options[3].amount"])
        #expect(result.issues.allSatisfy { !$0.recordSkipped })
    }

    /// A taxonomy term in the plural names the Five Ways its singular does: "Lunch Clubs" connects.
    @Test func pluralTermsNameTheirWays() throws {
        let extra =
            #","attributes":[{"id":"at-1","taxonomy_term":{"id":"t-1","name":"Lunch Clubs","description":"d"}},"#
            + #"{"id":"at-2","taxonomy_term":{"id":"t-2","name":"Coffee Mornings","description":"d"}}]"#
        let activity = try #require(read(service(name: "Wednesday lunch", extra: extra)).activities.first?.value)
        #expect(activity.topics == ["lunch-clubs", "coffee-mornings"])
        #expect(activity.wellbeing == [.connect])
    }

    /// A location's UK postcode is kept, for `--postcodes` to locate an activity without coordinates.
    @Test func aLocationsPostcodeIsKept() throws {
        let located =
            #"{"id":"loc-1","location_type":"physical","latitude":51.4,"longitude":0,"addresses":["#
            + #"{"id":"ad-1","postal_code":"SE13 9ZZ","address_type":"postal"},"#
            + #"{"id":"ad-2","postal_code":"se136lh","address_type":"physical","country":"GB"}]}"#
        let first = try #require(read(service(location: located)).activities.first?.value)
        #expect(first.postcode == Postcode("SE13 6LH") && first.location == Location(lat: 51.4, lon: 0))

        let postcodeOnly =
            #"{"id":"loc-1","location_type":"physical","addresses":[{"id":"ad-1","postal_code":"SE13 6L"},"#
            + #"{"id":"ad-2","postal_code":"N1 9GU"}]}"#
        let result = read(service(location: postcodeOnly))
        let second = try #require(result.activities.first?.value)
        #expect(second.postcode == Postcode("N1 9GU") && second.location == nil)
        #expect(
            result.issues.map(\.path) == [
                "$[0].service_at_locations[0].location.addresses[0].postal_code", "$[0].service_at_locations[0].location",
            ])
        #expect(result.issues.last?.reason.hasPrefix("has no latitude and longitude; the activity has its postcode N1 9GU only") == true)

        // Another country's postal code is not a UK postcode: nothing to note.
        let abroad = #"{"id":"loc-1","latitude":40,"longitude":-70,"addresses":[{"id":"a","postal_code":"ABC 1234","country":"US"}]}"#
        let third = read(service(location: abroad))
        #expect(third.activities.first?.value.postcode == nil && third.issues.isEmpty)
    }

    @Test func aVirtualLocationIsOnlineAndSeveralLocationsAreSeveralActivities() {
        let places =
            #"[{"id":"sal-a","location":{"id":"loc-a","location_type":"virtual","name":"Zoom"}},"#
            + #"{"id":"sal-b","location_id":"loc-b","schedules":[{"id":"x","byday":"SA","opens_at":"09:00:00Z","closes_at":"00:00"}]}]"#
        let extra =
            #","locations":[{"id":"loc-b","location_type":"physical","name":"Library","latitude":51.5,"longitude":-0.1}]"#
        let result = read(service(extra: extra, places: places))
        #expect(result.activities.map(\.value.id) == ["oruk-s-1-loc-a", "oruk-s-1-loc-b"])
        #expect(result.activities.map(\.value.name) == ["Lee Health Walk at Zoom", "Lee Health Walk at Library"])
        #expect(result.activities[0].value.online && result.activities[0].value.location == nil)
        #expect(result.activities[0].value.schedule.count == 2)  // the service's own schedule
        #expect(result.activities[1].value.location == Location(lat: 51.5, lon: -0.1))
        #expect(
            result.activities[1].value.schedule == [
                Slot(day: .sat, start: TimeOfDay(hour: 9)!, end: TimeOfDay(hour: 24)!)!
            ])
    }

    @Test func monthlyRulesByWeekdayGiveThatWeekday() {
        let schedules =
            #"[{"id":"m","freq":"MONTHLY","byday":"2MO,-1FR","opens_at":"14:00:00","closes_at":"16:00:00"}]"#
        let result = read(service(schedules: schedules))
        #expect(
            result.activities.first?.value.schedule == [Slot(.mon, "14:00", "16:00")!, Slot(.fri, "14:00", "16:00")!])
    }

    @Test func badSchedulesAreReportedAndTheServiceKept() throws {
        let schedules =
            #"[{"id":"a","freq":"WEEKLY","byday":"MO,XX","opens_at":"10:00","closes_at":"11:00"},"#
            + #"{"id":"b","freq":"WEEKLY","byday":"TU","opens_at":"25:00","closes_at":"26:00"},"#
            + #"{"id":"c","freq":"WEEKLY","byday":"WE","opens_at":"14:00","closes_at":"12:00"},"#
            + #"{"id":"d","freq":"DAILY","byday":"TH","opens_at":"10:00","closes_at":"11:00"},"#
            + #"{"id":"e","freq":"WEEKLY","byday":"FR","opens_at":"10:00"},"#
            + #"{"id":"f","freq":"WEEKLY","byday":"2SA","opens_at":"10:00","closes_at":"11:00"},"#
            + #""not a schedule","#
            + #"{"id":"g","byday":"su","opens_at":"10:00","closes_at":"12:00"}]"#
        let result = read(service(schedules: schedules))
        let activity = try #require(result.activities.first?.value)
        #expect(activity.schedule == [Slot(.sun, "10:00", "12:00")!])
        let reasons = Dictionary(uniqueKeysWithValues: result.issues.map { ($0.path, $0.reason) })
        #expect(
            result.issues.map(\.path) == [
                "$[0].schedules[0].byday", "$[0].schedules[1].opens_at", "$[0].schedules[2].closes_at",
                "$[0].schedules[3].freq", "$[0].schedules[4].closes_at", "$[0].schedules[5].byday", "$[0].schedules[6]",
            ])
        #expect(
            reasons["$[0].schedules[0].byday"]
                == "'XX' is not a day; expected MO, TU, WE, TH, FR, SA or SU; the schedule is left out")
        #expect(
            reasons["$[0].schedules[1].opens_at"] == "'25:00' is not a time; expected HH:MM; the schedule is left out")
        #expect(reasons["$[0].schedules[2].closes_at"] == "12:00 is not after opens_at 14:00; the schedule is left out")
        #expect(result.issues.allSatisfy { !$0.recordSkipped })
    }

    @Test func badServicesAreSkippedAndGoodOnesKept() {
        let badLocation = #"{"id":"loc-9","location_type":"physical","latitude":"north","longitude":0}"#
        let text =
            "[\(service(id: "good")),"
            + #"{"name":"No id","status":"active"},"#
            + #"{"id":"no-name","status":"active"},"#
            + #"{"id":"closed","name":"Old club","status":"defunct"},"#
            + #""a string","#
            + "\(service(id: "good")),"
            + "\(service(id: "ages", extra: #","minimum_age":18,"maximum_age":12"#)),"
            + "\(service(id: "bad-lat", location: badLocation)),"
            + #"{"id":"no-status","name":"Drop-in"}]"#
        let result = read(text)
        #expect(result.recordCount == 9)
        #expect(result.activities.map(\.value.id) == ["oruk-good", "oruk-ages", "oruk-bad-lat", "oruk-no-status"])
        #expect(result.activities.map(\.index) == [0, 6, 7, 8])
        #expect(
            result.issues.map(\.description) == [
                "$[1] id: is required; record skipped",
                "$[2] (no-name) name: is required; record skipped",
                "$[3] (closed) status: 'defunct' is not active; record skipped",
                "$[4] $: expected a service object, found a string; record skipped",
                "$[5] (good) id: duplicate service id 'good' (an earlier service has it); record skipped",
                "$[6] (ages) maximum_age: ageMax 12 is below ageMin 18; left out; field ignored",
                "$[7] (bad-lat) service_at_locations[0].location.latitude: expected a number; left out; field ignored",
                "$[8] (no-status) status: is missing; the service is taken as active; field ignored",
            ])
        #expect(result.activities[1].value.ageMin == 18 && result.activities[1].value.ageMax == nil)
        #expect(result.activities[2].value.location == nil)
    }

    @Test(arguments: ["", "not json", "{\"contents\": 3}", "42"])
    func aDocumentThatHoldsNoServicesIsOneIssue(text: String) {
        let result = read(text)
        #expect(result.activities.isEmpty)
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.index == nil)
    }

    @Test func theAccessRulesTakeOnlyWhatIsClearlyStated() {
        func terms(_ text: String) -> [AccessTerm] {
            let location =
                #"{"id":"l","location_type":"physical","latitude":51,"longitude":0,"accessibility":[{"id":"a","description":"\#(text)"}]}"#
            return read(service(location: location)).activities.first?.value.access ?? []
        }
        #expect(terms("Step-free access via a ramp; BSL interpreter on request") == [.stepFree, .bsl])
        #expect(terms("The hall is not wheelchair accessible") == [])
        #expect(terms("No hearing loop, but large print menus") == [.largePrint])
        #expect(terms("Changing Places toilet and blue badge parking") == [.changingPlaces, .parking])
        #expect(terms("Lovely garden with views") == [])
    }
}
