/// A community activity a person can be referred to: a walking group, an allotment, a knitting circle.
///
/// `capacity` is the number of places; `enrolled` how many are taken. An online activity has no
/// distance. `access` lists the access features the venue offers. Only `id` and `name` are required.
public struct Activity: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var organisation: String?
    /// What the activity is about, in the publisher's own words ("A gentle walk round the park,
    /// then tea at the café"): free text, at most ``RecordBounds/maximumTextBytes`` bytes of UTF-8;
    /// `nil` when none is given. Importers fill it from the source's description.
    public var description: String?
    /// What it is about: taxonomy ids, synonyms or free text.
    public var topics: [String]
    /// The Five Ways to Wellbeing it serves.
    public var wellbeing: [WellbeingWay]
    public var schedule: [Slot]
    /// One-off sessions on given days (a Christmas lunch on Sat 19 Dec, 12:00–14:00). On the wire
    /// these are entries of `schedule` beside the weekly ones (``TimeList``). Only sessions on or
    /// after the engine's today are offered.
    public var datedSessions: [DatedSlot]
    public var location: Location?
    /// The venue's UK postcode, given instead of (or beside) `location`: `stitch import
    /// --postcodes` finds the location of an activity that gives only this. Never read by scoring.
    public var postcode: Postcode?
    public var online: Bool
    /// Number of places; `nil` means unlimited.
    public var capacity: Int?
    public var enrolled: Int
    public var access: [AccessTerm]
    /// Cost per session in pounds (0: free); `nil` when not known.
    public var cost: Double?
    /// Languages it is held in, as ISO 639-1 codes ("so"); empty when not stated. A person who
    /// states languages and shares none of these is not referred to it, unless they accept an
    /// interpreter.
    public var languages: [String]
    public var ageMin: Int?
    public var ageMax: Int?
    /// Newcomers may bring a member along the first time.
    public var buddyWelcome: Bool
    /// Organisations it belongs to (bridging).
    public var groups: [String]
    /// Where the record came from and under which licence, for imported open data.
    public var attribution: String?

    public init(
        id: String, name: String, organisation: String? = nil, description: String? = nil, topics: [String] = [],
        wellbeing: [WellbeingWay] = [], schedule: [Slot] = [], location: Location? = nil, online: Bool = false,
        capacity: Int? = nil, enrolled: Int = 0, access: [AccessTerm] = [], cost: Double? = nil, ageMin: Int? = nil,
        ageMax: Int? = nil, buddyWelcome: Bool = true, groups: [String] = [], attribution: String? = nil,
        postcode: Postcode? = nil, languages: [String] = [], datedSessions: [DatedSlot] = []
    ) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.description = description
        self.topics = topics
        self.wellbeing = wellbeing
        self.schedule = schedule
        self.datedSessions = datedSessions
        self.location = location
        self.postcode = postcode
        self.online = online
        self.capacity = capacity
        self.enrolled = enrolled
        self.access = access
        self.cost = cost
        self.languages = languages
        self.ageMin = ageMin
        self.ageMax = ageMax
        self.buddyWelcome = buddyWelcome
        self.groups = groups
        self.attribution = attribution
    }

    /// Places still free; `nil` when unlimited.
    public var remainingPlaces: Int? { capacity.map { max(0, $0 - enrolled) } }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, organisation, description, topics, wellbeing, schedule, location, postcode, online, capacity, enrolled
        case access, cost, languages, ageMin, ageMax, buddyWelcome, groups, attribution
    }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        id = try c.decodeIdentifier(forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        topics = try c.decode([String].self, forKey: .topics, default: [])
        wellbeing = try c.decode([WellbeingWay].self, forKey: .wellbeing, default: [])
        let times = try c.decodeTimes(forKey: .schedule)
        schedule = times.weekly
        datedSessions = times.dated
        location = try c.decodeIfPresent(Location.self, forKey: .location)
        postcode = try c.decodeIfPresent(Postcode.self, forKey: .postcode)
        online = try c.decode(Bool.self, forKey: .online, default: false)
        capacity = try c.decodeCount(forKey: .capacity)
        enrolled = try c.decodeCount(forKey: .enrolled) ?? 0
        access = try c.decode([AccessTerm].self, forKey: .access, default: [])
        cost = try c.decodeNonNegative(forKey: .cost)
        languages = try c.decode([String].self, forKey: .languages, default: [])
        ageMin = try c.decodeCount(forKey: .ageMin)
        ageMax = try c.decodeCount(forKey: .ageMax)
        buddyWelcome = try c.decode(Bool.self, forKey: .buddyWelcome, default: true)
        groups = try c.decode([String].self, forKey: .groups, default: [])
        attribution = try c.decodeIfPresent(String.self, forKey: .attribution)
        try c.enforce(boundErrors())
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(organisation, forKey: .organisation)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encode(topics, forKey: .topics)
        try c.encode(wellbeing, forKey: .wellbeing)
        try c.encode(TimeList(weekly: schedule, dated: datedSessions), forKey: .schedule)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encodeIfPresent(postcode, forKey: .postcode)
        try c.encode(online, forKey: .online)
        try c.encodeIfPresent(capacity, forKey: .capacity)
        try c.encode(enrolled, forKey: .enrolled)
        try c.encode(access, forKey: .access)
        try c.encodeIfPresent(cost, forKey: .cost)
        if !languages.isEmpty { try c.encode(languages, forKey: .languages) }
        try c.encodeIfPresent(ageMin, forKey: .ageMin)
        try c.encodeIfPresent(ageMax, forKey: .ageMax)
        try c.encode(buddyWelcome, forKey: .buddyWelcome)
        try c.encode(groups, forKey: .groups)
        try c.encodeIfPresent(attribution, forKey: .attribution)
    }
}
