/// The keys a JSON object of one kind may have: a record's fields, or a method's params.
///
/// Each type states its keys once, by its coding keys (`static let fieldKeys =
/// RecordKeys(CodingKeys.self)`), and its `init(from:)` checks them with
/// ``Swift/Decoder/rejectUnknownKeys(_:)``, so a misspelt key is an error naming it and the
/// nearest known key (`members[0].offer: unknown field 'offer'; did you mean 'offers'?`) rather
/// than a field silently left at its default.
///
/// The fast readers that work on bytes (the community file's, the store's, the daemon's plain
/// params) take only the keys they know and hand anything else to `JSONDecoder`, so this one
/// check gives every reader the same answer.
public struct RecordKeys: Sendable, Hashable {
    /// The keys, in their declaration order.
    public let names: [String]

    /// The keys of a type's coding keys.
    public init<Key: CodingKey & CaseIterable>(_: Key.Type) {
        names = Key.allCases.map(\.stringValue)
    }

    /// The keys named.
    public init(_ names: [String]) { self.names = names }

    /// Whether `key` is one of the keys (a few string comparisons: these lists are short).
    public func contains(_ key: String) -> Bool { names.contains(key) }

    /// The reason for an unknown key: `unknown field 'offer'; did you mean 'offers'?`, or every
    /// known key when none is near.
    public func unknownReason(_ key: String) -> String {
        NearestWord.unknown("field", key, among: names)
    }

    /// The `userInfo` entry of a decoder that lists keys accepted at the top level beyond a
    /// type's own (a `[String]`): the daemon's `auth`, which every method's params may carry.
    public static let alsoAllowedAtTop = CodingUserInfoKey(rawValue: "stitch.alsoAllowedAtTop")!
}

/// Any key, to list an object's keys whatever they are.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Throws for a key of the object being decoded that `keys` does not list: a
    /// `DecodingError.dataCorrupted` at the key's path, whose reason names the nearest known key.
    ///
    /// When several keys are unknown, the one that sorts first is reported, so the answer does
    /// not depend on the decoder's order. Call it after the object's own container is made (so
    /// a value that is not an object is refused as such).
    public func rejectUnknownKeys(_ keys: RecordKeys) throws {
        let object = try container(keyedBy: AnyCodingKey.self)
        let all = object.allKeys
        // Most objects have only known keys: no work beyond the comparisons.
        guard all.contains(where: { !keys.contains($0.stringValue) }) else { return }
        let extra = codingPath.isEmpty ? (userInfo[RecordKeys.alsoAllowedAtTop] as? [String]) ?? [] : []
        var unknown: String?
        for key in all where !keys.contains(key.stringValue) && !extra.contains(key.stringValue) {
            if let first = unknown, !key.stringValue.utf8.lexicographicallyPrecedes(first.utf8) { continue }
            unknown = key.stringValue
        }
        guard let unknown else { return }
        throw DecodingError.dataCorrupted(
            .init(codingPath: codingPath + [AnyCodingKey(stringValue: unknown)], debugDescription: keys.unknownReason(unknown)))
    }
}
