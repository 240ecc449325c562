/// Turns texts into unit vectors whose dot products say how close the texts are in meaning:
/// a sentence encoder (Stitch's is all-MiniLM-L6-v2, run locally; see docs/scoring.md).
///
/// The engine asks for the vector of every skill, interest and topic term once, when it is
/// built or when a write brings a new term, and for a request's words when it is asked; an
/// implementation is expected to cache by text. Nothing here reads files: the application
/// layer hands the engine an embedder it has loaded.
public protocol TextEmbedder: Sendable {
    /// The length of every vector.
    var dimension: Int { get }

    /// One unit vector per text, in order.
    func embed(_ texts: [String]) throws -> [[Float]]
}

/// What lets the engine match by meaning: an embedder and the curve that turns a cosine into
/// a skill level.
public struct MeaningModel: Sendable {
    /// The sentence encoder.
    public let embedder: any TextEmbedder
    /// Cosine → skill level.
    public let curve: MeaningCurve

    public init(embedder: any TextEmbedder, curve: MeaningCurve = .fitted) {
        self.embedder = embedder
        self.curve = curve
    }
}
