import Foundation
import StitchApplication
import StitchText
import Testing

/// The embedder's cache can be filled from vectors kept earlier and hands over the vectors it
/// embeds, so a daemon can keep them across restarts.
@Suite struct TextVectorCacheTests {
    private func embedder() throws -> TextModelEmbedder {
        TextModelEmbedder(model: try TextModel(directory: MeaningFixtures.modelDirectory))
    }

    @Test func newVectorsAreHandedOverOnce() throws {
        let embedder = try embedder()
        let vectors = try embedder.embed(["gardening", "baking", "gardening"])
        let drained = embedder.drainNew().sorted { $0.text < $1.text }
        #expect(drained.map(\.text) == ["baking", "gardening"])
        #expect(drained[1].vector == vectors[0])
        #expect(embedder.drainNew().isEmpty)
        _ = try embedder.embed(["gardening", "dog walking"])
        #expect(embedder.drainNew().map(\.text) == ["dog walking"])
    }

    @Test func preloadedVectorsAreUsedAndNotHandedBack() throws {
        let first = try embedder()
        let texts = ["help with my garden", "knitting circle", "lifts to the doctor"]
        let vectors = try first.embed(texts)
        let kept = first.drainNew()

        let second = try embedder()
        #expect(second.identity == first.identity)
        var bad = vectors[0]
        bad[3] = .nan
        let taken = second.preload(kept + [(text: "short", vector: [1, 2]), (text: "nan", vector: bad)])
        #expect(taken == texts.count)
        #expect(second.cachedCount == texts.count)
        #expect(try second.embed(texts) == vectors)
        #expect(second.drainNew().isEmpty, "nothing was embedded")
    }

    @Test func theModelHasAnIdentity() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let identity = try TextModelIdentity.of(directory: MeaningFixtures.modelDirectory)
        let elapsed = clock.now - start
        #expect(identity.hasPrefix("all-MiniLM-L6-v2@") && identity.count == "all-MiniLM-L6-v2@".count + 16)
        #expect(try embedder().identity == identity)
        print("text model identity computed in \(elapsed)")
    }
}
