/// One source's weighted shortest paths and Brandes' dependency accumulation, on flat arrays
/// reused from source to source (the arrays are reset only where a search went).
///
/// A tie's length is `1 / weight`. Dijkstra's search with a binary heap of `(distance, node)`
/// and lazy deletion settles members in order of distance, counting shortest paths `σ`: a tie
/// that reaches a member at exactly its best distance adds the path counts of the member it
/// comes from, as networkx's `_single_source_dijkstra_path_basic` does. The accumulation then
/// walks the settled members backwards: `δ(u) += σ(u) / σ(v) · (1 + δ(v))` for each predecessor
/// `u` of `v`, a neighbour with `d(u) + ℓ(u, v) = d(v)` exactly.
struct ShortestPaths {
    let graph: CommunityGraph
    /// `1 / weight` of each stored tie.
    let lengths: [Double]
    var distance: [Double]
    var paths: [Double]
    var dependency: [Double]
    var settled: [Bool]
    var order: [Int32] = []
    var heapKeys: [Double] = []
    var heapNodes: [Int32] = []

    init(graph: CommunityGraph) {
        let n = graph.nodeCount
        self.graph = graph
        self.lengths = graph.weights.map { 1 / $0 }
        self.distance = [Double](repeating: .infinity, count: n)
        self.paths = [Double](repeating: 0, count: n)
        self.dependency = [Double](repeating: 0, count: n)
        self.settled = [Bool](repeating: false, count: n)
    }

    /// Adds every member's dependency on source `s` (`δ_s(v)`, `s` itself excluded) to `raw`.
    mutating func accumulate(from s: Int, into raw: inout [Double]) {
        self.search(from: s)
        let offsets = self.graph.offsets
        let columns = self.graph.columns
        var i = self.order.count - 1
        while i >= 0 {
            let v = Int(self.order[i])
            let coefficient = (1 + self.dependency[v]) / self.paths[v]
            let dv = self.distance[v]
            for e in offsets[v]..<offsets[v + 1] {
                let u = Int(columns[e])
                if self.distance[u] + self.lengths[e] == dv { self.dependency[u] += self.paths[u] * coefficient }
            }
            if v != s { raw[v] += self.dependency[v] }
            i -= 1
        }
        for v in self.order {
            self.distance[Int(v)] = .infinity
            self.paths[Int(v)] = 0
            self.dependency[Int(v)] = 0
            self.settled[Int(v)] = false
        }
    }

    /// Dijkstra's search from `s`: distances, path counts and the settling order.
    mutating func search(from s: Int) {
        let offsets = self.graph.offsets
        let columns = self.graph.columns
        self.order.removeAll(keepingCapacity: true)
        self.heapKeys.removeAll(keepingCapacity: true)
        self.heapNodes.removeAll(keepingCapacity: true)
        self.distance[s] = 0
        self.paths[s] = 1
        self.push(0, Int32(s))
        while let (d, node) = self.pop() {
            let v = Int(node)
            if self.settled[v] { continue }
            self.settled[v] = true
            self.order.append(node)
            let sigma = self.paths[v]
            for e in offsets[v]..<offsets[v + 1] {
                let w = Int(columns[e])
                if self.settled[w] { continue }
                let candidate = d + self.lengths[e]
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

    mutating func push(_ key: Double, _ node: Int32) {
        var i = self.heapKeys.count
        self.heapKeys.append(key)
        self.heapNodes.append(node)
        while i > 0 {
            let parent = (i - 1) / 2
            guard key < self.heapKeys[parent] else { break }
            self.heapKeys[i] = self.heapKeys[parent]
            self.heapNodes[i] = self.heapNodes[parent]
            i = parent
        }
        self.heapKeys[i] = key
        self.heapNodes[i] = node
    }

    mutating func pop() -> (Double, Int32)? {
        guard let topKey = self.heapKeys.first else { return nil }
        let topNode = self.heapNodes[0]
        let lastKey = self.heapKeys.removeLast()
        let lastNode = self.heapNodes.removeLast()
        let count = self.heapKeys.count
        if count > 0 {
            var i = 0
            while true {
                let left = 2 * i + 1
                guard left < count else { break }
                let right = left + 1
                let child = right < count && self.heapKeys[right] < self.heapKeys[left] ? right : left
                guard self.heapKeys[child] < lastKey else { break }
                self.heapKeys[i] = self.heapKeys[child]
                self.heapNodes[i] = self.heapNodes[child]
                i = child
            }
            self.heapKeys[i] = lastKey
            self.heapNodes[i] = lastNode
        }
        return (topKey, topNode)
    }
}
