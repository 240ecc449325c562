/// Successive shortest paths with potentials: sends each supply node's units to the sink along
/// a cheapest path of the residual network, one path at a time.
///
/// Reduced costs `cost + π(u) − π(v)` stay non-negative, so each path is found by Dijkstra's
/// algorithm with a binary heap. The search stops as soon as the sink is settled, and only the
/// settled nodes' potentials change (`π(v) += d(v) − d(sink)`), which keeps every reduced cost
/// non-negative while touching only the part of the network the search saw. After each
/// augmentation the flow is a cheapest flow for the supplies sent so far, so the final flow is
/// a minimum-cost flow: exact, not greedy.
///
/// Every supply node has an edge to the sink ("not placed"), so a path always exists.
struct MinCostFlow {
    private(set) var network: FlowNetwork
    private var potential: [Int64]
    private var distance: [Int64]
    private var parentArc: [Int32]
    private var settled: [Bool]
    private var touched: [Int32] = []
    private var settledOrder: [Int32] = []
    private var heap = BinaryHeap()
    /// Number of shortest-path searches run (for tests and measurements).
    private(set) var searches = 0

    init(_ network: FlowNetwork) {
        self.network = network
        let n = network.nodeCount
        // Every cost is non-negative at the start, so zero potentials are valid.
        self.potential = Array(repeating: 0, count: n)
        self.distance = Array(repeating: .max, count: n)
        self.parentArc = Array(repeating: -1, count: n)
        self.settled = Array(repeating: false, count: n)
    }

    /// Sends `units` from `source` to `sink`, each along a cheapest path at the time.
    mutating func send(_ units: Int, from source: Int, to sink: Int) {
        var left = Int32(clamping: units)
        while left > 0, self.shortestPath(from: source, to: sink) {
            var bottleneck = left
            var v = sink
            while v != source {
                let arc = Int(self.parentArc[v])
                bottleneck = min(bottleneck, self.network.residual[arc])
                v = Int(self.network.head[Int(self.network.reverse[arc])])
            }
            v = sink
            while v != source {
                let arc = Int(self.parentArc[v])
                self.network.push(bottleneck, along: arc)
                v = Int(self.network.head[Int(self.network.reverse[arc])])
            }
            left -= bottleneck
        }
    }

    /// Dijkstra on reduced costs from `source`, stopped when `sink` is settled; then updates
    /// the settled nodes' potentials. Returns false when the sink cannot be reached.
    private mutating func shortestPath(from source: Int, to sink: Int) -> Bool {
        self.searches += 1
        for v in self.touched {
            self.distance[Int(v)] = .max
            self.settled[Int(v)] = false
        }
        self.touched.removeAll(keepingCapacity: true)
        self.settledOrder.removeAll(keepingCapacity: true)
        self.heap.removeAll()
        self.distance[source] = 0
        self.touched.append(Int32(source))
        self.heap.push(0, Int32(source))
        while let (d, node) = self.heap.pop() {
            let u = Int(node)
            if self.settled[u] || d > self.distance[u] { continue }
            self.settled[u] = true
            self.settledOrder.append(node)
            if u == sink { break }
            let pu = self.potential[u]
            for arc in Int(self.network.first[u])..<Int(self.network.first[u + 1]) where self.network.residual[arc] > 0
            {
                let v = Int(self.network.head[arc])
                if self.settled[v] { continue }
                let reduced = self.network.cost[arc] + pu - self.potential[v]
                assert(reduced >= 0, "negative reduced cost \(reduced)")
                let candidate = d + reduced
                // A node no nearer than the sink's best so far cannot be settled before it.
                if candidate < self.distance[v], v == sink || candidate < self.distance[sink] {
                    if self.distance[v] == .max { self.touched.append(Int32(v)) }
                    self.distance[v] = candidate
                    self.parentArc[v] = Int32(arc)
                    self.heap.push(candidate, Int32(v))
                }
            }
        }
        guard self.settled[sink] else { return false }
        let reach = self.distance[sink]
        for v in self.settledOrder { self.potential[Int(v)] += self.distance[Int(v)] - reach }
        return true
    }
}
