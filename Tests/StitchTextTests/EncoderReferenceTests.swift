import Foundation
import Testing

@testable import StitchText

/// The Swift tokenizer and encoder against Hugging Face's tokenizers and a float64 numpy port of
/// the model, on the same files.
@Suite("Text encoder against the numpy reference")
struct EncoderReferenceTests {
    @Test("token ids are identical and embeddings agree (cosine ≥ 0.9999) on every corpus text")
    func corpus() throws {
        let model = try ModelFixture.model()
        let texts = TextCorpus.all
        #expect(texts.count >= 200)
        let reference = try ModelFixture.reference(texts, maxLength: model.tokenizer.maxLength)
        try #require(reference.count == texts.count)

        let ids = texts.map(model.tokenizer.encode)
        var mismatches = 0
        for (index, text) in texts.enumerated() where ids[index] != reference[index].ids {
            mismatches += 1
            Issue.record("token ids differ for text \(index) \(text.debugDescription): \(ids[index]) ≠ \(reference[index].ids)")
        }
        #expect(mismatches == 0)

        // Embed the reference's own ids, so a token mismatch does not hide an encoder difference.
        let embeddings = try model.encoder.embed(batch: reference.map(\.ids), threads: 2)
        var lowest = 1.0
        for (index, item) in reference.enumerated() {
            let swift = embeddings[index].map(Double.init)
            let dot = zip(swift, item.embedding).reduce(0) { $0 + $1.0 * $1.1 }
            let norms = (swift.reduce(0) { $0 + $1 * $1 } * item.embedding.reduce(0) { $0 + $1 * $1 }).squareRoot()
            let cosine = dot / norms
            lowest = min(lowest, cosine)
            #expect(cosine >= 0.9999, "text \(index) \(texts[index].prefix(60).debugDescription): cosine \(cosine)")
        }
        print("text encoder vs numpy: \(texts.count) texts, \(mismatches) token mismatches, lowest cosine \(lowest)")
    }

    @Test("one text at a time gives the batch's embeddings")
    func singleMatchesBatch() throws {
        let model = try ModelFixture.model()
        let texts = Array(TextCorpus.offers.prefix(6)) + [TextCorpus.longTexts[0], ""]
        let batch = try model.embed(texts, threads: 2)
        for (index, text) in texts.enumerated() {
            let single = try model.embed(text)
            #expect(single.count == 384)
            let cosine = TextModel.similarity(single, batch[index])
            #expect(abs(cosine - 1) < 1e-5, "text \(index): cosine \(cosine)")
        }
    }

    @Test("encodings are cut to 256 ids, [CLS] first and [SEP] last")
    func truncation() throws {
        let model = try ModelFixture.model()
        #expect(model.tokenizer.maxLength == 256)
        let ids = model.tokenizer.encode(TextCorpus.longTexts[0])
        #expect(ids.count == 256)
        #expect(ids.first == model.tokenizer.classifierID)
        #expect(ids.last == model.tokenizer.separatorID)
        #expect(model.tokenizer.encode("") == [model.tokenizer.classifierID, model.tokenizer.separatorID])
    }
}
