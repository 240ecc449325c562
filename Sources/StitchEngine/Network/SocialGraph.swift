import Foundation

/// The community's network: members as nodes, ties from exchanges and shared activities.
///
/// An exchange ties giver and receiver with weight `hours · exp(-age / 365 days)`. Attending the
/// same activity ties two members with weight `1 / (n - 1)` for an activity of `n` attendees
/// (a small group ties more strongly than a large one); activities of more than
/// ``EngineConfiguration/coAttendanceLimit`` attendees add no pairwise ties. Neighbour lists are
/// sorted, so "are these two tied?" is a binary search.
struct SocialGraph: Sendable {
    let neighbours: CompressedRows<Int32>
    let weights: CompressedRows<Double>

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
            let sorted = row.sorted { $0.key < $1.key }
            n.append(sorted.map(\.key))
            ws.append(sorted.map(\.value))
        }
        neighbours = n
        weights = ws
    }
}
