import StitchNetwork

/// A member's bridging value with a group: an activity's attendees, or the whole network (the
/// value of a tie with someone not yet known).
///
/// The value with a group of `n` is the mean over its members, with those in the member's own
/// component taken together: each member with no ties counts 1, each in another component 0.95,
/// and the `m` in the member's component count `m · 0.9 · min(1, R̄ / scale)`, `R̄` being their
/// mean resistance to the member, the resistance of a tie with the group as a whole. Because
/// `Σ_p ‖x_s − x_p‖² = m ‖x_s‖² − 2 x_s · Σ_p x_p + Σ_p ‖x_p‖²`, sums kept per group make it O(k).
extension SpectralBridging {
    /// Each activity's attendees as the model saw them: how many, how many with no ties, the one
    /// component all the others share, and the sums of their coordinates and squared norms.
    struct ActivityGroups: Sendable {
        /// Attendees summed, per activity.
        let attendees: [Int32]
        /// Attendees with no ties, per activity.
        let isolated: [Int32]
        /// The component of every attendee with ties; `-1` when none has ties, `-2` when they are
        /// in several (the value is then summed attendee by attendee).
        let component: [Int32]
        /// `Σ x_p` over the attendees with ties (`activities × dimension`), and `Σ ‖x_p‖²`.
        let sum: [Double]
        let squares: [Double]

        /// No activities: every value is summed attendee by attendee.
        init() {
            attendees = []
            isolated = []
            component = []
            sum = []
            squares = []
        }

        init(attendees rows: CompressedRows<Int32>, coordinates: [Double], component: [Int32], dimension d: Int) {
            let count = rows.rowCount
            var attendees = [Int32](repeating: 0, count: count)
            var isolated = [Int32](repeating: 0, count: count)
            var shared = [Int32](repeating: -1, count: count)
            var sum = [Double](repeating: 0, count: count * d)
            var squares = [Double](repeating: 0, count: count)
            for a in 0..<count {
                let people = rows[a]
                attendees[a] = Int32(people.count)
                for member in people {
                    let p = Int(member)
                    guard p < component.count, component[p] >= 0 else {
                        isolated[a] += 1
                        continue
                    }
                    if shared[a] == -1 {
                        shared[a] = component[p]
                    } else if shared[a] != component[p] {
                        shared[a] = -2
                    }
                    for t in 0..<d {
                        let x = coordinates[p * d + t]
                        sum[a * d + t] += x
                        squares[a] += x * x
                    }
                }
            }
            self.attendees = attendees
            self.isolated = isolated
            self.component = shared
            self.sum = sum
            self.squares = squares
        }
    }

    /// The value of a tie between member `s` and activity `a`, whose attendees are now `people`
    /// (not empty, `s` not among them). O(k) when the attendees are those the model summed (the
    /// same number) in one component; otherwise summed attendee by attendee, O(n · k).
    func value(_ s: Int, activity a: Int, attendees people: ArraySlice<Int32>) -> Double {
        if failure != nil { return Formulas.neutral }
        if isIsolated(s) { return BridgingModel.firstTie }
        let own = component[s]
        let n = people.count
        let groups = activities
        if a < groups.attendees.count, Int(groups.attendees[a]) == n, groups.component[a] != -2 {
            let isolated = Int(groups.isolated[a])
            guard groups.component[a] == own else {
                return Self.mean(of: n, isolated: isolated, across: n - isolated, same: 0, resistance: 0, scale: scale)
            }
            let same = n - isolated
            let d = dimension
            var total = groups.squares[a]
            for t in 0..<d {
                let x = coordinates[s * d + t]
                total += Double(same) * x * x - 2 * x * groups.sum[a * d + t]
            }
            return Self.mean(of: n, isolated: isolated, across: 0, same: same, resistance: total, scale: scale)
        }
        var isolated = 0
        var across = 0
        var same = 0
        var total = 0.0
        for member in people {
            let p = Int(member)
            if isIsolated(p) {
                isolated += 1
            } else if component[p] != own {
                across += 1
            } else {
                same += 1
                total += squaredDistance(s, p)
            }
        }
        return Self.mean(of: n, isolated: isolated, across: across, same: same, resistance: total, scale: scale)
    }

    /// The value of a tie between member `a` and someone not yet known: their value with everyone
    /// else in the network as a group (others' components 0.95 each, members with no ties 1, and
    /// the rest of their own component by its mean resistance, from the component's sums). So a
    /// member of a small circle, whose ties all lie inside it, is near 0.95, and one of the main
    /// network near their typical value inside it. 1 when `a` has no ties.
    func typicalValue(_ a: Int) -> Double {
        if failure != nil { return Formulas.neutral }
        if isIsolated(a) { return BridgingModel.firstTie }
        let c = Int(component[a])
        let size = Int(componentSize[c])
        let d = dimension
        var r = componentMeanSquare[c]
        for t in 0..<d {
            let x = coordinates[a * d + t]
            r += x * x - 2 * x * componentMean[c * d + t]
        }
        return Self.mean(
            of: networkSize - 1, isolated: isolatedCount, across: networkSize - isolatedCount - size, same: size - 1,
            resistance: r * Double(size), scale: scale)
    }

    /// `(isolated · 1 + across · 0.95 + same · 0.9 · min(1, R̄ / scale)) / n`, `R̄ = resistance / same`.
    static func mean(of n: Int, isolated: Int, across: Int, same: Int, resistance: Double, scale: Double) -> Double {
        guard n > 0 else { return BridgingModel.firstTie }
        var total = Double(isolated) * BridgingModel.firstTie + Double(across) * BridgingModel.acrossComponents
        if same > 0 {
            total += Double(same) * BridgingModel.withinComponent * min(1, max(0, resistance) / Double(same) / scale)
        }
        return total / Double(n)
    }

    /// `‖x_a − x_b‖²`, the approximate effective resistance of two members of one component.
    @inline(__always)
    func squaredDistance(_ a: Int, _ b: Int) -> Double {
        let d = dimension
        return coordinates.withUnsafeBufferPointer { x in
            var sum = 0.0
            for t in 0..<d {
                let diff = x[a * d + t] - x[b * d + t]
                sum += diff * diff
            }
            return sum
        }
    }
}
