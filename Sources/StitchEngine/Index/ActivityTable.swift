import StitchModel

/// Compact, column-wise features of every activity, indexed by a dense `Int32` activity index.
struct ActivityTable: Sendable {
    var ids: [String] = []
    var names: [String] = []
    var online: [Bool] = []
    var position: [UnitVector] = []
    var location: [Location?] = []
    var topics = CompressedRows<Int32>()
    var wellbeing: [UInt8] = []
    /// Each weekly session as its own mask, so coverage is judged per session.
    var sessions = CompressedRows<WeekMask>()
    var sessionSlots = CompressedRows<Slot>()
    /// The date of each session in ``sessionSlots`` (a day number), or -1 for a weekly one.
    /// Only dated sessions on or after the index's today are listed.
    var sessionDates = CompressedRows<Int32>()
    /// True when the activity lists only dated sessions and every one is before today: it is
    /// over, and nobody is referred to it.
    var ended: [Bool] = []
    /// Places left; -1 for unlimited.
    var remaining: [Int32] = []
    var access: [UInt32] = []
    var ageMin: [Int32] = []
    var ageMax: [Int32] = []
    var buddyWelcome: [Bool] = []
    var groups = CompressedRows<Int32>()
    /// Cost a session in pounds; -1 when not known.
    var cost: [Double] = []
    /// Languages it is held in (``LanguageCode/packed(_:)``); empty when not stated.
    var languages = CompressedRows<UInt16>()
    /// False for the slot of a removed activity (until the next full build).
    var live: [Bool] = []

    /// Number of slots, live or vacant.
    var count: Int { ids.count }

    func serves(_ activity: Int, _ way: WellbeingWay) -> Bool { wellbeing[activity] & way.bit != 0 }

    mutating func append(_ activity: Activity, topics: [Int32], groups: [Int32], today: CalendarDate) {
        ids.append(activity.id)
        names.append(activity.name)
        online.append(activity.online)
        position.append(UnitVector(x: 0, y: 0, z: 0))
        location.append(nil)
        self.topics.append(EmptyCollection())
        wellbeing.append(0)
        sessions.append(EmptyCollection())
        sessionSlots.append(EmptyCollection())
        sessionDates.append(EmptyCollection())
        ended.append(false)
        remaining.append(-1)
        access.append(0)
        ageMin.append(-1)
        ageMax.append(-1)
        buddyWelcome.append(true)
        self.groups.append(EmptyCollection())
        cost.append(-1)
        languages.append(EmptyCollection())
        live.append(true)
        replace(count - 1, with: activity, topics: topics, groups: groups, today: today)
    }

    /// Replaces the activity in slot `a`.
    mutating func replace(_ a: Int, with activity: Activity, topics: [Int32], groups: [Int32], today: CalendarDate) {
        ids[a] = activity.id
        names[a] = activity.name
        online[a] = activity.online
        position[a] = activity.location.map(UnitVector.init) ?? UnitVector(x: 0, y: 0, z: 0)
        location[a] = activity.location
        self.topics.replace(row: a, with: topics)
        wellbeing[a] = activity.wellbeing.reduce(0) { $0 | $1.bit }
        // Weekly sessions, then the dated ones still to come (each on its weekday), in order.
        let upcoming = activity.datedSessions.filter { $0.date >= today }.sorted()
        let weekly = activity.schedule.sorted { ($0.day, $0.start) < ($1.day, $1.start) }
        let slots = weekly + upcoming.map(\.weekly)
        sessions.replace(row: a, with: slots.map { WeekMask([$0]) })
        sessionSlots.replace(row: a, with: slots)
        sessionDates.replace(row: a, with: weekly.map { _ in Int32(-1) } + upcoming.map { Int32(clamping: $0.date.dayNumber) })
        ended[a] = weekly.isEmpty && !activity.datedSessions.isEmpty && upcoming.isEmpty
        // RecordBounds keeps places and ages far inside Int32; clamping makes a trap impossible.
        remaining[a] = activity.remainingPlaces.map { Int32(clamping: $0) } ?? -1
        access[a] = activity.access.featureMask
        ageMin[a] = Int32(clamping: activity.ageMin ?? -1)
        ageMax[a] = Int32(clamping: activity.ageMax ?? -1)
        buddyWelcome[a] = activity.buddyWelcome
        self.groups.replace(row: a, with: groups)
        cost[a] = activity.cost ?? -1
        languages.replace(row: a, with: PersonFeatures.languages(activity.languages))
        live[a] = true
    }

    /// The period someone is away on the day of each of the activity's sessions to come, when
    /// every one is dated and falls in one of `away` (so they can go to none); else `nil`.
    func awayForEverySession(_ a: Int, _ away: [AwayPeriod]) -> AwayPeriod? {
        guard !away.isEmpty else { return nil }
        let dates = sessionDates[a]
        guard !dates.isEmpty else { return nil }
        var first: AwayPeriod?
        for day in dates {
            guard day >= 0, let period = away.period(containing: CalendarDate(dayNumber: Int(day))) else { return nil }
            if first == nil { first = period }
        }
        return first
    }

    /// Empties slot `a` of a removed activity.
    mutating func vacate(_ a: Int) {
        names[a] = ""
        location[a] = nil
        topics.clear(row: a)
        sessions.clear(row: a)
        sessionSlots.clear(row: a)
        sessionDates.clear(row: a)
        ended[a] = false
        groups.clear(row: a)
        languages.clear(row: a)
        wellbeing[a] = 0
        remaining[a] = 0
        live[a] = false
    }
}
