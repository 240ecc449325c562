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
    public var location: Location?
    /// The venue's UK postcode, given instead of (or beside) `location`: `stitch import
    /// --postcodes` finds the location of an activity that gives only this. Never read by scoring.
    public var postcode: Postcode?
    public var online: Bool
    /// Number of places; `nil` means unlimited.
    public var capacity: Int?
    public var enrolled: Int
    public var access: [AccessTerm]
    /// Cost per session in pounds.
    public var cost: Double?
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
        postcode: Postcode? = nil
    ) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.description = description
        self.topics = topics
        self.wellbeing = wellbeing
        self.schedule = schedule
        self.location = location
        self.postcode = postcode
        self.online = online
        self.capacity = capacity
        self.enrolled = enrolled
        self.access = access
        self.cost = cost
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
        case access, cost, ageMin, ageMax, buddyWelcome, groups, attribution
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
        schedule = try c.decode([Slot].self, forKey: .schedule, default: [])
        location = try c.decodeIfPresent(Location.self, forKey: .location)
        postcode = try c.decodeIfPresent(Postcode.self, forKey: .postcode)
        online = try c.decode(Bool.self, forKey: .online, default: false)
        capacity = try c.decodeCount(forKey: .capacity)
        enrolled = try c.decodeCount(forKey: .enrolled) ?? 0
        access = try c.decode([AccessTerm].self, forKey: .access, default: [])
        cost = try c.decodeNonNegative(forKey: .cost)
        ageMin = try c.decodeCount(forKey: .ageMin)
        ageMax = try c.decodeCount(forKey: .ageMax)
        buddyWelcome = try c.decode(Bool.self, forKey: .buddyWelcome, default: true)
        groups = try c.decode([String].self, forKey: .groups, default: [])
        attribution = try c.decodeIfPresent(String.self, forKey: .attribution)
        try c.enforce(boundErrors())
    }
}
