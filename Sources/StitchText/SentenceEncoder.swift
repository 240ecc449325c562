import CLAPACK
import Foundation

/// The shape of a BERT encoder, as its `config.json` gives it.
public struct EncoderConfiguration: Sendable, Equatable {
    /// The width of every token's vector (384 for all-MiniLM-L6-v2).
    public var hiddenSize: Int
    /// The transformer layers (6).
    public var layerCount: Int
    /// The attention heads of each layer (12); `hiddenSize` must be a multiple of it.
    public var headCount: Int
    /// The width of the feed-forward layer (1536).
    public var intermediateSize: Int
    /// The position embeddings, so the longest sequence the encoder takes (512).
    public var maxPositions: Int
    /// The word embeddings, so one more than the largest token id (30,522).
    public var vocabularySize: Int
    /// The token-type embeddings (2); the encoder uses type 0 only.
    public var typeVocabularySize: Int
    /// The epsilon of every LayerNorm (1e-12).
    public var layerNormEpsilon: Float

    /// A configuration from its numbers.
    public init(
        hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int, maxPositions: Int,
        vocabularySize: Int, typeVocabularySize: Int, layerNormEpsilon: Float
    ) {
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.vocabularySize = vocabularySize
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
    }

    /// Reads a Hugging Face BERT `config.json`.
    ///
    /// - Throws: ``SentenceEncoderError`` when a field is missing, or the model is not a BERT with
    ///   absolute positions and exact GELU, which is all this encoder runs.
    public init(configFile url: URL) throws {
        func fail(_ reason: String) -> SentenceEncoderError {
            SentenceEncoderError(description: "\(url.path): \(reason)")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        } catch {
            throw fail("cannot read it as JSON (\(error.localizedDescription))")
        }
        guard let root = json as? [String: Any] else { throw fail("not a JSON object") }
        func integer(_ key: String) throws -> Int {
            guard let value = root[key] as? Int, value > 0 else { throw fail("\(key) is missing or not a positive integer") }
            return value
        }
        if let type = root["model_type"] as? String, type != "bert" {
            throw fail("model_type is \(type); only bert is supported")
        }
        if let activation = root["hidden_act"] as? String, activation != "gelu" {
            throw fail("hidden_act is \(activation); only gelu (exact, with erf) is supported")
        }
        if let positions = root["position_embedding_type"] as? String, positions != "absolute" {
            throw fail("position_embedding_type is \(positions); only absolute is supported")
        }
        self.init(
            hiddenSize: try integer("hidden_size"), layerCount: try integer("num_hidden_layers"),
            headCount: try integer("num_attention_heads"), intermediateSize: try integer("intermediate_size"),
            maxPositions: try integer("max_position_embeddings"), vocabularySize: try integer("vocab_size"),
            typeVocabularySize: (root["type_vocab_size"] as? Int) ?? 2,
            layerNormEpsilon: Float((root["layer_norm_eps"] as? Double) ?? 1e-12))
        guard hiddenSize % headCount == 0 else {
            throw fail("hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(headCount)")
        }
    }
}

/// Why the encoder could not be built or could not embed a text.
public struct SentenceEncoderError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public let description: String
}

/// A BERT sentence encoder (all-MiniLM-L6-v2's shape) over memory-mapped `Float` weights, every
/// matrix product through `cblas_sgemm`.
///
/// For each text: word + position + token-type-0 embeddings, LayerNorm; then each layer runs
/// multi-head self-attention (scaled dot product, softmax), its output projection, residual and
/// LayerNorm, then the feed-forward layer (exact-erf GELU between its two projections), residual
/// and LayerNorm (post-LayerNorm BERT); the token vectors are averaged over the text's tokens
/// (`[CLS]` and `[SEP]` included: mean pooling over the attention mask) and scaled to unit length.
///
/// **Layout.** Activations are row-major `tokens × width` (one token's vector contiguous), and so
/// are the weights as PyTorch stores them (`out × in`): a projection is
/// `Y = X · Wᵀ + b`, `cblas_sgemm(RowMajor, NoTrans, Trans, …)`.
///
/// **Batches.** ``embed(batch:threads:)`` packs several texts' tokens one after another into one
/// matrix for the projections and the feed-forward layer, and runs attention per text over that
/// text's own tokens. The result is the same as padding every text to the longest with the padding
/// masked out of attention and pooling, without computing the padding at all.
///
/// **Threads.** The encoder asks OpenBLAS for one thread per call (`openblas_set_num_threads(1)`,
/// process-wide: Stitch parallelises across requests and texts itself, and two BLAS thread pools
/// on two cores only fight). ``embed(ids:)`` runs on the caller's thread; a batch spreads its
/// chunks over `threads` workers.
///
/// Every embedding is checked finite: a NaN or infinity throws rather than flowing on.
///
/// Sendable: the weights are read-only and every call uses its own scratch memory.
public final class SentenceEncoder: @unchecked Sendable {
    /// The encoder's shape.
    public let configuration: EncoderConfiguration
    /// The weights (kept alive here: the pointers below point into their mapping).
    public let weights: SafeTensors

