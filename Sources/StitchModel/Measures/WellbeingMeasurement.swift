/// The wellbeing measures taken on one occasion: SWEMWBS, ONS4 or both, and optionally when.
///
/// On the wire: `{"date": "2025-03-03", "swemwbs": [2, 3, 2, 3, 2, 3, 3], "ons4": {"satisfied":
/// 4, "worthwhile": 5, "happy": 4, "anxious": 7}}`. At least one measure is required; `date` is
/// optional; any other key is refused. Every item is checked, and a bad one is named by its path
/// (`swemwbs[3]`, `ons4.anxious`). The answers are health details: stored, never logged.
public struct WellbeingScores: Sendable, Hashable, Codable {
    /// When the measures were taken, if known.
    public var date: CalendarDate?
    /// The SWEMWBS answers, if taken.
    public var swemwbs: SWEMWBS?
    /// The ONS4 answers, if taken.
    public var ons4: ONS4?

    /// Scores of one occasion; at least one of `swemwbs` and `ons4` should be given (decoding
    /// requires it; ``validationErrors()`` reports it).
    public init(date: CalendarDate? = nil, swemwbs: SWEMWBS? = nil, ons4: ONS4? = nil) {
        self.date = date
        self.swemwbs = swemwbs
        self.ons4 = ons4
    }

    /// The problems of these scores taken alone: none, or a missing measure at `swemwbs`.
    public func validationErrors() -> [ValidationError] {
        guard swemwbs == nil, ons4 == nil else { return [] }
        return [.init(field: "swemwbs", reason: Self.noMeasureReason)]
    }

    static let noMeasureReason = "is required when ons4 is absent: give swemwbs (7 items, each 1 to 5), ons4, or both"

    private enum CodingKeys: String, CodingKey, CaseIterable { case date, swemwbs, ons4 }

    /// The keys of its JSON object: any other is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
        swemwbs = try c.decodeIfPresent(SWEMWBS.self, forKey: .swemwbs)
        ons4 = try c.decodeIfPresent(ONS4.self, forKey: .ons4)
        try c.enforce(validationErrors())
    }
}

/// Wellbeing measured before and (once followed up) after: the evidence of one referral's or
/// placement's effect on the person, with the change in each measure taken both times.
///
/// On the wire: `{"before": WellbeingScores, "after": WellbeingScores}`, `after` optional until
/// the follow-up; any other key is refused; `after.date` may not precede `before.date`.
///
/// ```swift
/// let m = WellbeingMeasurement(
///     before: WellbeingScores(swemwbs: try SWEMWBS(items: [2, 2, 3, 2, 3, 2, 3])),
///     after: WellbeingScores(swemwbs: try SWEMWBS(items: [3, 3, 3, 3, 3, 3, 3])))
/// m.change?.swemwbs?.change   // 19.25 − 16.88 = 2.37
/// m.change?.swemwbs?.verdict  // .noImportantChange (the MID is 3)
/// ```
public struct WellbeingMeasurement: Sendable, Hashable, Codable {
    /// The measures at the start (at referral or first contact).
    public var before: WellbeingScores
    /// The measures at follow-up, once taken.
    public var after: WellbeingScores?

    public init(before: WellbeingScores, after: WellbeingScores? = nil) {
        self.before = before
        self.after = after
    }

    /// The change in every measure taken on both occasions; `nil` before the follow-up.
    public var change: WellbeingChange? {
        guard let after else { return nil }
        var change = WellbeingChange()
        if let b = before.swemwbs, let a = after.swemwbs { change.swemwbs = SWEMWBSChange(before: b, after: a) }
        if let b = before.ons4, let a = after.ons4 { change.ons4 = ONS4Change(before: b, after: a) }
        return change
    }

    /// The problems of this measurement taken alone, each at its path (`before.swemwbs`,
    /// `after.date`); empty when it is sound.
    public func validationErrors() -> [ValidationError] {
        var errors = before.validationErrors().map { $0.inside("before") }
        if let after {
            errors += after.validationErrors().map { $0.inside("after") }
            if let start = before.date, let end = after.date, end < start {
                errors.append(
                    .init(
                        field: "after.date", reason: "\(end) is before before.date \(start); the follow-up comes after")
                )
            }
        }
        return errors
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case before, after }

    /// The keys of its JSON object: any other is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        before = try c.decode(WellbeingScores.self, forKey: .before)
        after = try c.decodeIfPresent(WellbeingScores.self, forKey: .after)
        try c.enforce(validationErrors())
    }
}
