import StitchModel

/// A request's dated times against a helper's weekly availability and the days they are away.
///
/// A dated time (Tue 15 Dec, 10:00–12:00) is met by the helper's weekly availability on that
/// date's weekday, unless they are away that day. The weekly times of a request are met as
/// before; being away never rules out a weekly request, but a helper away all of the coming week
/// is marked in the reasons.
extension HelperJob {
    /// The times the helper could be asked for: every weekly time, and the dated times on days
    /// they are not away. The request's whole week when they are away on none of those days.
    func helperWhen(_ m: Int) -> WeekMask {
        let away = index.members.away[m]
        guard !dated.isEmpty, !away.isEmpty, dated.contains(where: { away.period(containing: $0.date) != nil }) else { return when }
        return WeekMask(weekly + dated.filter { away.period(containing: $0.date) == nil }.map(\.weekly))
    }

    /// Whether the helper passes the availability constraint, and the detail `explain` shows.
    func availabilityCheck(_ m: Int) -> (free: Bool, detail: String) {
        guard whenMinutes > 0 else { return (true, "No time asked") }
        let known = index.members.availability.isKnown[m]
        let away = index.members.away[m]
        if !dated.isEmpty, weekly.isEmpty, !away.isEmpty {
            let awayDays = dated.compactMap { away.period(containing: $0.date) }
            if awayDays.count == dated.count, let first = awayDays.first { return (false, "Away \(first)") }
        }
        guard known else { return (true, "Availability not given") }
        let mask = helperWhen(m)
        let free = index.members.availability.overlapMinutes(row: m, with: mask) > 0
        if let first = dated.first, weekly.isEmpty, dated.count == 1 {
            return (free, free ? "Free on \(first)" : "Not free on \(first)")
        }
        return (free, free ? "Free at a time asked" : "Not free at the times asked")
    }

    /// "Free on Tue 15 Dec, 10:00–12:00", for each dated time the helper can do (partly: with
    /// the hours), or that their availability was not given; at most two.
    func datedReasons(_ m: Int) -> [String] {
        let away = index.members.away[m]
        guard index.members.availability.isKnown[m] else {
            return ["Availability not given: check \(dated[0].date.dayText)"]
        }
        let row = index.members.availability.mask(row: m)
        var reasons: [String] = []
        for time in dated where away.period(containing: time.date) == nil {
            let asked = WeekMask([time.weekly])
            let common = row.intersection(asked)
            guard common.minutes > 0 else { continue }
            if common.minutes >= asked.minutes {
                reasons.append("Free on \(time)")
            } else if let part = common.slots.first, let slot = DatedSlot(date: time.date, start: part.start, end: part.end) {
                reasons.append("Free on \(slot) (\(Formulas.hoursText(Double(common.minutes) / 60)) of \(Formulas.hoursText(Double(asked.minutes) / 60)) asked)")
            }
            if reasons.count == 2 { break }
        }
        if reasons.isEmpty, !weekly.isEmpty {
            let common = row.intersection(WeekMask(weekly))
            reasons.append("Free \(Formulas.list(common.slots.prefix(2).map(\.description)))")
        }
        return reasons
    }

    /// The period a helper is away that covers all of the coming week (today and the six days
    /// after), if any.
    func awayAllWeek(_ m: Int) -> AwayPeriod? {
        let away = index.members.away[m]
        guard !away.isEmpty else { return nil }
        return away.first { $0.covers(today, through: today.adding(days: 6)) }
    }
}
