import Foundation
import StitchImport
import StitchModel
import Testing

/// A sheet's `gender`, `helperGender`, `pets`, `smoking`, `allergies` and `smokeFree` columns: read
/// into the member's fields, written back the same, and a bad cell in what keeps people safe
/// skipping the row without repeating the cell.
@Suite("CSV columns of who comes to the door")
struct CSVHomeVisitTests {
    func members(_ text: String) -> SourceImport { CSVMemberReader().read(Data(text.utf8)) }

    @Test func readsTheColumnsIntoTheMembersFields() throws {
        let result = members(
            """
            id,gender,helperGender,pets,smoking,allergies,smokeFree
            m-1,Woman,woman,Cat; dog; cat,yes,,
            m-2,non-binary,,,,cat,yes
            m-3,,,,,,
            """)
        #expect(result.issues.isEmpty, "\(result.issues)")
        let read = result.members.map(\.value)
        #expect(read[0] == Member(id: "m-1", gender: .woman, helperGender: .woman, home: HomeFacts(pets: [.cat, .dog], smoking: true)))
        #expect(read[1] == Member(id: "m-2", gender: .nonBinary, visitLimits: VisitLimits(allergies: [.cat], smokeFree: true)))
        #expect(read[2] == Member(id: "m-3"))
    }

    @Test func writesWhatItReads() {
        let people = [
            Member(id: "m-1", gender: .man, helperGender: .woman, home: HomeFacts(pets: [.bird, .otherPet], smoking: false)),
            Member(id: "m-2", visitLimits: VisitLimits(allergies: [.rabbit, .rodent], smokeFree: true)),
            Member(id: "m-3", home: HomeFacts(), visitLimits: VisitLimits()),
        ]
        #expect(CSVCommunityWriter.changedByCSV(Community(members: people)).isEmpty)
    }

    @Test func aBadCellInAPreferenceOrAllergySkipsTheRowWithoutRepeatingIt() {
        let result = members(
            """
            id,gender,helperGender,pets,allergies,smokeFree
            m-1,,lady,,,
            m-2,,,cat; ferret,,
            m-3,,,,hamster,
            m-4,,,,,sometimes
            m-5,bloke,,,,
            """)
        #expect(result.members.map(\.value.id) == ["m-5"], "a gender of their own left empty keeps the row")
        let byPath = Dictionary(result.issues.map { ($0.path, $0) }) { first, _ in first }
        #expect(byPath["rows[2].helperGender"]?.recordSkipped == true, "\(result.issues)")
        #expect(byPath["rows[3].home.pets[1]"]?.recordSkipped == true, "\(result.issues)")
        #expect(byPath["rows[4].visitLimits.allergies[0]"]?.recordSkipped == true, "\(result.issues)")
        #expect(byPath["rows[5].visitLimits.smokeFree"]?.recordSkipped == true, "\(result.issues)")
        #expect(byPath["rows[6].gender"]?.recordSkipped == false, "\(result.issues)")
        for issue in result.issues {
            for word in ["lady", "ferret", "hamster", "bloke"] { #expect(!issue.reason.contains(word), "\(issue.reason)") }
        }
        #expect(byPath["rows[3].home.pets[1]"]?.reason.contains("other-pet") == true)
    }
}
