import Foundation
import StitchImport
import StitchModel
import Testing

/// Inputs the CSV fuzz target (Fuzz/csv) found crashing the readers, kept as tests.
@Suite("CSV inputs found by fuzzing")
struct CSVFuzzRegressionTests {
    /// A wellbeing goal of `=` alone (no way, no value) once indexed an empty split.
    @Test func aGoalOfOnlyAnEqualsSignIsAnIssueNotACrash() {
        let result = CSVMemberReader().read(Data("id,wellbeing\nm-1,=\nm-2,connect=1; = ;give\n".utf8))
        #expect(result.members.map(\.value.wellbeing) == [nil, FiveWays(connect: 1, give: 1)])
        #expect(result.issues.map(\.path) == ["rows[2].wellbeing", "rows[3].wellbeing"])
        #expect(result.issues.allSatisfy { !$0.recordSkipped })
    }
}
