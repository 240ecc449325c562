import StitchEngine
import StitchModel

/// A JSON-RPC 2.0 error as Stitch sends it: a code, a message, and for bad input the JSON path
/// of the first bad field and why (`data.field`, `data.reason`).
public struct RPCError: Error, Sendable, Hashable, Encodable {
    /// The error codes of the protocol (docs/protocol.md).
    public enum Code: Int, Sendable {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case unknownMember = -32001
        case unknownActivity = -32002
        case requestTooLarge = -32003
        case unauthorized = -32004
    }

    /// The field path and reason of a bad input.
    public struct Detail: Sendable, Hashable, Codable {
        public var field: String
        public var reason: String
    }

    public var code: Int
    public var message: String
    public var data: Detail?

    public init(_ code: Code, _ message: String, field: String? = nil, reason: String? = nil) {
        self.code = code.rawValue
        self.message = message
        if let field { data = Detail(field: field, reason: reason ?? message) }
    }

    /// A bad parameter: -32602 with its path under `params`.
    static func invalidParams(_ error: ValidationError) -> RPCError {
        let field = error.field == "$" ? "params" : "params." + error.field
        return RPCError(.invalidParams, "Invalid params: \(field): \(error.reason)", field: field, reason: error.reason)
    }

    /// An engine query error, mapped to the protocol's codes.
    static func query(_ error: QueryError) -> RPCError {
        let field = "params." + error.field
        switch error {
        case .unknownMember:
            return RPCError(.unknownMember, "Unknown member id", field: field, reason: error.reason)
        case .unknownActivity:
            return RPCError(.unknownActivity, "Unknown activity id", field: field, reason: error.reason)
        case .invalid:
            return RPCError(.invalidParams, "Invalid params: \(field): \(error.reason)", field: field, reason: error.reason)
        }
    }
}
