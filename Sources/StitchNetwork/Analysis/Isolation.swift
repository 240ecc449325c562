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

    /// The lists for a graph, its communities and each member's latest tie (a day number, `nil`
    /// for none; all `nil` when the records are not known).
    init(
        graph: CommunityGraph, communities: Communities, tiesAcross: [Int], latestTie: [Int?], months: Int
    ) {
        let ids = graph.memberIDs
        let window = Int((Double(months) * 365.25 / 12).rounded())
        let today = graph.referenceDate?.dayNumber
        var quiet: [String] = []
        var enclosed: [String] = []
        for v in 0..<graph.nodeCount {
            let recent = latestTie[v].map { day in today.map { day > $0 - window } ?? true } ?? false
            if graph.tieCount(of: v) == 0 || !recent { quiet.append(ids[v]) }
            if graph.tieCount(of: v) > 0 && tiesAcross[v] == 0 && communities.label(of: v) != nil {
                enclosed.append(ids[v])
            }
        }
        self.init(months: months, noRecentTies: quiet.sorted(), oneGroupOnly: enclosed.sorted())
    }

    /// Each member's latest tie as a day number: the latest exchange they gave or received
    /// (between two different known members), or attendance at an activity with 2 to
    /// `coAttendanceLimit` distinct known attendees. Undated records count as a year before
    /// `referenceDate` (or as recent when there is none, as a tie's weight ages them).
    static func latestTies(
        of community: Community, graph: CommunityGraph, coAttendanceLimit: Int
    ) -> [Int?] {
        var latest = [Int?](repeating: nil, count: graph.nodeCount)
        let undated = graph.referenceDate.map { $0.dayNumber - 365 } ?? Int.max
        func note(_ v: Int, _ date: CalendarDate?) {
            let day = date?.dayNumber ?? undated
            if latest[v].map({ day > $0 }) ?? true { latest[v] = day }
        }
        for x in community.exchanges where x.giver != x.receiver {
            guard let g = graph.index(of: x.giver), let r = graph.index(of: x.receiver) else { continue }
            note(g, x.date)
            note(r, x.date)
        }
        let known = Set(community.activities.map(\.id))
        var attendees: [String: Set<Int>] = [:]
        for record in community.attendance where known.contains(record.activity) {
            guard let m = graph.index(of: record.member) else { continue }
            attendees[record.activity, default: []].insert(m)
        }
        for record in community.attendance {
            guard let m = graph.index(of: record.member), let group = attendees[record.activity],
                group.count >= 2, group.count <= coAttendanceLimit
            else { continue }
            note(m, record.date)
        }
        return latest
    }
}
