import ArgumentParser
import StitchModel

/// `--when "tue 10:00-12:00"`, or as people write it (`"tues 10-12"`, `"Tuesdays 2pm-4pm"`), read
/// by ``WeeklyTimeText``, the reader the CSV import uses too; one slot each time the option is given.
/// A refusal names the piece at fault and lists the forms accepted.
struct SlotArgument {
    let slot: Slot

    /// Reads the option's text (``WhoCanHelp``'s `transform`), or throws why not.
    static func parse(_ argument: String) throws -> SlotArgument {
        do {
            return SlotArgument(slot: try WeeklyTimeText.slot(argument))
        } catch {
            throw ValidationError(error.message)
        }
    }
}

/// `--when "2026-12-15 10:00-12:00"` (a time on one day, or the ISO 8601 interval) or a weekly
/// time as ``SlotArgument`` reads it: who-can-help's times.
struct TimeArgument {
    let weekly: Slot?
    let dated: DatedSlot?

    /// Reads the option's text, or throws why not.
    static func parse(_ argument: String) throws -> TimeArgument {
        switch DatedSlot.parse(text: argument) {
        case .success(let slot)?: return TimeArgument(weekly: nil, dated: slot)
        case .failure(let problem)?: throw ValidationError(problem.reason)
        case nil: return TimeArgument(weekly: try SlotArgument.parse(argument).slot, dated: nil)
        }
    }
}

/// `--goals connect=1,takeNotice=0.5`: a goal for each way named, from 0 to 1 (a way without a
/// value is 1). A refusal says which part is wrong and what is accepted.
struct GoalsArgument {
    let goals: FiveWays

    /// The form, for refusals.
    static let form = "give --goals WAY=GOAL,… with each goal from 0 to 1, e.g. --goals connect=1,takeNotice=0.5"

    /// Reads the option's text (``Refer``'s `transform`), or throws why not.
    static func parse(_ argument: String) throws -> GoalsArgument {
        var goals = FiveWays()
        let pairs = argument.split(separator: ",")
        guard !pairs.isEmpty else { throw ValidationError("no goal given; \(form)") }
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).trimmed(" ")
            guard let way = WellbeingWay(rawValue: name) else {
                throw ValidationError(WellbeingWay.unknownNameReason(name, kind: "wellbeing way"))
            }
            guard parts.count > 1 else {
                goals[way] = 1
                continue
            }
            let text = String(parts[1]).trimmed(" ")
            guard let value = Double(text), value.isFinite else {
                throw ValidationError("the goal for \(name), '\(text)', is not a number; \(form)")
            }
            guard (0...1).contains(value) else {
                throw ValidationError("the goal for \(name), \(text), is out of range: a goal is from 0 to 1")
            }
            goals[way] = value
        }
        return GoalsArgument(goals: goals)
    }
}

/// `--at 51.4452,-0.0209`: a latitude and a longitude in decimal degrees. A refusal says which
/// part is wrong and what is accepted.
struct LocationArgument {
    let location: Location

    /// The form, for refusals.
    static let form = "give --at LAT,LON in decimal degrees, e.g. --at 51.4452,-0.0209"

    /// Reads the option's text (``WhoCanHelp``'s `transform`), or throws why not.
    static func parse(_ argument: String) throws -> LocationArgument {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmed(" ") }
        guard parts.count == 2 else {
            throw ValidationError("expected two numbers, a latitude and a longitude, separated by a comma; \(form)")
        }
        var values: [Double] = []
        for (part, name) in zip(parts, ["latitude", "longitude"]) {
            guard let value = Double(part), value.isFinite else {
                throw ValidationError("the \(name), '\(part)', is not a number; \(form)")
            }
            values.append(value)
        }
        guard (-90...90).contains(values[0]) else {
            throw ValidationError("the latitude \(parts[0]) is outside -90 to 90; \(form)")
        }
        guard (-180...180).contains(values[1]) else {
            throw ValidationError("the longitude \(parts[1]) is outside -180 to 180; \(form)")
        }
        guard let location = Location(lat: values[0], lon: values[1]) else { throw ValidationError(form) }
        return LocationArgument(location: location)
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
