/// An account in the time bank's ledger that is not a member's: the time bank itself, an
/// organisation members give time at (the GP surgery, a ward) or the good will pot.
///
/// Members' accounts are their member ids; these accounts share that space of ids, so an
/// account's id is never a member's. Credits move between all of them by ``LedgerEntry``
/// records, and every account's balance is kept (docs/ledger.md).
///
/// ```json
/// {"id": "pot", "kind": "pot", "name": "Good will pot"}
/// ```
public struct LedgerAccount: Sendable, Hashable, Codable, Identifiable {
    /// What an account stands for.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The time bank's own account: it pays for group sessions and runs the office.
        case timebank
        /// An organisation members give time at (a surgery, a ward, a school).
        case organisation
        /// The good will pot: credits given to it pay for help for those who cannot give first.
        case pot
    }

    public var id: String
    public var kind: Kind
    /// A name to show (the surgery's, the pot's); never a person's.
    public var name: String

    public init(id: String, kind: Kind, name: String) {
        self.id = id
        self.kind = kind
        self.name = name
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case id, kind, name }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        id = try c.decodeIdentifier(forKey: .id)
        let raw = try c.decode(String.self, forKey: .kind)
        guard let kind = Kind(rawValue: raw) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: c.codingPath + [CodingKeys.kind],
                    debugDescription: Self.unknownKindReason(raw)))
        }
        self.kind = kind
        name = try c.decode(String.self, forKey: .name)
        try c.enforce(boundErrors())
    }

    /// Why `raw` is not an account kind, with the kinds there are.
    static func unknownKindReason(_ raw: String) -> String {
        let kinds = Kind.allCases.map(\.rawValue)
        return "unknown account kind '\(NearestWord.shown(raw))'; use one of \(kinds.joined(separator: ", "))"
    }

    /// The fields outside their bounds; empty when every field is in bounds.
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        RecordBounds.checkID(id, field: "id", into: &errors)
        RecordBounds.checkText(name, field: "name", into: &errors)
        if name.isEmpty { errors.append(.init(field: "name", reason: "is empty; give the account a name to show")) }
        return errors
    }

    /// The problem with an account id already taken by an account or a member.
    public static func takenIDError(_ id: String, byMember: Bool) -> ValidationError {
        .init(
            field: "id",
            reason: byMember
                ? "'\(NearestWord.shown(id))' is a member's id; give the account an id no member has"
                : "duplicate account id '\(NearestWord.shown(id))'; each account needs its own id")
    }
}
