/// A "who can help?" request: a skill wanted, optionally at given times, at home, with a DBS check.
///
/// `requester` may be omitted for a member of the public; `location` is then required.
public struct HelpRequest: Sendable, Hashable, Codable {
    /// The request's own id, when the broker's system gives one: helpers whose scores are close
    /// to the best are put forward in turn by it (docs/scoring.md, "Sharing asks"), so the same
    /// id always gives the same order. Without one the order is by score alone.
    public var id: String?
    public var requester: String?
    public var skill: String
    /// When help is wanted, weekly. When given, helpers with no overlap are excluded.
    public var when: [Slot]
    /// When help is wanted on given days (a one-off: a hospital appointment on Tue 15 Dec,
    /// 10:00–12:00). On the wire these are entries of `when` beside the weekly ones (``TimeList``).
    /// A helper must be free on the date's weekday and not away that day.
    public var whenDated: [DatedSlot]
    /// The helper comes to the requester's home.
    public var atHome: Bool
    /// Only helpers with a DBS check in date: of ``dbsLevel`` or above when it names one, else
    /// enhanced (a check of unknown level, the old `dbsChecked: true`, meets either). On the wire
    /// `requiresDBS` is `true` or a level: `"basic"`, `"standard"` or `"enhanced"`.
    public var requiresDBS: Bool
    /// The level named by `requiresDBS`, `nil` when it is `true`.
    public var dbsLevel: DBSLevel?
    /// The requester accepts an interpreter (as their member record's `interpreter` does).
    public var interpreter: Bool
    /// The day help is wanted, on which DBS checks are judged; the first day of ``whenDated``, else
    /// the engine's today, when not given.
    public var date: CalendarDate?
    /// The day the request is for: ``date``, else the first day of ``whenDated``; `nil` for a
    /// request of weekly times only (judged on the engine's today). DBS checks, pairings, asks and
    /// dismissals are judged on it.
    public var day: CalendarDate? { date ?? whenDated.min()?.date }
    /// Where help is wanted; defaults to the requester's location.
    public var location: Location?
    /// The gender asked for in the helper, for this request: overrides the requester's own
    /// `helperGender`. Applies when help is at home or personal help, as theirs does.
    public var helperGender: Gender?

    public init(
        requester: String? = nil, skill: String, when: [Slot] = [], atHome: Bool = false, requiresDBS: Bool = false,
        location: Location? = nil, dbsLevel: DBSLevel? = nil, interpreter: Bool = false, date: CalendarDate? = nil,
        whenDated: [DatedSlot] = [], helperGender: Gender? = nil, id: String? = nil
    ) {
        self.id = id
        self.requester = requester
        self.skill = skill
        self.when = when
        self.whenDated = whenDated
        self.atHome = atHome
        self.requiresDBS = requiresDBS || dbsLevel != nil
        self.dbsLevel = dbsLevel
        self.interpreter = interpreter
        self.date = date
        self.location = location
        self.helperGender = helperGender
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case id, requester, skill, when, atHome, requiresDBS, location, interpreter, date, helperGender }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        requester = try c.decodeIfPresent(String.self, forKey: .requester)
        skill = try c.decode(String.self, forKey: .skill)
        guard !skill.trimmingSpaces.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .skill, in: c, debugDescription: "must not be empty")
        }
        let times = try c.decodeTimes(forKey: .when)
        when = times.weekly
        whenDated = times.dated
        atHome = try c.decode(Bool.self, forKey: .atHome, default: false)
        if let level = try? c.decodeIfPresent(String.self, forKey: .requiresDBS) {
            guard let named = DBSLevel(rawValue: level) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .requiresDBS, in: c,
                    debugDescription: "\(DBSLevel.unknownNameReason(level, kind: "DBS level")), or true for enhanced")
            }
            dbsLevel = named
            requiresDBS = true
        } else {
            do {
                requiresDBS = try c.decode(Bool.self, forKey: .requiresDBS, default: false)
            } catch DecodingError.typeMismatch {
                throw DecodingError.dataCorruptedError(
                    forKey: .requiresDBS, in: c, debugDescription: "expected true, false or a DBS level (basic, standard, enhanced)")
            }
            dbsLevel = nil
        }
        interpreter = try c.decode(Bool.self, forKey: .interpreter, default: false)
        date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
        location = try c.decodeIfPresent(Location.self, forKey: .location)
        helperGender = try c.decodeIfPresent(Gender.self, forKey: .helperGender)
        if requester == nil && location == nil {
            throw DecodingError.keyNotFound(
                CodingKeys.location,
                .init(codingPath: c.codingPath, debugDescription: "location is required when there is no requester"))
        }
        try c.enforce(boundErrors())
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(requester, forKey: .requester)
        try c.encode(skill, forKey: .skill)
        try c.encode(TimeList(weekly: when, dated: whenDated), forKey: .when)
        try c.encode(atHome, forKey: .atHome)
        if let dbsLevel { try c.encode(dbsLevel, forKey: .requiresDBS) } else { try c.encode(requiresDBS, forKey: .requiresDBS) }
        try c.encodeIfPresent(location, forKey: .location)
        if interpreter { try c.encode(interpreter, forKey: .interpreter) }
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(helperGender, forKey: .helperGender)
    }
}
