/// Days and times as people write them in a spreadsheet, a command line or a form: the one reader
/// every interface uses, so `tues 10-12` means the same in a CSV cell, `--when` and a request.
///
/// It reads:
/// - **days**: `mon` … `sun` in any case, in full (`Tuesday`), cut to three letters or more
///   (`tue`, `tues`, `thurs`), `weds`, plural (`Tuesdays`), with or without a full stop (`Tue.`);
///   several joined by `,`, `&`, `/` or `and` (`Mon, Wed`), a run (`Mon-Fri`, `Monday to Friday`),
///   `weekdays`, `weekends`, `daily` or `every day`;
/// - **times**: `2pm`, `2.30pm`, `2:30 p.m.`, `14:00`, `11.00`, `10`, `noon`, `midday`, `midnight`;
/// - **ranges**: `10-12`, `10am-12pm`, `10:00-12:00`, `2pm–4pm` (any dash), `10 to 12`, `10 till 12`;
/// - **slots**: days then one or more ranges (`Tue 10-12`, `Tuesdays 2pm-4pm`, `Mon 10-12 and 2-4`),
///   and several slots in one text, separated by `;`, a line break, `,` or nothing before the next
///   day (`Tue 10-12; Thu 2-4pm`, `Mon, Wed 10-12`).
///
/// **Hours without am or pm.** An hour from 1 to 7 written without am/pm and without a leading zero
/// is in the afternoon or evening (`1-3` is 13:00-15:00, `2.30` is 14:30, `7:00` is 19:00); 8 to 12
/// is the morning or noon (`10-12` is 10:00-12:00). Write `7am` or `07:00` for early morning. A
/// leading zero (`07:30`) or an hour from 13 (`14:00`) is the 24-hour clock, read as written. In a
/// range, a bare end takes the start's am/pm when that puts it after the start (`9pm-11` is
/// 21:00-23:00, `6am-7` is 06:00-07:00), and a bare start takes the end's when that puts it before
/// the end (`2-4pm` is 14:00-16:00, `10-12pm` is 10:00-12:00); a bare end that would still not be
/// after the start is read twelve hours on (`10-9` is 10:00-21:00, `10pm-12` ends at midnight).
///
/// Anything else is refused, never guessed: the error says which piece of the text and why, and
/// lists the accepted forms (``acceptedForms``). `wedding 10:00-12:00` is not Wednesday; `10am`
/// alone is not a slot (it has no end); `4pm-2pm` ends before it starts; a slot never crosses
/// midnight (`24:00` or `midnight` ends a day).
///
/// ```swift
/// let slots = try WeeklyTimeText.slots("Tue 10-12; Thu 2-4pm")
/// // [Tue 10:00-12:00, Thu 14:00-16:00]
/// do { _ = try WeeklyTimeText.slots("wedding 10:00-12:00") } catch {
///     print(error.message)   // 'wedding' is not a day; accepted: days as mon…sun, …
/// }
/// ```
public enum WeeklyTimeText {
    /// The forms accepted, for error messages and help.
    public static let acceptedForms =
        "days as mon…sun, in full (Tuesday), cut (tue, tues, weds, thurs) or plural (Tuesdays), "
        + "several as 'Mon, Wed' or 'Mon-Fri', or weekdays, weekends, daily; "
        + "times as 2pm, 2.30pm, 14:00, 11.00, 10 or noon (1 to 7 without am/pm is afternoon); "
        + "ranges as 10-12, 10am-12pm, 10:00-12:00, 2pm–4pm or 10 to 12; "
        + "slots as 'Tue 10-12' or 'Tuesdays 2pm-4pm', several separated by ';' (Tue 10-12; Thu 2-4pm)"

