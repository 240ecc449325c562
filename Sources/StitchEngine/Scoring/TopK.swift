import HeapModule

/// The best `limit` entries seen so far, in a bounded min-heap: the worst kept entry is on top,
/// so a newcomer is compared with it once and replaces it in O(log k).
///
/// It also answers the pruning question every ranking loop asks: could a candidate whose score
/// is at most `bound` still enter?
struct TopK {
    let limit: Int
    private var heap = Heap<Pipeline.Entry>()

    init(limit: Int) { self.limit = limit }

    /// True while fewer than `limit` entries are kept.
    var isFilling: Bool { heap.count < limit }

    /// Whether a candidate with a score of at most `bound` (and this id rank) could enter.
    @inline(__always)
    func admits(bound: Double, idRank: Int32) -> Bool {
        guard heap.count >= limit, let worst = heap.min else { return true }
        return !(bound < worst.score || (bound == worst.score && idRank > worst.idRank))
    }

    /// Keeps `entry` if it ranks among the best `limit`.
    @inline(__always)
    mutating func offer(_ entry: Pipeline.Entry) {
        if heap.count < limit {
            heap.insert(entry)
        } else if let worst = heap.min, worst < entry {
            _ = heap.replaceMin(with: entry)
        }
    }

    /// The kept entries, best first.
    func ranked() -> [Pipeline.Entry] {
        var heap = heap
        var entries: [Pipeline.Entry] = []
        entries.reserveCapacity(heap.count)
        while let e = heap.popMax() { entries.append(e) }
        return entries
    }
}
