/// The tokens and grammar behind ``WeeklyTimeText``: a text is cut into days, times, dashes and
/// separators, then read as groups of days followed by time ranges.
struct WeeklyTimeParser {
    /// A time as written: the hour and minute, and what says which half of the day it is in.
    struct WrittenTime {
        enum Clock: Equatable {
            /// `am`/`pm` was written.
            case meridiem(pm: Bool)
            /// The 24-hour clock: a leading zero, hour 0 or 13 and over.
            case twentyFour
            /// `noon`, `midday`.
            case noon
            /// `midnight`: 00:00 at a start, 24:00 at an end.
            case midnight
            /// An hour from 1 to 12 with neither.
            case bare
        }

        var hour: Int
        var minute: Int
        var clock: Clock
        var raw: String

        /// Minutes since midnight with am/pm applied; `nil` when the hour does not fit it. An am/pm
        /// taken from the other end of a range (`inherited`) never makes 12 midnight.
        func minutes(pm: Bool, asEnd: Bool, inherited: Bool = false) -> Int? {
            guard (1...12).contains(hour) else { return nil }
            if hour == 12, !pm { return inherited ? nil : asEnd && minute == 0 ? 1440 : minute }
            return ((hour % 12) + (pm ? 12 : 0)) * 60 + minute
        }

        /// The reading of a bare hour without context: 1–7 afternoon, 8–12 morning or noon.
        var daytime: Int { ((1...7).contains(hour) ? hour + 12 : hour) * 60 + minute }

        /// The other reading of a bare hour, twelve hours on (12 is then midnight, at an end).
        func otherHalf(asEnd: Bool) -> Int? {
            switch hour {
            case 8...11: (hour + 12) * 60 + minute
            case 12: asEnd && minute == 0 ? 1440 : nil
            default: nil
            }
        }

        /// Minutes since midnight when the text alone says (am/pm, 24-hour, noon, midnight).
        func explicit(asEnd: Bool) -> Int? {
            switch clock {
            case .meridiem(let pm): minutes(pm: pm, asEnd: asEnd)
            case .twentyFour: hour * 60 + minute
            case .noon: 720
            case .midnight: asEnd ? 1440 : 0
            case .bare: nil
            }
        }
    }

    enum Token {
        case days([Weekday], raw: String)
        case time(WrittenTime)
        /// `-`, `–`, `to`, `till`, `until`.
        case dash(raw: String)
        /// `,`, `&`, `/`, `+`, `and`.
        case comma
        /// `;`, a line break, `|`.
        case semicolon
    }

    let text: String
    private var tokens: [Token] = []
    private var position = 0

    init(_ text: String) throws(WeeklyTimeError) {
        self.text = text
        tokens = try Self.tokens(of: text)
    }

    private func fail(_ piece: String, _ reason: String) -> WeeklyTimeError {
        WeeklyTimeError(text: text, piece: piece, reason: reason)
    }

    // MARK: Grammar

    /// Every slot: groups of days, each followed by one or more ranges.
    mutating func slots() throws(WeeklyTimeError) -> [Slot] {
        var out: [Slot] = []
        while position < tokens.count {
            if case .comma = tokens[position] {
                position += 1
                continue
            }
            if case .semicolon = tokens[position] {
                position += 1
                continue
            }
            let (days, dayText) = try dayList()
            let ranges = try rangeList(after: dayText)
            for day in days {
                for (start, end) in ranges
                where !out.contains(where: { $0.day == day && $0.start == start && $0.end == end }) {
                    if let slot = Slot(day: day, start: start, end: end) { out.append(slot) }
                }
            }
        }
        return out
    }

    /// A text holding one time and nothing else.
    mutating func singleTime() throws(WeeklyTimeError) -> TimeOfDay {
        guard tokens.count == 1, case .time(let time) = tokens[0] else {
            throw fail(text, tokens.isEmpty ? "is not a time" : "is not one time")
        }
        let minutes = time.explicit(asEnd: false) ?? time.daytime
        guard let value = TimeOfDay(minutes: minutes) else { throw fail(time.raw, "is not a time") }
        return value
    }

