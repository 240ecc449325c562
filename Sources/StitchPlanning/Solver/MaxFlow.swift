/// Dinic's maximum flow, without recursion: how many placements can be made at all.
///
/// Used to find the most placements possible (the practice caps' base and the maximin search)
/// and, in tests, as a check on the min-cost solver's count. On these layered, mostly unit
/// capacity networks it runs in about `O(E √V)`.
struct MaxFlow {
    private(set) var network: FlowNetwork
    private var level: [Int32]
    private var nextArc: [Int32]
    private var queue: [Int32] = []

    init(_ network: FlowNetwork) {
        self.network = network
        self.level = Array(repeating: -1, count: network.nodeCount)
        self.nextArc = Array(repeating: 0, count: network.nodeCount)
    }

    /// Pushes as much flow as possible from `source` to `sink` and returns the amount.
    mutating func run(from source: Int, to sink: Int) -> Int {
        var total = 0
        while self.buildLevels(from: source, to: sink) {
            for u in 0..<self.network.nodeCount { self.nextArc[u] = self.network.first[u] }
            total += self.blockingFlow(from: source, to: sink)
        }
        return total
    }

    private mutating func buildLevels(from source: Int, to sink: Int) -> Bool {
        for u in 0..<self.level.count { self.level[u] = -1 }
        self.queue.removeAll(keepingCapacity: true)
        self.level[source] = 0
        self.queue.append(Int32(source))
        var head = 0
        while head < self.queue.count {
            let u = Int(self.queue[head])
            head += 1
            for arc in Int(self.network.first[u])..<Int(self.network.first[u + 1]) where self.network.residual[arc] > 0
            {
                let v = Int(self.network.head[arc])
                if self.level[v] < 0 {
                    self.level[v] = self.level[u] + 1
                    self.queue.append(Int32(v))
                }
            }
        }
        return self.level[sink] >= 0
    }

    /// Augments along level-increasing paths until none is left, with an explicit path stack.
    private mutating func blockingFlow(from source: Int, to sink: Int) -> Int {
        var total = 0
        var path: [Int32] = []  // arcs from the source to the current node
        var u = source
        while true {
            if u == sink {
                var bottleneck = Int32.max
                for arc in path { bottleneck = min(bottleneck, self.network.residual[Int(arc)]) }
                for arc in path { self.network.push(bottleneck, along: Int(arc)) }
                total += Int(bottleneck)
                path.removeAll(keepingCapacity: true)
                u = source
                continue
            }
            var advanced = false
            while self.nextArc[u] < self.network.first[u + 1] {
                let arc = Int(self.nextArc[u])
                let v = Int(self.network.head[arc])
                if self.network.residual[arc] > 0, self.level[v] == self.level[u] + 1 {
                    path.append(Int32(arc))
                    u = v
                    advanced = true
                    break
                }
                self.nextArc[u] += 1
            }
            if advanced { continue }
            // A dead end: no path to the sink from here in this phase.
            self.level[u] = -1
            guard let arc = path.popLast() else { break }
            u = Int(self.network.head[Int(self.network.reverse[Int(arc)])])
            self.nextArc[u] += 1
        }
        return total
    }
}
