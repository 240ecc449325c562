/// The name of a weekly series, without the day and time some publishers append to each
/// session's name.
///
/// Active Newham names its sessions "Crossfit Session 6.30am", "Group Cycle Mon 7pm",
/// "Hiit 360 Sunday 9am" or "Yoga 12noon": the weekday and time repeat the schedule, and leaving them in would
/// split one series into one activity per time slot. Trailing weekday and clock-time words are
/// removed; a name that is nothing but such words is kept whole.
///
/// `"50+yrs Aquafit Mon 2.40pm"` → `"50+yrs Aquafit"`; `"Crossfit Open Box"` is unchanged.
enum SeriesName {
    static func of(_ name: String) -> String {
        var words = name.split(separator: " ", omittingEmptySubsequences: true)
        while let last = words.last, words.count > 1, isDayOrTime(last.lowercased()) { words.removeLast() }
        return words.joined(separator: " ")
    }

    static let days: Set<String> = [
        "mon", "mond", "monday", "tu", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "th", "thr", "thu", "thur",
        "thurs", "thursday", "fr", "fri", "frid", "friday", "sat", "saturday", "sun", "sunday", "am", "pm", "noon",
        "midday", "-",
    ]

    /// A weekday (also as publishers abbreviate it), or a clock time such as `7pm`, `6.30am`,
    /// `12noon`, `10:30`, or one cut short by a length limit (`8.15a`).
    static func isDayOrTime(_ word: String) -> Bool {
        if days.contains(word) { return true }
        var text = Substring(word)
        var suffixed = false
        for suffix in ["noon", "am", "pm", "a", "p", "m"] where text.hasSuffix(suffix) {
            text = text.dropLast(suffix.count)
            suffixed = true
            break
        }
        guard suffixed || text.contains(":") || text.contains(".") else { return false }
        let parts = text.split(separator: text.contains(":") ? ":" : ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
            let hour = Int(parts[0]), (0...24).contains(hour)
        else { return false }
        if parts.count == 2 {
            guard parts[1].count == 2, let minute = Int(parts[1]), (0..<60).contains(minute) else { return false }
        }
        return true
    }
}
