import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

@Suite("Importing a community file record by record")
struct CommunityImportTests {
    @Test func aSoundFileIsReadWhole() throws {
        let result = try CommunityImport.read(Data(contentsOf: Fixtures.dataURL("lewisham.json")))
        #expect(result.problems.isEmpty)
        #expect(result.community == (try Fixtures.lewisham))
    }

    @Test func badRecordsAreReportedWithTheirPathAndSkipped() throws {
        let file = #"""
            {"members": [
                {"id": "m-a", "offers": ["gardening"]},
                {"id": "m-b", "availability": [{"day": "wod", "start": "10:00", "end": "12:00"}]},
                {"id": "m-c", "avoid": ["m-b"]},
                {"id": "m-a"},
                7,
                {"id": "m-d", "avoid": ["m-c"]},
                {"id": "m-e"}
             ],
             "activities": [
                {"id": "a-1", "name": "Walk", "capacity": 1, "enrolled": 2},
                {"id": "a-2", "name": "Knit"},
                {"id": "a-3"}
             ],
             "exchanges": [
                {"giver": "m-a", "receiver": "m-e", "hours": 1},
                {"giver": "m-d", "receiver": "m-e", "hours": 1},
                {"giver": "m-a", "receiver": "m-e", "hours": -1},
                {"id": "x-1", "giver": "m-e", "receiver": "m-a", "hours": 2},
                {"id": "x-1", "giver": "m-e", "receiver": "m-a", "hours": 3}
             ],
             "attendance": [
                {"member": "m-a", "activity": "a-2"},
                {"member": "m-a", "activity": "a-1"},
                {"member": "m-c", "activity": "a-2"}
             ]}
            """#
        let result = try CommunityImport.read(Data(file.utf8))
        #expect(result.read == StoredCounts(members: 7, activities: 3, exchanges: 5, attendance: 3))
        #expect(result.community.members.map(\.id) == ["m-a", "m-e"])
        #expect(result.community.activities.map(\.id) == ["a-2"])
        #expect(result.community.exchanges.map(\.hours) == [1, 2])
        #expect(result.community.attendance.map(\.activity) == ["a-2"])
        let fields = result.problems.map(\.field)
        #expect(
            fields == [
                "members[1].availability[0].day",  // a bad field
                "members[2].avoid[0]",  // avoids a skipped member
                "members[3].id",  // a duplicate: the first is kept
                "members[4]",  // not an object
                "members[5].avoid[0]",  // avoids m-c, skipped in turn
                "activities[0].enrolled",
                "activities[2].name",
                "exchanges[1].giver",
                "exchanges[2].hours",
                "exchanges[4].id",
                "attendance[1].activity",
                "attendance[2].member",
            ], "\(result.problems)")
        #expect(result.problems.first?.reason.contains("unknown day 'wod'") == true)
        #expect(result.community.validationErrors().isEmpty, "what is kept is sound")
    }

    @Test func aFileThatIsNotACommunityIsRefusedWhole() {
        #expect(
            throws: ValidationError(
                field: "$",
                reason: "not valid JSON at line 1, column 2: the input ends inside an object (opened at line 1, column 1): "
                    + "is it cut short? It needs its closing '}'")
        ) {
            try CommunityImport.read(Data("{".utf8))
        }
        #expect(throws: ValidationError.self) { try CommunityImport.read(Data(#"{"members": 5}"#.utf8)) }
        #expect(throws: ValidationError.self) { try CommunityImport.read(Data("[]".utf8)) }
    }
}
