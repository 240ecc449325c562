import Foundation
import StitchNetwork
import StitchNumerics
import Testing

/// The embedding's eigenpairs against numpy (`eigh`, dense) and scipy (`eigsh`, ARPACK).
@Suite("Spectral embedding against numpy and scipy")
struct SpectralReferenceTests {
    struct Reference: Decodable {
        let values: [Double]
        let vectors: [[Double]]
    }

    static let denseScript = """
        L = laplacian(inp["graph"]).toarray()
        k = inp["k"]
        w, v = np.linalg.eigh(L)
        out({"values": w[:k].tolist(), "vectors": v[:, :k].T.tolist()})
        """

    static let sparseScript = """
        w, d, A = adjacency(inp["graph"])
        k = inp["k"]
        theta, v = sla.eigsh(A, k=k, which="LA", tol=0, v0=np.ones(A.shape[0]))
        order = np.argsort(-theta)
        out({"values": (1 - theta[order]).tolist(), "vectors": v[:, order].T.tolist()})
        """

    struct Input: Encodable {
        let graph: TestGraphs.JSON
        let k: Int
    }

    /// Compares eigenvalues to a relative 1e-8 (absolute near 0) and eigenvectors by the largest
    /// principal angle between the spans of each cluster of (near-)equal eigenvalues.
    static func compare(_ embedding: SpectralEmbedding, _ reference: Reference, valueTolerance: Double = 1e-8) throws {
        let k = reference.values.count
        try #require(embedding.eigenvalues.count == k)
        for (mine, theirs) in zip(embedding.eigenvalues, reference.values) {
            #expect(abs(mine - theirs) <= valueTolerance * max(abs(theirs), 1e-2), "\(mine) vs \(theirs)")
        }
        let vectors = embedding.eigenvectors
        var start = 0
        while start < k {
            var end = start + 1
            while end < k, reference.values[end] - reference.values[end - 1] < 1e-6 { end += 1 }
            let angle = try Subspaces.largestAngle(
                (start..<end).map { vectors.column($0) }, (start..<end).map { reference.vectors[$0] })
            #expect(angle < 1e-6, "eigenvectors \(start)..<\(end) differ by \(angle) rad")
            start = end
        }
    }

    @Test func densePathMatchesNumpyOnAWeightedBlockModel() throws {
        let g = TestGraphs.stochasticBlockModel(
            blocks: [60, 50, 40, 30], pIn: 0.2, pOut: 0.01, seed: 11, weighted: true)
        let embedding = try SpectralEmbedding(graph: g.graph, count: 8)
        #expect(!embedding.usedLanczos)
        let reference = try PythonReference.run(Self.denseScript, input: Input(graph: g.json, k: 8), as: Reference.self)
        try Self.compare(embedding, reference)
        #expect(embedding.residuals.allSatisfy { $0 < 1e-10 })
    }

    @Test func lanczosPathMatchesScipyEigsh() throws {
        let g = TestGraphs.stochasticBlockModel(
            blocks: [200, 180, 160, 140, 120], pIn: 0.06, pOut: 0.004, seed: 5, weighted: true)
        let options = SpectralEmbedding.Options(denseLimit: 0, tolerance: 1e-10)
        let embedding = try SpectralEmbedding(graph: g.graph, count: 10, options: options)
        #expect(embedding.usedLanczos && embedding.converged)
        #expect(embedding.residuals.allSatisfy { $0 < 1e-9 }, "\(embedding.residuals)")
        let reference = try PythonReference.run(
            Self.sparseScript, input: Input(graph: g.json, k: 10), as: Reference.self)
        try Self.compare(embedding, reference)
        let dense = try PythonReference.run(Self.denseScript, input: Input(graph: g.json, k: 10), as: Reference.self)
        try Self.compare(embedding, dense)
    }
}
