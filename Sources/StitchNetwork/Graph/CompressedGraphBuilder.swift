/// Compacts weighted pairs into sorted, duplicate-free compressed sparse rows.
///
/// Counting sort by row, then a sort of each (short) row and an in-place merge of duplicates:
/// O(pairs · log(degree)) time, two passes over the pairs, and no per-node dictionaries, so a
/// million pairs over 100,000 nodes take well under a second.
enum CompressedGraphBuilder {
    struct Rows {
        var offsets: [Int]
        var columns: [Int32]
        var weights: [Double]
    }

    static func build(nodeCount n: Int, edges: EdgeList) -> Rows {
        let sources = edges.sources
        let targets = edges.targets
        let pairWeights = edges.weights
        @inline(__always) func keeps(_ p: Int) -> Bool {
            sources[p] != targets[p] && pairWeights[p].isFinite && pairWeights[p] > 0
        }
        // 1. Count entries per row (each pair goes in both rows).
        var offsets = [Int](repeating: 0, count: n + 1)
        for p in 0..<edges.count where keeps(p) {
            let a = Int(sources[p])
            let b = Int(targets[p])
            precondition(a < n && b < n, "edge (\(a), \(b)) outside a graph of \(n) nodes")
            offsets[a + 1] += 1
            offsets[b + 1] += 1
        }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        // 2. Place every entry in its row.
        let total = offsets[n]
        var columns = [Int32](repeating: 0, count: total)
        var weights = [Double](repeating: 0, count: total)
        var cursor = offsets
        for p in 0..<edges.count where keeps(p) {
            let a = Int(sources[p])
            let b = Int(targets[p])
            let w = pairWeights[p]
            columns[cursor[a]] = Int32(b)
            weights[cursor[a]] = w
            cursor[a] += 1
            columns[cursor[b]] = Int32(a)
            weights[cursor[b]] = w
            cursor[b] += 1
        }
        cursor = []
        // 3. Sort each row by neighbour, merge duplicates, and compact towards the front.
        var keys: [UInt64] = []
        var rowWeights: [Double] = []
        var write = 0
        var start = 0
        for i in 0..<n {
            let end = offsets[i + 1]
            offsets[i] = write
            let length = end - start
            if length == 1 {
                columns[write] = columns[start]
                weights[write] = weights[start]
                write += 1
            } else if length > 1 {
                keys.removeAll(keepingCapacity: true)
                rowWeights.removeAll(keepingCapacity: true)
                for p in start..<end {
                    keys.append(UInt64(UInt32(columns[p])) << 32 | UInt64(p - start))
                    rowWeights.append(weights[p])
                }
                keys.sort()
                var last: Int32 = -1
                for key in keys {
                    let column = Int32(truncatingIfNeeded: key >> 32)
                    let w = rowWeights[Int(key & 0xFFFF_FFFF)]
                    if column == last {
                        weights[write - 1] += w
                    } else {
                        columns[write] = column
                        weights[write] = w
                        write += 1
                        last = column
                    }
                }
            }
            start = end
        }
        offsets[n] = write
        columns.removeLast(total - write)
        weights.removeLast(total - write)
        return Rows(offsets: offsets, columns: columns, weights: weights)
    }
}
