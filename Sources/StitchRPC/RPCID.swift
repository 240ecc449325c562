/// A JSON-RPC request id: a string, a number, or null. Echoed back exactly as sent.
public enum RPCID: Sendable, Hashable, Encodable {
    case string(String)
    case integer(Int64)
    case number(Double)
    case null

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .integer(let i): try c.encode(i)
        case .number(let d): try c.encode(d)
        case .null: try c.encodeNil()
        }
    }
}
