/// A bad field in a community file, request or referral: where it is and why it is wrong.
///
/// `field` is a JSON path such as `members[3].availability[0].day`; `reason` is plain English.
/// Every adapter (CLI, daemon) reports these as they are, so a person can find and fix the field.
public struct ValidationError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }

    /// Translates a decoding failure into the path of the bad field and a reason.
    ///
    /// - Parameter prefix: the path of the decoded value itself (for example `params.request`).
    public init(_ error: DecodingError, prefix: String = "") {
        func path(_ keys: [any CodingKey]) -> String {
            var out = prefix
            for key in keys {
                if let index = key.intValue {
                    out += "[\(index)]"
                } else {
                    out += out.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return out.isEmpty ? "$" : out
        }
        switch error {
        case .typeMismatch(let type, let context):
            self.init(field: path(context.codingPath), reason: "expected \(ValidationError.describe(type))")
        case .valueNotFound(let type, let context):
            self.init(field: path(context.codingPath), reason: "expected \(ValidationError.describe(type)), found null")
        case .keyNotFound(let key, let context):
            self.init(field: path(context.codingPath + [key]), reason: "is required")
        case .dataCorrupted(let context):
            let reason = context.debugDescription
            let underlying = context.underlyingError.map { " (\($0))" } ?? ""
            self.init(field: path(context.codingPath), reason: reason.isEmpty ? "is not valid\(underlying)" : reason)
        @unknown default:
            self.init(field: path([]), reason: "could not be read")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Double", "Float": return "a number"
        case "Int", "Int32", "Int64": return "a whole number"
        case "Bool": return "true or false"
        default:
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "a value of type \(name)"
        }
    }
}

/// Several validation errors at once, in the order found.
public struct ValidationErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ValidationError]

    public init(_ errors: [ValidationError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
