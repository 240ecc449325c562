/// One level of the Leiden algorithm: the tie graph itself, or an aggregate whose nodes are
/// sub-communities of the level below.
///
/// Compressed rows without self-ties (a node's inner ties only add to its weight), each node's
/// weight (the summed weighted degree of the members it stands for) and the total `2m`, which
/// every level shares. Rows of an aggregate are in a fixed but unsorted order.
struct LeidenLevel: Sendable {
    let nodeCount: Int
    let offsets: [Int]
    let columns: [Int32]
    let weights: [Double]
    /// `k_v`: the weighted degree of node `v` (on an aggregate, the sum over its members).
    let nodeWeights: [Double]
    /// `2m`: the sum of every node's weight.
    let totalWeight: Double

    /// The base level: the tie graph.
    init(graph: CommunityGraph) {
        self.init(
            nodeCount: graph.nodeCount, offsets: graph.offsets, columns: graph.columns, weights: graph.weights,
            nodeWeights: graph.strengths, totalWeight: graph.strengths.reduce(0, +))
    }

    init(
        nodeCount: Int, offsets: [Int], columns: [Int32], weights: [Double], nodeWeights: [Double], totalWeight: Double
    ) {
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.columns = columns
        self.weights = weights
        self.nodeWeights = nodeWeights
        self.totalWeight = totalWeight
    }

    /// Runs `body` with the level's arrays as buffers, so inner loops index memory directly.
    func withBuffers<R>(
        _ body: (
            _ offsets: UnsafeBufferPointer<Int>, _ columns: UnsafeBufferPointer<Int32>,
            _ weights: UnsafeBufferPointer<Double>, _ nodeWeights: UnsafeBufferPointer<Double>
        ) -> R
    ) -> R {
        self.offsets.withUnsafeBufferPointer { offsets in
            self.columns.withUnsafeBufferPointer { columns in
                self.weights.withUnsafeBufferPointer { weights in
                    self.nodeWeights.withUnsafeBufferPointer { nodeWeights in
                        body(offsets, columns, weights, nodeWeights)
                    }
                }
            }
        }
    }

    /// The aggregate on `labels` (`0..<count`): one node per label, ties between labels summed,
    /// ties inside a label dropped (they stay in its weight).
    func aggregate(by labels: [Int32], count: Int, work: LeidenWorkspace) -> LeidenLevel {
        let n = self.nodeCount
        var start = [Int](repeating: 0, count: count + 1)
        for v in 0..<n { start[Int(labels[v]) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var members = [Int32](repeating: 0, count: n)
        var cursor = start
        for v in 0..<n {
            let c = Int(labels[v])
            members[cursor[c]] = Int32(v)
            cursor[c] += 1
        }
        var nodeWeights = [Double](repeating: 0, count: count)
        var offsets = [Int](repeating: 0, count: count + 1)
        var columns: [Int32] = []
        var weights: [Double] = []
        columns.reserveCapacity(self.columns.count / 2)
        weights.reserveCapacity(self.columns.count / 2)
        let (weightTo, touched) = (work.weightTo, work.touched)
        for c in 0..<count {
            var touchedCount = 0
            var k = 0.0
            for i in start[c]..<start[c + 1] {
                let v = Int(members[i])
                k += self.nodeWeights[v]
                for e in self.offsets[v]..<self.offsets[v + 1] {
                    let d = Int(labels[Int(self.columns[e])])
                    guard d != c else { continue }
                    if weightTo[d] == 0 {
                        touched[touchedCount] = Int32(d)
                        touchedCount += 1
                    }
                    weightTo[d] += self.weights[e]
                }
            }
            nodeWeights[c] = k
            for t in 0..<touchedCount {
                let d = Int(touched[t])
                columns.append(Int32(d))
                weights.append(weightTo[d])
                weightTo[d] = 0
            }
            offsets[c + 1] = columns.count
        }
        return LeidenLevel(
            nodeCount: count, offsets: offsets, columns: columns, weights: weights, nodeWeights: nodeWeights,
            totalWeight: self.totalWeight)
    }
}

/// Scratch memory of the Leiden algorithm, sized once for the base graph and reused by every
/// level and iteration: per-community weights of the node in hand (all zero between uses), the
/// communities it touched, the queue of local moving and who is queued, and the refinement's
/// candidates and their chances. Raw buffers, so the inner loops index memory directly.
final class LeidenWorkspace {
    let weightTo: UnsafeMutableBufferPointer<Double>
    let touched: UnsafeMutableBufferPointer<Int32>
    let queue: UnsafeMutableBufferPointer<Int32>
    let inQueue: UnsafeMutableBufferPointer<Bool>
    let chances: UnsafeMutableBufferPointer<Double>
    /// Per community of the level in hand: its weight and its number of nodes.
    let total: UnsafeMutableBufferPointer<Double>
    let size: UnsafeMutableBufferPointer<Int32>

    init(nodeCount n: Int) {
        let size = max(n, 1)
        self.weightTo = .allocate(capacity: size)
        self.weightTo.initialize(repeating: 0)
        self.touched = .allocate(capacity: size)
        self.touched.initialize(repeating: 0)
        self.queue = .allocate(capacity: size)
        self.queue.initialize(repeating: 0)
        self.inQueue = .allocate(capacity: size)
        self.inQueue.initialize(repeating: false)
        self.chances = .allocate(capacity: size)
        self.chances.initialize(repeating: 0)
        self.total = .allocate(capacity: size)
        self.total.initialize(repeating: 0)
        self.size = .allocate(capacity: size)
        self.size.initialize(repeating: 0)
    }

    deinit {
        self.weightTo.deallocate()
        self.touched.deallocate()
        self.queue.deallocate()
        self.inQueue.deallocate()
        self.chances.deallocate()
        self.total.deallocate()
        self.size.deallocate()
    }

    /// Writes a seeded random order of `0..<n` into `queue` (Fisher–Yates).
    func shuffle(_ n: Int, random: inout SeededRandom) {
        for i in 0..<n { self.queue[i] = Int32(i) }
        var i = n - 1
        while i > 0 {
            let j = random.below(i + 1)
            self.queue.swapAt(i, j)
            i -= 1
        }
    }
}
