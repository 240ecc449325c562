import Foundation
import StitchModel
import Testing

/// Decodes a community file and returns the first error as a field path and reason.
private func firstError(_ json: String) -> ValidationError? {
    do {
        let community = try JSONDecoder().decode(Community.self, from: Data(json.utf8))
        return community.validationErrors().first
    } catch let error as DecodingError {
        return ValidationError(error)
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

private func members(_ body: String) -> String { #"{"members":[{"id":"m-1"},"# + body + "]}" }

struct BadCommunityCase: Sendable, CustomTestStringConvertible {
    let json: String
    let field: String
    let reason: String
    var testDescription: String { "\(field): \(reason)" }
}

@Suite("Community validation names the bad field")
struct ValidationTests {
    static let cases: [BadCommunityCase] = [
        .init(json: members(#"{"id":"m-2","availability":[{"day":"wod","start":"10:00","end":"12:00"}]}"#),
              field: "members[1].availability[0].day", reason: "unknown day 'wod'"),
        .init(json: members(#"{"id":"m-2","availability":[{"day":"wed","start":"14:00","end":"12:00"}]}"#),
              field: "members[1].availability[0].end", reason: "is not after start"),
        .init(json: members(#"{"id":"m-2","availability":[{"day":"wed","start":"25:00","end":"26:00"}]}"#),
              field: "members[1].availability[0].start", reason: "is not a time"),
        .init(json: members(#"{"id":"m-2","availability":[{"day":"wed","start":"+1:00","end":"12:00"}]}"#),
              field: "members[1].availability[0].start", reason: "is not a time"),
        .init(json: members(#"{"id":"m-2","availability":[{"day":"wed","start":"10:-5","end":"12:00"}]}"#),
              field: "members[1].availability[0].start", reason: "is not a time"),
        .init(json: members(#"{"id":"m-2","location":{"lat":91,"lon":0}}"#), field: "members[1].location.lat", reason: "outside -90...90"),
        .init(json: members(#"{"id":"m-2","location":{"lat":51,"lon":-181}}"#), field: "members[1].location.lon", reason: "outside -180...180"),
        .init(json: members(#"{"id":"m-2","travelKm":-1}"#), field: "members[1].travelKm", reason: "non-negative"),
        .init(json: members(#"{"id":"m-2","accessNeeds":["stepfree"]}"#), field: "members[1].accessNeeds[0]", reason: "unknown access term"),
        .init(json: members(#"{"id":"m-2","wellbeing":{"connect":2}}"#), field: "members[1].wellbeing.connect", reason: "connect 2.0 is out of range; expected 0 to 1"),
        .init(json: members(#"{"id":"m-2","wellbeing":{"beactive":1}}"#), field: "members[1].wellbeing.beactive", reason: "unknown wellbeing way 'beactive'; expected one of connect, beActive"),
        .init(json: members(#"{"id":"m-1"}"#), field: "members[1].id", reason: "duplicate member id"),
        .init(json: members(#"{"id":""}"#), field: "members[1].id", reason: "must not be empty"),
        .init(json: members(#"{"name":"No id"}"#), field: "members[1].id", reason: "is required"),
        .init(json: members(#"{"id":"m-2","avoid":["m-9"]}"#), field: "members[1].avoid[0]", reason: "unknown member id 'm-9'"),
        .init(json: members(#"{"id":"m-2","avoid":["m-2"]}"#), field: "members[1].avoid[0]", reason: "cannot avoid themself"),
        .init(json: members(#"{"id":"m-2","birthYear":1800}"#), field: "members[1].birthYear", reason: "birthYear 1800 is out of range; expected 1900 to 2100"),
        .init(json: members(#"{"id":"m-2","offers":"gardening"}"#), field: "members[1].offers", reason: "expected an array"),
        .init(json: members(#"{"id":"m-2","homeVisits":"yes"}"#), field: "members[1].homeVisits", reason: "expected true or false"),
        .init(json: #"{"activities":[{"id":"a-1","name":"Walk","capacity":-3}]}"#, field: "activities[0].capacity", reason: "must not be negative"),
        .init(json: #"{"activities":[{"id":"a-1"}]}"#, field: "activities[0].name", reason: "is required"),
        .init(json: #"{"activities":[{"id":"a-1","name":"Walk","capacity":5,"enrolled":6}]}"#, field: "activities[0].enrolled", reason: "exceeds capacity"),
        .init(json: #"{"activities":[{"id":"a-1","name":"Walk","wellbeing":["beHappy"]}]}"#, field: "activities[0].wellbeing[0]", reason: "unknown wellbeing way 'beHappy'"),
        .init(json: #"{"activities":[{"id":"a-1","name":"Walk","ageMin":60,"ageMax":20}]}"#, field: "activities[0].ageMax", reason: "below ageMin"),
        .init(json: #"{"activities":[{"id":"a-1","name":"A"},{"id":"a-1","name":"B"}]}"#, field: "activities[1].id", reason: "duplicate activity id"),
        .init(json: members(#"{"id":"m-2"}],"exchanges":[{"giver":"m-1","receiver":"m-2","hours":-1}"#), field: "exchanges[0].hours", reason: "non-negative"),
        .init(json: members(#"{"id":"m-2"}],"exchanges":[{"giver":"m-1","receiver":"m-2"}"#), field: "exchanges[0].hours", reason: "is required"),
        .init(json: members(#"{"id":"m-2"}],"exchanges":[{"giver":"m-1","receiver":"m-9","hours":1}"#), field: "exchanges[0].receiver", reason: "unknown member id 'm-9'"),
        .init(json: members(#"{"id":"m-2"}],"exchanges":[{"giver":"m-1","receiver":"m-1","hours":1}"#), field: "exchanges[0].receiver", reason: "cannot give to themself"),
        .init(json: members(#"{"id":"m-2"}],"exchanges":[{"giver":"m-1","receiver":"m-2","hours":1,"date":"2026-02-30"}"#), field: "exchanges[0].date", reason: "is not a date"),
        .init(json: members(#"{"id":"m-2"}],"attendance":[{"member":"m-1","activity":"a-9"}"#), field: "attendance[0].activity", reason: "unknown activity id 'a-9'"),
    ]

    @Test(arguments: cases)
    func badFieldIsNamed(_ c: BadCommunityCase) throws {
        let error = try #require(firstError(c.json))
        #expect(error.field == c.field)
        #expect(error.reason.contains(c.reason), "reason was: \(error.reason)")
    }

    @Test func soundCommunityHasNoErrors() throws {
        let json = #"""
            {"members":[{"id":"m-1","availability":[{"day":"wed","start":"13:00","end":"17:00"}],
                         "location":{"lat":51.4452,"lon":-0.0209},"accessNeeds":["wheelchair"],"avoid":["m-2"]},
                        {"id":"m-2"}],
             "activities":[{"id":"a-1","name":"Walk","capacity":10,"enrolled":10,"access":["step-free"]}],
             "exchanges":[{"id":"x-1","giver":"m-1","receiver":"m-2","hours":1.5,"date":"2026-03-04"}],
             "attendance":[{"member":"m-1","activity":"a-1","date":"2026-03-05"}]}
            """#
        let community = try JSONDecoder().decode(Community.self, from: Data(json.utf8))
        #expect(community.validationErrors().isEmpty)
        #expect(community.members[0].availability[0].minutes == 240)
        #expect(community.activities[0].remainingPlaces == 0)
    }

    @Test func requestNeedsRequesterOrLocation() throws {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HelpRequest.self, from: Data(#"{"skill":"shopping"}"#.utf8)) }
        let ok = try JSONDecoder().decode(HelpRequest.self, from: Data(#"{"skill":"shopping","location":{"lat":51.4,"lon":0}}"#.utf8))
        #expect(ok.requester == nil)
    }

    @Test func roundTripKeepsEveryField() throws {
        let member = Member(
            id: "m-1", name: "Bee", offers: ["poetry"], interests: ["dogs"], needs: ["shopping"], experiences: ["x"],
            availability: [Slot(.wed, "13:00", "17:00")!], location: Location(lat: 51.4, lon: -0.02), travelKm: 2,
            homeVisits: true, housebound: true, accessNeeds: [.stepFree], languages: ["en"], dbsChecked: true, birthYear: 1976,
            groups: ["slam-ward"], wellbeing: FiveWays(connect: 1), avoid: ["m-2"], active: false)
        let data = try JSONEncoder().encode(member)
        #expect(try JSONDecoder().decode(Member.self, from: data) == member)
    }
}

@Suite struct CalendarTests {
    @Test func datesRoundTripAndKnowTheirWeekday() throws {
        let date = try #require(CalendarDate(parsing: "2026-11-21"))
        #expect(date.description == "2026-11-21")
        #expect(date.weekday == .sat)
        #expect(CalendarDate(parsing: "2024-02-29") != nil)
        #expect(CalendarDate(parsing: "2023-02-29") == nil)
        for n in stride(from: -50_000, through: 50_000, by: 997) {
            let d = CalendarDate(dayNumber: n)
            #expect(CalendarDate(parsing: d.description) == d)
        }
    }

    @Test func taxonomyNormalisesTerms() {
        #expect(SkillTaxonomy.normalise("  Lift to   Hospital ") == "lift-to-hospital")
        #expect(SkillTaxonomy.normalise("lift_to_hospital") == "lift-to-hospital")
    }
}
