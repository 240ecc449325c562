import Foundation

/// The community's network: members as nodes, ties from exchanges and shared activities.
///
/// An exchange ties giver and receiver with weight `hours · exp(-age / 365 days)`. Attending the
/// same activity ties two members with weight `1 / (n - 1)` for an activity of `n` attendees
/// (a small group ties more strongly than a large one); activities of more than
/// ``EngineConfiguration/coAttendanceLimit`` attendees add no pairwise ties. Neighbour lists are
/// sorted, so "are these two tied?" is a binary search.
///
/// Ties can be strengthened or weakened in place (``add(_:_:weight:)``): a tie whose weight
/// falls to (about) zero is dropped, so the graph after a stream of edits is the graph a fresh
/// build of the same community would give.
struct SocialGraph: Sendable {
    private(set) var neighbours: CompressedRows<Int32>
    private(set) var weights: CompressedRows<Double>

    /// Weights at or below this are no tie (sums of added and removed shares round, not cancel).
    static let tieFloor = 1e-9

    var nodeCount: Int { neighbours.rowCount }

    func degree(_ m: Int) -> Int { neighbours[m].count }

    func areTied(_ a: Int, _ b: Int) -> Bool { neighbours.sortedRow(a, contains: Int32(b)) }

    /// Builds the graph from weighted pairs (duplicates are summed; self-pairs dropped).
    init(nodeCount: Int, pairs: [(Int32, Int32, Double)]) {
        var adjacency = [[Int32: Double]](repeating: [:], count: nodeCount)
        for (a, b, w) in pairs where a != b && w > 0 {
            adjacency[Int(a)][b, default: 0] += w
            adjacency[Int(b)][a, default: 0] += w
        }
        var n = CompressedRows<Int32>(), ws = CompressedRows<Double>()
        for row in adjacency {
            let sorted = row.filter { $0.value > Self.tieFloor }.sorted { $0.key < $1.key }
            n.append(sorted.map(\.key))
            ws.append(sorted.map(\.value))
        }
        n.shrink()
        ws.shrink()
        neighbours = n
        weights = ws
    }

    /// Adds nodes (with no ties) until there are `count`.
    mutating func grow(to count: Int) {
        neighbours.growRows(to: count)
        weights.growRows(to: count)
    }

    /// Changes the weight of the tie between `a` and `b` by `delta` (negative to weaken it).
    mutating func add(_ a: Int32, _ b: Int32, weight delta: Double) {
        guard a != b, delta != 0 else { return }
        adjust(row: Int(a), neighbour: b, by: delta)
        adjust(row: Int(b), neighbour: a, by: delta)
    }

    /// Drops every tie of `m`.
    mutating func isolate(_ m: Int32) {
        for n in Array(neighbours[Int(m)]) {
            let row = Int(n)
            var ns = Array(neighbours[row]), ws = Array(weights[row])
            if let i = ns.firstIndex(of: m) {
                ns.remove(at: i)
                ws.remove(at: i)
                neighbours.replace(row: row, with: ns)
                weights.replace(row: row, with: ws)
            }
        }
        neighbours.clear(row: Int(m))
        weights.clear(row: Int(m))
    }

    private mutating func adjust(row: Int, neighbour: Int32, by delta: Double) {
        var ns = Array(neighbours[row]), ws = Array(weights[row])
        var lo = 0, hi = ns.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ns[mid] < neighbour { lo = mid + 1 } else { hi = mid }
        }
        if lo < ns.count, ns[lo] == neighbour {
            let w = ws[lo] + delta
            if w > Self.tieFloor {
                ws[lo] = w
            } else {
                ns.remove(at: lo)
                ws.remove(at: lo)
            }
        } else if delta > Self.tieFloor {
            ns.insert(neighbour, at: lo)
            ws.insert(delta, at: lo)
        } else {
            return
        }
        neighbours.replace(row: row, with: ns)
        weights.replace(row: row, with: ws)
    }
}
