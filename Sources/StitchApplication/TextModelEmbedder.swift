import Foundation
public import StitchEngine
public import StitchText
import Synchronization

/// The engine's ``StitchEngine/TextEmbedder`` over the local text model, each distinct text
/// embedded once: terms met again in a rebuild, a write or a repeated request cost a look-up.
///
/// Batches of more than a few texts (a community's vocabulary at start-up) are spread over
/// every core; a single request's words run on the caller's thread.
public final class TextModelEmbedder: TextEmbedder {
    /// The model.
    public let model: TextModel
    /// The most texts kept; past it new texts are embedded but not kept.
    public let capacity: Int
    private let cache = Mutex<[String: [Float]]>([:])

    public init(model: TextModel, capacity: Int = 200_000) {
        self.model = model
        self.capacity = capacity
    }

    public var dimension: Int { model.dimension }

    /// The number of texts kept.
    public var cachedCount: Int { cache.withLock { $0.count } }

    public func embed(_ texts: [String]) throws -> [[Float]] {
        var out = [[Float]?](repeating: nil, count: texts.count)
        var missing: [Int] = []
        cache.withLock { cache in
            for (i, text) in texts.enumerated() {
                if let v = cache[text] { out[i] = v } else { missing.append(i) }
            }
        }
        if !missing.isEmpty {
            let unique = Array(Set(missing.map { texts[$0] }))
            let threads = unique.count >= 16 ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
            let vectors = try model.embed(unique, threads: threads)
            var found: [String: [Float]] = [:]
            for (text, vector) in zip(unique, vectors) { found[text] = vector }
            cache.withLock { cache in
                for (text, vector) in found where cache.count < capacity { cache[text] = vector }
            }
            for i in missing { out[i] = found[texts[i]] }
        }
        return out.map { $0 ?? [] }
    }
}

extension MeaningSetup {
    /// Loads the text model from `directory` for matching by meaning; when it cannot be loaded,
    /// no model and a note saying why and what to run.
    public static func load(directory: String) -> MeaningSetup {
        do {
            let model = try TextModel(directory: URL(fileURLWithPath: directory))
            return .on(MeaningModel(embedder: TextModelEmbedder(model: model)))
        } catch {
            return .off(because: "\(error)")
        }
    }
}
