import Foundation
import StitchModel

/// Reads Open Referral schedules (RFC 5545 rules as HSDS 3 writes them) into weekly slots.
///
/// `freq` WEEKLY (or absent) with `byday` `MO,TH` and `opens_at` `10:00` / `closes_at` `12:00`
/// gives a slot on each of those days. A MONTHLY rule by weekday (`2MO`, `-1FR`) gives the same
/// weekly slot: the day and hours a person must be free are right, the rhythm is coarser. A
/// fortnightly rule (`interval` 2) likewise. Times may carry seconds and a zone (`10:00:00Z`,
/// `10:00+01:00`): they are taken as the venue's wall-clock time. A `closes_at` of `00:00` is
/// midnight at the end of the day. A schedule whose `valid_to` is before the reader's date has
/// ended and is left out; one that cannot be read is left out with an issue, and the record kept.
struct OpenReferralSchedule {
    var asOf: CalendarDate?

    /// The slots of `schedules` (a JSON array at `path` inside the record), and the problems.
    func slots(_ schedules: JSONValue?, path: String) -> (slots: [Slot], problems: [(field: String, reason: String)]) {
        var slots: [Slot] = []
        var problems: [(String, String)] = []
        for (i, schedule) in (schedules?.elements ?? []).enumerated() {
            let at = "\(path)[\(i)]"
            switch read(schedule) {
            case .success(let found): slots += found
            case .failure(let problem):
                let field = problem.field == "$" ? at : "\(at).\(problem.field)"
                problems.append((field, problem.reason + "; the schedule is left out"))
            }
        }
        return (OpenActiveScheduleReader.sortedUnique(slots), problems)
    }

    private func read(_ schedule: JSONValue) -> Result<[Slot], CellError> {
        guard schedule.isObject else {
            return .failure(CellError(field: "$", reason: "expected a schedule object, found \(schedule.typeName)"))
        }
        if let asOf, let text = schedule["valid_to"]?.text,
            let validTo = CalendarDate(parsing: String(text.prefix(10))),
            validTo < asOf
        {
            return .failure(CellError(field: "valid_to", reason: "the schedule ended on \(validTo)"))
        }
        let freq = schedule["freq"]?.text?.uppercased()
        guard freq == nil || freq == "WEEKLY" || freq == "MONTHLY" else {
            return .failure(CellError(field: "freq", reason: "'\(freq ?? "")' is not WEEKLY or MONTHLY"))
        }
        guard let byday = schedule["byday"]?.text, !byday.isEmpty else {
            return .failure(CellError(field: "byday", reason: "is required for weekly slots"))
        }
        var days: [Weekday] = []
        for part in byday.split(separator: ",") {
            let code = part.trimmingCharacters(in: .whitespaces).uppercased()
            // MONTHLY rules put the week of the month first: 2MO, -1FR.
            let letters = String(code.drop { $0 == "-" || $0 == "+" || $0.isNumber })
            let codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            guard let index = codes.firstIndex(of: letters), freq == "MONTHLY" || letters == code else {
                return .failure(
                    CellError(field: "byday", reason: "'\(code)' is not a day; expected MO, TU, WE, TH, FR, SA or SU"))
            }
            days.append(Weekday.allCases[index])
        }
        guard let opensText = schedule["opens_at"]?.text else {
            return .failure(CellError(field: "opens_at", reason: "is required for weekly slots"))
        }
        guard let closesText = schedule["closes_at"]?.text else {
            return .failure(CellError(field: "closes_at", reason: "is required for weekly slots"))
        }
        guard let opens = Self.time(opensText) else {
            return .failure(CellError(field: "opens_at", reason: "'\(opensText)' is not a time; expected HH:MM"))
        }
        guard var closes = Self.time(closesText) else {
            return .failure(CellError(field: "closes_at", reason: "'\(closesText)' is not a time; expected HH:MM"))
        }
        if closes.minutes == 0, opens.minutes > 0 { closes = TimeOfDay(minutes: 1440)! }
        guard opens < closes else {
            return .failure(CellError(field: "closes_at", reason: "\(closes) is not after opens_at \(opens)"))
        }
        return .success(days.compactMap { Slot(day: $0, start: opens, end: closes) })
    }

    /// `10:00`, `10:00:00`, `10:00:00Z`, `10:00+01:00`, `10:00:00.000` → 10:00 (wall clock).
    static func time(_ text: String) -> TimeOfDay? {
        var clock = Substring(text.trimmingCharacters(in: .whitespaces))
        if clock.hasSuffix("Z") || clock.hasSuffix("z") { clock = clock.dropLast() }
        if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }), sign != clock.startIndex {
            clock = clock[..<sign]
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        if parts.count == 3 {
            guard let seconds = Double(parts[2]), (0..<60).contains(seconds) else { return nil }
        }
        return TimeOfDay(parsing: "\(parts[0]):\(parts[1])")
    }
}
