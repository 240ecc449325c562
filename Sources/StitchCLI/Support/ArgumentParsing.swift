import ArgumentParser
import StitchModel

/// `--when "tue 10:00-12:00"`.
struct SlotArgument: ExpressibleByArgument {
    let slot: Slot

    init?(argument: String) {
        let parts = argument.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard parts.count == 3, let day = Weekday(rawValue: parts[0].lowercased().prefix(3).description),
            let start = TimeOfDay(parsing: parts[1]), let end = TimeOfDay(parsing: parts[2]),
            let slot = Slot(day: day, start: start, end: end)
        else { return nil }
        self.slot = slot
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// `--goals connect=1,takeNotice=0.5`.
struct GoalsArgument: ExpressibleByArgument {
    let goals: FiveWays

    init?(argument: String) {
        var goals = FiveWays()
        for pair in argument.split(separator: ",") {
            let kv = pair.split(separator: "=")
            guard let key = kv.first, let way = WellbeingWay(rawValue: String(key).trimmed(" ")) else { return nil }
            let value = kv.count > 1 ? Double(kv[1]) : 1
            guard let value, value.isFinite, (0...1).contains(value) else { return nil }
            goals[way] = value
        }
        self.goals = goals
    }
}

/// `--at 51.4452,-0.0209`.
struct LocationArgument: ExpressibleByArgument {
    let location: Location

    init?(argument: String) {
        let parts = argument.split(separator: ",").compactMap { Double($0.description.trimmed(" ")) }
        guard parts.count == 2, let location = Location(lat: parts[0], lon: parts[1]) else { return nil }
        self.location = location
    }
}

extension String {
    func trimmed(_ set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
