import Foundation
import StitchNetwork
import StitchTestSupport

/// Stochastic block models of thousands of members, drawn in time proportional to the ties: each
/// pair inside a block is tied with probability `p_in`, across blocks with `p_out`, by skipping
/// a geometric number of pairs between ties (exact Bernoulli draws without visiting every pair).
enum LargeBlockModel {
    /// `blocks` blocks of `size`; `meanInside` and `meanAcross` are a member's expected ties inside
    /// its block and to the other blocks.
    static func make(
        blocks: Int, size: Int, meanInside: Double, meanAcross: Double, seed: UInt64
    ) -> (graph: CommunityGraph, labels: [Int], json: TestGraphs.JSON) {
        var rng = SplitMix64(seed: seed)
        let n = blocks * size
        let pIn = meanInside / Double(size - 1)
        let pOut = blocks > 1 ? meanAcross / Double(n - size) : 0
        var triples: [(Int, Int, Double)] = []
        /// Positions `0..<count` drawn each with probability `p`, in order.
        func draws(_ count: Int, _ p: Double, _ body: (Int) -> Void) {
            guard p > 0 else { return }
            var position = -1
            let scale = log(1 - min(p, 0.999_999))
            while true {
                let u = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &rng)
                position += 1 + Int(log(u) / scale)
                guard position < count else { return }
                body(position)
            }
        }
        for b in 0..<blocks {
            // Pairs i < j inside block b, row by row.
            var row = 0
            var rowStart = 0
            draws(size * (size - 1) / 2, pIn) { index in
                while index >= rowStart + (size - 1 - row) {
                    rowStart += size - 1 - row
                    row += 1
                }
                let i = b * size + row
                triples.append((i, i + 1 + index - rowStart, 1))
            }
            for other in (b + 1)..<blocks {
                draws(size * size, pOut) { index in
                    triples.append((b * size + index / size, other * size + index % size, 1))
                }
            }
        }
        let labels = (0..<n).map { $0 / size }
        return (CommunityGraph(nodeCount: n, edges: EdgeList(triples)), labels, TestGraphs.json(n, triples))
    }
}
