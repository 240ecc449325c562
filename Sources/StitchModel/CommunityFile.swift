/// A community file whole: the community, and beside it the ongoing pairings of its people.
///
/// Pairings are not part of the community (the service keeps them and hands them to the engine,
/// `Engine.judgingPairings(_:on:)`), yet a time bank's file should carry them: a helper who
/// shops for someone every week is part of what the time bank knows. So the file has one more
/// optional list, `pairings`, each a ``Pairing`` as `pairing.start` takes it, and every reader of
/// a community file (`stitch demo`, `stitch import`, `--community`, `community.load`) reads this
/// type, never the community alone. A file without pairings is written as before.
///
/// ```swift
/// let file = try JSONDecoder().decode(CommunityFile.self, from: data)
/// print(file.community.members.count, file.pairings.count)
/// ```
public struct CommunityFile: Sendable, Hashable, Codable {
    /// The members, activities, exchanges, attendance and ledger.
    public var community: Community
    /// The ongoing pairings, in file order (their people are checked against a community, not here).
    public var pairings: [Pairing]

    public init(community: Community, pairings: [Pairing] = []) {
        self.community = community
        self.pairings = pairings
    }

    /// The key of the pairings in the file's top-level object.
    public static let pairingsKey = "pairings"

    public init(from decoder: any Decoder) throws {
        community = try Community(from: decoder, pairingsReadBeside: true)
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        pairings = try c.decodeIfPresent([Pairing].self, forKey: AnyCodingKey(stringValue: Self.pairingsKey)) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        try community.encode(to: encoder)
        guard !pairings.isEmpty else { return }
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(pairings, forKey: AnyCodingKey(stringValue: Self.pairingsKey))
    }

    /// The pairings' problems against `community` (and the people referred, `people`, who may be
    /// paired without being members): a person who is neither, a helper who is no member, a
    /// second pairing of one person and kind. Each at `pairings[i].field`.
    public static func pairingErrors(
        _ pairings: [Pairing], in community: Community, people: Set<String> = []
    ) -> [ValidationError] {
        let members = Set(community.members.map(\.id))
        var errors: [ValidationError] = []
        var seen = Set<String>()
        for (i, pairing) in pairings.enumerated() {
            let at = "pairings[\(i)]"
            if !members.contains(pairing.person), !people.contains(pairing.person) {
                errors.append(.init(field: "\(at).person", reason: Self.unknown(pairing.person, members, what: "member or referred person")))
            }
            if !members.contains(pairing.helper) {
                errors.append(.init(field: "\(at).helper", reason: Self.unknown(pairing.helper, members, what: "member")))
            }
            if !seen.insert(pairing.key).inserted {
                errors.append(
                    .init(
                        field: "\(at).kind",
                        reason: "a second pairing of '\(pairing.person)' for '\(pairing.kind)'; a person has one pairing per kind: keep one"))
            }
        }
        return errors
    }

    private static func unknown(_ id: String, _ members: Set<String>, what: String) -> String {
        let near = NearestWord.nearest(to: id, among: members).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown \(what) id '\(id)'\(near); add the member first, or leave the pairing out"
    }
}

extension Pairing {
    /// The pairing's person and kind as one key (one pairing per person and kind).
    public var key: String { person + "\u{0}" + Self.normalised(kind) }

    /// The pairing with the days the service gives one that does not say: from `today`, to be
    /// reviewed ``defaultReviewDays`` after its start.
    public func dated(today: CalendarDate) -> Pairing {
        var pairing = self
        if pairing.start == nil { pairing.start = today }
        if pairing.review == nil { pairing.review = pairing.start?.adding(days: Self.defaultReviewDays) }
        return pairing
    }
}
