/// Network-bridging value of a new tie, from groups, existing ties and isolation.
///
/// For a subject `s` and a candidate `c` (a member, or an activity's group of attendees):
/// - group distance `g = 1 − |G_s ∩ G_c| / |G_s ∪ G_c|` (0.5 when either has no groups);
/// - network distance `n`: 0 when already tied, 0.5 when they share a neighbour, 1 otherwise
///   (for an activity: the share of its attendees not tied to `s`, 0 when `s` attends it);
/// - isolation `i = 1 / (1 + degree)` of the more isolated of the two (a member only);
/// - `bridging = b + (1 − b) · i / 2` with `b = (g + n) / 2`, so a tie for an isolated person
///   counts most. A request from a member of the public (no member to tie) is neutral, 0.5.
///   A spectral model of the network can replace this behind the same factor.
struct InterimBridging {
    let index: CommunityIndex
    let subjectGroups: [Int32]
    let subject: Int32?
    private let tied: [UInt64]
    let subjectIsolation: Double
    /// No one to tie: a request from a member of the public.
    let anonymous: Bool

    init(index: CommunityIndex, subject: PersonFeatures, anonymous: Bool = false) {
        self.index = index
        self.anonymous = anonymous
        subjectGroups = subject.groups
        self.subject = subject.memberIndex
        var bits = [UInt64](repeating: 0, count: (index.members.count + 63) / 64)
        var degree = 0
        if let s = subject.memberIndex {
            for n in index.graph.neighbours[Int(s)] { bits[Int(n) >> 6] |= 1 << UInt64(n & 63) }
            degree = index.graph.degree(Int(s))
        }
        tied = bits
        subjectIsolation = 1 / (1 + Double(degree))
    }

    @inline(__always)
    private func isTied(_ m: Int32) -> Bool { tied[Int(m) >> 6] & (1 << UInt64(m & 63)) != 0 }

    static func groupDistance(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0.5 }
        var i = a.startIndex, j = b.startIndex, common = 0
        while i < a.endIndex, j < b.endIndex {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return 1 - Double(common) / Double(a.count + b.count - common)
    }

    /// How a member candidate relates to the subject in the network.
    enum Tie { case tied, sharedNeighbour, apart }

    func tie(to m: Int32) -> Tie {
        if subject == m || isTied(m) { return .tied }
        for n in index.graph.neighbours[Int(m)] where isTied(n) { return .sharedNeighbour }
        return .apart
    }

    func value(toMember m: Int32) -> Double {
        if anonymous { return Formulas.neutral }
        let g = Self.groupDistance(subjectGroups[...], index.members.groups[Int(m)])
        let n: Double
        switch tie(to: m) {
        case .tied: n = 0
        case .sharedNeighbour: n = 0.5
        case .apart: n = 1
        }
        let isolation = max(subjectIsolation, 1 / (1 + Double(index.graph.degree(Int(m)))))
        let b = (g + n) / 2
        return b + (1 - b) * isolation / 2
    }

    func value(toActivity a: Int32) -> Double {
        let g = Self.groupDistance(subjectGroups[...], index.activities.groups[Int(a)])
        let people = index.attendees[Int(a)]
        var n = 1.0
        if let s = subject, people.contains(s) {
            n = 0
        } else if !people.isEmpty {
            n = Double(people.lazy.filter { !self.isTied($0) }.count) / Double(people.count)
        }
        let b = (g + n) / 2
        return b + (1 - b) * subjectIsolation / 2
    }

    /// A reason for a high or low bridging value, if worth saying.
    func reason(value: Double, member m: Int32? = nil) -> String? {
        if anonymous { return nil }
        if let m, tie(to: m) == .tied { return "Already know each other" }
        if value >= 0.7 {
            return subjectIsolation >= 0.99 ? "A first tie for someone with few" : "Would link two groups that rarely meet"
        }
        return nil
    }
}