    /// Reads every slot a text holds: `Tue 10-12; Thu 2-4pm` → two slots.
    ///
    /// - Throws: ``WeeklyTimeError`` naming the piece that could not be read; an empty text
    ///   holds no slot and is refused too.
    public static func slots(_ text: String) throws(WeeklyTimeError) -> [Slot] {
        var parser = try WeeklyTimeParser(text)
        let slots = try parser.slots()
        guard !slots.isEmpty else {
            throw WeeklyTimeError(text: text, piece: text, reason: "names no day and time")
        }
        return slots
    }

    /// Reads a text that holds exactly one slot (`tues 10-12`), as a query's `--when` does.
    public static func slot(_ text: String) throws(WeeklyTimeError) -> Slot {
        let all = try slots(text)
        guard all.count == 1 else {
            throw WeeklyTimeError(
                text: text, piece: text,
                reason: "holds \(all.count) slots (\(all.map(\.description).joined(separator: ", "))); give one")
        }
        return all[0]
    }

    /// Reads one day: `tue`, `Tues`, `Tuesday`, `Tuesdays`, `TUE`, `weds`.
    public static func weekday(_ text: String) throws(WeeklyTimeError) -> Weekday {
        let word = text.trimmingWhitespace.lowercased()
        let letters = word.hasSuffix(".") ? String(word.dropLast()) : word
        guard let day = Weekday(spelled: letters) else {
            throw WeeklyTimeError(text: text, piece: text, reason: "is not a day" + nearestDay(to: letters))
        }
        return day
    }

    /// `" (did you mean 'mon'?)"` for a word a few letters from a day's name, else nothing.
    static func nearestDay(to word: String) -> String {
        let names = Weekday.allCases.map(\.rawValue)
            + ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        guard word.count >= 3, let near = NearestWord.nearest(to: word, among: names) else { return "" }
        return " (did you mean '\(near)'?)"
    }

    /// Reads one time of day: `2pm`, `2.30pm`, `14:00`, `11.00`, `10`, `noon`. An hour from 1 to 7
    /// without am/pm is in the afternoon (`2.30` is 14:30); `midnight` is 00:00.
    public static func time(_ text: String) throws(WeeklyTimeError) -> TimeOfDay {
        var parser = try WeeklyTimeParser(text)
        return try parser.singleTime()
    }
}

/// A text of days and times that ``WeeklyTimeText`` refuses: the whole text, the piece of it at
/// fault, and why; ``message`` adds the accepted forms.
public struct WeeklyTimeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The whole text that was read.
    public var text: String
    /// The part of it at fault (`wedding`, `10am`, `4pm-2pm`), as written.
    public var piece: String
    /// Why it was refused, in plain English, without the accepted forms.
    public var reason: String

    public init(text: String, piece: String, reason: String) {
        self.text = text
        self.piece = piece
        self.reason = reason
    }

    /// `'wedding' is not a day; accepted: days as mon…sun, …`.
    public var message: String { "'\(piece)' \(reason); accepted: \(WeeklyTimeText.acceptedForms)" }

    public var description: String { message }

    /// The error as a ``ValidationError`` of a field (`availability`, `--when`, `params.when`).
    public func validationError(field: String) -> ValidationError { ValidationError(field: field, reason: message) }
}

extension Weekday {
    /// A day as people write it: `tue`, `Tues`, `Tuesday`, `Tuesdays`, `TUE`, `weds`, `thurs`;
    /// `nil` for anything else (`wedding`, `tu`). See ``WeeklyTimeText``.
    public init?(spelled text: String) {
        let word = text.lowercased()
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if let i = names.firstIndex(where: { word == $0 || word == $0 + "s" }) {
            self = Weekday.allCases[i]
        } else if word == "weds" {
            self = .wed
        } else if word.count >= 3, let i = names.firstIndex(where: { $0.hasPrefix(word) }) {
            self = Weekday.allCases[i]
        } else {
            return nil
        }
    }
}

extension String {
    /// The text without leading and trailing white space.
    var trimmingWhitespace: String { String(trimmingSpaces) }
}
