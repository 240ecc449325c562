/// A list of lists stored in one flat array, each row a contiguous run (compressed sparse rows
/// that can be edited).
///
/// Reading a row is a slice of the flat array: no allocation, contiguous memory, which keeps
/// per-member skill lists, groups and graph neighbours cheap to scan in the scoring loop.
///
/// Rows can be replaced in place for the daemon's incremental updates: a row that grows is
/// moved to the end of the storage and its old run becomes garbage; once garbage outweighs the
/// live values the storage is compacted, so an edit costs O(row length) amortised.
struct CompressedRows<Element: Sendable>: Sendable {
    private(set) var starts: [Int32] = []
    private(set) var lengths: [Int32] = []
    private(set) var values: [Element] = []
    /// Values no row refers to any more.
    private(set) var garbage = 0

    init() {}

    /// Builds rows from nested arrays.
    init<S: Sequence>(_ rows: S) where S.Element: Sequence, S.Element.Element == Element {
        for row in rows { append(row) }
    }

    var rowCount: Int { starts.count }

    /// The length of one row.
    @inline(__always)
    func length(_ row: Int) -> Int { Int(lengths[row]) }

    mutating func append<S: Sequence>(_ row: S) where S.Element == Element {
        let start = values.count
        values.append(contentsOf: row)
        starts.append(Int32(start))
        lengths.append(Int32(values.count - start))
    }

    @inline(__always)
    subscript(row: Int) -> ArraySlice<Element> {
        let start = Int(starts[row])
        return values[start..<(start + Int(lengths[row]))]
    }

    /// Replaces one row's contents.
    mutating func replace<C: Collection>(row: Int, with contents: C) where C.Element == Element {
        let start = Int(starts[row]), length = Int(lengths[row])
        if contents.count <= length {
            // Fits where it is.
            var i = start
            for v in contents {
                values[i] = v
                i += 1
            }
            garbage += length - contents.count
        } else {
            garbage += length
            starts[row] = Int32(values.count)
            values.append(contentsOf: contents)
        }
        lengths[row] = Int32(contents.count)
        if garbage > 1024, garbage > values.count / 2 { compact() }
    }

    /// Empties one row.
    mutating func clear(row: Int) { replace(row: row, with: EmptyCollection()) }

    /// Drops the spare capacity that building row by row leaves (up to half of each array).
    mutating func shrink() {
        starts.shrinkToFit()
        lengths.shrinkToFit()
        values.shrinkToFit()
    }

    /// Adds empty rows until there are `count`.
    mutating func growRows(to count: Int) {
        while rowCount < count { append(EmptyCollection()) }
    }

    /// Rewrites the storage with no garbage, rows in order.
    mutating func compact() {
        var packed: [Element] = []
        packed.reserveCapacity(values.count - garbage)
        for row in 0..<rowCount {
            let start = packed.count
            packed.append(contentsOf: self[row])
            starts[row] = Int32(start)
        }
        values = packed
        garbage = 0
    }
}

extension CompressedRows where Element == Int32 {
    /// Inverts a relation: for rows of items, the rows of each item (each list ascending).
    func inverted(itemCount: Int) -> CompressedRows<Int32> {
        var counts = [Int32](repeating: 0, count: itemCount + 1)
        for row in 0..<rowCount { for v in self[row] { counts[Int(v) + 1] += 1 } }
        for i in 0..<itemCount { counts[i + 1] += counts[i] }
        var out = [Int32](repeating: 0, count: Int(counts[itemCount]))
        var cursor = counts
        for row in 0..<rowCount {
            for v in self[row] {
                out[Int(cursor[Int(v)])] = Int32(row)
                cursor[Int(v)] += 1
            }
        }
        var result = CompressedRows<Int32>()
        result.values = out
        result.starts = Array(counts.dropLast())
        result.lengths = (0..<itemCount).map { counts[$0 + 1] - counts[$0] }
        return result
    }

    /// The position of `value` in the (ascending) row, or where it would go.
    private func position(of value: Int32, inRow row: Int) -> (index: Int, found: Bool) {
        let start = Int(starts[row]), end = start + Int(lengths[row])
        var lo = start, hi = end
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return (lo, lo < end && values[lo] == value)
    }

    /// True when the (ascending) row contains `value`.
    func sortedRow(_ row: Int, contains value: Int32) -> Bool { position(of: value, inRow: row).found }

    /// Adds `value` to an ascending row, keeping it ascending; no-op when present.
    mutating func insert(_ value: Int32, intoSortedRow row: Int) {
        let (at, found) = position(of: value, inRow: row)
        guard !found else { return }
        var next = Array(self[row])
        next.insert(value, at: at - Int(starts[row]))
        replace(row: row, with: next)
    }

    /// Removes `value` from an ascending row; no-op when absent.
    mutating func remove(_ value: Int32, fromSortedRow row: Int) {
        let (at, found) = position(of: value, inRow: row)
        guard found else { return }
        var next = Array(self[row])
        next.remove(at: at - Int(starts[row]))
        replace(row: row, with: next)
    }

}

extension Array {
    /// Reallocates to exactly the elements held, dropping the spare capacity that appending
    /// one at a time leaves.
    mutating func shrinkToFit() {
        guard capacity > count else { return }
        var exact: [Element] = []
        exact.reserveCapacity(count)
        exact.append(contentsOf: self)
        self = exact
    }
}
