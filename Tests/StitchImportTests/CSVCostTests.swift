import Foundation
import StitchImport
import StitchModel
import Testing

/// Cost cells as link workers write them: every one of these keeps its activity.
@Suite("Costs written in words")
struct CSVCostTests {
    func cost(_ cell: String) -> (Double?, [String]) {
        let result = CSVActivityReader().read(Data("id,name,cost\na-1,Lunch,\"\(cell)\"\n".utf8))
        return (result.activities.first?.value.cost, result.issues.map(\.reason))
    }

    @Test(arguments: [
        ("2.50", 2.5), ("£2.50", 2.5), ("£ 3", 3.0), ("0", 0.0), ("Free", 0.0), ("free", 0.0), ("FREE", 0.0),
    ])
    func plainCostsHaveNoNote(cell: String, expected: Double) {
        let (value, notes) = cost(cell)
        #expect(value == expected)
        #expect(notes.isEmpty, "\(notes)")
    }

    @Test(arguments: [
        ("£2 donation", 2.0, "'£2 donation' read as £2.00, a donation"),
        ("£3.50 per session", 3.5, "'£3.50 per session' read as £3.50, the amount in it"),
        ("donation", 0.0, "'donation' read as free (£0.00): a donation is asked, not a fee"),
        ("Pay what you can", 0.0, "'Pay what you can' read as free (£0.00): a donation is asked, not a fee"),
        ("No charge", 0.0, "'No charge' read as free (£0.00)"),
        ("50p", 0.5, "'50p' read as £0.50, the amount in it"),
        ("£3 (£2 concessions)", 2.0, "'£3 (£2 concessions)' read as £2.00, the lowest of 2 amounts"),
        ("Free for over 60s, £3 otherwise", 0.0, "'Free for over 60s, £3 otherwise' read as £0.00, free for some"),
    ])
    func costsInWordsCarryANote(cell: String, expected: Double, note: String) {
        let (value, notes) = cost(cell)
        #expect(value == expected)
        #expect(notes == [note])
    }

    @Test func aCostThatCannotBeReadIsLeftEmptyAndTheActivityKept() {
        let result = CSVActivityReader().read(Data("id,name,cost\na-1,Lunch,ask at the desk\na-2,Tea,-4\n".utf8))
        #expect(result.activities.map(\.value.id) == ["a-1", "a-2"])
        #expect(result.activities.allSatisfy { $0.value.cost == nil })
        #expect(
            result.issues.map(\.reason) == [
                "'ask at the desk' is not a cost; accepted: a price in pounds (2.50, £2.50, 50p), free, or a donation "
                    + "(donation, £2 donation); the cell is left empty",
                "-4.0 must be a non-negative number; left out",
            ])
        #expect(result.issues.allSatisfy { !$0.recordSkipped })
    }

    @Test func accessPhrasesReadToTheAccessTerms() {
        let result = CSVActivityReader().read(
            Data(
                """
                id,name,access
                a-1,A,step free
                a-2,B,Step-Free; Wheelchair accessible
                a-3,C,"wheelchair accessible, hearing loop"
                a-4,D,lift; quiet room
                a-5,E,not wheelchair accessible

                """.utf8))
        #expect(
            result.activities.map(\.value.access) == [
                [.stepFree], [.stepFree, .wheelchair], [.wheelchair, .hearingLoop], [.quiet], [],
            ])
        #expect(result.issues.map(\.path) == ["rows[5].access[0]", "rows[6].access[0]"])
        #expect(result.issues.first?.reason.hasPrefix("'lift' is not an access term; accepted: step-free") == true)
    }
}
