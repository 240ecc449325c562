import StitchModel

/// Why a query could not be answered: an unknown id or a bad field, with its path.
///
/// Adapters map these to the protocol's errors: `unknownMember` → -32001, `unknownActivity` →
/// -32002, `invalid` → -32602, each with `data.field` and `data.reason`.
public enum QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownMember(field: String, id: String)
    case unknownActivity(field: String, id: String)
    case invalid(field: String, reason: String)

    /// The path of the bad field.
    public var field: String {
        switch self {
        case .unknownMember(let field, _), .unknownActivity(let field, _), .invalid(let field, _): field
        }
    }

    /// Why it is bad (an engine at hand adds the nearest known id: ``Engine/reasonWithSuggestion(_:)``).
    public var reason: String {
        switch self {
        case .unknownMember(_, let id): NearestWord.unknownID("member", id, nearest: nil)
        case .unknownActivity(_, let id): NearestWord.unknownID("activity", id, nearest: nil)
        case .invalid(_, let reason): reason
        }
    }

    public var description: String { "\(field): \(reason)" }
}