    /// `Mon`, `Mon, Wed`, `Mon-Fri`, `weekdays and Sat`.
    private mutating func dayList() throws(WeeklyTimeError) -> ([Weekday], String) {
        var days: [Weekday] = []
        var raws: [String] = []
        while position < tokens.count {
            guard case .days(let first, let raw) = tokens[position] else { break }
            position += 1
            var group = first
            var groupRaw = raw
            // A run: `Mon-Fri`, `Monday to Friday`.
            if position + 1 < tokens.count, case .dash(let dash) = tokens[position],
                case .days(let last, let lastRaw) = tokens[position + 1]
            {
                guard first.count == 1, last.count == 1 else {
                    throw fail("\(raw)\(dash)\(lastRaw)", "is not a run of days; write it as 'Mon-Fri'")
                }
                group = Self.run(from: first[0], to: last[0])
                groupRaw = "\(raw)-\(lastRaw)"
                position += 2
            }
            days += group.filter { !days.contains($0) }
            raws.append(groupRaw)
            // `Mon, Wed …`: another day follows a comma.
            if position + 1 < tokens.count, case .comma = tokens[position], case .days = tokens[position + 1] {
                position += 1
            }
        }
        guard !days.isEmpty else {
            let piece = rawOfNextRange() ?? text
            throw fail(piece, "names no day; write the day before the times, as 'Tue 10-12'")
        }
        return (days, raws.joined(separator: ", "))
    }

    /// `10-12`, `10-12 and 2-4`.
    private mutating func rangeList(after days: String) throws(WeeklyTimeError) -> [(TimeOfDay, TimeOfDay)] {
        var ranges: [(TimeOfDay, TimeOfDay)] = []
        while position < tokens.count, case .time(let start) = tokens[position] {
            position += 1
            guard position < tokens.count, case .dash = tokens[position] else {
                throw fail(start.raw, "has no end time; write a range, as '\(start.raw)-…' (10am-12pm, 10-12)")
            }
            position += 1
            guard position < tokens.count, case .time(let end) = tokens[position] else {
                throw fail(start.raw + "-", "has no end time; write a range, as 10am-12pm or 10-12")
            }
            position += 1
            ranges.append(try resolve(start, end))
            // `… 10-12, 2-4`: another range for the same days.
            if position + 1 < tokens.count, case .comma = tokens[position], case .time = tokens[position + 1] {
                position += 1
            }
        }
        guard !ranges.isEmpty else {
            throw fail(days, "has no times; write a day and a time range, as 'Tue 10-12'")
        }
        if position < tokens.count, case .dash(let raw) = tokens[position] {
            throw fail(raw, "follows a range; a range has one start and one end")
        }
        return ranges
    }

    /// The text of the range at the current position, for an error.
    private func rawOfNextRange() -> String? {
        var pieces: [String] = []
        var i = position
        while i < tokens.count {
            switch tokens[i] {
            case .time(let t): pieces.append(t.raw)
            case .dash: pieces.append("-")
            default:
                i = tokens.count
                continue
            }
            i += 1
        }
        return pieces.isEmpty ? nil : pieces.joined()
    }

    /// Days from one to another, wrapping past Sunday (`Fri-Mon`).
    private static func run(from first: Weekday, to last: Weekday) -> [Weekday] {
        var out = [first]
        var i = first.index
        while i != last.index {
            i = (i + 1) % 7
            out.append(Weekday.allCases[i])
        }
        return out
    }

    /// A range's times, with am/pm worked out as ``WeeklyTimeText`` describes.
    private func resolve(_ start: WrittenTime, _ end: WrittenTime) throws(WeeklyTimeError) -> (TimeOfDay, TimeOfDay) {
        let piece = "\(start.raw)-\(end.raw)"
        let s: Int
        let e: Int
        switch (start.explicit(asEnd: false), end.explicit(asEnd: true)) {
        case (let a?, let b?):
            (s, e) = (a, b)
        case (let a?, nil):
            var candidates: [Int?] = []
            if case .meridiem(let pm) = start.clock {
                candidates.append(end.minutes(pm: pm, asEnd: true, inherited: true))
            }
            candidates.append(end.daytime)
            if start.clock != .twentyFour { candidates.append(end.otherHalf(asEnd: true)) }
            (s, e) = (a, candidates.compactMap { $0 }.first { $0 > a } ?? end.daytime)
        case (nil, let b?):
            var candidates: [Int?] = []
            if case .meridiem(let pm) = end.clock {
                candidates.append(start.minutes(pm: pm, asEnd: false, inherited: true))
            }
            candidates.append(start.daytime)
            (s, e) = (candidates.compactMap { $0 }.first { $0 < b } ?? start.daytime, b)
        case (nil, nil):
            let a = start.daytime
            (s, e) = (a, [end.daytime, end.otherHalf(asEnd: true)].compactMap { $0 }.first { $0 > a } ?? end.daytime)
        }
        guard s < 1440, let from = TimeOfDay(minutes: s) else { throw fail(start.raw, "is not a time") }
        guard let to = TimeOfDay(minutes: e) else { throw fail(end.raw, "is not a time") }
        guard from < to else {
            throw fail(
                piece,
                "ends at \(to) but starts at \(from): the end must be after the start, and a slot never crosses "
                    + "midnight (write an evening that runs late as two slots)")
        }
        return (from, to)
    }
}
