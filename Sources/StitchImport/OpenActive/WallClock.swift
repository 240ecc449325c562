import Foundation
import StitchModel

/// A local wall-clock moment: a calendar day and a minute of that day.
///
/// OpenActive dates are ISO 8601 instants (`2020-01-06T20:00:00Z`, `2020-07-06T19:00:00+01:00`).
/// Stitch schedules are weekly slots in local time, so an instant is moved into the venue's time
/// zone (Europe/London: GMT in winter, BST in summer) before its weekday and time are taken.
/// Seconds are rounded to the nearest minute, because publishers often write an end such as
/// `21:59:59` for a session that ends at 22:00.
struct WallClock: Sendable, Hashable {
    /// Minutes since 1970-01-01 00:00 local time.
    var minuteNumber: Int

    var day: CalendarDate { CalendarDate(dayNumber: minuteNumber.floorDiv(1440)) }
    var minuteOfDay: Int { minuteNumber - minuteNumber.floorDiv(1440) * 1440 }

    /// Parses an ISO 8601 date-time and converts it to wall-clock time in `timeZone`.
    ///
    /// A date-time without an offset is taken to be local time already. Returns `nil` when the
    /// text is not `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`.
    init?(iso8601 text: String, in timeZone: TimeZone) {
        let chars = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var v = 0
            for c in chars[from..<(from + count)] {
                guard (48...57).contains(c) else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard chars.count >= 16, let y = digits(0, 4), chars[4] == 45, let mo = digits(5, 2), chars[7] == 45,
            let d = digits(8, 2), chars[10] == 84 || chars[10] == 32, let h = digits(11, 2), chars[13] == 58,
            let mi = digits(14, 2), let date = CalendarDate(year: y, month: mo, day: d), h <= 24, mi < 60
        else { return nil }
        var i = 16
        var seconds = 0
        if i < chars.count, chars[i] == 58 {
            guard let s = digits(i + 1, 2), s <= 60 else { return nil }
            seconds = s
            i += 3
            if i < chars.count, chars[i] == 46 || chars[i] == 44 {
                i += 1
                while i < chars.count, (48...57).contains(chars[i]) { i += 1 }
            }
        }
        var offset: Int?
        if i < chars.count {
            switch chars[i] {
            case 90, 122:  // Z
                offset = 0
                i += 1
            case 43, 45:  // + -
                let sign = chars[i] == 43 ? 1 : -1
                guard let oh = digits(i + 1, 2) else { return nil }
                let colon = i + 3 < chars.count && chars[i + 3] == 58
                guard let om = digits(i + (colon ? 4 : 3), 2), oh <= 18, om < 60 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
                i += colon ? 6 : 5
            default: return nil
            }
        }
        guard i == chars.count else { return nil }
        var local = date.dayNumber * 86_400 + h * 3600 + mi * 60 + seconds
        if let offset {
            let utc = local - offset
            local = utc + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
        }
        minuteNumber = (local + 30).floorDiv(60)
    }

    init(minuteNumber: Int) { self.minuteNumber = minuteNumber }

    /// The weekly slots covering `start ..< end`: one slot, or two when the session runs past
    /// midnight (a slot never crosses midnight). `nil` when `end` is not after `start` or the
    /// span is longer than a day.
    static func slots(from start: WallClock, to end: WallClock) -> [Slot]? {
        let length = end.minuteNumber - start.minuteNumber
        guard length > 0, length <= 1440 else { return nil }
        let startMinute = start.minuteOfDay
        let firstEnd = min(1440, startMinute + length)
        guard let from = TimeOfDay(minutes: startMinute), let to = TimeOfDay(minutes: firstEnd),
            let first = Slot(day: start.day.weekday, start: from, end: to)
        else { return nil }
        let rest = startMinute + length - 1440
        guard rest > 0 else { return [first] }
        let nextDay = start.day.adding(days: 1).weekday
        guard let midnight = TimeOfDay(minutes: 0), let restEnd = TimeOfDay(minutes: rest),
            let second = Slot(day: nextDay, start: midnight, end: restEnd)
        else { return [first] }
        return [first, second]
    }
}

extension Int {
    /// Division rounding towards minus infinity (for dates before 1970).
    func floorDiv(_ d: Int) -> Int {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
