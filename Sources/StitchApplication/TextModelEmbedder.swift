import Foundation
public import StitchEngine
public import StitchText
import Synchronization

/// The engine's ``StitchEngine/TextEmbedder`` over the local text model, each distinct text
/// embedded once: terms met again in a rebuild, a write or a repeated request cost a look-up.
///
/// Batches of more than a few texts (a community's vocabulary at start-up) are spread over
/// every core; a single request's words run on the caller's thread.
///
/// Vectors can outlive the process: ``preload(_:)`` puts vectors kept from an earlier run (by
/// the same model, ``identity``) in the cache, and ``drainNew()`` hands over the vectors embedded
/// since it was last called, for the caller to keep.
public final class TextModelEmbedder: TextEmbedder {
    /// The model.
    public let model: TextModel
    /// The most texts kept; past it new texts are embedded but not kept.
    public let capacity: Int

    private struct Cache {
        var vectors: [String: [Float]] = [:]
        /// Texts embedded (not preloaded) since the last ``drainNew()``.
        var added: [String] = []
    }

    private let cache = Mutex(Cache())
    /// ``identity``, once computed.
    private let computedIdentity = Mutex<String??>(nil)

    public init(model: TextModel, capacity: Int = 200_000) {
        self.model = model
        self.capacity = capacity
    }

    /// Which model this is (``TextModelIdentity``), the key its vectors are kept under; `nil`
    /// when the model's files could not be read again to tell, and then vectors are not kept.
    /// Computed from the files at the first use (a fraction of a second), then remembered.
    public var identity: String? {
        computedIdentity.withLock { computed in
            if let computed { return computed }
            let identity = try? TextModelIdentity.of(directory: model.directory)
            computed = .some(identity)
            return identity
        }
    }

    public var dimension: Int { model.dimension }

    /// The number of texts kept.
    public var cachedCount: Int { cache.withLock { $0.vectors.count } }

    /// Puts vectors of this model computed earlier in the cache, so their texts are not embedded
    /// again. A vector of the wrong length or with a value that is not finite is skipped, as is a
    /// text already kept; preloaded vectors are not handed back by ``drainNew()``.
    ///
    /// - Returns: how many vectors were taken.
    @discardableResult
    public func preload(_ entries: [(text: String, vector: [Float])]) -> Int {
        let dimension = self.dimension
        return cache.withLock { cache in
            var taken = 0
            for (text, vector) in entries where cache.vectors.count < capacity {
                guard vector.count == dimension, vector.allSatisfy(\.isFinite), cache.vectors[text] == nil else { continue }
                cache.vectors[text] = vector
                taken += 1
            }
            return taken
        }
    }

    /// The vectors embedded since the last call (or since the start), each once; the next call
    /// returns only those embedded after this one.
    public func drainNew() -> [(text: String, vector: [Float])] {
        cache.withLock { cache in
            let added = cache.added
            cache.added = []
            return added.compactMap { text in cache.vectors[text].map { (text, $0) } }
        }
    }

    public func embed(_ texts: [String]) throws -> [[Float]] {
        var out = [[Float]?](repeating: nil, count: texts.count)
        var missing: [Int] = []
        cache.withLock { cache in
            for (i, text) in texts.enumerated() {
                if let v = cache.vectors[text] { out[i] = v } else { missing.append(i) }
            }
        }
        if !missing.isEmpty {
            let unique = Array(Set(missing.map { texts[$0] }))
            let threads = unique.count >= 16 ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
            let vectors = try model.embed(unique, threads: threads)
            var found: [String: [Float]] = [:]
            for (text, vector) in zip(unique, vectors) { found[text] = vector }
            cache.withLock { cache in
                for (text, vector) in found where cache.vectors.count < capacity && cache.vectors[text] == nil {
                    cache.vectors[text] = vector
                    cache.added.append(text)
                }
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
