/// Facts about a person's home that they state, which can rule out a helper's visit: the pets
/// kept there and whether anyone smokes there (`Member.home`).
///
/// Stored only as the person states them; never inferred. Read against a helper's
/// ``VisitLimits`` whenever help is at home or personal help.
///
/// ```json
/// "home": {"pets": ["cat"], "smoking": true}
/// ```
public struct HomeFacts: Sendable, Hashable, Codable {
    public var pets: [Pet]
    /// Someone smokes in the home.
    public var smoking: Bool

    public init(pets: [Pet] = [], smoking: Bool = false) {
        self.pets = pets
        self.smoking = smoking
    }

    /// Nothing stated that could rule a visit out.
    public var isEmpty: Bool { pets.isEmpty && !smoking }

    private enum CodingKeys: String, CodingKey, CaseIterable { case pets, smoking }

    /// The keys of its JSON object: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        pets = try c.decode([Pet].self, forKey: .pets, default: [])
        smoking = try c.decode(Bool.self, forKey: .smoking, default: false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pets, forKey: .pets)
        try c.encode(smoking, forKey: .smoking)
    }
}

/// What rules out a home for a helper, as the helper states it (`Member.visitLimits`): animals
/// they are allergic to, and whether they visit only smoke-free homes.
///
/// ```json
/// "visitLimits": {"allergies": ["cat", "dog"], "smokeFree": true}
/// ```
public struct VisitLimits: Sendable, Hashable, Codable {
    public var allergies: [Pet]
    /// Visits only homes where nobody smokes.
    public var smokeFree: Bool

    public init(allergies: [Pet] = [], smokeFree: Bool = false) {
        self.allergies = allergies
        self.smokeFree = smokeFree
    }

    /// No limit stated.
    public var isEmpty: Bool { allergies.isEmpty && !smokeFree }

    private enum CodingKeys: String, CodingKey, CaseIterable { case allergies, smokeFree }

    /// The keys of its JSON object: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        allergies = try c.decode([Pet].self, forKey: .allergies, default: [])
        smokeFree = try c.decode(Bool.self, forKey: .smokeFree, default: false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(allergies, forKey: .allergies)
        try c.encode(smokeFree, forKey: .smokeFree)
    }
}
