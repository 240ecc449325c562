/// A residual flow network in compressed-row form, built once and then only updated in place.
///
/// Every edge `u → v` is stored as two arcs, the forward arc and its reverse (capacity 0,
/// negated cost), and the arcs of each node sit together (`first[u]..<first[u + 1]`), so a
/// search reads memory in order. Capacities are 32-bit (at most ``CandidateGraph/maximumUnits``
/// units flow) and costs 64-bit, exact.
struct FlowNetwork {
    /// Collects edges before they are laid out.
    struct Builder {
        let nodeCount: Int
        private(set) var tails: [Int32] = []
        private(set) var heads: [Int32] = []
        private(set) var capacities: [Int32] = []
        private(set) var costs: [Int64] = []

        init(nodeCount: Int, edgeCapacity: Int = 0) {
            self.nodeCount = nodeCount
            self.tails.reserveCapacity(edgeCapacity)
            self.heads.reserveCapacity(edgeCapacity)
            self.capacities.reserveCapacity(edgeCapacity)
            self.costs.reserveCapacity(edgeCapacity)
        }

        /// Adds an edge and returns its number.
        @discardableResult
        mutating func add(_ u: Int, _ v: Int, capacity: Int, cost: Int64 = 0) -> Int {
            self.tails.append(Int32(u))
            self.heads.append(Int32(v))
            self.capacities.append(Int32(clamping: max(0, capacity)))
            self.costs.append(cost)
            return self.tails.count - 1
        }
    }

    let nodeCount: Int
    /// Arcs of node u: `first[u]..<first[u + 1]`.
    let first: [Int32]
    let head: [Int32]
    let cost: [Int64]
    /// The arc in the opposite direction.
    let reverse: [Int32]
    /// Residual capacity of each arc.
    var residual: [Int32]
    /// The forward arc of each edge, by edge number.
    let arcOfEdge: [Int32]

    init(_ builder: Builder) {
        let n = builder.nodeCount
        let m = builder.tails.count
        var degree = [Int32](repeating: 0, count: n + 1)
        for e in 0..<m {
            degree[Int(builder.tails[e]) + 1] += 1
            degree[Int(builder.heads[e]) + 1] += 1
        }
        for u in 0..<n { degree[u + 1] += degree[u] }
        var next = degree
        var head = [Int32](repeating: 0, count: 2 * m)
        var cost = [Int64](repeating: 0, count: 2 * m)
        var reverse = [Int32](repeating: 0, count: 2 * m)
        var residual = [Int32](repeating: 0, count: 2 * m)
        var arcOfEdge = [Int32](repeating: 0, count: m)
        for e in 0..<m {
            let u = Int(builder.tails[e])
            let v = Int(builder.heads[e])
            let forward = next[u]
            let backward = next[v]
            next[u] += 1
            next[v] += 1
            head[Int(forward)] = Int32(v)
            cost[Int(forward)] = builder.costs[e]
            residual[Int(forward)] = builder.capacities[e]
            reverse[Int(forward)] = backward
            head[Int(backward)] = Int32(u)
            cost[Int(backward)] = -builder.costs[e]
            reverse[Int(backward)] = forward
            arcOfEdge[e] = forward
        }
        self.nodeCount = n
        self.first = degree
        self.head = head
        self.cost = cost
        self.reverse = reverse
        self.residual = residual
        self.arcOfEdge = arcOfEdge
    }

    /// Units flowing along an edge (the residual capacity of its reverse arc).
    func flow(onEdge e: Int) -> Int { Int(self.residual[Int(self.reverse[Int(self.arcOfEdge[e])])]) }

    /// Sends `units` along an arc.
    @inline(__always)
    mutating func push(_ units: Int32, along arc: Int) {
        self.residual[arc] -= units
        self.residual[Int(self.reverse[arc])] += units
    }
}
