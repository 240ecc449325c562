import Foundation

/// A JSON-RPC request id: a string, a number, or null. Echoed back exactly as sent.
///
/// A numeric id read from a request is kept as its JSON text (``literal(_:)``), so that
/// `12345678901234567890` or `1.0e3` comes back byte for byte rather than rounded to a `Double`.
public enum RPCID: Sendable, Hashable, Encodable {
    case string(String)
    case integer(Int64)
    case number(Double)
    /// A number exactly as it was written in the request (RFC 8259 number text, already checked).
    case literal(String)
    case null

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .integer(let i): try c.encode(i)
        case .number(let d): try c.encode(d)
        // Only Foundation's fallback writer comes here (a result it alone can write): the
        // nearest it can say, a decimal with the same digits.
        case .literal(let text): try c.encode(Decimal(string: text) ?? 0)
        case .null: try c.encodeNil()
        }
    }
}
