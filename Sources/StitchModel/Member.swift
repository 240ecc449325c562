/// A member of a time bank, or a person referred to community activities.
///
/// Members give (`offers`), receive (`needs`), follow passions (`interests`) and may share lived
/// experience for peer support (`experiences`). Only `id` is required; every other field
/// defaults to empty, false or unknown. `name` is for display only and is never logged.
public struct Member: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String?
    /// Skills they give: taxonomy ids, synonyms or free text.
    public var offers: [String]
    /// Passions: used for activities and for choosing buddies.
    public var interests: [String]
    /// Help they would like.
    public var needs: [String]
    /// Lived experience shared for peer support, by consent.
    public var experiences: [String]
    public var availability: [Slot]
    /// Days they are away ("away 20 Dec – 3 Jan"): not matched to a dated request or session on
    /// any of these days.
    public var away: [AwayPeriod]
    public var location: Location?
    /// A UK postcode, given instead of (or beside) `location`: `stitch import --postcodes` finds
    /// the location of a member who gives only this. Never read by scoring.
    public var postcode: Postcode?
    /// How far they will travel, in km; `nil` means the community's default.
    public var travelKm: Double?
    /// Will visit people at home.
    public var homeVisits: Bool
    /// Rarely leaves home: others visit them, and they attend online activities.
    public var housebound: Bool
    public var accessNeeds: [AccessTerm]
    /// Languages spoken, as ISO 639-1 codes ("en", "so"), the preferred first. Where both sides
    /// of a match state languages, they must share one (or this member accepts an interpreter).
    public var languages: [String]
    /// Accepts an interpreter: a helper, buddy or activity sharing no language is not excluded.
    public var interpreter: Bool
    /// The most they can pay for an activity, in pounds a session (0: free only); `nil` for no limit.
    public var maxCost: Double?
    /// Their DBS check, if any (``DBSCheck``).
    public var dbs: DBSCheck?
    /// Holds a DBS check of some level and date: the old form of ``dbs``, still read and written
    /// for a check of unknown date and level. Setting it true keeps a check already recorded.
    public var dbsChecked: Bool {
        get { dbs != nil }
        set { dbs = newValue ? (dbs ?? .legacy) : nil }
    }
    public var birthYear: Int?
    /// Organisations and affiliations (GP practices, schemes, wards…): the basis of bridging.
    public var groups: [String]
    /// Goals for the Five Ways to Wellbeing.
    public var wellbeing: FiveWays?
    /// Safeguarding: never match this member with these members (either side's list excludes a pair).
    public var avoid: [String]
    public var active: Bool
    /// Their own gender, only as they state it (``Gender``); never inferred. Read when a person
    /// asks for a helper of a gender for home visits or personal help.
    public var gender: Gender?
    /// The gender they ask for in whoever comes to their home or gives them personal help: a
    /// hard constraint they set; `nil` for no preference. A request's own `helperGender` overrides it.
    public var helperGender: Gender?
    /// Facts about their home that they state (pets, smoking), read against a visiting helper's
    /// ``visitLimits``.
    public var home: HomeFacts?
    /// As a helper: the homes they cannot visit (animals they are allergic to, smoking).
    public var visitLimits: VisitLimits?

    public init(
        id: String, name: String? = nil, offers: [String] = [], interests: [String] = [], needs: [String] = [],
        experiences: [String] = [], availability: [Slot] = [], location: Location? = nil, travelKm: Double? = nil,
        homeVisits: Bool = false, housebound: Bool = false, accessNeeds: [AccessTerm] = [], languages: [String] = [],
        dbsChecked: Bool = false, birthYear: Int? = nil, groups: [String] = [], wellbeing: FiveWays? = nil,
        avoid: [String] = [], active: Bool = true, postcode: Postcode? = nil, interpreter: Bool = false,
        maxCost: Double? = nil, dbs: DBSCheck? = nil, away: [AwayPeriod] = [], gender: Gender? = nil,
        helperGender: Gender? = nil, home: HomeFacts? = nil, visitLimits: VisitLimits? = nil
    ) {
        self.id = id
        self.name = name
        self.offers = offers
        self.interests = interests
        self.needs = needs
        self.experiences = experiences
        self.availability = availability
        self.away = away
        self.location = location
        self.postcode = postcode
        self.travelKm = travelKm
        self.homeVisits = homeVisits
        self.housebound = housebound
        self.accessNeeds = accessNeeds
        self.languages = languages
        self.interpreter = interpreter
        self.maxCost = maxCost
        self.dbs = dbs ?? (dbsChecked ? .legacy : nil)
        self.birthYear = birthYear
        self.groups = groups
        self.wellbeing = wellbeing
        self.avoid = avoid
        self.active = active
        self.gender = gender
        self.helperGender = helperGender
        self.home = home
        self.visitLimits = visitLimits
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, offers, interests, needs, experiences, availability, away, location, postcode, travelKm, homeVisits
        case housebound
        case accessNeeds, languages, interpreter, maxCost, dbs, dbsChecked, birthYear, groups, wellbeing, avoid, active
        case gender, helperGender, home, visitLimits
    }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        id = try c.decodeIdentifier(forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        offers = try c.decode([String].self, forKey: .offers, default: [])
        interests = try c.decode([String].self, forKey: .interests, default: [])
        needs = try c.decode([String].self, forKey: .needs, default: [])
        experiences = try c.decode([String].self, forKey: .experiences, default: [])
        availability = try c.decode([Slot].self, forKey: .availability, default: [])
        away = try c.decode([AwayPeriod].self, forKey: .away, default: [])
        location = try c.decodeIfPresent(Location.self, forKey: .location)
        postcode = try c.decodeIfPresent(Postcode.self, forKey: .postcode)
        travelKm = try c.decodeNonNegative(forKey: .travelKm)
        homeVisits = try c.decode(Bool.self, forKey: .homeVisits, default: false)
        housebound = try c.decode(Bool.self, forKey: .housebound, default: false)
        accessNeeds = try c.decode([AccessTerm].self, forKey: .accessNeeds, default: [])
        languages = try c.decode([String].self, forKey: .languages, default: [])
        interpreter = try c.decode(Bool.self, forKey: .interpreter, default: false)
        maxCost = try c.decodeNonNegative(forKey: .maxCost)
        dbs = try c.decodeIfPresent(DBSCheck.self, forKey: .dbs)
        // The old form: read when `dbs` is not given (`dbs`, when given, stands for the check).
        if try c.decode(Bool.self, forKey: .dbsChecked, default: false), dbs == nil { dbs = .legacy }
        birthYear = try c.decodeWholeNumber(forKey: .birthYear)
        groups = try c.decode([String].self, forKey: .groups, default: [])
        wellbeing = try c.decodeIfPresent(FiveWays.self, forKey: .wellbeing)
        avoid = try c.decode([String].self, forKey: .avoid, default: [])
        active = try c.decode(Bool.self, forKey: .active, default: true)
        gender = try c.decodeIfPresent(Gender.self, forKey: .gender)
        helperGender = try c.decodeIfPresent(Gender.self, forKey: .helperGender)
        home = try c.decodeIfPresent(HomeFacts.self, forKey: .home)
        visitLimits = try c.decodeIfPresent(VisitLimits.self, forKey: .visitLimits)
        try c.enforce(boundErrors())
    }

    /// Writes every field; a check of unknown date and level (``DBSCheck/legacy``) as the old
    /// `"dbsChecked": true`, so that it reads back the same.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(offers, forKey: .offers)
        try c.encode(interests, forKey: .interests)
        try c.encode(needs, forKey: .needs)
        try c.encode(experiences, forKey: .experiences)
        try c.encode(availability, forKey: .availability)
        if !away.isEmpty { try c.encode(away, forKey: .away) }
        try c.encodeIfPresent(location, forKey: .location)
        try c.encodeIfPresent(postcode, forKey: .postcode)
        try c.encodeIfPresent(travelKm, forKey: .travelKm)
        try c.encode(homeVisits, forKey: .homeVisits)
        try c.encode(housebound, forKey: .housebound)
        try c.encode(accessNeeds, forKey: .accessNeeds)
        try c.encode(languages, forKey: .languages)
        if interpreter { try c.encode(interpreter, forKey: .interpreter) }
        try c.encodeIfPresent(maxCost, forKey: .maxCost)
        if let dbs, dbs.checked != nil || dbs.level != nil {
            try c.encode(dbs, forKey: .dbs)
        } else {
            try c.encode(dbs != nil, forKey: .dbsChecked)
        }
        try c.encodeIfPresent(birthYear, forKey: .birthYear)
        try c.encode(groups, forKey: .groups)
        try c.encodeIfPresent(wellbeing, forKey: .wellbeing)
        try c.encode(avoid, forKey: .avoid)
        try c.encode(active, forKey: .active)
        try c.encodeIfPresent(gender, forKey: .gender)
        try c.encodeIfPresent(helperGender, forKey: .helperGender)
        try c.encodeIfPresent(home, forKey: .home)
        try c.encodeIfPresent(visitLimits, forKey: .visitLimits)
    }
}
