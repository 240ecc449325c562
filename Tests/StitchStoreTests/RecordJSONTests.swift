import Foundation
import StitchModel
@testable import StitchStore
import StitchTestSupport
import Testing

/// The members' and activities' JSON the store keeps, written directly, holds the same as
/// `JSONEncoder`'s and reads back to the same record.
@Suite("Writing records' JSON for the store")
struct RecordJSONTests {
    static func text<T: RecordJSON>(_ record: T) -> JSONText {
        var json = JSONText()
        record.write(to: &json)
        return json
    }

    static func sameJSON(_ a: Data, _ b: Data) throws -> Bool {
        let x = try JSONSerialization.jsonObject(with: a) as? NSDictionary
        let y = try JSONSerialization.jsonObject(with: b) as? NSDictionary
        return x != nil && x == y
    }

    @Test func recordsReadBackEqualAndMatchJSONEncoder() throws {
        var community = RandomCommunity.make(seed: 3, members: 400, activities: 80, skills: ["gardening", "cooking"])
        community.members[0].name = "A \"quoted\" / \\ name\twith\nlines \u{1} and é 🧶"
        community.members[1].wellbeing = FiveWays(connect: 1, beActive: 0.25, keepLearning: 0.1, takeNotice: 0, give: 1)
        community.members[2].birthYear = 1950
        community.members[2].travelKm = 2.5
        community.activities[0].attribution = "Open data / CC BY 4.0"
        community.members[3].postcode = Postcode("se13 6lh")
        community.activities[1].postcode = Postcode("N1 9GU")
        community.members[4].away = [AwayPeriod("2026-12-20", "2027-01-03")!, AwayPeriod("2027-02-01", "2027-02-01")!]
        community.activities[2].datedSessions = [DatedSlot("2026-12-19", "12:00", "14:00")!]
        community.activities[3].schedule = []
        community.activities[3].datedSessions = [DatedSlot("2026-12-19", "12:00", "14:00")!, DatedSlot("2027-01-09", "09:30", "10:00")!]
        for i in stride(from: 0, to: community.activities.count, by: 2) {
            community.activities[i].description = DirectDecodingTests.descriptions[i / 2 % DirectDecodingTests.descriptions.count]
        }
        let encoder = JSONEncoder()
        for member in community.members {
            let json = Self.text(member)
            #expect(json.isValid)
            #expect(try JSONDecoder().decode(Member.self, from: Data(json.bytes)) == member)
            #expect(try Self.sameJSON(Data(json.bytes), encoder.encode(member)), "\(json.string)")
        }
        for activity in community.activities {
            let json = Self.text(activity)
            #expect(try JSONDecoder().decode(Activity.self, from: Data(json.bytes)) == activity)
            #expect(try Self.sameJSON(Data(json.bytes), encoder.encode(activity)), "\(json.string)")
        }
    }

    /// Strings read byte for byte as `JSONEncoder` writes them by default, `/` escaped included.
    @Test func stringsAreEscapedAsTheEncoderEscapesThem() throws {
        let name = "A \"quoted\" / \\ name\twith\nlines \u{1} and é"
        let written = Self.text(Member(id: "m-1/2", name: name))
        let encoded = try JSONEncoder().encode([name, "m-1/2"])
        let expected = String(decoding: encoded.dropFirst().dropLast(), as: UTF8.self).split(separator: ",", maxSplits: 1)
        #expect(written.string.contains("\"name\":\(expected[0])"), "\(written.string)")
        #expect(written.string.contains("\"id\":\(expected[1])"), "\(written.string)")
        #expect(written.string.contains(#"m-1\/2"#))
    }

    /// A description is written byte for byte as `JSONEncoder` writes the string, after
    /// `organisation` and before `topics` (the order the record declares), and left out when `nil`.
    @Test func descriptionsAreWrittenAsTheEncoderWritesThem() throws {
        for text in DirectDecodingTests.descriptions {
            let activity = Activity(id: "a-1", name: "Walk", organisation: "Lee", description: text, topics: ["walking"])
            let written = Self.text(activity).string
            let encoded = String(decoding: try JSONEncoder().encode([text]).dropFirst().dropLast(), as: UTF8.self)
            #expect(written.contains(#""organisation":"Lee","description":\#(encoded),"topics":"#), "\(written)")
            #expect(try JSONDecoder().decode(Activity.self, from: Data(written.utf8)) == activity)
        }
        #expect(!Self.text(Activity(id: "a-1", name: "Walk")).string.contains("description"))
    }

    @Test func aNumberJSONCannotHoldIsRefused() {
        #expect(!Self.text(Member(id: "m-1", travelKm: .infinity)).isValid)
        #expect(RecordEncoding.encode([Member(id: "m-1"), Member(id: "m-2", travelKm: .nan)]) == nil)
        #expect(RecordEncoding.encode([Member(id: "m-1")])?.count == 1)
    }
}
