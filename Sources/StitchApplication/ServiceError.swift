public import StitchEngine
public import StitchModel

/// An error as every interface of Stitch reports it: a code, a message, and for bad input the
/// JSON path of the first bad field and why (`data.field`, `data.reason`), with every problem in
/// `data.errors` when a record or community has several.
///
/// The codes are those of the JSON-RPC protocol (docs/protocol.md); the JSON-RPC transports send
/// this object as the response's `error`, and the HTTP interface sends it as the body with a
/// fitting status.
public struct ServiceError: Error, Sendable, Hashable, Encodable {
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
        case unknownReferral = -32005
        case unknownPairing = -32006
    }

    /// The field path and reason of a bad input, and every problem when there are several.
    public struct Detail: Sendable, Hashable, Codable {
        public var field: String
        public var reason: String
        /// Every problem of a record or community, the first being `field`/`reason`; `nil` for
        /// an error that is not about a record's fields.
        public var errors: [ValidationError]?

        public init(field: String, reason: String, errors: [ValidationError]? = nil) {
            self.field = field
            self.reason = reason
            self.errors = errors
        }
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
    public static func invalidParams(_ error: ValidationError) -> ServiceError {
        let field = paramsPath(error.field)
        return ServiceError(.invalidParams, "Invalid params: \(field): \(error.reason)", field: field, reason: error.reason)
    }

    /// A record's or a community's problems: -32602 naming the first, with every one in `data.errors`.
    ///
    /// - Parameter prefix: the params path of the value the errors' fields are relative to
    ///   (`community`, `member`), or empty.
    public static func invalidParams(_ errors: [ValidationError], inside prefix: String) -> ServiceError {
        let placed = errors.map { prefix.isEmpty ? $0 : $0.inside(prefix) }.map {
            ValidationError(field: paramsPath($0.field), reason: $0.reason)
        }
        guard let first = placed.first else {
            return ServiceError(.invalidParams, "Invalid params", field: "params", reason: "is not valid")
        }
        var error = ServiceError(.invalidParams, "Invalid params: \(first.field): \(first.reason)", field: first.field, reason: first.reason)
        error.data?.errors = placed
        return error
    }

    /// An engine query error, mapped to the protocol's codes; with the engine it was asked of,
    /// an unknown id's reason names the nearest known id (`did you mean 'm-arthur'?`).
    public static func query(_ error: QueryError, engine: Engine? = nil) -> ServiceError {
        let field = "params." + error.field
        let reason = engine?.reasonWithSuggestion(error) ?? error.reason
        switch error {
        case .unknownMember:
            return ServiceError(.unknownMember, "Unknown member id", field: field, reason: reason)
        case .unknownActivity:
            return ServiceError(.unknownActivity, "Unknown activity id", field: field, reason: reason)
        case .invalid:
            return ServiceError(.invalidParams, "Invalid params: \(field): \(reason)", field: field, reason: reason)
        }
    }

    private static func paramsPath(_ field: String) -> String {
        if field == "$" || field.isEmpty { return "params" }
        return field.hasPrefix("params") ? field : "params." + field
    }
}
