import Foundation
import StitchModel
@testable import StitchStore
import StitchTestSupport
import Testing

/// The direct reader of records gives exactly what `JSONDecoder` gives, or leaves the record to
/// it: never a different value, and never a value where `JSONDecoder` finds a problem.
@Suite("Reading records straight from the bytes")
struct DirectDecodingTests {
    /// The direct reading of `text`, checked against `JSONDecoder`; `true` when it was read directly.
    @discardableResult
    static func check<T: DirectDecodable & Equatable>(_ type: T.Type, _ text: String) -> Bool {
        let data = Data(text.utf8)
        let decoded = try? JSONDecoder().decode(T.self, from: data)
        let direct = data.withUnsafeBytes { raw -> T? in
            var json = JSONBytes(raw.bindMemory(to: UInt8.self), range: 0..<data.count)
            guard let record = T.read(&json), json.atEnd else { return nil }
            return record
        }
        if let direct {
            #expect(direct == decoded, "\(text): read directly as \(direct), JSONDecoder gives \(String(describing: decoded))")
        }
        return direct != nil
    }

    @Test func membersOfARandomCommunityAreReadDirectly() throws {
        var community = RandomCommunity.make(seed: 11, members: 300, activities: 60, skills: ["gardening", "cooking"])
        for i in stride(from: 0, to: community.activities.count, by: 3) {
            community.activities[i].description = Self.descriptions[i / 3 % Self.descriptions.count]
        }
        let encoder = JSONEncoder()
        for member in community.members {
            #expect(Self.check(Member.self, String(decoding: try encoder.encode(member), as: UTF8.self)))
        }
        for activity in community.activities {
            #expect(Self.check(Activity.self, String(decoding: try encoder.encode(activity), as: UTF8.self)))
        }
        for exchange in community.exchanges {
            #expect(Self.check(Exchange.self, String(decoding: try encoder.encode(exchange), as: UTF8.self)))
        }
        for attendance in community.attendance {
            #expect(Self.check(Attendance.self, String(decoding: try encoder.encode(attendance), as: UTF8.self)))
        }
    }

    @Test func theBundledCommunityIsReadDirectly() throws {
        let data = try Data(contentsOf: Fixtures.dataURL("lewisham.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for (list, type) in [("members", Member.self), ("activities", Activity.self)] as [(String, any DirectDecodable.Type)] {
            for record in try #require(object[list] as? [Any]) {
                let text = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
                let direct: Bool =
                    if type == Member.self { Self.check(Member.self, text) } else { Self.check(Activity.self, text) }
                #expect(direct, "\(list): \(text)")
            }
        }
    }

