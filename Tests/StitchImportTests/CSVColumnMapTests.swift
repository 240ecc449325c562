import Foundation
import StitchImport
import StitchModel
import Testing

/// Column-mapping files: a sheet's own columns, yes/no words, day names and whole-cell values.
@Suite("Column-mapping files")
struct CSVColumnMapTests {
    func map(_ json: String) throws(ValidationErrors) -> CSVColumnMap { try CSVColumnMap.read(Data(json.utf8)) }

    @Test func aMappingFileRenamesColumnsAndReadsTheSheetsOwnWords() throws {
        let columns = try map(
            #"""
            {"columns": {"Ref": "id", "Who": "name", "Skills offered": "offers", "When": "availability",
                         "Checked?": "dbs", "Gone?": "active"},
             "ignore": ["Phone"], "yes": ["X", "Oui"], "no": ["-", "Non"], "days": {"Lundi": "mon", "Mar": "Tuesday"},
             "values": {"Gone?": {"Gone": "no", "Here": "yes"}}, "listSeparator": ","}
            """#)
        let data = Data(
            """
            Ref,Who,Skills offered,When,Checked?,Gone?,Phone
            r-1,Léa,"cooking, baking","Lundi 10-12; mar 2-4",X,Here,0207 946 0000
            r-2,Max,gardening,Mar 9-11,non,gone,
            r-3,Zoe,,,maybe,,

            """.utf8)
        let result = CSVMemberReader(map: columns).read(data)
        #expect(result.members.map(\.value.id) == ["r-1", "r-2", "r-3"])
        let lea = result.members[0].value
        #expect(lea.offers == ["cooking", "baking"] && lea.dbsChecked && lea.active)
        #expect(lea.availability == [Slot(.mon, "10:00", "12:00")!, Slot(.tue, "14:00", "16:00")!])
        #expect(!result.members[1].value.dbsChecked && !result.members[1].value.active)
        // No note for the ignored column; the sheet's own header named in a problem, with its words.
        #expect(result.issues.map(\.path) == ["rows[4].dbsChecked"])
        #expect(
            result.issues.first?.reason
                == "column 'Checked?': 'maybe' is not yes or no; accepted: yes, y, true, t, 1, ✓, ✔, oui, x for yes, "
                + "no, n, false, f, 0, ✗, ✘, -, non for no; the cell is left empty")
    }

    @Test func everyProblemOfAMappingFileIsReportedWithItsPath() {
        do {
            _ = try map(
                #"{"kind": "people", "columns": {"A": 3}, "dayz": {}, "days": {"Lun": "moon"}, "listSeparator": ";;", "yes": "Y"}"#
            )
            Issue.record("a bad mapping file was read")
        } catch {
            #expect(
                error.errors.map(\.field) == ["dayz", "kind", "columns.A", "yes", "days.Lun", "listSeparator"])
            #expect(
                error.errors.first?.reason.hasPrefix("is not a key of a mapping file; known keys: kind, columns")
                    == true)
        }
        #expect(throws: ValidationErrors.self) { try map("[1, 2]") }
        #expect(throws: ValidationErrors.self) { try map("{\"columns\": ") }
    }

    @Test func aColumnMappedToNoStitchColumnStopsTheFile() throws {
        let columns = try map(#"{"columns": {"Who": "fullName"}}"#)
        let result = CSVMemberReader(map: columns).read(Data("id,Who\nm-1,Ada\n".utf8))
        #expect(result.members.isEmpty)
        #expect(result.issues.map(\.path) == ["map.columns"])
        #expect(result.issues.first?.reason.hasPrefix("'Who' is mapped to 'fullName', which is not a column") == true)
    }
}
