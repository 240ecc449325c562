/// An ongoing pairing: `helper` helps `person` with one kind of help (a skill, or `buddy` for
/// going along to activities) from `start`, to be reviewed by `review`.
///
/// While it lasts (from `start` through `review`, inclusive) the paired helper comes first in
/// that person's answers of the same kind ("Already helps them every week"), unless a hard
/// constraint rules them out, and the pairing is exempt from load spreading: however often the
/// helper is asked, the pairing is not broken. A review (`pairing.review`) moves the review day
/// on; a pairing whose review day has passed is kept and listed, but no longer put first. There
/// is one pairing per person and kind. The wire shape:
/// `{"person": "m-arthur", "helper": "m-jade", "kind": "shopping", "start": "2026-10-05", "review": "2027-01-05"}`.
public struct Pairing: Sendable, Hashable, Codable {
    /// The kind of a pairing for going along to activities (a referral's buddy).
    public static let buddyKind = "buddy"
    /// How long a pairing lasts before its review when the review day is not given.
    public static let defaultReviewDays = 90

    /// The member or referred person helped.
    public var person: String
    /// The helper member (or buddy).
    public var helper: String
    /// The skill the helper helps with, or `buddy`.
    public var kind: String
    /// The first day of the pairing; the service sets today when not given.
    public var start: CalendarDate?
    /// The day by which the pairing is to be reviewed, the last day it holds; the service sets
    /// ``defaultReviewDays`` after the start when not given.
    public var review: CalendarDate?

    public init(person: String, helper: String, kind: String, start: CalendarDate? = nil, review: CalendarDate? = nil) {
        self.person = person
        self.helper = helper
        self.kind = kind
        self.start = start
        self.review = review
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case person, helper, kind, start, review }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        person = try c.decodeIdentifier(forKey: .person)
        helper = try c.decodeIdentifier(forKey: .helper)
        kind = try c.decode(String.self, forKey: .kind)
        start = try c.decodeIfPresent(CalendarDate.self, forKey: .start)
        review = try c.decodeIfPresent(CalendarDate.self, forKey: .review)
        if let problem = validationErrors().first {
            let key = CodingKeys(stringValue: problem.field) ?? .person
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: problem.reason)
        }
    }

    /// The problems of this pairing taken alone, each at its field; empty when it is sound. Ids
    /// and the kind are not looked up here.
    public func validationErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        RecordBounds.checkID(person, field: "person", into: &errors)
        RecordBounds.checkID(helper, field: "helper", into: &errors)
        if person == helper {
            errors.append(.init(field: "helper", reason: "a person cannot be paired with themself; give another member"))
        }
        if Self.normalised(kind).isEmpty {
            errors.append(.init(field: "kind", reason: "is empty; give the skill the helper helps with, or \"buddy\""))
        } else {
            RecordBounds.checkText(kind, field: "kind", into: &errors)
        }
        if let start, let review, review < start {
            errors.append(.init(field: "review", reason: "\(review) is before the start, \(start); give a later day"))
        }
        return errors
    }

    /// True when the pairing holds on `day`: from its start through its review day.
    public func holds(on day: CalendarDate) -> Bool {
        if let start, day < start { return false }
        if let review, review < day { return false }
        return true
    }

    /// True when it is a pairing of this kind: the same words, whatever their case.
    public func isKind(_ other: String) -> Bool {
        Self.normalised(kind) == Self.normalised(other)
    }

    /// Words lowercased, without the spaces around them.
    static func normalised(_ text: String) -> String {
        String(text.lowercased().drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