    /// Numbers, strings and shapes at the edges: each is either read to JSONDecoder's value or left to it.
    @Test(arguments: [
        #"{"id": "m-1", "travelKm": 0.1}"#, #"{"id": "m-1", "travelKm": 1e2}"#, #"{"id": "m-1", "travelKm": 1E-2}"#,
        #"{"id": "m-1", "travelKm": -0}"#, #"{"id": "m-1", "travelKm": -0.0}"#, #"{"id": "m-1", "travelKm": 12345678901234567890}"#,
        #"{"id": "m-1", "travelKm": 1.7976931348623157e308}"#, #"{"id": "m-1", "travelKm": 5e-324}"#,
        #"{"id": "m-1", "travelKm": 1e400}"#, #"{"id": "m-1", "travelKm": 0.30000000000000004}"#,
        #"{"id": "m-1", "travelKm": 123456.789012345678}"#, #"{"id": "m-1", "travelKm": 01}"#, #"{"id": "m-1", "travelKm": 1.}"#,
        #"{"id": "m-1", "travelKm": .5}"#, #"{"id": "m-1", "travelKm": +1}"#, #"{"id": "m-1", "travelKm": -1}"#,
        #"{"id": "m-1", "travelKm": "1"}"#, #"{"id": "m-1", "travelKm": null}"#, #"{"id": "m-1", "birthYear": 1950.0}"#,
        #"{"id": "m-1", "birthYear": 1950.5}"#, #"{"id": "m-1", "birthYear": 1e3}"#, #"{"id": "m-1", "birthYear": 19500}"#,
        #"{"id": "m-1", "name": "A \"quoted\" \\ name \/ with \u00e9 and \ud83d\ude00"}"#,
        #"{"id": "m-1", "name": "Zoë Ødegård 🧶"}"#, #"{"id": "m-1", "name": "\ud83d"}"#, #"{"id": "m-1", "name": "\x"}"#,
        #"{"id": "m-1", "name": "tab\there"}"#, #"{"id": "m-1", "name": null}"#, #"{"id": "m-1", "name": 3}"#,
        #"{"id": " "}"#, #"{"id": "\u00a0"}"#, #"{"id": "\u00a0x"}"#, #"{"id": ""}"#, #"{"id": null}"#, #"{"name": "x"}"#,
        #"{"id": "m-1", "id": "m-2"}"#, #"{"id": "m-1", "unknown": 1}"#, #"{"i\u0064": "m-1"}"#,
        #"{ "id" : "m-1" , "offers" : [ "a" , "b" ] }"#, #"{"id": "m-1", "offers": null}"#, #"{"id": "m-1", "offers": [null]}"#,
        #"{"id": "m-1", "availability": [{"day": "WED", "start": "9:00", "end": "17:00"}]}"#,
        #"{"id": "m-1", "availability": [{"day": "wed", "start": "17:00", "end": "09:00"}]}"#,
        #"{"id": "m-1", "availability": [{"day": "wed", "start": "+9:00", "end": "24:00"}]}"#,
        #"{"id": "m-1", "availability": [{"day": "wed", "start": "09:00", "end": "24:01"}]}"#,
        #"{"id": "m-1", "location": {"lat": 91, "lon": 0}}"#, #"{"id": "m-1", "location": {"lat": 51.5}}"#,
        #"{"id": "m-1", "location": null}"#, #"{"id": "m-1", "accessNeeds": ["Step-Free", "quiet"]}"#,
        #"{"id": "m-1", "accessNeeds": ["stairs"]}"#, #"{"id": "m-1", "wellbeing": {"connect": 1, "give": 0.5}}"#,
        #"{"id": "m-1", "wellbeing": {"connect": 2}}"#, #"{"id": "m-1", "wellbeing": {"joy": 1}}"#,
        #"{"id": "m-1", "active": null, "homeVisits": true, "dbsChecked": 1}"#, #"{"id": "m-1"} "#, #"{"id": "m-1",}"#,
    ])
    func membersAtTheEdges(text: String) {
        Self.check(Member.self, text)
    }

    /// Descriptions with what a free text may hold: quotes, backslashes, slashes, control
    /// characters, accents, emoji (one of several scalars), HTML left in by a feed.
    static let descriptions = [
        "A gentle walk round the park, then tea at the café.", "A \"quoted\" / \\ text\twith\nlines \u{1} and \u{7f}",
        "Zoë Ødegård 🧶👍🏽 knit & natter <b>bold</b> 日本語", "", " ", "\u{2028}\u{2029}\u{feff}\u{200b}",
    ]

    /// A postcode is read directly, in its standard form, as `JSONDecoder` reads it.
    @Test func postcodesAreReadDirectly() {
        for text in [
            #"{"id": "m-1", "postcode": "se136lh"}"#, #"{"id": "m-1", "postcode": " SE13  6LH ", "location": {"lat": 51.4, "lon": 0}}"#,
            #"{"id": "m-1", "postcode": null}"#,
        ] {
            #expect(Self.check(Member.self, text), "\(text)")
        }
        for text in [#"{"id": "m-1", "postcode": "SE13"}"#, #"{"id": "m-1", "postcode": "SE13 6LH", "postcode": "N1 9GU"}"#] {
            #expect(!Self.check(Member.self, text), "\(text)")
        }
    }

    /// A description is read directly to exactly JSONDecoder's value, escaped or not.
    @Test func descriptionsAreReadDirectly() throws {
        for text in Self.descriptions {
            let activity = Activity(id: "a-1", name: "Walk", description: text)
            let encoded = String(decoding: try JSONEncoder().encode(activity), as: UTF8.self)
            #expect(Self.check(Activity.self, encoded), "\(encoded)")
        }
        for text in [
            #"{"id": "a-1", "name": "Walk", "description": "A \"quoted\" \\ text \/ with \u00e9 and \ud83d\ude00"}"#,
            #"{"id": "a-1", "name": "Walk", "description": "tab\there\r\nand \u0001 \b\f"}"#,
            #"{"id": "a-1", "name": "Walk", "description": null, "organisation": "Lee Ramblers"}"#,
            #"{"description": "Round the park", "name": "Walk", "id": "a-1"}"#,
        ] {
            #expect(Self.check(Activity.self, text), "\(text)")
        }
        let atTheBound = String(repeating: "é", count: RecordBounds.maximumTextBytes / 2)
        #expect(Self.check(Activity.self, #"{"id": "a-1", "name": "Walk", "description": "\#(atTheBound)"}"#))
    }

