/// The one place that states what every field read from outside may hold: each number's range,
/// each list's length and each string's rules.
///
/// Every reader (a request's params, a community file, an importer, the store's loader) checks
/// records against these bounds, through the records' `init(from:)`, ``Community/validationErrors()``
/// and a daemon's check of one change, so a value the engine cannot hold is refused where it
/// enters, with its field path, the reason and what is allowed:
///
/// ```swift
/// RecordBounds.check(900_000_000_000, RecordBounds.age, field: "ageMax", into: &errors)
/// // ageMax: ageMax 900000000000 is out of range; expected 0 to 130
/// ```
///
/// The table of bounds is in docs/protocol.md ("Bounds").
public enum RecordBounds {
    // MARK: - Numbers

    /// An activity's `ageMin` and `ageMax`, in years.
    public static let age: ClosedRange<Int> = 0...130
    /// An activity's `capacity` and `enrolled`: places.
    public static let places: ClosedRange<Int> = 0...1_000_000
    /// A member's `birthYear`.
    public static let birthYear: ClosedRange<Int> = 1900...2100
    /// The `hours` of one exchange: at most a week.
    public static let hours: ClosedRange<Double> = 0...168
    /// A member's `travelKm`: at most half the Earth's circumference.
    public static let travelKm: ClosedRange<Double> = 0...20_000
    /// An activity's `cost` per session, in pounds.
    public static let cost: ClosedRange<Double> = 0...100_000
    /// A latitude, in degrees.
    public static let latitude: ClosedRange<Double> = -90...90
    /// A longitude, in degrees.
    public static let longitude: ClosedRange<Double> = -180...180
    /// A Five Ways goal.
    public static let wellbeingGoal: ClosedRange<Double> = 0...1
    /// An outcome's `wellbeingBefore` and `wellbeingAfter`, on the referrer's own scale.
    public static let outcomeWellbeing: ClosedRange<Double> = -1_000_000...1_000_000
    /// A factor weight that is not zero: small enough that six of them never overflow, large
    /// enough that their sum is never subnormal.
    public static let weight: ClosedRange<Double> = 0.000_001...1000

    // MARK: - Lists and strings

    /// Entries of one list of terms (`offers`, `interests`, `needs`, `experiences`, `languages`,
    /// `groups`, `topics`, `accessNeeds`, `access`, `wellbeing`).
    public static let maximumListLength = 1000
    /// Slots in an `availability`, a `schedule` or a request's `when`: one every 30 minutes of a week.
    public static let maximumSlots = 336
    /// Periods in one member's `away` list.
    public static let maximumAway = 100
    /// Ids in one member's `avoid` list.
    public static let maximumAvoid = 10_000
    /// The UTF-8 bytes of an id.
    public static let maximumIDBytes = 128
    /// The UTF-8 bytes of a name, a term or another free text.
    public static let maximumTextBytes = 4096

    // MARK: - Checks

    /// Appends the error of a whole number outside `range`; nothing for `nil`.
    public static func check(_ value: Int?, _ range: ClosedRange<Int>, field: String, into errors: inout [ValidationError]) {
        guard let value, !range.contains(value) else { return }
        errors.append(outOfRange(field: field, value: "\(value)", allowed: "\(range.lowerBound) to \(range.upperBound)"))
    }

    /// Appends the error of a number outside `range` or not finite; nothing for `nil`.
    public static func check(_ value: Double?, _ range: ClosedRange<Double>, field: String, into errors: inout [ValidationError]) {
        guard let value, !(value.isFinite && range.contains(value)) else { return }
        errors.append(
            outOfRange(field: field, value: number(value), allowed: "\(number(range.lowerBound)) to \(number(range.upperBound))"))
    }

    /// The error of `value` out of range, naming the field's last part and what is allowed.
    public static func outOfRange(field: String, value: String, allowed: String) -> ValidationError {
        .init(field: field, reason: "\(lastPart(of: field)) \(value) is out of range; expected \(allowed)")
    }

    /// Appends the problem with an id: empty after trimming, a control character (C0, C1 or
    /// DEL, including NUL), or more than ``maximumIDBytes`` bytes of UTF-8.
    public static func checkID(_ id: String, field: String, into errors: inout [ValidationError]) {
        if let problem = idProblem(id) { errors.append(.init(field: field, reason: problem)) }
    }

    /// Why `id` is not a valid id, or `nil` when it is.
    public static func idProblem(_ id: String) -> String? {
        if id.trimmingSpaces.isEmpty { return "must not be empty" }
        if id.utf8.count > maximumIDBytes {
            return "an id is at most \(maximumIDBytes) bytes of UTF-8; this one has \(id.utf8.count)"
        }
        if id.unicodeScalars.contains(where: isControl) {
            return "an id must not contain control characters (U+0000 to U+001F, U+007F to U+009F)"
        }
        return nil
    }

    /// Appends the problem with a name or free text: a NUL, or more than ``maximumTextBytes``
    /// bytes of UTF-8. Nothing for `nil`.
    public static func checkText(_ text: String?, field: String, into errors: inout [ValidationError]) {
        guard let text else { return }
        if text.utf8.count > maximumTextBytes {
            errors.append(
                .init(field: field, reason: "a text is at most \(maximumTextBytes) bytes of UTF-8; this one has \(text.utf8.count)"))
        } else if text.utf8.contains(0) {
            errors.append(.init(field: field, reason: "must not contain the NUL character (U+0000)"))
        }
    }

    /// Appends the problems with a list of free texts: too long, or a bad entry.
    public static func checkTexts(_ list: [String], field: String, into errors: inout [ValidationError]) {
        checkCount(list.count, maximum: maximumListLength, field: field, into: &errors)
        for (i, text) in list.enumerated() { checkText(text, field: "\(field)[\(i)]", into: &errors) }
    }

    /// Appends the problems with a list of ids: too long, or a bad id.
    public static func checkIDs(_ list: [String], maximum: Int, field: String, into errors: inout [ValidationError]) {
        checkCount(list.count, maximum: maximum, field: field, into: &errors)
        for (i, id) in list.enumerated() { checkID(id, field: "\(field)[\(i)]", into: &errors) }
    }

    /// Appends the error of a list longer than `maximum`.
    public static func checkCount(_ count: Int, maximum: Int, field: String, into errors: inout [ValidationError]) {
        guard count > maximum else { return }
        errors.append(.init(field: field, reason: "has \(count) entries; expected at most \(maximum)"))
    }

    /// Whether a scalar is a control character: C0 (U+0000–U+001F), DEL or C1 (U+007F–U+009F).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A number as the errors print it: whole numbers without a fraction ("130", "1e+308").
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return "\(Int(value))" }
        return "\(value)"
    }

    /// `ageMax` of `activities[3].ageMax`; `lat` of `location.lat`.
    static func lastPart(of field: String) -> Substring {
        var part = Substring(field)
        if let dot = part.lastIndex(of: ".") { part = part[part.index(after: dot)...] }
        if let bracket = part.firstIndex(of: "[") { part = part[..<bracket] }
        return part
    }
}
