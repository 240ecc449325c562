/// Parses ISO 8601 durations as OpenActive writes them (`PT45M`, `PT1H30M`, `P1DT2H`).
///
/// Used to find a session's end when a publisher gives `startDate` and `duration` but no `endDate`.
enum ISODuration {
    /// The number of seconds, or `nil` when the text is not a day/time duration.
    static func seconds(_ text: String) -> Int? {
        var total = 0
        var number = 0
        var hasNumber = false
        var inTime = false
        var sawUnit = false
        let chars = Array(text.uppercased().utf8)
        guard chars.first == 80 else { return nil }  // P
        for c in chars.dropFirst() {
            switch c {
            case 48...57:
                number = number * 10 + Int(c - 48)
                hasNumber = true
                guard number < 10_000_000 else { return nil }
            case 84:  // T
                guard !inTime, !hasNumber else { return nil }
                inTime = true
            case 68, 72, 77, 83, 87:  // D H M S W
                guard hasNumber else { return nil }
                let unit: Int
                switch c {
                case 87: unit = 7 * 86_400
                case 68: unit = 86_400
                case 72: unit = inTime ? 3600 : -1
                case 77: unit = inTime ? 60 : -1
                default: unit = inTime ? 1 : -1
                }
                guard unit > 0 else { return nil }
                total += number * unit
                number = 0
                hasNumber = false
                sawUnit = true
            default:
                return nil
            }
        }
        guard sawUnit, !hasNumber else { return nil }
        return total
    }
}
