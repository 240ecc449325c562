import Foundation
import StitchModel
import Testing

/// Every record refuses a key it does not have, naming the key and the nearest known one, and
/// one nearest-word rule answers every "did you mean".
@Suite("Unknown keys are refused, with the key meant")
struct StrictKeysTests {
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

    @Test func everyRecordRefusesAMisspeltKey() {
        let cases: [(ValidationError?, String, String)] = [
            (Self.error(Member.self, #"{"id":"m-1","offer":[]}"#), "offer", "unknown field 'offer'; did you mean 'offers'?"),
            (Self.error(Activity.self, #"{"id":"a-1","name":"Walk","topic":[]}"#), "topic", "unknown field 'topic'; did you mean 'topics'?"),
            (Self.error(Exchange.self, #"{"giver":"m-1","receiver":"m-2","hours":1,"hour":1}"#), "hour", "unknown field 'hour'; did you mean 'hours'?"),
            (Self.error(Attendance.self, #"{"member":"m-1","activity":"a-1","when":"x"}"#), "when", "unknown field 'when'; expected one of member, activity, date"),
            (Self.error(HelpRequest.self, #"{"requester":"m-1","skill":"x","atHom":true}"#), "atHom", "unknown field 'atHom'; did you mean 'atHome'?"),
            (Self.error(Referral.self, #"{"person":"m-1","goal":{}}"#), "goal", "unknown field 'goal'; did you mean 'goals'?"),
            (Self.error(Outcome.self, #"{"subject":"m-1","candidate":"a-1","accepted":true,"wellbeingAftr":1}"#), "wellbeingAftr", "unknown field 'wellbeingAftr'; did you mean 'wellbeingAfter'?"),
            (Self.error(Location.self, #"{"lat":51,"long":0}"#), "long", "unknown field 'long'; did you mean 'lon'?"),
            (Self.error(Slot.self, #"{"day":"tue","start":"10:00","end":"11:00","ends":"12:00"}"#), "ends", "unknown field 'ends'; did you mean 'end'?"),
            (Self.error(SkillTaxonomy.self, #"{"skills":[{"id":"x","synonym":[]}]}"#), "skills[0].synonym", "unknown field 'synonym'; did you mean 'synonyms'?"),
            (Self.error(Community.self, #"{"members":[{"id":"m-1","wellbeing":{"conect":1}}]}"#), "members[0].wellbeing.conect", "unknown wellbeing way 'conect'; expected one of connect, beActive, keepLearning, takeNotice, give; did you mean 'connect'?"),
        ]
        for (error, field, reason) in cases {
            #expect(error == ValidationError(field: field, reason: reason), "\(String(describing: error))")
        }
        // Several unknown keys: the first in order, whatever order the decoder lists them in.
        #expect(Self.error(Member.self, #"{"id":"m-1","zzz":1,"neds":[],"aaa":2}"#)?.field == "aaa")
    }

    @Test func aRecordWithOnlyItsOwnKeysReadsAsBefore() throws {
        let member = try JSONDecoder().decode(Member.self, from: Data(#"{"id":"m-1","offers":["x"],"active":false}"#.utf8))
        #expect(member == Member(id: "m-1", offers: ["x"], active: false))
        let all = try JSONEncoder().encode(Member(id: "m-1", location: Location(lat: 51, lon: 0), wellbeing: FiveWays(connect: 1)))
        #expect(throws: Never.self) { try JSONDecoder().decode(Member.self, from: all) }
    }

    @Test func whatIsNotACommunityIsSaidToBeNone() {
        #expect(Community.notACommunityReason(keys: ["members"]) == nil)
        #expect(Community.notACommunityReason(keys: ["member"]) == nil, "a misspelt key is named by the key check")
        #expect(Community.notACommunityReason(keys: ["skills"])?.contains("skills taxonomy") == true)
        #expect(Community.notACommunityReason(keys: [])?.hasSuffix("and this one has none of them") == true)
        #expect(Community.notACommunityReason(keys: nil)?.hasSuffix("and this is not an object") == true)
        #expect(Self.error(Community.self, "[]")?.reason.hasPrefix("not a community") == true)
    }

    @Test func theNearestWordIsOneTypingSlipAway() {
        #expect(NearestWord.nearest(to: "offer", among: ["id", "offers", "needs"]) == "offers")
        #expect(NearestWord.nearest(to: "giv", among: ["give", "refer"]) == "give")
        #expect(NearestWord.nearest(to: "Offers", among: ["offers"]) == "offers", "letter case is not a slip")
        #expect(NearestWord.nearest(to: "m-artur", among: ["m-arthur", "m-ada"]) == "m-arthur")
        #expect(NearestWord.nearest(to: "availabilty", among: ["availability", "active"]) == "availability")
        #expect(NearestWord.nearest(to: "dya", among: ["day", "start", "end"]) == "day", "a swap is one edit")
        #expect(NearestWord.nearest(to: "xyzzy", among: ["id", "name"]) == nil)
        #expect(NearestWord.nearest(to: "m-1", among: ["m-2", "m-3"]) == nil, "another id, not a slip")
        #expect(NearestWord.nearest(to: "m-12", among: ["m-13"]) == nil)
        #expect(NearestWord.nearest(to: "wed", among: ["wod", "wad"]) == "wad", "ties go to the first in order")
        #expect(NearestWord.nearest(to: "", among: ["a"]) == nil)
        #expect(NearestWord.distance("kitten", "sitting") == 3)
        #expect(NearestWord.distance("ab", "ba") == 1)
        #expect(NearestWord.unknownID("member", "m-artur", nearest: "m-arthur") == "unknown member id 'm-artur'; did you mean 'm-arthur'?")
        #expect(AccessTerm.unknownNameReason("step free", kind: "access term").hasSuffix("; did you mean 'step-free'?"))
    }

    @Test func unknownIdsInACommunityNameTheNearest() {
        let community = Community(
            members: [Member(id: "m-arthur"), Member(id: "m-vera", avoid: ["m-artur"])],
            exchanges: [Exchange(giver: "m-vera", receiver: "m-arthr", hours: 1)])
        #expect(
            community.validationErrors().map(\.description) == [
                "members[1].avoid[0]: unknown member id 'm-artur'; did you mean 'm-arthur'?",
                "exchanges[0].receiver: unknown member id 'm-arthr'; did you mean 'm-arthur'?",
            ])
    }
}
