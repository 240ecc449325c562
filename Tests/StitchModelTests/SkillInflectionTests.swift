import StitchModel
import Testing

/// Plurals and singulars of a term, tried against the taxonomy when the term itself is not in it.
@Suite("Inflections of skill terms")
struct SkillInflectionTests {
    @Test(arguments: [
        ("lunch-clubs", ["lunch-club"]), ("walking-groups", ["walking-group"]),
        ("book-clubs-and-classes", ["book-club-and-class", "book-clubs-and-class"]),
        ("activities", ["activity"]), ("knitting-circles", ["knitting-circle"]),
        ("coffee-mornings", ["coffee-morning"]),
        ("talk", ["talks"]), ("lunch-club", ["lunch-clubs"]), ("arts-and-crafts", ["art-and-craft", "arts-and-craft"]),
        ("class", ["classes"]), ("nursery", ["nurseries"]), ("bus", []),
    ])
    func inflections(key: String, expected: [String]) {
        #expect(SkillTaxonomy.inflections(of: key) == expected)
    }

    @Test func wordsThatAreNotPluralAreLeftAlone() {
        #expect(SkillTaxonomy.inflections(of: "analysis").isEmpty)
        #expect(SkillTaxonomy.inflections(of: "glass").isEmpty == false)  // only a plural: glasses
        #expect(!SkillTaxonomy.inflections(of: "glass").contains("glas"))
        #expect(SkillTaxonomy.inflections(of: "").isEmpty)
        #expect(SkillTaxonomy.inflections(of: "gardening") == ["gardenings"])
    }
}
