import Foundation
import StitchNumerics
import Testing

@Suite("CooccurrenceEmbedding: PPMI + SVD + cosine, against numpy")
struct CooccurrenceEmbeddingTests {
    struct Input: Encodable {
        let sets: [[Int]]
        let itemCount: Int
        let rank: Int
    }

    struct Reference: Decodable {
        let similarity: NumPyReference.MatrixJSON
        let singularValues: [Double]
        let gram: NumPyReference.MatrixJSON
        let rankGap: Double
    }

    /// The algorithm of `CooccurrenceEmbedding`'s documentation, written densely in numpy.
    static let script = """
        n = inp["itemCount"]; k = min(inp["rank"], n)
        X = np.zeros((len(inp["sets"]), n))
        for member, items in enumerate(inp["sets"]):
            X[member, items] = 1.0
        C = X.T @ X
        c = C.sum(axis=1); N = C.sum()
        P = np.zeros_like(C)
        if N > 0:
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = C * N / np.outer(c, c)
            mask = C > 0
            P[mask] = np.maximum(0.0, np.log(ratio[mask]))
        U, s, Vt = np.linalg.svd(P)
        E = U[:, :k] * np.sqrt(s[:k])
        norms = np.linalg.norm(E, axis=1)
        S = np.zeros((n, n))
        for i in range(n):
            for j in range(n):
                if norms[i] >= 1e-12 and norms[j] >= 1e-12:
                    S[i, j] = min(1.0, max(0.0, E[i] @ E[j] / (norms[i] * norms[j])))
        np.fill_diagonal(S, 1.0)
        gap = float(s[k - 1] - s[k]) if 0 < k < n else float("inf")
        out({"similarity": matjson(S), "singularValues": s[:k].tolist(), "gram": matjson(E @ E.T),
             "rankGap": gap if np.isfinite(gap) else 1e300})
        """

    static let itemCount = 60
    static let clusterSize = 10

    /// 500 members over 60 items in 6 planted clusters of 10: each member mostly holds items of
    /// one "home" cluster (85%), sometimes any item, sometimes the same item twice.
    static func plantedSets() -> [[Int]] {
        var generator = SplitMix64(seed: 0x5EED_0008)
        let clusters = itemCount / clusterSize
        return (0..<500).map { _ in
            let home = Int.random(in: 0..<clusters, using: &generator)
            let size = Int.random(in: 1...8, using: &generator)
            return (0..<size).map { _ in
                if Double.random(in: 0..<1, using: &generator) < 0.85 {
                    return home * clusterSize + Int.random(in: 0..<clusterSize, using: &generator)
                }
                return Int.random(in: 0..<itemCount, using: &generator)
            }
        }
    }

    @Test func matchesNumPyOnPlantedClusters() throws {
        let sets = Self.plantedSets()
        let embedding = try CooccurrenceEmbedding(sets: sets, itemCount: Self.itemCount)
        let reference = try NumPyReference.run(
            Self.script, input: Input(sets: sets, itemCount: Self.itemCount, rank: 24), as: Reference.self)
        let n = Self.itemCount
        let sigmaMax = reference.singularValues.first ?? 1

        #expect(embedding.rank == 24)
        #expect((embedding.embedding.rows, embedding.embedding.columns) == (n, 24))
        // The cut between the 24th and 25th singular values must be clear for the comparison to mean anything.
        #expect(reference.rankGap > 1e-6 * sigmaMax)
        #expect(Fixtures.maxAbsDifference(embedding.singularValues, reference.singularValues) <= 1e-10 * sigmaMax)
        let gram = try embedding.embedding.multiplied(by: embedding.embedding.transposed())
        #expect(Fixtures.maxAbsDifference(gram.columnMajor, reference.gram.columnMajor) <= 1e-10 * sigmaMax)

        let expected = try reference.similarity.matrix()
        var worst = 0.0
        for j in 0..<n {
            for i in 0..<n {
                worst = max(worst, abs(embedding.similarity(i, j) - expected[i, j]))
            }
        }
        #expect(worst <= 1e-8)
    }

