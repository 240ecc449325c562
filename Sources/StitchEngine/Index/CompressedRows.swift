/// A list of lists stored as one flat array and row offsets (compressed sparse rows).
///
/// Reading a row is a slice of the flat array: no allocation, contiguous memory, which keeps
/// per-member skill lists, groups and graph neighbours cheap to scan in the scoring loop.
struct CompressedRows<Element: Sendable>: Sendable {
    private(set) var offsets: [Int32] = [0]
    private(set) var values: [Element] = []

    init() {}

    /// Builds rows from nested arrays.
    init<S: Sequence>(_ rows: S) where S.Element: Sequence, S.Element.Element == Element {
        for row in rows { append(row) }
    }

    var rowCount: Int { offsets.count - 1 }

    mutating func append<S: Sequence>(_ row: S) where S.Element == Element {
        values.append(contentsOf: row)
        offsets.append(Int32(values.count))
    }

    @inline(__always)
    subscript(row: Int) -> ArraySlice<Element> {
        values[Int(offsets[row])..<Int(offsets[row + 1])]
    }
}

extension CompressedRows where Element == Int32 {
    /// Inverts a relation: for rows of items, the rows of each item (each list ascending).
    func inverted(itemCount: Int) -> CompressedRows<Int32> {
        var counts = [Int32](repeating: 0, count: itemCount + 1)
        for v in values { counts[Int(v) + 1] += 1 }
        for i in 0..<itemCount { counts[i + 1] += counts[i] }
        var out = [Int32](repeating: 0, count: values.count)
        var cursor = counts
        for row in 0..<rowCount {
            for v in self[row] {
                out[Int(cursor[Int(v)])] = Int32(row)
                cursor[Int(v)] += 1
            }
        }
        var result = CompressedRows<Int32>()
        result.offsets = counts
        result.values = out
        return result
    }

    /// True when the (ascending) row contains `value`.
    func sortedRow(_ row: Int, contains value: Int32) -> Bool {
        var lo = Int(offsets[row]), hi = Int(offsets[row + 1])
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(offsets[row + 1]) && values[lo] == value
    }
}
