/// A parsed JSON document that can be compared and shared between tasks.
///
/// The daemon's key order is not fixed, so answers are compared as values, never as bytes.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    subscript(index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var int: Int? { if case .number(let n) = self, n == n.rounded() { Int(n) } else { nil } }
    var array: [JSONValue]? { if case .array(let items) = self { items } else { nil } }

    /// The error code of a response, if it is an error.
    var errorCode: Int? { self["error"]?["code"]?.int }
    /// The id of a response.
    var id: JSONValue? { self["id"] }
}
