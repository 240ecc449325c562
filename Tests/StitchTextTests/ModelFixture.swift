import Foundation
import StitchTestSupport
import StitchText

/// The all-MiniLM-L6-v2 folder `make models` fills, loaded once for every test.
///
/// A missing folder fails the tests that need it with ``TextModel``'s message (run `make models`):
/// they are never skipped silently.
enum ModelFixture {
    static let directory = PythonScript.repositoryRoot.appendingPathComponent(TextModel.defaultDirectory)

    private static let loaded: Result<TextModel, any Error> = Result { try TextModel(directory: directory) }

    /// The model, or the error saying why it is not there.
    static func model() throws -> TextModel {
        try loaded.get()
    }

    /// The numpy port of the model in this folder.
    static var referenceScript: String {
        get throws {
            try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                    .appendingPathComponent("reference_encoder.py"),
                encoding: .utf8)
        }
    }

    struct ReferenceInput: Encodable {
        let model: String
        let maxLength: Int
        let texts: [String]
    }

    struct ReferenceOutput: Decodable {
        struct Item: Decodable {
            let ids: [Int32]
            let embedding: [Double]
        }
        let results: [Item]
    }

    /// The reference's token ids and float64 embeddings of `texts`.
    static func reference(_ texts: [String], maxLength: Int) throws -> [ReferenceOutput.Item] {
        try PythonScript.run(
            referenceScript, input: ReferenceInput(model: directory.path, maxLength: maxLength, texts: texts),
            as: ReferenceOutput.self, reference: "numpy port of all-MiniLM-L6-v2 with Hugging Face's tokenizers"
        ).results
    }
}
