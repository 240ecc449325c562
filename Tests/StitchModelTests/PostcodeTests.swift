import Foundation
import StitchModel
import Testing

/// UK postcodes on members and activities: any case and spacing read to the standard form, and
/// anything without a postcode's shape refused with the field named.
@Suite("Postcodes")
struct PostcodeTests {
    @Test(arguments: [
        ("se136lh", "SE13 6LH"), (" SE13  6LH ", "SE13 6LH"), ("Se13 6lh", "SE13 6LH"), ("n19gu", "N1 9GU"),
        ("EC1A 1BB", "EC1A 1BB"), ("w1d3qf", "W1D 3QF"), ("M1 1AE", "M1 1AE"), ("B33 8TH", "B33 8TH"),
        ("cr2 6xh", "CR2 6XH"), ("DN55 1PT", "DN55 1PT"), ("gir0aa", "GIR 0AA"),
    ])
    func postcodesAreReadInAnyCaseAndSpacing(raw: String, standard: String) {
        #expect(Postcode(raw)?.text == standard)
    }

    @Test(arguments: ["SE13", "SE13 6L", "SE13 66H", "13SE 6LH", "SE1356LH", "", "SE13-6LH", "ŠE13 6LH", "SE13 6LHX"])
    func shapesThatAreNotPostcodesAreRefused(raw: String) {
        #expect(Postcode(raw) == nil)
    }

    @Test func membersAndActivitiesCarryAPostcodeInItsStandardForm() throws {
        let member = try JSONDecoder().decode(Member.self, from: Data(#"{"id": "m-1", "postcode": "se13 6lh"}"#.utf8))
        #expect(member.postcode?.text == "SE13 6LH")
        #expect(member.location == nil)
        let activity = try JSONDecoder().decode(
            Activity.self, from: Data(#"{"id": "a-1", "name": "Walk", "postcode": "SE136LH"}"#.utf8))
        #expect(activity.postcode == Postcode("SE13 6LH"))
        // Written back in the standard form, and read again to the same record.
        let encoded = try JSONEncoder().encode(member)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""postcode":"SE13 6LH""#))
        #expect(try JSONDecoder().decode(Member.self, from: encoded) == member)
    }

    @Test func aBadPostcodeIsRefusedWithItsField() throws {
        do {
            _ = try JSONDecoder().decode(Member.self, from: Data(#"{"id": "m-1", "postcode": "SE13"}"#.utf8))
            Issue.record("an outward code alone was read as a postcode")
        } catch let error as DecodingError {
            let problem = ValidationError(error)
            #expect(problem.field == "postcode")
            #expect(
                problem.reason
                    == "'SE13' is not a UK postcode; expected a UK postcode such as SE13 6LH (any case and spacing)")
        }
    }
}
