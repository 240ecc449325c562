extension WeeklyTimeParser {
    /// Words that join or carry nothing: `every Tuesday`, `on Mon`, `from 2pm to 4pm`, `10 o'clock`.
    private static let fillers: Set<String> = ["every", "each", "on", "from", "at", "oclock", "o", "clock"]

    /// Cuts a text into tokens, refusing any word that is not a day, a time word or a joining word.
    static func tokens(of text: String) throws(WeeklyTimeError) -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        func fail(_ piece: String, _ reason: String) -> WeeklyTimeError {
            WeeklyTimeError(text: text, piece: piece, reason: reason)
        }
        while i < chars.count {
            let ch = chars[i]
            if ch == "\n" || ch == "\r" || ch == ";" || ch == "|" {
                tokens.append(.semicolon)
                i += 1
            } else if ch.isWhitespace || ch == "." || ch == "'" || ch == "’" {
                i += 1
            } else if ch == "," || ch == "&" || ch == "/" || ch == "+" {
                tokens.append(.comma)
                i += 1
            } else if "-–—‒−".contains(ch) {
                tokens.append(.dash(raw: String(ch)))
                i += 1
            } else if ch.isASCII, ch.isNumber {
                let (time, next) = try number(chars, from: i, text: text)
                tokens.append(.time(time))
                i = next
            } else if ch.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                let raw = String(chars[i..<j])
                i = j
                try word(raw, into: &tokens, fail: fail)
            } else {
                throw fail(String(ch), "is not part of a day or a time")
            }
        }
        return tokens
    }

    /// One word: a day, a time word, a joining word or a filler.
    private static func word(
        _ raw: String, into tokens: inout [Token], fail: (String, String) -> WeeklyTimeError
    ) throws(WeeklyTimeError) {
        let word = raw.lowercased()
        switch word {
        case "to", "till", "til", "until", "thru", "through":
            tokens.append(.dash(raw: " \(raw) "))
        case "and":
            tokens.append(.comma)
        case "noon", "midday":
            // `12 noon` is one time.
            if case .time(let t)? = tokens.last, t.hour == 12, t.minute == 0, t.clock == .bare {
                tokens[tokens.count - 1] = .time(.init(hour: 12, minute: 0, clock: .noon, raw: "\(t.raw) \(raw)"))
            } else {
                tokens.append(.time(.init(hour: 12, minute: 0, clock: .noon, raw: raw)))
            }
        case "midnight":
            tokens.append(.time(.init(hour: 0, minute: 0, clock: .midnight, raw: raw)))
        case "weekday", "weekdays":
            tokens.append(.days([.mon, .tue, .wed, .thu, .fri], raw: raw))
        case "weekend", "weekends":
            tokens.append(.days([.sat, .sun], raw: raw))
        case "daily", "everyday":
            tokens.append(.days(Weekday.allCases, raw: raw))
        case "day", "days":
            // `every day`; a day alone names none.
            guard case .days(let all, let previous)? = tokens.last, previous.lowercased() == "every", all.isEmpty
            else { throw fail(raw, "is not a day or a time") }
            tokens[tokens.count - 1] = .days(Weekday.allCases, raw: "\(previous) \(raw)")
        case "am", "pm":
            throw fail(raw, "follows no time; write it after the hour, as 10am")
        default:
            if let day = Weekday(spelled: word) {
                tokens.append(.days([day], raw: raw))
            } else if word == "every" {
                // Kept as an empty day list until the next word says whether it is `every day`.
                tokens.append(.days([], raw: raw))
            } else if fillers.contains(word) {
                break
            } else {
                throw fail(raw, "is not a day or a time" + WeeklyTimeText.nearestDay(to: word))
            }
        }
        // `every Tuesday`: the placeholder for `every` gives way to the day.
        if tokens.count >= 2, case .days(let placeholder, _) = tokens[tokens.count - 2], placeholder.isEmpty {
            tokens.remove(at: tokens.count - 2)
        }
    }

    /// A time starting at a digit: `10`, `10.30`, `10:30`, `07:00`, then `am`/`pm` (`10 a.m.`).
    private static func number(
        _ chars: [Character], from start: Int, text: String
    ) throws(WeeklyTimeError) -> (WrittenTime, Int) {
        var i = start
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        let hourDigits = String(chars[start..<i])
        var minuteDigits: String?
        if i + 1 < chars.count, chars[i] == ":" || chars[i] == ".", chars[i + 1].isASCII, chars[i + 1].isNumber {
            var j = i + 1
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            minuteDigits = String(chars[(i + 1)..<j])
            i = j
        }
        var raw = String(chars[start..<i])
        // am/pm, with or without a space and full stops: `2pm`, `2 pm`, `2 p.m.`.
        var k = i
        while k < chars.count, chars[k] == " " { k += 1 }
        var pm: Bool?
        if k < chars.count, let first = chars[k].lowercased().first, first == "a" || first == "p" {
            var m = k + 1
            if m < chars.count, chars[m] == "." { m += 1 }
            if m < chars.count, chars[m].lowercased() == "m", !(m + 1 < chars.count && chars[m + 1].isLetter) {
                pm = first == "p"
                m += 1
                if m < chars.count, chars[m] == "." { m += 1 }
                raw += String(chars[k..<m]).filter { $0 != " " }
                i = m
            }
        }
        func fail() -> WeeklyTimeError { WeeklyTimeError(text: text, piece: raw, reason: "is not a time") }
        guard hourDigits.count <= 2, let hour = Int(hourDigits) else { throw fail() }
        var minute = 0
        if let minuteDigits {
            guard minuteDigits.count == 2, let m = Int(minuteDigits), m < 60 else { throw fail() }
            minute = m
        }
        let clock: WrittenTime.Clock
        if let pm {
            guard (1...12).contains(hour) else {
                throw WeeklyTimeError(
                    text: text, piece: raw, reason: "is not a time; with am or pm the hour is 1 to 12")
            }
            clock = .meridiem(pm: pm)
        } else if hour == 0 || hour >= 13 || hourDigits.count == 2 && hourDigits.hasPrefix("0") {
            guard hour < 24 || hour == 24 && minute == 0 else { throw fail() }
            clock = .twentyFour
        } else {
            clock = .bare
        }
        return (WrittenTime(hour: hour, minute: minute, clock: clock, raw: raw), i)
    }
}