    private struct Layer {
        let query, queryBias, key, keyBias, value, valueBias: UnsafePointer<Float>
        let attentionOutput, attentionOutputBias, attentionNormWeight, attentionNormBias: UnsafePointer<Float>
        let intermediate, intermediateBias, output, outputBias, outputNormWeight, outputNormBias: UnsafePointer<Float>
    }

    private let wordEmbeddings, positionEmbeddings, tokenTypeEmbeddings: UnsafePointer<Float>
    private let embeddingNormWeight, embeddingNormBias: UnsafePointer<Float>
    private let layers: [Layer]

    /// The most tokens packed into one chunk of a batch.
    static let tokensPerChunk = 2048

    /// An encoder over `weights`, whose tensors must carry BERT's names (`embeddings.…`,
    /// `encoder.layer.N.…`, with or without a leading `bert.`) and the shapes `configuration` implies.
    ///
    /// - Throws: ``SafeTensorsError`` naming the tensor that is missing or has another shape or
    ///   dtype.
    public init(weights: SafeTensors, configuration: EncoderConfiguration) throws {
        self.weights = weights
        self.configuration = configuration
        let prefix = weights.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
        let h = configuration.hiddenSize
        let f = configuration.intermediateSize
        func tensor(_ name: String, _ shape: [Int]) throws -> UnsafePointer<Float> {
            try weights.floats(prefix + name, shape: shape).baseAddress!
        }
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [configuration.vocabularySize, h])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [configuration.maxPositions, h])
        tokenTypeEmbeddings = try tensor("embeddings.token_type_embeddings.weight", [configuration.typeVocabularySize, h])
        embeddingNormWeight = try tensor("embeddings.LayerNorm.weight", [h])
        embeddingNormBias = try tensor("embeddings.LayerNorm.bias", [h])
        layers = try (0..<configuration.layerCount).map { index in
            let p = "encoder.layer.\(index)."
            return Layer(
                query: try tensor(p + "attention.self.query.weight", [h, h]),
                queryBias: try tensor(p + "attention.self.query.bias", [h]),
                key: try tensor(p + "attention.self.key.weight", [h, h]),
                keyBias: try tensor(p + "attention.self.key.bias", [h]),
                value: try tensor(p + "attention.self.value.weight", [h, h]),
                valueBias: try tensor(p + "attention.self.value.bias", [h]),
                attentionOutput: try tensor(p + "attention.output.dense.weight", [h, h]),
                attentionOutputBias: try tensor(p + "attention.output.dense.bias", [h]),
                attentionNormWeight: try tensor(p + "attention.output.LayerNorm.weight", [h]),
                attentionNormBias: try tensor(p + "attention.output.LayerNorm.bias", [h]),
                intermediate: try tensor(p + "intermediate.dense.weight", [f, h]),
                intermediateBias: try tensor(p + "intermediate.dense.bias", [f]),
                output: try tensor(p + "output.dense.weight", [h, f]),
                outputBias: try tensor(p + "output.dense.bias", [h]),
                outputNormWeight: try tensor(p + "output.LayerNorm.weight", [h]),
                outputNormBias: try tensor(p + "output.LayerNorm.bias", [h]))
        }
        openblas_set_num_threads(1)
    }

    /// The unit-length embedding of one tokenised text (`[CLS] … [SEP]`), on the caller's thread.
    ///
    /// - Throws: ``SentenceEncoderError`` when `ids` is empty, longer than the position
    ///   embeddings, holds an id outside the vocabulary, or the result is not finite.
    public func embed(ids: [Int32]) throws -> [Float] {
        try forward([ids], firstIndex: 0)[0]
    }

    /// The unit-length embeddings of many tokenised texts, in order, the work spread over
    /// `threads` workers (each in chunks of at most 2,048 tokens).
    ///
    /// - Throws: as ``embed(ids:)``, for the first failing text.
    public func embed(batch: [[Int32]], threads: Int = 1) throws -> [[Float]] {
        var chunks: [Range<Int>] = []
        var start = 0
        var tokens = 0
        for (index, ids) in batch.enumerated() {
            if index > start, tokens + ids.count > Self.tokensPerChunk {
                chunks.append(start..<index)
                start = index
                tokens = 0
            }
            tokens += ids.count
        }
        if start < batch.count { chunks.append(start..<batch.count) }
        let workers = max(1, min(threads, chunks.count))
        if workers == 1 {
            return try chunks.flatMap { try forward(batch[$0], firstIndex: $0.lowerBound) }
        }
        let results = ChunkResults(count: chunks.count)
        let ranges = chunks
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let chunk = results.next() {
                let range = ranges[chunk]
                results.store(chunk, Result { try self.forward(batch[range], firstIndex: range.lowerBound) })
            }
        }
        return try results.collect()
    }

    /// The embeddings of `sequences`, packed into one matrix.
    private func forward(_ sequences: ArraySlice<[Int32]>, firstIndex: Int) throws -> [[Float]] {
        let c = configuration
        let h = c.hiddenSize
        let f = c.intermediateSize
        let headWidth = h / c.headCount
        var offsets: [Int] = []
        var total = 0
        var longest = 0
        for (index, ids) in zip(firstIndex..., sequences) {
            guard !ids.isEmpty else {
                throw SentenceEncoderError(description: "text \(index) has no tokens (it needs at least [CLS] and [SEP])")
            }
            guard ids.count <= c.maxPositions else {
                throw SentenceEncoderError(
                    description: "text \(index) has \(ids.count) tokens, more than the \(c.maxPositions) positions")
            }
            if let bad = ids.first(where: { $0 < 0 || Int($0) >= c.vocabularySize }) {
                throw SentenceEncoderError(
                    description: "text \(index) has token id \(bad), outside the vocabulary of \(c.vocabularySize)")
            }
            offsets.append(total)
            total += ids.count
            longest = max(longest, ids.count)
        }

        let x = Scratch(total * h)
        let q = Scratch(total * h)
        let k = Scratch(total * h)
        let v = Scratch(total * h)
        let context = Scratch(total * h)
        let y = Scratch(total * h)
        let inner = Scratch(total * f)
        let scores = Scratch(longest * longest)
        defer { [x, q, k, v, context, y, inner, scores].forEach { $0.free() } }

        // Embeddings.
        for (sequence, ids) in sequences.enumerated() {
            for (position, id) in ids.enumerated() {
                let row = x.pointer + (offsets[sequence] + position) * h
                let word = wordEmbeddings + Int(id) * h
                let place = positionEmbeddings + position * h
                for j in 0..<h { row[j] = word[j] + place[j] + tokenTypeEmbeddings[j] }
            }
        }
        layerNorm(x.pointer, rows: total, weight: embeddingNormWeight, bias: embeddingNormBias)

        let scale = 1 / Float(headWidth).squareRoot()
        for layer in layers {
            linear(x.pointer, rows: total, inputs: h, weight: layer.query, bias: layer.queryBias, outputs: h, into: q.pointer)
            linear(x.pointer, rows: total, inputs: h, weight: layer.key, bias: layer.keyBias, outputs: h, into: k.pointer)
            linear(x.pointer, rows: total, inputs: h, weight: layer.value, bias: layer.valueBias, outputs: h, into: v.pointer)
            for (sequence, ids) in sequences.enumerated() {
                let n = Int32(ids.count)
                let base = offsets[sequence] * h
                for head in 0..<c.headCount {
                    let column = base + head * headWidth
                    // scores = scale · Q_h · K_hᵀ (n × n)
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, n, n, Int32(headWidth), scale, q.pointer + column,
                        Int32(h), k.pointer + column, Int32(h), 0, scores.pointer, n)
                    softmaxRows(scores.pointer, rows: ids.count)
                    // context_h = softmax(scores) · V_h (n × headWidth), into the head's columns.
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, n, Int32(headWidth), n, 1, scores.pointer, n,
                        v.pointer + column, Int32(h), 0, context.pointer + column, Int32(h))
                }
            }
            linear(
                context.pointer, rows: total, inputs: h, weight: layer.attentionOutput, bias: layer.attentionOutputBias,
                outputs: h, into: y.pointer)
            addInPlace(x.pointer, y.pointer, count: total * h)
            layerNorm(x.pointer, rows: total, weight: layer.attentionNormWeight, bias: layer.attentionNormBias)
            linear(
                x.pointer, rows: total, inputs: h, weight: layer.intermediate, bias: layer.intermediateBias, outputs: f,
                into: inner.pointer)
            gelu(inner.pointer, count: total * f)
            linear(inner.pointer, rows: total, inputs: f, weight: layer.output, bias: layer.outputBias, outputs: h, into: y.pointer)
            addInPlace(x.pointer, y.pointer, count: total * h)
            layerNorm(x.pointer, rows: total, weight: layer.outputNormWeight, bias: layer.outputNormBias)
        }

        // Mean pooling and unit length.
        var embeddings: [[Float]] = []
        embeddings.reserveCapacity(sequences.count)
        for (sequence, ids) in sequences.enumerated() {
            var pooled = [Float](repeating: 0, count: h)
            for position in 0..<ids.count {
                let row = x.pointer + (offsets[sequence] + position) * h
                for j in 0..<h { pooled[j] += row[j] }
            }
            var squares: Float = 0
            for j in 0..<h {
                pooled[j] /= Float(ids.count)
                squares += pooled[j] * pooled[j]
            }
            let norm = squares.squareRoot()
            guard norm.isFinite, norm > 0 else {
                throw SentenceEncoderError(
                    description: "the embedding of text \(firstIndex + sequence) is not finite or is zero (norm \(norm))")
            }
            for j in 0..<h { pooled[j] /= norm }
            embeddings.append(pooled)
        }
        return embeddings
    }

    // MARK: Kernels

    /// `output = input · weightᵀ + bias`: `input` is `rows × inputs`, `weight` `outputs × inputs`.
    private func linear(
        _ input: UnsafePointer<Float>, rows: Int, inputs: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        outputs: Int, into output: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows {
            (output + row * outputs).update(from: bias, count: outputs)
        }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs), 1, input, Int32(inputs),
            weight, Int32(inputs), 1, output, Int32(outputs))
    }

    /// LayerNorm of each `hiddenSize`-wide row, in place.
    private func layerNorm(
        _ x: UnsafeMutablePointer<Float>, rows: Int, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>
    ) {
        let h = configuration.hiddenSize
        let epsilon = configuration.layerNormEpsilon
        for r in 0..<rows {
            let row = x + r * h
            var sum: Float = 0
            for j in 0..<h { sum += row[j] }
            let mean = sum / Float(h)
            var squares: Float = 0
            for j in 0..<h {
                let d = row[j] - mean
                squares += d * d
            }
            let inverse = 1 / (squares / Float(h) + epsilon).squareRoot()
            for j in 0..<h { row[j] = (row[j] - mean) * inverse * weight[j] + bias[j] }
        }
    }

    /// The softmax of each row of a `rows × rows` matrix, in place.
    private func softmaxRows(_ s: UnsafeMutablePointer<Float>, rows: Int) {
        for r in 0..<rows {
            let row = s + r * rows
            var largest = -Float.infinity
            for j in 0..<rows { largest = max(largest, row[j]) }
            var sum: Float = 0
            for j in 0..<rows {
                let e = expf(row[j] - largest)
                row[j] = e
                sum += e
            }
            let inverse = 1 / sum
            for j in 0..<rows { row[j] *= inverse }
        }
    }

    /// GELU with the exact error function, `x · (1 + erf(x / √2)) / 2`, in place.
    private func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRoot2 = Float(0.5).squareRoot()
        for i in 0..<count {
            let value = x[i]
            x[i] = 0.5 * value * (1 + erff(value * inverseRoot2))
        }
    }

    private func addInPlace(_ x: UnsafeMutablePointer<Float>, _ y: UnsafePointer<Float>, count: Int) {
        for i in 0..<count { x[i] += y[i] }
    }
}

/// Scratch memory of one call.
private struct Scratch {
    let pointer: UnsafeMutablePointer<Float>

    init(_ count: Int) {
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    func free() { pointer.deallocate() }
}

/// The chunks of a batch handed out to workers, and their results.
private final class ChunkResults: @unchecked Sendable {
    // Sendable: every access goes through `lock`.
    private let lock = NSLock()
    private var nextChunk = 0
    private var results: [Result<[[Float]], any Error>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.withLock {
            guard nextChunk < results.count else { return nil }
            defer { nextChunk += 1 }
            return nextChunk
        }
    }

    func store(_ chunk: Int, _ result: Result<[[Float]], any Error>) {
        lock.withLock { results[chunk] = result }
    }

    func collect() throws -> [[Float]] {
        try lock.withLock { try results.flatMap { try $0!.get() } }
    }
}
