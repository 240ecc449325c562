import StitchModel

/// The community's network: members as nodes, weighted undirected ties between them, stored as
/// compressed sparse rows (CSR).
///
/// Row `i` lists node `i`'s neighbours in ascending order with the summed weight of every tie
/// between the two, so a 100,000-member community with a million ties fits in a few tens of
/// megabytes and a sparse matrix–vector product is one pass over three flat arrays. The graph is
/// undirected: each tie appears in both rows with the same weight. Self-ties, non-positive and
/// non-finite weights are dropped when the graph is built.
///
/// Build it from a ``StitchModel/Community`` (exchanges and co-attendance, see
/// ``init(community:referenceDate:coAttendanceLimit:)``) or from raw pairs:
///
/// ```swift
/// var edges = EdgeList()
/// edges.append(0, 1, weight: 2)
/// edges.append(1, 0, weight: 0.5)   // summed with the first: one tie of weight 2.5
/// edges.append(1, 2, weight: 1)
/// let graph = CommunityGraph(nodeCount: 4, edges: edges)
/// graph.neighbours(of: 1)   // [0, 2]
/// graph.strength(of: 1)     // 3.5
/// graph.tieCount(of: 3)     // 0: node 3 is isolated
/// ```
public struct CommunityGraph: Sendable {
    /// The number of nodes (members).
    public let nodeCount: Int
    /// Row offsets: node `i`'s ties are at positions `offsets[i]..<offsets[i + 1]`.
    public let offsets: [Int]
    /// The neighbour of each stored tie, ascending within each row.
    public let columns: [Int32]
    /// The weight of each stored tie (the sum of every exchange and shared activity behind it).
    public let weights: [Double]
    /// Each node's weighted degree (the sum of its row's weights).
    public let strengths: [Double]
    /// Member ids by node index; `"\(index)"` for graphs built from raw pairs without ids.
    public let memberIDs: [String]
    /// The reference date ties were aged from, for graphs built from a community.
    public let referenceDate: CalendarDate?
    /// For a graph built from a community, each member's latest tie as a day number
    /// (``StitchModel/CalendarDate/dayNumber``): the latest exchange they gave or received, or
    /// attendance at an activity that ties its attendees; an undated record counts as a year
    /// before the reference date (or as recent without one), and ``noTie`` means none. Empty for
    /// a graph built from raw pairs.
    public internal(set) var latestTieDays: [Int32] = []

    /// The ``latestTieDays`` of a member without ties.
    public static let noTie = Int32.min

    private let indexOfID: [String: Int32]

    /// Builds the graph from weighted pairs: duplicates (in either direction) are summed, and
    /// self-pairs and weights that are not finite and positive are dropped.
    ///
    /// Runs in O(pairs · log(degree)) time and O(pairs) memory: pairs are counted per row, placed,
    /// then each row is sorted and its duplicates merged in place (no per-node dictionaries).
    ///
    /// - Parameters:
    ///   - nodeCount: The number of nodes; every index in `edges` must be below it.
    ///   - edges: The weighted pairs.
    ///   - memberIDs: One id per node, or `nil` to name nodes by index.
    ///   - referenceDate: The date ties were aged from, if any.
    public init(nodeCount: Int, edges: EdgeList, memberIDs: [String]? = nil, referenceDate: CalendarDate? = nil) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max), "node count out of range")
        precondition(memberIDs == nil || memberIDs?.count == nodeCount, "one member id per node")
        let csr = CompressedGraphBuilder.build(nodeCount: nodeCount, edges: edges)
        self.nodeCount = nodeCount
        self.offsets = csr.offsets
        self.columns = csr.columns
        self.weights = csr.weights
        self.strengths = (0..<nodeCount).map { i in csr.weights[csr.offsets[i]..<csr.offsets[i + 1]].reduce(0, +) }
        let ids = memberIDs ?? (0..<nodeCount).map { String($0) }
        self.memberIDs = ids
        var index: [String: Int32] = [:]
        index.reserveCapacity(nodeCount)
        for (i, id) in ids.enumerated() { index[id] = Int32(i) }
        self.indexOfID = index
        self.referenceDate = referenceDate
    }

    /// The number of distinct ties stored (each undirected tie once).
    public var tieCount: Int { self.columns.count / 2 }

    /// The node index of a member id, or `nil` when the member is not in the graph.
    public func index(of memberID: String) -> Int? { self.indexOfID[memberID].map(Int.init) }

    /// Node `i`'s neighbours, ascending.
    public func neighbours(of i: Int) -> ArraySlice<Int32> { self.columns[self.offsets[i]..<self.offsets[i + 1]] }

    /// The weights of node `i`'s ties, in the order of ``neighbours(of:)``.
    public func tieWeights(of i: Int) -> ArraySlice<Double> { self.weights[self.offsets[i]..<self.offsets[i + 1]] }

    /// The number of distinct people node `i` is tied to.
    public func tieCount(of i: Int) -> Int { self.offsets[i + 1] - self.offsets[i] }

    /// Node `i`'s weighted degree.
    public func strength(of i: Int) -> Double { self.strengths[i] }

    /// The weight of the tie between `a` and `b` (0 when they are not tied): a binary search.
    public func weight(between a: Int, and b: Int) -> Double {
        var lo = self.offsets[a]
        var hi = self.offsets[a + 1]
        let target = Int32(b)
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.columns[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < self.offsets[a + 1] && self.columns[lo] == target ? self.weights[lo] : 0
    }

    /// Nodes with no ties at all.
    public var isolatedNodes: [Int] { (0..<self.nodeCount).filter { self.offsets[$0] == self.offsets[$0 + 1] } }
}
