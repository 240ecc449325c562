import Testing

@testable import StitchText

/// The similarities sentence-transformers publishes for all-MiniLM-L6-v2 in its quick-start
/// documentation, and the model card's own example.
@Suite("Published similarities of all-MiniLM-L6-v2")
struct PublishedSimilarityTests {
    @Test("the quick-start sentences give 0.6660, 0.1046 and 0.1411")
    func quickStart() throws {
        let model = try ModelFixture.model()
        let sentences = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
        let e = try model.embed(sentences)
        let rounded = [(0, 1), (0, 2), (1, 2)].map { pair in
            (Double(TextModel.similarity(e[pair.0], e[pair.1])) * 10_000).rounded() / 10_000
        }
        print("published similarities: \(rounded)")
        #expect(rounded == [0.6660, 0.1046, 0.1411])
    }

    @Test("the model card's two example sentences are unit vectors of width 384")
    func modelCard() throws {
        let model = try ModelFixture.model()
        let e = try model.embed(["This is an example sentence", "Each sentence is converted"])
        for vector in e {
            #expect(vector.count == 384)
            #expect(abs(TextModel.similarity(vector, vector) - 1) < 1e-5)
        }
        #expect(abs(TextModel.similarity(e[0], e[1]) - 0.4046) < 5e-4)
    }
}
