import Foundation
import Testing

@testable import StitchText

/// The encoder's checks on a tiny BERT the test writes: width 8, one layer, two heads.
@Suite("Sentence encoder checks")
struct EncoderErrorTests {
    static let configuration = EncoderConfiguration(
        hiddenSize: 8, layerCount: 1, headCount: 2, intermediateSize: 16, maxPositions: 6, vocabularySize: 10,
        typeVocabularySize: 2, layerNormEpsilon: 1e-12)

    /// Every tensor of the tiny model with its shape.
    static var tensors: [(String, [Int])] {
        let h = configuration.hiddenSize
        let f = configuration.intermediateSize
        let p = "encoder.layer.0."
        return [
            ("embeddings.word_embeddings.weight", [configuration.vocabularySize, h]),
            ("embeddings.position_embeddings.weight", [configuration.maxPositions, h]),
            ("embeddings.token_type_embeddings.weight", [2, h]),
            ("embeddings.LayerNorm.weight", [h]), ("embeddings.LayerNorm.bias", [h]),
            (p + "attention.self.query.weight", [h, h]), (p + "attention.self.query.bias", [h]),
            (p + "attention.self.key.weight", [h, h]), (p + "attention.self.key.bias", [h]),
            (p + "attention.self.value.weight", [h, h]), (p + "attention.self.value.bias", [h]),
            (p + "attention.output.dense.weight", [h, h]), (p + "attention.output.dense.bias", [h]),
            (p + "attention.output.LayerNorm.weight", [h]), (p + "attention.output.LayerNorm.bias", [h]),
            (p + "intermediate.dense.weight", [f, h]), (p + "intermediate.dense.bias", [f]),
            (p + "output.dense.weight", [h, f]), (p + "output.dense.bias", [h]),
            (p + "output.LayerNorm.weight", [h]), (p + "output.LayerNorm.bias", [h]),
        ]
    }

    /// Writes the tiny model with small deterministic weights; `poisoned` gets a NaN.
    static func write(poisoned: String? = nil, leaving missing: String? = nil) throws -> URL {
        var header: [String] = []
        var data: [UInt8] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for (name, shape) in tensors where name != missing {
            let count = shape.reduce(1, *)
            let begin = data.count
            for index in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                var value = Float(Int(state >> 40) % 2001 - 1000) / 2000
                if name.hasSuffix("LayerNorm.weight") { value = 1 + value / 10 }
                if name == poisoned, index == 0 { value = .nan }
                let bits = value.bitPattern
                data += (0..<4).map { UInt8((bits >> (8 * UInt32($0))) & 0xFF) }
            }
            header.append(#""\#(name)":{"dtype":"F32","shape":\#(shape),"data_offsets":[\#(begin),\#(data.count)]}"#)
        }
        var json = "{" + header.joined(separator: ",") + "}"
        while json.utf8.count % 8 != 0 { json += " " }
        var bytes: [UInt8] = (0..<8).map { UInt8((UInt64(json.utf8.count) >> (8 * UInt64($0))) & 0xFF) }
        bytes += Array(json.utf8) + data
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-tiny-bert-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url
    }

    /// The message `body` throws, or nil when it does not.
    static func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("the tiny model gives unit vectors, the same alone and in a batch on two threads")
    func runs() throws {
        let url = try Self.write()
        defer { try? FileManager.default.removeItem(at: url) }
        let encoder = try SentenceEncoder(weights: SafeTensors(contentsOf: url), configuration: Self.configuration)
        let batch: [[Int32]] = [[2, 5, 3], [2, 7, 8, 9, 3], [2, 3], [2, 1, 1, 1, 4, 3]]
        let together = try encoder.embed(batch: batch, threads: 2)
        for (ids, embedding) in zip(batch, together) {
            let alone = try encoder.embed(ids: ids)
            #expect(abs(alone.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
            for (a, b) in zip(alone, embedding) { #expect(abs(a - b) < 1e-5) }
        }
    }

    @Test("a NaN in the weights throws instead of flowing on")
    func nanThrows() throws {
        let url = try Self.write(poisoned: "encoder.layer.0.intermediate.dense.weight")
        defer { try? FileManager.default.removeItem(at: url) }
        let encoder = try SentenceEncoder(weights: SafeTensors(contentsOf: url), configuration: Self.configuration)
        #expect(Self.message { _ = try encoder.embed(ids: [2, 5, 3]) }?.contains("is not finite") == true)
    }

    @Test("ids outside the vocabulary, too many tokens and no tokens throw")
    func badInput() throws {
        let url = try Self.write()
        defer { try? FileManager.default.removeItem(at: url) }
        let encoder = try SentenceEncoder(weights: SafeTensors(contentsOf: url), configuration: Self.configuration)
        #expect(Self.message { _ = try encoder.embed(ids: [2, 10, 3]) }?.contains("token id 10, outside the vocabulary of 10") == true)
        #expect(Self.message { _ = try encoder.embed(ids: [2, 4, 4, 4, 4, 4, 3]) }?.contains("7 tokens, more than the 6 positions") == true)
        #expect(Self.message { _ = try encoder.embed(batch: [[2, 3], []]) }?.contains("text 1 has no tokens") == true)
    }

    @Test("a missing or misshapen tensor is named")
    func missingTensor() throws {
        let url = try Self.write(leaving: "encoder.layer.0.output.dense.bias")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(
            Self.message { _ = try SentenceEncoder(weights: SafeTensors(contentsOf: url), configuration: Self.configuration) }?
                .contains("has no tensor named encoder.layer.0.output.dense.bias") == true)
        let whole = try Self.write()
        defer { try? FileManager.default.removeItem(at: whole) }
        var wider = Self.configuration
        wider.intermediateSize = 32
        #expect(
            Self.message { _ = try SentenceEncoder(weights: SafeTensors(contentsOf: whole), configuration: wider) }?
                .contains("tensor encoder.layer.0.intermediate.dense.weight has shape [16, 8], not [32, 8]") == true)
    }
}
