import StitchModel

/// The share of recently active members who both gave and received: how two-way the time bank is.
///
/// A member is *active* when they gave or received time in the 12 months up to the reference
/// date (`today − 365 days < date ≤ today`); the index is the share of active members who did
/// both. A time bank where a few helpers serve many receivers scores low, one where most people
/// give and get scores high; it is the network-wide counterpart of the reciprocity factor.
/// Undated exchanges are left out (their time is unknown). With no active member it is 0.
///
/// ```swift
/// ReciprocityIndex.value(of: community)                         // 0.42
/// ReciprocityIndex.value(of: community, referenceDate: someDay) // as of another day
/// ```
public enum ReciprocityIndex {
    /// The window of recent activity, in days.
    public static let windowDays = 365

    /// The index of `community` as of `referenceDate` (by default its latest exchange or attendance date).
    public static func value(of community: Community, referenceDate: CalendarDate? = nil) -> Double {
        guard let today = referenceDate ?? CommunityGraph.latestDate(in: community) else { return 0 }
        var index: [String: Int] = [:]
        index.reserveCapacity(community.members.count)
        for (i, m) in community.members.enumerated() where index[m.id] == nil { index[m.id] = i }
        var gave = [Bool](repeating: false, count: community.members.count)
        var received = gave
        for x in community.exchanges {
            guard let date = x.date, date <= today, today.dayNumber - date.dayNumber < Self.windowDays,
                let g = index[x.giver], let r = index[x.receiver]
            else { continue }
            gave[g] = true
            received[r] = true
        }
        var active = 0
        var both = 0
        for i in 0..<gave.count where gave[i] || received[i] {
            active += 1
            if gave[i] && received[i] { both += 1 }
        }
        return active == 0 ? 0 : Double(both) / Double(active)
    }
}
