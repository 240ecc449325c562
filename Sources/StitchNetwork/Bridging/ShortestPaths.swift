/// One source's weighted shortest paths and Brandes' dependency accumulation, in buffers reused
/// from source to source (reset only where a search went).
///
/// A tie's length is `1 / weight`. Dijkstra's search with a 4-ary heap of `(distance, node)`
/// and lazy deletion settles members in order of distance, counting shortest paths `σ`: a tie
/// that reaches a member at exactly its best distance adds the path counts of the member it
/// comes from, as networkx's `_single_source_dijkstra_path_basic` does. The accumulation then
/// walks the settled members backwards: `δ(u) += σ(u) / σ(v) · (1 + δ(v))` for each predecessor
/// `u` of `v`, a neighbour with `d(u) + ℓ(u, v) = d(v)` exactly.
final class ShortestPaths {
    let offsets: UnsafeMutableBufferPointer<Int>
    /// Each stored tie's neighbour and length (`1 / weight`), side by side so a row is one stream.
    let ties: UnsafeMutableBufferPointer<Tie>

    struct Tie {
        var length: Double
        var column: Int32
    }
    let distance: UnsafeMutableBufferPointer<Double>
    let paths: UnsafeMutableBufferPointer<Double>
    let dependency: UnsafeMutableBufferPointer<Double>
    let settled: UnsafeMutableBufferPointer<Bool>
    /// Settled members in order; `count` of them.
    let order: UnsafeMutableBufferPointer<Int32>
    var count = 0
    /// The heap: at most one entry per relaxation, so the number of stored ties plus one.
    let heapKeys: UnsafeMutableBufferPointer<Double>
    let heapNodes: UnsafeMutableBufferPointer<Int32>
    var heapCount = 0

    init(graph: CommunityGraph) {
        let n = max(graph.nodeCount, 1)
        let m = graph.columns.count + 1
        self.offsets = .allocate(capacity: graph.offsets.count)
        _ = self.offsets.initialize(from: graph.offsets)
        self.ties = .allocate(capacity: m)
        self.ties.initialize(repeating: Tie(length: 0, column: 0))
        for e in 0..<graph.columns.count { self.ties[e] = Tie(length: 1 / graph.weights[e], column: graph.columns[e]) }
        self.distance = .allocate(capacity: n)
        self.distance.initialize(repeating: .infinity)
        self.paths = .allocate(capacity: n)
        self.paths.initialize(repeating: 0)
        self.dependency = .allocate(capacity: n)
        self.dependency.initialize(repeating: 0)
        self.settled = .allocate(capacity: n)
        self.settled.initialize(repeating: false)
        self.order = .allocate(capacity: n)
        self.order.initialize(repeating: 0)
        self.heapKeys = .allocate(capacity: m)
        self.heapKeys.initialize(repeating: 0)
        self.heapNodes = .allocate(capacity: m)
        self.heapNodes.initialize(repeating: 0)
    }

    deinit {
        for buffer in [self.distance, self.paths, self.dependency, self.heapKeys] { buffer.deallocate() }
        for buffer in [self.order, self.heapNodes] { buffer.deallocate() }
        self.ties.deallocate()
        self.offsets.deallocate()
        self.settled.deallocate()
    }

    /// Adds every member's dependency on source `s` (`δ_s(v)`, `s` itself excluded) to `raw`.
    func accumulate(from s: Int, into raw: UnsafeMutableBufferPointer<Double>) {
        self.search(from: s)
        var i = self.count - 1
        while i >= 0 {
            let v = Int(self.order[i])
            let coefficient = (1 + self.dependency[v]) / self.paths[v]
            let dv = self.distance[v]
            for e in self.offsets[v]..<self.offsets[v + 1] {
                let tie = self.ties[e]
                let u = Int(tie.column)
                if self.distance[u] + tie.length == dv { self.dependency[u] += self.paths[u] * coefficient }
            }
            if v != s { raw[v] += self.dependency[v] }
            i -= 1
        }
        for i in 0..<self.count {
            let v = Int(self.order[i])
            self.distance[v] = .infinity
            self.paths[v] = 0
            self.dependency[v] = 0
            self.settled[v] = false
        }
    }

    /// Dijkstra's search from `s`: distances, path counts and the settling order.
    func search(from s: Int) {
        self.count = 0
        self.heapCount = 0
        self.distance[s] = 0
        self.paths[s] = 1
        self.push(0, Int32(s))
        while self.heapCount > 0 {
            let d = self.heapKeys[0]
            let v = Int(self.heapNodes[0])
            self.popTop()
            if self.settled[v] { continue }
            self.settled[v] = true
            self.order[self.count] = Int32(v)
            self.count += 1
            let sigma = self.paths[v]
            for e in self.offsets[v]..<self.offsets[v + 1] {
                let tie = self.ties[e]
                let w = Int(tie.column)
                if self.settled[w] { continue }
                let candidate = d + tie.length
                if candidate < self.distance[w] {
                    self.distance[w] = candidate
                    self.paths[w] = sigma
                    self.push(candidate, Int32(w))
                } else if candidate == self.distance[w] {
                    self.paths[w] += sigma
                }
            }
        }
    }

    /// A 4-ary heap: half the levels of a binary one, and the four children of a node share a
    /// cache line or two.
    func push(_ key: Double, _ node: Int32) {
        var i = self.heapCount
        self.heapCount += 1
        while i > 0 {
            let parent = (i - 1) >> 2
            guard key < self.heapKeys[parent] else { break }
            self.heapKeys[i] = self.heapKeys[parent]
            self.heapNodes[i] = self.heapNodes[parent]
            i = parent
        }
        self.heapKeys[i] = key
        self.heapNodes[i] = node
    }

    /// Removes the smallest entry.
    func popTop() {
        self.heapCount -= 1
        let count = self.heapCount
        guard count > 0 else { return }
        let lastKey = self.heapKeys[count]
        let lastNode = self.heapNodes[count]
        var i = 0
        while true {
            let first = 4 * i + 1
            guard first < count else { break }
            var child = first
            var smallest = self.heapKeys[first]
            let end = min(first + 4, count)
            var c = first + 1
            while c < end {
                if self.heapKeys[c] < smallest {
                    smallest = self.heapKeys[c]
                    child = c
                }
                c += 1
            }
            guard smallest < lastKey else { break }
            self.heapKeys[i] = smallest
            self.heapNodes[i] = self.heapNodes[child]
            i = child
        }
        self.heapKeys[i] = lastKey
        self.heapNodes[i] = lastNode
    }
}
