import StitchPlanning

/// The objective's numbers for comparing allocations.
struct Score: Equatable, Comparable, CustomStringConvertible {
    var placed: Int
    var lowest: Int64
    var total: Int64

    init(_ allocation: Allocation) {
        self.init(placed: allocation.placed, lowest: allocation.lowestValue ?? 0, total: allocation.totalValue)
    }

    init(placed: Int, lowest: Int64, total: Int64) {
        self.placed = placed
        self.lowest = lowest
        self.total = total
    }

    static func < (a: Score, b: Score) -> Bool { (a.placed, a.lowest, a.total) < (b.placed, b.lowest, b.total) }

    var description: String { "placed \(self.placed), lowest \(self.lowest), total \(self.total)" }
}
