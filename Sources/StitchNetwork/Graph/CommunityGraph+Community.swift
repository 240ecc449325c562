import Foundation
import StitchModel

extension CommunityGraph {
    /// Activities with more attendees than this add no pairwise ties (the engine's `coAttendanceLimit`).
    public static let defaultCoAttendanceLimit = 60

    /// Builds the network of a community from its exchanges and its attendance.
    ///
    /// - An exchange ties giver and receiver with weight `hours · exp(−age / 365 days)`, `age` counted
    ///   back from `referenceDate` (an exchange of under a quarter hour counts as a quarter hour, an
    ///   undated one as a year old; see ``tieWeight(of:referenceDate:)``), as the engine's `SocialGraph` does.
    /// - Attending the same activity ties every pair of its `n` distinct attendees with weight
    ///   `1 / (n − 1)`, so each attendee's co-attendance adds up to 1 whatever the group's size;
    ///   activities with more than `coAttendanceLimit` attendees add no pairwise ties.
    ///
    /// Records naming unknown members or activities are skipped. Work is O(exchanges + attendance +
    /// co-attendance pairs), plus the sort of each row.
    ///
    /// - Parameters:
    ///   - community: The members, exchanges and attendance.
    ///   - referenceDate: "Today"; by default the latest date in the exchanges and attendance.
    ///   - coAttendanceLimit: The largest activity whose attendees are tied pairwise.
    public init(
        community: Community, referenceDate: CalendarDate? = nil, coAttendanceLimit: Int = Self.defaultCoAttendanceLimit
    ) {
        let today = referenceDate ?? Self.latestDate(in: community)
        var memberIndex: [String: Int32] = [:]
        memberIndex.reserveCapacity(community.members.count)
        for (i, m) in community.members.enumerated() where memberIndex[m.id] == nil { memberIndex[m.id] = Int32(i) }
        var activityIndex: [String: Int32] = [:]
        for (i, a) in community.activities.enumerated() where activityIndex[a.id] == nil {
            activityIndex[a.id] = Int32(i)
        }

        // Each member's latest tie, a day number; an undated record counts as a year old.
        var latest = [Int32](repeating: Self.noTie, count: community.members.count)
        let undated = today.map { Int32(clamping: $0.dayNumber - 365) } ?? Int32.max
        let day = { (date: CalendarDate?) in date.map { Int32(clamping: $0.dayNumber) } ?? undated }

        var edges = EdgeList()
        edges.reserveCapacity(community.exchanges.count + community.attendance.count * 4)
        for x in community.exchanges {
            guard let g = memberIndex[x.giver], let r = memberIndex[x.receiver] else { continue }
            edges.append(Int(g), Int(r), weight: Self.tieWeight(of: x, referenceDate: today))
            if g != r {
                latest[Int(g)] = max(latest[Int(g)], day(x.date))
                latest[Int(r)] = max(latest[Int(r)], day(x.date))
            }
        }

        // Distinct (activity, member) pairs, sorted so each activity's attendees are contiguous.
        var visits: [UInt64] = []
        var visitDays: [(member: Int32, activity: Int32, day: Int32)] = []
        visits.reserveCapacity(community.attendance.count)
        visitDays.reserveCapacity(community.attendance.count)
        for record in community.attendance {
            guard let m = memberIndex[record.member], let a = activityIndex[record.activity] else { continue }
            visits.append(UInt64(UInt32(a)) << 32 | UInt64(UInt32(m)))
            visitDays.append((m, a, day(record.date)))
        }
        var ties = [Bool](repeating: false, count: community.activities.count)
        visits.sort()
        var start = 0
        var attendees: [Int] = []
        while start < visits.count {
            let activity = visits[start] >> 32
            attendees.removeAll(keepingCapacity: true)
            var end = start
            while end < visits.count, visits[end] >> 32 == activity {
                let member = Int(visits[end] & 0xFFFF_FFFF)
                if attendees.last != member { attendees.append(member) }
                end += 1
            }
            start = end
            let n = attendees.count
            guard n > 1, n <= coAttendanceLimit else { continue }
            ties[Int(activity)] = true
            let w = 1 / Double(n - 1)
            for i in 0..<n {
                for j in (i + 1)..<n { edges.append(attendees[i], attendees[j], weight: w) }
            }
        }
        for visit in visitDays where ties[Int(visit.activity)] {
            latest[Int(visit.member)] = max(latest[Int(visit.member)], visit.day)
        }
        self.init(
            nodeCount: community.members.count, edges: edges, memberIDs: community.members.map(\.id),
            referenceDate: today)
        self.latestTieDays = latest
    }

    /// The weight an exchange adds to the tie between giver and receiver:
    /// `max(hours, 0.25) · exp(−age / 365)`, `age` in days back from `referenceDate` (0 for an
    /// exchange on or after it, or when there is no reference date; 365 for an undated exchange).
    public static func tieWeight(of exchange: Exchange, referenceDate: CalendarDate?) -> Double {
        let age = exchange.date.map { d in referenceDate.map { max(0, $0.dayNumber - d.dayNumber) } ?? 0 } ?? 365
        return max(exchange.hours, 0.25) * exp(-Double(age) / 365)
    }

    /// The latest date in a community's exchanges and attendance, or `nil` when nothing is dated.
    public static func latestDate(in community: Community) -> CalendarDate? {
        let exchanges = community.exchanges.lazy.compactMap(\.date).max()
        let attendance = community.attendance.lazy.compactMap(\.date).max()
        return [exchanges, attendance].compactMap { $0 }.max()
    }
}