    @Test(arguments: [
        #"{"id": "a-1", "name": "Walk", "description": 3}"#, #"{"id": "a-1", "name": "Walk", "description": ["a"]}"#,
        #"{"id": "a-1", "name": "Walk", "description": "\ud83d"}"#, #"{"id": "a-1", "name": "Walk", "description": "\x"}"#,
        #"{"id": "a-1", "name": "Walk", "description": "a\u0000b"}"#,
        #"{"id": "a-1", "name": "Walk", "description": "a", "description": "b"}"#,
        #"{"id": "a-1", "name": "Walk", "descr\u0069ption": "a"}"#,
        "{\"id\": \"a-1\", \"name\": \"Walk\", \"description\": \"\(String(repeating: "é", count: 2049))\"}",
    ])
    func descriptionsAtTheEdges(text: String) {
        Self.check(Activity.self, text)
    }

    @Test(arguments: [
        #"{"id": "a-1", "name": "Walk", "capacity": 3, "enrolled": 2, "ageMin": 18, "ageMax": 65, "cost": 2.5}"#,
        #"{"id": "a-1", "name": "Walk", "ageMin": 65, "ageMax": 18}"#, #"{"id": "a-1", "name": "Walk", "capacity": -1}"#,
        #"{"id": "a-1", "name": "Walk", "capacity": 2.5}"#, #"{"id": "a-1", "name": null}"#, #"{"id": "a-1"}"#,
        #"{"id": "a-1", "name": "Walk", "wellbeing": ["connect", "Give"]}"#, #"{"id": "a-1", "name": "Walk", "enrolled": null}"#,
        #"{"id": "a-1", "name": "Walk", "schedule": [{"day": "sun", "start": "10:00", "end": "12:00", "note": 1}]}"#,
        #"{"id": "a-1", "name": "Walk", "postcode": "se13 6lh"}"#, #"{"id": "a-1", "name": "Walk", "postcode": "SE13"}"#,
        #"{"id": "a-1", "name": "Walk", "postcode": null}"#, #"{"id": "a-1", "name": "Walk", "postcode": 136}"#,
    ])
    func activitiesAtTheEdges(text: String) {
        Self.check(Activity.self, text)
    }

    @Test(arguments: [
        #"{"giver": "m-1", "receiver": "m-2", "hours": 1.5, "date": "2026-02-28", "skill": "gardening", "id": "x-1"}"#,
        #"{"giver": "m-1", "receiver": "m-1", "hours": 1}"#, #"{"giver": "m-1", "receiver": "m-2"}"#,
        #"{"giver": "m-1", "receiver": "m-2", "hours": null}"#, #"{"giver": "m-1", "receiver": "m-2", "hours": 169}"#,
        #"{"giver": "m-1", "receiver": "m-2", "hours": 1, "date": "2026-02-30"}"#,
        #"{"giver": "m-1", "receiver": "m-2", "hours": 1, "date": "2026-2-3"}"#,
        #"{"giver": "m-1", "receiver": "m-2", "hours": 1, "date": null, "id": null}"#,
    ])
    func exchangesAtTheEdges(text: String) {
        Self.check(Exchange.self, text)
    }

    @Test(arguments: [
        #"{"member": "m-1", "activity": "a-1", "date": "2026-01-05"}"#, #"{"member": "m-1"}"#,
        #"{"member": "m-1", "activity": "", "date": "2026-01-05"}"#, #"{"member": "m-1", "activity": "a-1", "date": 20260105}"#,
    ])
    func attendanceAtTheEdges(text: String) {
        Self.check(Attendance.self, text)
    }

    /// Random numbers written many ways read to the same `Double` as `JSONDecoder` reads them.
    @Test func numbersReadAsJSONDecoderReadsThem() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<3_000 {
            let value = Double.random(in: 0..<1_000, using: &rng)
            let texts = [
                "\(value)", String(format: "%.3f", value), String(format: "%.17g", value), String(format: "%e", value),
                "\(Int(value))", "\(value / 1e9)",
            ]
            for text in texts { Self.check(Member.self, #"{"id": "m-1", "travelKm": \#(text)}"#) }
        }
    }
}