    @Test func plantedClustersAreMoreSimilarWithinThanAcross() throws {
        let embedding = try CooccurrenceEmbedding(sets: Self.plantedSets(), itemCount: Self.itemCount)
        var within = (sum: 0.0, count: 0)
        var across = (sum: 0.0, count: 0)
        for i in 0..<Self.itemCount {
            for j in 0..<Self.itemCount where i != j {
                let similarity = embedding.similarity(i, j)
                #expect(similarity >= 0 && similarity <= 1)
                #expect(similarity == embedding.similarity(j, i))
                if i / Self.clusterSize == j / Self.clusterSize {
                    within.sum += similarity
                    within.count += 1
                } else {
                    across.sum += similarity
                    across.count += 1
                }
            }
            #expect(embedding.similarity(i, i) == 1)
        }
        let meanWithin = within.sum / Double(within.count)
        let meanAcross = across.sum / Double(across.count)
        #expect(meanWithin > meanAcross + 0.3, "within \(meanWithin), across \(meanAcross)")
    }

    @Test func documentedExample() throws {
        // Items held by the same members are similar; items of separate clusters are not.
        let embedding = try CooccurrenceEmbedding(sets: [[0, 1], [0, 1], [2, 3], [2, 3], [1, 3]], itemCount: 4, rank: 2)
        #expect(abs(embedding.similarity(0, 1) - 1) <= 1e-9)
        #expect(abs(embedding.similarity(2, 3) - 1) <= 1e-9)
        #expect(embedding.similarity(0, 2) <= 1e-9)
        // An item everyone holds carries no information: it is similar to nothing else.
        let ubiquitous = try CooccurrenceEmbedding(sets: [[0, 1], [0, 1], [1, 2]], itemCount: 3, rank: 2)
        #expect(ubiquitous.similarity(0, 1) <= 1e-12)
    }

    @Test func duplicatesCountOnce() throws {
        let plain = try CooccurrenceEmbedding(sets: [[0, 1], [1, 2], [0, 1, 3], [2, 3]], itemCount: 4, rank: 2)
        let repeated = try CooccurrenceEmbedding(
            sets: [[0, 1, 0], [1, 2, 2, 1], [3, 0, 1, 3], [2, 3]], itemCount: 4, rank: 2)
        #expect(plain.singularValues == repeated.singularValues)
        for i in 0..<4 {
            for j in 0..<4 {
                #expect(plain.similarity(i, j) == repeated.similarity(i, j))
            }
        }
    }

    @Test func rankIsClampedAndInputValidated() throws {
        let small = try CooccurrenceEmbedding(sets: [[0, 1], [1, 2]], itemCount: 3, rank: 100)
        #expect(small.rank == 3)
        #expect(small.embedding.columns == 3)
        #expect(throws: LAPACKError.self) { try CooccurrenceEmbedding(sets: [[0, 3]], itemCount: 3) }
        #expect(throws: LAPACKError.self) { try CooccurrenceEmbedding(sets: [[-1]], itemCount: 3) }
        #expect(throws: LAPACKError.self) { try CooccurrenceEmbedding(sets: [], itemCount: -1) }
        #expect(throws: LAPACKError.self) { try CooccurrenceEmbedding(sets: [], itemCount: 3, rank: -2) }
    }

    @Test func degenerateInputs() throws {
        let empty = try CooccurrenceEmbedding(sets: [], itemCount: 0)
        #expect(empty.rank == 0 && empty.singularValues.isEmpty)
        #expect(empty.similarity(0, 0) == 1 && empty.similarity(0, 1) == 0)

        // Nobody holds two items: each item keeps only its own company, so nothing is similar to anything else.
        let singletons = try CooccurrenceEmbedding(sets: [[0], [1], [2, 2]], itemCount: 3)
        #expect(singletons.singularValues.allSatisfy { abs($0 - log(3.0)) < 1e-12 })
        #expect(singletons.similarity(0, 1) == 0 && singletons.similarity(2, 2) == 1)

        let unseen = try CooccurrenceEmbedding(sets: [[0, 1]], itemCount: 2)
        #expect(unseen.similarity(0, 7) == 0 && unseen.similarity(7, 7) == 1)
    }
}
