import Foundation
import HTTPTypes
import OpenAPIRuntime
import StitchApplication
import StitchModel

/// The HTTP form of Stitch's errors: the JSON-RPC error object (``ServiceError``) as the body,
/// with the status that fits its code.
enum HTTPErrors {
    /// The status for an error code: 400 for bad input, 401 without the token, 404 for an
    /// unknown member, activity or path, 413 for a body over the limit, 500 otherwise.
    static func status(for error: ServiceError) -> HTTPResponse.Status {
        switch ServiceError.Code(rawValue: error.code) {
        case .parseError?, .invalidRequest?, .invalidParams?: return .badRequest
        case .unauthorized?: return .unauthorized
        case .methodNotFound?, .unknownMember?, .unknownActivity?, .unknownReferral?, .unknownPairing?: return .notFound
        case .requestTooLarge?: return .contentTooLarge
        case .internalError?, nil: return .internalServerError
        }
    }

    /// The error's body: the JSON-RPC error object, keys sorted.
    static func body(_ error: ServiceError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(error)) ?? Data(#"{"code":-32603,"message":"Internal error"}"#.utf8)
    }

    /// What went wrong, as a ``ServiceError``: the service's own errors as they are; a body that
    /// is not JSON, or not a JSON object, as the JSON-RPC transports report them; what the
    /// generated server refuses (a missing body, another content type) as an invalid request.
    static func serviceError(for error: any Error) -> ServiceError {
        if let error = error as? ServiceError { return error }
        if let error = error as? ServerError {
            if let inner = error.underlyingError as? ServiceError { return inner }
            if let decoding = error.underlyingError as? DecodingError { return serviceError(for: decoding) }
            let status = error.httpStatus
            if (400..<500).contains(status.code) {
                return ServiceError(
                    .invalidRequest, "Invalid request: \(error.causeDescription)", field: "body",
                    reason: error.causeDescription)
            }
            return ServiceError(.internalError, "Internal error")
        }
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context) where context.codingPath.isEmpty:
                return ServiceError(
                    .parseError, "Parse error: the body is not valid JSON; send one JSON object", field: "body",
                    reason: "is not valid JSON")
            case .typeMismatch(_, let context) where context.codingPath.isEmpty:
                return ServiceError(.invalidParams, "Invalid params: params must be an object", field: "params", reason: "must be an object")
            default:
                return ServiceError.invalidParams(ValidationError(decoding))
            }
        }
        return ServiceError(.internalError, "Internal error")
    }
}

/// Counts every operation's request under its JSON-RPC method's name (`server.stats`), answers
/// any error with the JSON-RPC error object and its status, and hands an empty body on as no
/// body (an operation whose body is optional takes a request without one, which the HTTP
/// server gives as an empty body, not as none).
struct ErrorAndStatisticsMiddleware: ServerMiddleware {
    let statistics: RequestStatistics

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let clock = ContinuousClock()
        let start = clock.now
        let method = HTTPOperations.method[operationID] ?? "(unknown)"
        do {
            // The body is already in memory, read whole within the limit by `APIGate`.
            var given: HTTPBody?
            if let body {
                let bytes = try await [UInt8](collecting: body, upTo: .max)
                given = bytes.isEmpty ? nil : HTTPBody(bytes)
            }
            let answer = try await next(request, given, metadata)
            statistics.record(
                method: method, errorCode: nil, duration: clock.now - start, transport: .http, httpStatus: answer.0.status.code)
            return answer
        } catch {
            let serviceError = HTTPErrors.serviceError(for: error)
            let status = HTTPErrors.status(for: serviceError)
            statistics.record(
                method: method, errorCode: serviceError.code, duration: clock.now - start, transport: .http, httpStatus: status.code)
            var response = HTTPResponse(status: status)
            response.headerFields[.contentType] = "application/json"
            return (response, HTTPBody(HTTPErrors.body(serviceError)))
        }
    }
}

/// The JSON-RPC method each operation of openapi.yaml answers as (its `x-rpc-method`).
enum HTTPOperations {
    static let method: [String: String] = [
        "health": "server.health", "stats": "server.stats", "loadCommunity": "community.load",
        "upsertMember": "member.upsert", "removeMember": "member.remove", "upsertActivity": "activity.upsert",
        "removeActivity": "activity.remove", "recordExchange": "exchange.record", "recordAttendance": "attendance.record",
        "recordOutcome": "outcome.record", "whoCanHelp": "match.helpers", "opportunities": "match.opportunities",
        "referActivities": "refer.activities", "dismissMatch": "match.dismiss", "undismissMatch": "match.undismiss",
        "listDismissals": "match.dismissals", "explain": "match.explain", "plan": "plan.allocate",
        "analyseNetwork": "network.analyse", "getWeights": "weights.get", "setWeights": "weights.set",
        "calibrateWeights": "weights.calibrate", "createReferral": "referral.create", "listReferrals": "referral.list",
        "dueReferrals": "referral.due", "referralReport": "referral.report", "getReferral": "referral.get",
        "updateReferralStatus": "referral.update-status", "referralMessage": "referral.message",
        "recordWellbeing": "referral.wellbeing", "learnWeights": "weights.learn", "weightFits": "weights.fits",
        "applyWeights": "weights.apply", "askHelper": "match.ask", "listAsks": "match.asks", "startPairing": "pairing.start",
        "reviewPairing": "pairing.review", "endPairing": "pairing.end", "listPairings": "pairing.list",
        "recordLedgerEntry": "ledger.record", "ledgerBalances": "ledger.balances",
        "listLedgerAccounts": "ledger.account.list", "addLedgerAccount": "ledger.account.add", "exportBalances": "ledger.export",
        "importBalances": "ledger.import",
    ]
}
