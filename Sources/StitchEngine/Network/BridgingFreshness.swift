public import StitchModel
import StitchNetwork

/// Whether the engine's bridging model is due for a recompute, from what was recorded since it
/// was built.
///
/// The model (the network's spectral embedding) takes seconds to build at 100,000 members, so it
/// is not rebuilt on every write. Feed each new exchange and attendance to the tracker; it adds up
/// the tie weight they add or remove and counts the members who gain their first tie, and says
/// ``isDue`` once either passes its share (``EngineConfiguration/bridgingRecomputeWeightShare``,
/// 5% of the model's total tie weight; ``EngineConfiguration/bridgingRecomputeFirstTieShare``,
/// 2% of its members). Then rebuild off the write path with ``Engine/rebuildingBridging(from:)``
/// and start a new tracker from the new engine. New members and the passing of days need no
/// recompute: a member with no ties already reads as a first tie, and ageing scales every
/// exchange alike.
///
/// ```swift
/// var freshness = engine.bridgingFreshness()
/// freshness.record(Exchange(giver: "m-vera", receiver: "m-jade", hours: 2, date: today))
/// freshness.recordAttendance(of: "m-vera", joining: ["m-edith", "m-jade"])
/// if freshness.isDue { engine = try engine.rebuildingBridging(from: community) }
/// ```
public struct BridgingFreshness: Sendable {
    /// The total tie weight of the network the model was built from (each tie once).
    public let baselineWeight: Double
    /// The members the model was built for.
    public let baselineMembers: Int
    /// The share of ``baselineWeight`` that makes a recompute due once exceeded.
    public let weightShare: Double
    /// The share of ``baselineMembers`` gaining a first tie that makes a recompute due once exceeded.
    public let firstTieShare: Double
    /// The tie weight added or removed since the build.
    public private(set) var changedWeight: Double = 0
    /// Members who have gained their first tie since the build.
    public var firstTies: Int { self.newlyTied.count }

    let referenceDate: CalendarDate?
    let coAttendanceLimit: Int
    let memberIndex: [String: Int32]
    /// The model's components by member index (`-1`: no ties at the build).
    let component: [Int32]
    private var newlyTied: Set<String> = []

    init(model: SpectralBridging, memberIndex: [String: Int32], configuration: EngineConfiguration) {
        self.baselineWeight = model.totalTieWeight
        self.baselineMembers = memberIndex.count
        self.weightShare = configuration.bridgingRecomputeWeightShare
        self.firstTieShare = configuration.bridgingRecomputeFirstTieShare
        self.referenceDate = model.referenceDate
        self.coAttendanceLimit = configuration.coAttendanceLimit
        self.memberIndex = memberIndex
        self.component = model.component
    }

    /// True once the changed tie weight exceeds ``weightShare`` of ``baselineWeight``, or the
    /// members with a first tie exceed ``firstTieShare`` of ``baselineMembers``.
    public var isDue: Bool {
        self.changedWeight > self.weightShare * self.baselineWeight
            || Double(self.firstTies) > self.firstTieShare * Double(self.baselineMembers)
    }

    /// Records a change of `weight` to the tie between two members (negative for a removal); a
    /// positive change gives either member without ties their first.
    public mutating func recordTie(between a: String, and b: String, weight: Double) {
        guard a != b, weight.isFinite, weight != 0 else { return }
        self.changedWeight += abs(weight)
        if weight > 0 {
            self.gainTie(a)
            self.gainTie(b)
        }
    }

    /// Records a new exchange: it ties giver and receiver with the network's weight,
    /// `max(hours, 0.25) · exp(−age / 365)` (a new exchange: its hours).
    public mutating func record(_ exchange: Exchange) {
        self.recordTie(
            between: exchange.giver, and: exchange.receiver,
            weight: CommunityGraph.tieWeight(of: exchange, referenceDate: self.referenceDate))
    }

    /// Records that `member` now attends an activity whose distinct attendees were `others`.
    ///
    /// With `n` attendees after it, every pair of them is tied by `1 / (n − 1)`: the newcomer's
    /// `n − 1` new pairs add weight 1, and give the newcomer, and anyone there without ties, their
    /// first tie. An activity growing past ``EngineConfiguration/coAttendanceLimit`` loses its
    /// pairwise ties (their weight, `(n − 1) / 2`, counts as removed). A member already among
    /// `others` changes nothing.
    public mutating func recordAttendance(of member: String, joining others: [String]) {
        guard !others.contains(member) else { return }
        let n = others.count + 1
        if n >= 2, n <= self.coAttendanceLimit {
            self.changedWeight += 1
            self.gainTie(member)
            for other in others { self.gainTie(other) }
        } else if n == self.coAttendanceLimit + 1 {
            self.changedWeight += Double(n - 1) / 2
        }
    }

    private func hadTies(_ id: String) -> Bool {
        guard let m = self.memberIndex[id], Int(m) < self.component.count else { return false }
        return self.component[Int(m)] >= 0
    }

    private mutating func gainTie(_ id: String) {
        if !self.hadTies(id) { self.newlyTied.insert(id) }
    }
}

extension Engine {
    /// A new tracker of what has changed since this engine's bridging model was built: feed it
    /// every new exchange and attendance, and recompute when it ``BridgingFreshness/isDue``.
    public func bridgingFreshness() -> BridgingFreshness {
        BridgingFreshness(model: index.bridging, memberIndex: index.memberIndex, configuration: index.configuration)
    }
}
