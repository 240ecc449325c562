/// The connected components of a ``CommunityGraph``: who can reach whom through ties.
///
/// The spectrum of a disconnected graph is the union of its components' spectra, so the spectral
/// embedding is computed one component at a time (see ``SpectralEmbedding``): that is what makes
/// repeated eigenvalues across components (every component has eigenvalue 0) come out exactly.
/// Components are numbered in order of their smallest node; an isolated node is a component of
/// size 1.
///
/// ```swift
/// let parts = GraphComponents(graph)
/// parts.count             // components, isolated nodes included
/// parts.nodes(in: 0)      // the nodes of the component holding node 0, ascending
/// parts.label[5]          // the component of node 5
/// ```
public struct GraphComponents: Sendable {
    /// The component of each node.
    public let label: [Int32]
    /// The position of each node within its component's ascending node list.
    public let localIndex: [Int32]
    /// Component offsets into ``members``: component `c` is `members[offsets[c]..<offsets[c + 1]]`.
    public let offsets: [Int]
    /// Every node, grouped by component, ascending within each.
    public let members: [Int32]

    /// Finds the components by breadth-first search: O(nodes + ties).
    public init(_ graph: CommunityGraph) {
        let n = graph.nodeCount
        var label = [Int32](repeating: -1, count: n)
        var count: Int32 = 0
        var queue: [Int32] = []
        queue.reserveCapacity(n)
        for s in 0..<n where label[s] < 0 {
            label[s] = count
            queue.removeAll(keepingCapacity: true)
            queue.append(Int32(s))
            var head = 0
            while head < queue.count {
                let v = Int(queue[head])
                head += 1
                for u in graph.neighbours(of: v) where label[Int(u)] < 0 {
                    label[Int(u)] = count
                    queue.append(u)
                }
            }
            count += 1
        }
        // Group nodes by component with a counting sort (ascending within each component).
        var offsets = [Int](repeating: 0, count: Int(count) + 1)
        for c in label { offsets[Int(c) + 1] += 1 }
        for c in 0..<Int(count) { offsets[c + 1] += offsets[c] }
        var members = [Int32](repeating: 0, count: n)
        var localIndex = [Int32](repeating: 0, count: n)
        var cursor = offsets
        for v in 0..<n {
            let c = Int(label[v])
            localIndex[v] = Int32(cursor[c] - offsets[c])
            members[cursor[c]] = Int32(v)
            cursor[c] += 1
        }
        self.label = label
        self.localIndex = localIndex
        self.offsets = offsets
        self.members = members
    }

    /// The number of components, isolated nodes included.
    public var count: Int { self.offsets.count - 1 }

    /// The nodes of component `c`, ascending.
    public func nodes(in c: Int) -> ArraySlice<Int32> { self.members[self.offsets[c]..<self.offsets[c + 1]] }

    /// The size of component `c`.
    public func size(of c: Int) -> Int { self.offsets[c + 1] - self.offsets[c] }
}
