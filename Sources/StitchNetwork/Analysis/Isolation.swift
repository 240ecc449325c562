import StitchModel

/// Members a connector should look at first: those with no tie lately, and those whose ties all
/// stay inside one group (community).
///
/// - **No recent ties**: no exchange (given or received) and no attendance at an activity that
///   ties its attendees (2 to `coAttendanceLimit` of them) in the ``months`` before the reference
///   date, `months · 30.44` days (`today − days < date`; a later date counts as recent). An
///   undated record counts as a year old, as it does for a tie's weight. Members with no ties at
///   all are here too (and in the answer's `isolated`).
/// - **One group only**: members with ties, all of them to members of their own community.
///
/// ```json
/// {"months": 6, "noRecentTies": ["m-jade", "m-ruth"], "oneGroupOnly": ["m-ada", …]}
/// ```
public struct Isolation: Sendable, Hashable, Codable {
    /// The window of recent ties, in months.
    public var months: Int
    /// Members with no tie in the window, in id order.
    public var noRecentTies: [String]
    /// Members with ties, all inside their own community, in id order.
    public var oneGroupOnly: [String]

    /// The lists from their parts.
    public init(months: Int, noRecentTies: [String], oneGroupOnly: [String]) {
        self.months = months
        self.noRecentTies = noRecentTies
        self.oneGroupOnly = oneGroupOnly
    }

    /// The lists for a graph (with its ``CommunityGraph/latestTieDays``; without them every tie
    /// counts as recent) and its communities.
    init(graph: CommunityGraph, communities: Communities, tiesAcross: [Int], months: Int) {
        let ids = graph.memberIDs
        let window = Int((Double(months) * 365.25 / 12).rounded())
        let since = graph.referenceDate.map { Int32(clamping: $0.dayNumber - window) } ?? Int32.min
        let dated = graph.latestTieDays.count == graph.nodeCount
        var quiet: [String] = []
        var enclosed: [String] = []
        for v in 0..<graph.nodeCount {
            let tied = graph.tieCount(of: v) > 0
            let recent = tied && (!dated || graph.latestTieDays[v] > since)
            if !recent { quiet.append(ids[v]) }
            if tied && tiesAcross[v] == 0 && communities.label(of: v) != nil { enclosed.append(ids[v]) }
        }
        self.init(months: months, noRecentTies: quiet.sorted(), oneGroupOnly: enclosed.sorted())
    }
}
