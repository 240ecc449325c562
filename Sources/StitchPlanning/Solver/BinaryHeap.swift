/// A binary min-heap of `(distance, node)` pairs for Dijkstra's algorithm.
///
/// Entries are ordered by distance, then by node, so equal distances pop in the same order on
/// every run and every platform: allocations are deterministic. Stale entries are not removed
/// (the caller skips an entry whose distance is above the node's current one), which keeps the
/// heap a plain array with no index bookkeeping.
struct BinaryHeap {
    private var keys: [Int64] = []
    private var nodes: [Int32] = []

    init(capacity: Int = 0) {
        self.keys.reserveCapacity(capacity)
        self.nodes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { self.keys.isEmpty }

    mutating func removeAll() {
        self.keys.removeAll(keepingCapacity: true)
        self.nodes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private func less(_ i: Int, _ j: Int) -> Bool {
        self.keys[i] < self.keys[j] || (self.keys[i] == self.keys[j] && self.nodes[i] < self.nodes[j])
    }

    @inline(__always)
    private mutating func swapAt(_ i: Int, _ j: Int) {
        self.keys.swapAt(i, j)
        self.nodes.swapAt(i, j)
    }

    mutating func push(_ key: Int64, _ node: Int32) {
        self.keys.append(key)
        self.nodes.append(node)
        var child = self.keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard self.less(child, parent) else { break }
            self.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the smallest entry.
    mutating func pop() -> (key: Int64, node: Int32)? {
        guard let lastKey = self.keys.last, let lastNode = self.nodes.last else { return nil }
        let top = (self.keys[0], self.nodes[0])
        self.keys.removeLast()
        self.nodes.removeLast()
        let count = self.keys.count
        guard count > 0 else { return top }
        self.keys[0] = lastKey
        self.nodes[0] = lastNode
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            var smallest = left
            if left + 1 < count, self.less(left + 1, left) { smallest = left + 1 }
            guard self.less(smallest, parent) else { break }
            self.swapAt(smallest, parent)
            parent = smallest
        }
        return top
    }
}
