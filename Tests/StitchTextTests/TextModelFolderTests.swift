import Foundation
import Testing

@testable import StitchText

/// Loading a model folder: what a missing file says.
@Suite("Text model folder")
struct TextModelFolderTests {
    @Test("a missing folder names model.safetensors and says to run make models")
    func missingFolder() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-no-model-\(UUID().uuidString)")
        #expect {
            try TextModel(directory: folder)
        } throws: { error in
            let message = "\(error)"
            return message.contains("has no model.safetensors") && message.contains("run `make models`")
        }
    }

    @Test("a folder without a vocabulary says which files would do")
    func missingVocabulary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-no-vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("model.safetensors"))
        try Data("{}".utf8).write(to: folder.appendingPathComponent("config.json"))
        #expect {
            try TextModel(directory: folder)
        } throws: { error in
            "\(error)".contains("has no tokenizer.json or vocab.txt: run `make models`")
        }
    }
}
