/// k-means clustering of points in a few dimensions: k-means++ seeding, Lloyd iterations, several
/// seeded restarts, the lowest inertia (sum of squared distances to the centres) kept.
///
/// k-means++ picks each new centre with probability proportional to its squared distance from
/// the centres chosen so far, which avoids most of plain k-means' bad local minima; restarts
/// take care of the rest. Every random draw comes from `seed`, so the same points always give the
/// same labels.
///
/// ```swift
/// // 6 points in 2-D, row-major.
/// let points: [Double] = [0, 0,  0, 1,  1, 0,  9, 9,  9, 8,  8, 9]
/// let result = KMeans(clusters: 2, seed: 3).fit(points, dimension: 2)
/// result.labels    // [0, 0, 0, 1, 1, 1] (cluster numbers in order of first appearance)
/// result.inertia   // 2.0
/// ```
public struct KMeans: Sendable, Hashable {
    /// The number of clusters.
    public var clusters: Int
    /// How many seeded restarts.
    public var restarts: Int
    /// The most Lloyd iterations per restart.
    public var maximumIterations: Int
    /// The seed of the first restart (each restart uses the next).
    public var seed: UInt64

    /// A clustering into `clusters` groups.
    public init(clusters: Int, restarts: Int = 8, maximumIterations: Int = 100, seed: UInt64 = 1) {
        self.clusters = clusters
        self.restarts = restarts
        self.maximumIterations = maximumIterations
        self.seed = seed
    }

    /// Labels and quality of a clustering.
    public struct Result: Sendable, Hashable {
        /// The cluster of each point, numbered in order of first appearance.
        public let labels: [Int]
        /// The sum of squared distances from each point to its cluster's centre.
        public let inertia: Double
    }

    /// Clusters `points` (row-major, `dimension` values each).
    public func fit(_ points: [Double], dimension d: Int) -> Result {
        let n = d > 0 ? points.count / d : 0
        let k = min(self.clusters, n)
        guard k > 0, d > 0 else { return Result(labels: [Int](repeating: 0, count: n), inertia: 0) }
        var best: Result?
        for restart in 0..<max(1, self.restarts) {
            var random = SeededRandom(seed: self.seed &+ UInt64(restart) &* 0x9E37_79B9)
            var centres = Self.seed(points, n: n, d: d, k: k, random: &random)
            var labels = [Int](repeating: -1, count: n)
            var inertia = 0.0
            for _ in 0..<self.maximumIterations {
                var changed = false
                inertia = 0
                for i in 0..<n {
                    let (c, distance) = Self.nearest(points, i, centres, k: k, d: d)
                    inertia += distance
                    if labels[i] != c {
                        labels[i] = c
                        changed = true
                    }
                }
                if !changed { break }
                centres = Self.means(points, labels: labels, previous: centres, n: n, d: d, k: k)
            }
            let result = Result(labels: Self.renumbered(labels), inertia: inertia)
            if best == nil || inertia < best!.inertia - 1e-12 { best = result }
        }
        return best!
    }

    /// k-means++ seeding.
    static func seed(_ points: [Double], n: Int, d: Int, k: Int, random: inout SeededRandom) -> [Double] {
        var centres: [Double] = []
        centres.reserveCapacity(k * d)
        let first = random.below(n)
        centres.append(contentsOf: points[(first * d)..<((first + 1) * d)])
        var distances = (0..<n).map { Self.squaredDistance(points, $0, centres, 0, d: d) }
        for _ in 1..<k {
            let total = distances.reduce(0, +)
            var chosen = n - 1
            if total > 0 {
                var target = random.unit() * total
                for i in 0..<n {
                    target -= distances[i]
                    if target < 0 {
                        chosen = i
                        break
                    }
                }
            } else {
                chosen = random.below(n)
            }
            let c = centres.count / d
            centres.append(contentsOf: points[(chosen * d)..<((chosen + 1) * d)])
            for i in 0..<n { distances[i] = min(distances[i], Self.squaredDistance(points, i, centres, c, d: d)) }
        }
        return centres
    }

    @inline(__always)
    static func squaredDistance(_ points: [Double], _ i: Int, _ centres: [Double], _ c: Int, d: Int) -> Double {
        var sum = 0.0
        for t in 0..<d {
            let diff = points[i * d + t] - centres[c * d + t]
            sum += diff * diff
        }
        return sum
    }

    static func nearest(_ points: [Double], _ i: Int, _ centres: [Double], k: Int, d: Int) -> (Int, Double) {
        var best = 0
        var bestDistance = Double.infinity
        for c in 0..<k {
            let distance = Self.squaredDistance(points, i, centres, c, d: d)
            if distance < bestDistance {
                best = c
                bestDistance = distance
            }
        }
        return (best, bestDistance)
    }

    /// The mean of each cluster; an emptied cluster keeps its previous centre.
    static func means(_ points: [Double], labels: [Int], previous: [Double], n: Int, d: Int, k: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        for i in 0..<n {
            counts[labels[i]] += 1
            for t in 0..<d { sums[labels[i] * d + t] += points[i * d + t] }
        }
        for c in 0..<k {
            for t in 0..<d {
                sums[c * d + t] = counts[c] > 0 ? sums[c * d + t] / Double(counts[c]) : previous[c * d + t]
            }
        }
        return sums
    }

    /// Renumbers labels in order of first appearance, dropping empty clusters.
    static func renumbered(_ labels: [Int]) -> [Int] {
        var map: [Int: Int] = [:]
        return labels.map { label in
            if let m = map[label] { return m }
            map[label] = map.count
            return map.count - 1
        }
    }
}
