import StitchModel

/// When a generated member is free each week: sparse, as people really are.
///
/// One to four slots (30%, 35%, 22%, 13%), each on a different day, 1.5 to 4 hours long, starting
/// and ending on 15-minute boundaries. Retired people, people not in work and ward members are
/// free in the daytime, mostly on weekdays; people in work are free on weekday evenings and at
/// weekends. A prison's regime allows only mid-morning and mid-afternoon sessions on weekdays.
enum AvailabilityModel {
    enum Pattern: Sendable {
        case daytime
        case working
        case prisonRegime
    }

    static func slots(pattern: Pattern, random: inout Xoshiro256StarStar) -> [Slot] {
        let count = random.index(weights: [0.30, 0.35, 0.22, 0.13]) + 1
        var days: [Weekday] = []
        var slots: [Slot] = []
        var attempts = 0
        while slots.count < count, attempts < 20 {
            attempts += 1
            let (day, start, length) = draw(pattern, random: &random)
            guard !days.contains(day) else { continue }
            let end = min(start + length, 22 * 60)
            guard end - start >= 90,
                let slot = Slot(day: day, start: TimeOfDay(minutes: start)!, end: TimeOfDay(minutes: end)!)
            else { continue }
            days.append(day)
            slots.append(slot)
        }
        return slots.sorted { ($0.day, $0.start) < ($1.day, $1.start) }
    }

    /// A day, a start minute and a length in minutes, on quarter hours.
    private static func draw(_ pattern: Pattern, random: inout Xoshiro256StarStar) -> (Weekday, Int, Int) {
        let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
        switch pattern {
        case .daytime:
            let day = random.chance(0.85) ? random.pick(weekdays) : random.pick([Weekday.sat, .sun])
            let start = 9 * 60 + 15 * random.int(in: 0...24)  // 09:00 … 15:00
            let length = 90 + 15 * random.int(in: 0...10)  // 1.5 … 4 h
            return (day, start, length)
        case .working:
            if random.chance(0.6) {
                let start = 17 * 60 + 30 + 15 * random.int(in: 0...8)  // 17:30 … 19:30
                let length = 90 + 15 * random.int(in: 0...6)  // 1.5 … 3 h
                return (random.pick(weekdays), start, length)
            }
            let start = 9 * 60 + 15 * random.int(in: 0...20)  // 09:00 … 14:00
            let length = 90 + 15 * random.int(in: 0...10)
            return (random.pick([Weekday.sat, .sun]), start, length)
        case .prisonRegime:
            let morning = random.chance(0.5)
            let start = morning ? 9 * 60 + 15 * random.int(in: 0...2) : 14 * 60 + 15 * random.int(in: 0...2)
            return (random.pick(weekdays), start, 90 + 15 * random.int(in: 0...2))
        }
    }
}
