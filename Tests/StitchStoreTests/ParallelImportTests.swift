import Foundation
import StitchModel
@testable import StitchStore
import StitchTestSupport
import Testing

/// Reading a community file on every core gives exactly what reading it in one pass gives:
/// the same records, the same problems at the same paths.
@Suite("Importing a large file in parallel")
struct ParallelImportTests {
    /// A file of `count` members with a bad record every so often, and exchanges between them.
    static func file(members count: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var members: [String] = []
        for i in 0..<count {
            switch Int.random(in: 0..<40, using: &rng) {
            case 0: members.append(#"{"id": "m-\#(i)", "availability": [{"day": "wod", "start": "10:00", "end": "12:00"}]}"#)
            case 1: members.append(#"{"id": "m-\#(i)", "location": {"lat": 123, "lon": 0}}"#)
            case 2: members.append("\(i)")
            case 3: members.append(#"{"id": "m-\#(i)", "name": "A \"quoted\" [name] {with} brackets, and commas", "avoid": ["m-nobody"]}"#)
            default: members.append(#"{"id": "m-\#(i)", "name": "Member \#(i)", "offers": ["gardening"], "travelKm": \#(Double(i % 7) + 0.5)}"#)
            }
        }
        let exchanges = (0..<(count / 2)).map { i in
            #"{"giver": "m-\#(i)", "receiver": "m-\#((i * 7 + 3) % count)", "hours": \#(i % 13 == 0 ? -1 : 1)}"#
        }
        return #"{"members": [\#(members.joined(separator: ",\n"))], "activities": [], "exchanges": [\#(exchanges.joined(separator: ","))]}"#
    }

    @Test(arguments: [1, 2] as [UInt64])
    func parallelReadEqualsOnePass(seed: UInt64) throws {
        let data = Data(Self.file(members: 3_000, seed: seed).utf8)
        #expect(CommunityFileLayout.scan(data)?.records["members"]?.count == 3_000)
        let parallel = try CommunityImport.read(data, parallel: true)
        let whole = try CommunityImport.read(data, parallel: false)
        #expect(parallel.community == whole.community)
        #expect(parallel.problems == whole.problems)
        #expect(parallel.read == whole.read)
        #expect(parallel.problems.count > 100)
    }

    @Test func theBundledCommunityReadsTheSameEitherWay() throws {
        let data = try Data(contentsOf: Fixtures.dataURL("lewisham.json"))
        #expect(CommunityFileLayout.scan(data) != nil)
        let parallel = try CommunityImport.read(data, parallel: true)
        #expect(parallel.community == (try CommunityImport.read(data, parallel: false)).community)
        #expect(parallel.community == (try Fixtures.lewisham))
    }

    /// Files the scan does not take apart are read in one pass, with the same outcome.
    @Test(arguments: [
        #"{"members": null}"#,
        #"{"mem\u0062ers": [{"id": "m-1"}]}"#,
        #"{"members": [{"id": "m-1"}], "members": [{"id": "m-2"}]}"#,
        #"{"members": [{"id": "m-1"}]} trailing"#,
        #"{"members": [{"id": "m-1",}]}"#,
        #"{"members": [{"id": "m-1"}, tru]}"#,
        #"[1, 2]"#,
        #"{"members": [{"id": "m-1"}"#,
        #"{"comment": {"nested": [1, {"a": "]"}]}, "members": []}"#,
        #"{"members": [{"id": "m-1", "offer": ["gardening"]}]}"#,
        #"{"skills": []}"#,
    ])
    func oddFilesFallBackToOnePass(file: String) throws {
        let data = Data(file.utf8)
        let parallel = Result { () throws(ValidationError) in try CommunityImport.read(data, parallel: true) }
        let whole = Result { () throws(ValidationError) in try CommunityImport.read(data, parallel: false) }
        switch (parallel, whole) {
        case (.success(let a), .success(let b)):
            #expect(a.community == b.community && a.problems == b.problems)
        case (.failure(let a), .failure(let b)):
            #expect(a == b)
        default:
            Issue.record("\(file): parallel \(parallel), one pass \(whole)")
        }
    }
}
