/// Weighted pairs of nodes, collected before they are compacted into a ``CommunityGraph``.
///
/// Three parallel arrays (16 bytes a pair) rather than an array of tuples or a dictionary, so
/// collecting a million exchanges and co-attendance ties stays cheap. Order and direction do not
/// matter; duplicates are summed when the graph is built.
///
/// ```swift
/// var edges = EdgeList()
/// edges.append(3, 7, weight: 1.5)
/// let graph = CommunityGraph(nodeCount: 10, edges: edges)
/// ```
public struct EdgeList: Sendable, Hashable {
    /// One end of each pair.
    public private(set) var sources: [Int32] = []
    /// The other end of each pair.
    public private(set) var targets: [Int32] = []
    /// The weight of each pair.
    public private(set) var weights: [Double] = []

    /// An empty list.
    public init() {}

    /// A list from `(a, b, weight)` triples, convenient for tests and small graphs.
    public init(_ pairs: [(Int, Int, Double)]) {
        self.reserveCapacity(pairs.count)
        for (a, b, w) in pairs { self.append(a, b, weight: w) }
    }

    /// The number of pairs collected.
    public var count: Int { self.sources.count }

    /// Reserves room for `count` pairs.
    public mutating func reserveCapacity(_ count: Int) {
        self.sources.reserveCapacity(count)
        self.targets.reserveCapacity(count)
        self.weights.reserveCapacity(count)
    }

    /// Adds a pair of node indices with a weight.
    public mutating func append(_ a: Int, _ b: Int, weight: Double) {
        precondition(a >= 0 && b >= 0 && a < Int(Int32.max) && b < Int(Int32.max), "node index out of range")
        self.sources.append(Int32(a))
        self.targets.append(Int32(b))
        self.weights.append(weight)
    }
}
