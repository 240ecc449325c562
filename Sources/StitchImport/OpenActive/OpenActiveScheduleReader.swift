import Foundation
import StitchModel

/// Derives the weekly slots (and capacity) of an OpenActive session from its occurrences.
///
/// OpenActive publishers describe when a session runs in three ways, tried in this order:
/// 1. dated occurrences in `subEvent` (both bundled feeds do this), each with `startDate` and
///    `endDate` or `duration`;
/// 2. a record that is itself one occurrence, with its own `startDate`;
/// 3. a weekly `eventSchedule` with `byDay` and `startTime` / `endTime` (already local times).
///
/// Each dated occurrence is turned into local wall-clock time in the venue's time zone, so a
/// session at 18:00 UTC in July is a 19:00 slot. Occurrences in different weeks at the same
/// weekday and time give the same slot, which is kept once.
struct OpenActiveScheduleReader: Sendable {
    var timeZone: TimeZone

    struct Result: Sendable {
        var slots: [Slot] = []
        var capacity: Int?
        var enrolled: Int?
        /// Where and why no slot was found, for the issue that skips the record.
        var field = "data.subEvent"
        var reason = "has no occurrence with a usable startDate and endDate or duration"
    }

    func slots(of data: JSONValue, note: (String, String) -> Void) -> Result {
        var result = Result()
        var occurrences = (data["subEvent"]?.elements ?? []).enumerated().map {
            ("data.subEvent[\($0.offset)]", $0.element)
        }
        if occurrences.isEmpty, data["startDate"] != nil { occurrences = [("data", data)] }
        var slots: [Slot] = []
        for (path, occurrence) in occurrences {
            if let cap = (occurrence["maximumAttendeeCapacity"] ?? data["maximumAttendeeCapacity"])?.number,
                cap >= 0, cap < 1_000_000
            {
                let capacity = Int(cap)
                result.capacity = max(result.capacity ?? 0, capacity)
                if let remaining = occurrence["remainingAttendeeCapacity"]?.number, remaining >= 0 {
                    // Compared as numbers first: a huge remainingAttendeeCapacity never becomes an Int.
                    let taken = remaining >= Double(capacity) ? 0 : capacity - Int(remaining)
                    result.enrolled = max(result.enrolled ?? 0, taken)
                }
            }
            guard let startText = occurrence["startDate"]?.text else {
                note("\(path).startDate", "is missing")
                continue
            }
            guard let start = WallClock(iso8601: startText, in: timeZone) else {
                note("\(path).startDate", "'\(startText)' is not an ISO 8601 date-time")
                continue
            }
            var end: WallClock?
            if let endText = occurrence["endDate"]?.text {
                end = WallClock(iso8601: endText, in: timeZone)
                if end == nil { note("\(path).endDate", "'\(endText)' is not an ISO 8601 date-time") }
            }
            if end == nil, let text = (occurrence["duration"] ?? data["duration"])?.text,
                let seconds = ISODuration.seconds(text)
            {
                end = WallClock(minuteNumber: start.minuteNumber + (seconds + 30) / 60)
            }
            guard let end else {
                note(path, "has no endDate or duration")
                continue
            }
            guard let span = WallClock.slots(from: start, to: end) else {
                note("\(path).endDate", "is not after startDate, or the session is longer than a day")
                continue
            }
            slots += span
        }
        if slots.isEmpty, let schedules = data["eventSchedule"]?.elements, !schedules.isEmpty {
            slots = weeklySlots(schedules)
            if slots.isEmpty {
                result.field = "data.eventSchedule"
                result.reason = "has no byDay with startTime and endTime or duration"
            }
        }
        if let capacity = result.capacity, let enrolled = result.enrolled, enrolled > capacity {
            result.enrolled = capacity
        }
        result.slots = Self.sortedUnique(slots)
        return result
    }

    /// Slots of weekly schedules: `byDay` (`https://schema.org/Monday`, `Monday`, `mo`…) with local times.
    private func weeklySlots(_ schedules: [JSONValue]) -> [Slot] {
        var slots: [Slot] = []
        for schedule in schedules {
            guard let startText = schedule["startTime"]?.text, let start = Self.time(startText) else { continue }
            var endMinutes = schedule["endTime"]?.text.flatMap(Self.time)?.minutes
            if endMinutes == nil, let text = schedule["duration"]?.text, let seconds = ISODuration.seconds(text) {
                endMinutes = min(1440, start.minutes + (seconds + 30) / 60)
            }
            guard let endMinutes, let end = TimeOfDay(minutes: endMinutes) else { continue }
            for day in schedule["byDay"]?.elements ?? [] {
                guard let text = day.text, let weekday = Self.weekday(text),
                    let slot = Slot(day: weekday, start: start, end: end)
                else { continue }
                slots.append(slot)
            }
        }
        return slots
    }

    static func time(_ text: String) -> TimeOfDay? {
        TimeOfDay(parsing: text.count == 8 ? String(text.prefix(5)) : text)
    }

    static func weekday(_ text: String) -> Weekday? {
        let last = (text.split(separator: "/").last.map(String.init) ?? text).lowercased()
        switch last.prefix(2) {
        case "mo": return .mon
        case "tu": return .tue
        case "we": return .wed
        case "th": return .thu
        case "fr": return .fri
        case "sa": return .sat
        case "su": return .sun
        default: return nil
        }
    }

    static func sortedUnique(_ slots: [Slot]) -> [Slot] {
        var out: [Slot] = []
        for slot in slots.sorted(by: { ($0.day, $0.start, $0.end) < ($1.day, $1.start, $1.end) }) where out.last != slot
        {
            out.append(slot)
        }
        return out
    }
}
