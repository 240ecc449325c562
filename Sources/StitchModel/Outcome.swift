/// What became of one suggestion: whether `subject` took up `candidate` (an activity they were
/// referred to, or a member suggested as their helper), whether it was completed, and the
/// subject's wellbeing before and after, on the referrer's own scale.
///
/// Outcomes are what `weights.calibrate` learns from (docs/scoring.md, "Calibration"). The wire
/// shape is the draft's, unchanged:
/// `{"subject": "m-maud", "candidate": "a-knit-natter", "accepted": true, "completed": true,
/// "wellbeingBefore": 0.4, "wellbeingAfter": 0.6}`.
///
/// Decoding checks each field on its own (non-empty ids, finite wellbeing, no completion
/// without acceptance, no subject as their own candidate); whether the ids name a member and a
/// member or activity is for the daemon to check against its community. Wellbeing scores are
/// health details: they are stored, never logged.
public struct Outcome: Sendable, Hashable, Codable {
    /// The member the suggestion was for (a referred person, or a member asking for help).
    public var subject: String
    /// The activity or member suggested.
    public var candidate: String
    /// The subject took the suggestion up.
    public var accepted: Bool
    /// The subject saw it through (went to the activity, had the help); implies `accepted`.
    public var completed: Bool
    /// The subject's wellbeing when suggested, on the referrer's own scale.
    public var wellbeingBefore: Double?
    /// The subject's wellbeing afterwards, on the same scale.
    public var wellbeingAfter: Double?

    public init(
        subject: String, candidate: String, accepted: Bool, completed: Bool = false, wellbeingBefore: Double? = nil,
        wellbeingAfter: Double? = nil
    ) {
        self.subject = subject
        self.candidate = candidate
        self.accepted = accepted
        self.completed = completed
        self.wellbeingBefore = wellbeingBefore
        self.wellbeingAfter = wellbeingAfter
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case subject, candidate, accepted, completed, wellbeingBefore, wellbeingAfter
    }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        subject = try c.decodeIdentifier(forKey: .subject)
        candidate = try c.decodeIdentifier(forKey: .candidate)
        accepted = try c.decode(Bool.self, forKey: .accepted)
        completed = try c.decode(Bool.self, forKey: .completed, default: false)
        wellbeingBefore = try c.decodeIfPresent(Double.self, forKey: .wellbeingBefore)
        wellbeingAfter = try c.decodeIfPresent(Double.self, forKey: .wellbeingAfter)
        if let problem = validationErrors().first {
            let key = CodingKeys(stringValue: problem.field) ?? .subject
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: problem.reason)
        }
    }

    /// The problems of this outcome taken alone, each at its field (`completed`, `wellbeingAfter`…);
    /// empty when it is sound. Ids are not looked up here.
    public func validationErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        RecordBounds.checkID(subject, field: "subject", into: &errors)
        RecordBounds.checkID(candidate, field: "candidate", into: &errors)
        if subject == candidate {
            errors.append(.init(field: "candidate", reason: "a member cannot be their own candidate"))
        }
        if completed && !accepted {
            errors.append(.init(field: "completed", reason: "cannot be true when accepted is false"))
        }
        for (field, value) in [("wellbeingBefore", wellbeingBefore), ("wellbeingAfter", wellbeingAfter)] {
            if let value, !value.isFinite {
                errors.append(.init(field: field, reason: "must be a finite number"))
            } else {
                RecordBounds.check(value, RecordBounds.outcomeWellbeing, field: field, into: &errors)
            }
        }
        return errors
    }
}
