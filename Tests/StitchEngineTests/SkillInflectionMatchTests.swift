import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Terms in the plural, as Open Referral taxonomies and spreadsheets write them, resolve to the
/// taxonomy's entry, and only to a taxonomy entry.
@Suite("Plural skill terms resolve to the taxonomy")
struct SkillInflectionMatchTests {
    @Test func pluralsFindTheTaxonomysEntry() throws {
        let vocabulary = SkillVocabulary(taxonomy: try Fixtures.taxonomy)
        let lunchClub = try #require(vocabulary.index(of: "lunch club"))
        #expect(vocabulary.index(of: "Lunch Clubs") == lunchClub)
        #expect(vocabulary.index(of: "walking groups") == vocabulary.index(of: "walking"))
        #expect(vocabulary.index(of: "Knitting Circles") == vocabulary.index(of: "knitting"))
        #expect(vocabulary.index(of: "book clubs") == vocabulary.index(of: "reading-group"))
        // A plural of free text stays its own term.
        #expect(vocabulary.index(of: "zither lessons") == nil)
    }
}
