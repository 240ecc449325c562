/// Wellbeing measured on a referral: before and (once followed up) after, for the referral as
/// a whole or for one activity the person went to.
///
/// On the wire (in a referral record's `wellbeing` list): `{"activity": "a-knit-natter",
/// "before": WellbeingScores, "after": WellbeingScores, "change": WellbeingChange}`. `activity`
/// and `after` are optional; `change` is written for readers (each measure taken on both
/// occasions, with its verdict against the measure's minimal important difference) and ignored
/// when read. Any other key is refused. The answers are health details: stored, never logged.
public struct ReferralWellbeing: Sendable, Hashable, Codable {
    /// The activity the measurement speaks to; `nil` for a baseline taken before one was chosen.
    public var activity: String?
    /// The answers before and after.
    public var measurement: WellbeingMeasurement

    public init(activity: String? = nil, measurement: WellbeingMeasurement) {
        self.activity = activity
        self.measurement = measurement
    }

    /// The change in each measure taken both times; `nil` until the follow-up.
    public var change: WellbeingChange? { measurement.change }

    private enum CodingKeys: String, CodingKey, CaseIterable { case activity, before, after, change }
    /// The keys of its JSON object: any other is refused (`change` is ignored when read).
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        activity = try c.decodeIfPresent(String.self, forKey: .activity)
        let before = try c.decode(WellbeingScores.self, forKey: .before)
        let after = try c.decodeIfPresent(WellbeingScores.self, forKey: .after)
        measurement = WellbeingMeasurement(before: before, after: after)
        try c.enforce(measurement.validationErrors())
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(activity, forKey: .activity)
        try c.encode(measurement.before, forKey: .before)
        try c.encodeIfPresent(measurement.after, forKey: .after)
        try c.encodeIfPresent(change, forKey: .change)
    }
}

/// When a wellbeing measure is taken: at the start, or at follow-up.
public enum WellbeingOccasion: String, CaseIterable, Sendable, Hashable, Codable {
    /// At referral or first contact, before the activity.
    case before
    /// At follow-up, after the person has been going.
    case after
}

extension ReferralRecord {
    /// Records one occasion's scores (dated: `scores.date` must be set) and answers the
    /// measurement it belongs to, or says why not at its field (`when`, `scores.date`, `scores`).
    ///
    /// - `before` opens a measurement for `activity` (or the referral as a whole when `nil`), or
    ///   corrects the start of the one still open for it.
    /// - `after` closes the open measurement of `activity`, or failing that an open baseline
    ///   taken before any activity was chosen (which then takes `activity`); with none open it
    ///   corrects the follow-up of the last closed one of `activity`. It needs a measure in common
    ///   with the start, and a date not before it.
    @discardableResult
    public mutating func record(
        wellbeing scores: WellbeingScores, when occasion: WellbeingOccasion, activity: String?
    ) throws(ValidationError) -> ReferralWellbeing {
        guard let day = scores.date else { throw ValidationError(field: "scores.date", reason: "is required") }
        if day < date {
            throw ValidationError(field: "scores.date", reason: "\(day) is before the referral's date \(date)")
        }
        switch occasion {
        case .before:
            if let open = wellbeing.lastIndex(where: { $0.activity == activity && $0.measurement.after == nil }) {
                wellbeing[open].measurement.before = scores
                return wellbeing[open]
            }
            guard wellbeing.count < RecordBounds.maximumListLength else {
                throw ValidationError(field: "when", reason: "the referral holds \(wellbeing.count) measurements already, the most it may")
            }
            wellbeing.append(ReferralWellbeing(activity: activity, measurement: WellbeingMeasurement(before: scores)))
            return wellbeing[wellbeing.count - 1]
        case .after:
            let open =
                wellbeing.lastIndex(where: { $0.activity == activity && $0.measurement.after == nil })
                ?? (activity == nil ? nil : wellbeing.lastIndex(where: { $0.activity == nil && $0.measurement.after == nil }))
                ?? wellbeing.lastIndex(where: { $0.activity == activity })
            guard let index = open else {
                let at = activity.map { " for \($0)" } ?? ""
                throw ValidationError(
                    field: "when", reason: "there is no before measurement\(at) to compare with; record when=before first")
            }
            let before = wellbeing[index].measurement.before
            if let start = before.date, day < start {
                throw ValidationError(field: "scores.date", reason: "\(day) is before the before measurement (\(start))")
            }
            let common = (before.swemwbs != nil && scores.swemwbs != nil) || (before.ons4 != nil && scores.ons4 != nil)
            guard common else {
                let taken = [before.swemwbs == nil ? nil : "swemwbs", before.ons4 == nil ? nil : "ons4"].compactMap { $0 }
                throw ValidationError(
                    field: "scores", reason: "has no measure in common with the before measurement (\(taken.joined(separator: " and "))); give the same measure again")
            }
            wellbeing[index].measurement.after = scores
            if wellbeing[index].activity == nil { wellbeing[index].activity = activity }
            return wellbeing[index]
        }
    }
}
