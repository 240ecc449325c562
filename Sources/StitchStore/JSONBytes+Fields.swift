import StitchModel

/// The model's field rules, read straight from the bytes: each returns exactly what the model's
/// `init(from:)` would decode, or `nil` wherever that decoder would throw (or the value is not
/// plain enough to be sure), so that the record is decoded again by `JSONDecoder`.
extension JSONBytes {
    /// `null` as `.some(nil)`, else the value read by `read`; `nil` when that fails.
    mutating func nullable<T>(_ read: (inout JSONBytes) -> T?) -> T?? {
        if takeNull() { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    /// A required identifier: a string that is not all white space (`decodeIdentifier`).
    mutating func identifier() -> String? {
        guard let id = string() else { return nil }
        var ascii = true
        for c in id.utf8 {
            if c >= 0x80 {
                ascii = false
                break
            }
            if !(c == 0x20 || (0x09...0x0D).contains(c)) { return id }
        }
        if ascii { return nil }
        return id.contains(where: { !$0.isWhitespace }) ? id : nil
    }

    /// An optional non-negative finite number (`decodeNonNegative`).
    mutating func nonNegative() -> Double?? {
        nullable { json in
            guard let value = json.number(), value.isFinite, value >= 0 else { return nil }
            return value
        }
    }

    /// An optional whole number below 1e15 in size (`decodeWholeNumber`).
    mutating func wholeNumber() -> Int?? {
        nullable { json in
            guard let value = json.number(), value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return nil }
            return Int(value)
        }
    }

    /// An optional non-negative whole number (`decodeCount`).
    mutating func count() -> Int?? {
        guard let value = wholeNumber() else { return nil }
        if let value, value < 0 { return nil }
        return .some(value)
    }

    /// A list of strings, `null` as empty.
    mutating func stringList() -> [String]? {
        if takeNull() { return [] }
        return strings()
    }

    /// A day of the week, any case.
    mutating func weekday() -> Weekday? {
        guard let raw = string() else { return nil }
        return Weekday(rawValue: raw) ?? Weekday(spelled: raw.lowercased())
    }

    /// A time of day, `"HH:MM"`: digits read in place, anything else by `TimeOfDay(parsing:)`.
    mutating func timeOfDay() -> TimeOfDay? {
        skipSpace()
        if let digits = plainString(count: 5), digits[2] == UInt8(ascii: ":"),
            let hour = Self.number(digits, 0..<2), let minute = Self.number(digits, 3..<5)
        {
            return TimeOfDay(hour: hour, minute: minute)
        }
        guard let raw = string() else { return nil }
        return TimeOfDay(parsing: raw)
    }

    /// The bytes of a string of exactly `count` ASCII bytes without escapes, consumed; `nil`
    /// (nothing consumed) for any other string.
    private mutating func plainString(count: Int) -> UnsafeBufferPointer<UInt8>? {
        guard i + count + 2 <= end, bytes[i] == Self.quote, bytes[i + count + 1] == Self.quote else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<(i + 1 + count)])
        guard text.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != Self.quote && $0 != Self.backslash }) else { return nil }
        i += count + 2
        return text
    }

    /// The decimal number the ASCII digits at `range` spell; `nil` when one is not a digit.
    private static func number(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for k in range {
            let digit = text[k] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// A weekly slot `{"day", "start", "end"}`, with its end after its start.
    mutating func slot() -> Slot? {
        var day: Weekday?, start: TimeOfDay?, end: TimeOfDay?
        let read = object { json, key in
            if key.is("day"), day == nil {
                day = json.weekday()
                return day != nil
            } else if key.is("start"), start == nil {
                start = json.timeOfDay()
                return start != nil
            } else if key.is("end"), end == nil {
                end = json.timeOfDay()
                return end != nil
            }
            return false
        }
        guard read, let day, let start, let end else { return nil }
        return Slot(day: day, start: start, end: end)
    }

    /// A list of weekly slots and dated times as objects (``TimeList``), `null` as empty; `nil`
    /// for anything else, such as an ISO 8601 interval string (`JSONDecoder` then reads it).
    mutating func times() -> (weekly: [Slot], dated: [DatedSlot])? {
        if takeNull() { return ([], []) }
        var weekly: [Slot] = [], dated: [DatedSlot] = []
        let read = array { json -> Bool? in
            var day: Weekday?, date: CalendarDate?, start: TimeOfDay?, end: TimeOfDay?
            let read = json.object { json, key in
                if key.is("day"), day == nil, date == nil {
                    day = json.weekday()
                    return day != nil
                } else if key.is("date"), date == nil, day == nil {
                    date = json.date() ?? nil
                    return date != nil
                } else if key.is("start"), start == nil {
                    start = json.timeOfDay()
                    return start != nil
                } else if key.is("end"), end == nil {
                    end = json.timeOfDay()
                    return end != nil
                }
                return false
            }
            guard read, let start, let end else { return nil }
            if let day, let slot = Slot(day: day, start: start, end: end) {
                weekly.append(slot)
            } else if let date, let slot = DatedSlot(date: date, start: start, end: end) {
                dated.append(slot)
            } else {
                return nil
            }
            return true
        }
        guard read != nil else { return nil }
        return (weekly, dated)
    }

    /// A member's days away `[{"from", "to"}]`, `null` as empty; `nil` for anything else.
    mutating func awayPeriods() -> [AwayPeriod]? {
        if takeNull() { return [] }
        return array { json -> AwayPeriod? in
            var from: CalendarDate?, to: CalendarDate?
            let read = json.object { json, key in
                if key.is("from"), from == nil {
                    from = json.date() ?? nil
                    return from != nil
                } else if key.is("to"), to == nil {
                    to = json.date() ?? nil
                    return to != nil
                }
                return false
            }
            guard read, let from, let to else { return nil }
            return AwayPeriod(from: from, to: to)
        }
    }

    /// A list of slots, `null` as empty.
    mutating func slots() -> [Slot]? {
        if takeNull() { return [] }
        return array { $0.slot() }
    }

    /// An optional location `{"lat", "lon"}` in range.
    mutating func location() -> Location?? {
        nullable { json in
            var lat: Double?, lon: Double?
            let read = json.object { json, key in
                if key.is("lat"), lat == nil {
                    lat = json.number()
                    return lat != nil
                } else if key.is("lon"), lon == nil {
                    lon = json.number()
                    return lon != nil
                }
                return false
            }
            guard read, let lat, let lon else { return nil }
            return Location(lat: lat, lon: lon)
        }
    }

    /// An optional UK postcode in any case and spacing, in its standard form (`Postcode`).
    mutating func postcode() -> Postcode?? {
        nullable { json in json.string().flatMap(Postcode.init) }
    }

    /// A list of access terms (any case), `null` as empty.
    mutating func accessTerms() -> [AccessTerm]? {
        if takeNull() { return [] }
        return array { json in
            guard let raw = json.string() else { return nil }
            return AccessTerm(rawValue: raw) ?? AccessTerm(rawValue: raw.lowercased())
        }
    }

    /// A list of wellbeing ways (exact names), `null` as empty.
    mutating func wellbeingWays() -> [WellbeingWay]? {
        if takeNull() { return [] }
        return array { json in json.string().flatMap { WellbeingWay(rawValue: $0) } }
    }

    /// Optional goals for the Five Ways, each in 0...1.
    mutating func fiveWays() -> FiveWays?? {
        nullable { json in
            var ways = FiveWays()
            var seen: Set<WellbeingWay> = []
            let read = json.object { json, key in
                guard let way = WellbeingWay(rawValue: String(decoding: key, as: UTF8.self)), seen.insert(way).inserted,
                    let value = json.number(), value.isFinite, (0...1).contains(value)
                else { return false }
                ways[way] = value
                return true
            }
            return read ? ways : nil
        }
    }

    /// An optional bool, `null` as `value`.
    mutating func bool(default value: Bool) -> Bool? {
        if takeNull() { return value }
        return bool()
    }

    /// An optional calendar date `"YYYY-MM-DD"`: digits read in place, anything else by
    /// `CalendarDate(parsing:)`.
    mutating func date() -> CalendarDate?? {
        nullable { json in
            json.skipSpace()
            if let text = json.plainString(count: 10), text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-") {
                guard let year = Self.number(text, 0..<4), let month = Self.number(text, 5..<7),
                    let day = Self.number(text, 8..<10)
                else { return CalendarDate(parsing: String(decoding: text, as: UTF8.self)) }
                return CalendarDate(year: year, month: month, day: day)
            }
            guard let raw = json.string() else { return nil }
            return CalendarDate(parsing: raw)
        }
    }
}
