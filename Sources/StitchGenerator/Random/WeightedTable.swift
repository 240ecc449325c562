/// Draws indices in proportion to fixed weights in O(log n): cumulative sums and binary search.
///
/// Used for large populations (choosing the giver of each exchange among a million members),
/// where a linear scan per draw would make generation quadratic.
struct WeightedTable: Sendable {
    private var cumulative: [Double]

    init(weights: [Double]) {
        cumulative = []
        cumulative.reserveCapacity(weights.count)
        var total = 0.0
        for w in weights {
            total += max(0, w)
            cumulative.append(total)
        }
    }

    var isEmpty: Bool { cumulative.isEmpty || cumulative[cumulative.count - 1] <= 0 }
    var total: Double { cumulative.last ?? 0 }

    /// An index drawn in proportion to its weight; never one with zero weight.
    func sample(_ random: inout Xoshiro256StarStar) -> Int {
        let target = random.uniform() * total
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
