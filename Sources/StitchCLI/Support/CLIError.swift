import Foundation
import StitchApplication
import StitchEngine
import StitchModel

/// Errors the CLI reports to a person: what is wrong and where, never a stack trace.
enum CLIError: Error, CustomStringConvertible {
    case missingData(file: String)
    case unreadable(file: String, reason: String)
    case invalidInput(file: String, errors: [ValidationError])
    /// A file or an option's text that is not JSON: `plan.json:12:5: not valid JSON: …`.
    case notJSON(file: String, JSONDocument.SyntaxProblem)
    case query(QueryError)
    case service(ServiceError)
    case usage(String)

    var description: String {
        switch self {
        case .missingData(let file):
            return "cannot find data/\(file): run from the Stitch folder, set STITCH_DATA, or pass the path"
        case .unreadable(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .invalidInput(let file, let errors) where errors.count == 1 && errors[0].field == "$":
            // The file as a whole: not a community, not the kind of JSON expected.
            return "\(file): \(errors[0].reason)"
        case .invalidInput(let file, let errors):
            let shown = errors.prefix(20).map { "  \($0.field): \($0.reason)" }.joined(separator: "\n")
            let more = errors.count > 20 ? "\n  … and \(errors.count - 20) more" : ""
            return "\(file) is not valid (\(Wording.count(errors.count, "problem"))):\n\(shown)\(more)"
        case .notJSON(let file, let problem):
            return "\(file):\(problem.line):\(problem.column): not valid JSON: \(problem.reason)"
        case .query(let error):
            return "\(error.field): \(error.reason)"
        case .service(let error):
            guard let data = error.data else { return error.message }
            let field = data.field.hasPrefix("params.") ? String(data.field.dropFirst(7)) : data.field
            return "\(field): \(data.reason)\(Self.unknownIDHint(error))"
        case .usage(let text):
            return text
        }
    }
}

extension CLIError {
    /// What to do about an unknown member or activity id when no near one was found to suggest.
    static func unknownIDHint(_ error: ServiceError) -> String {
        guard let reason = error.data?.reason, !reason.contains("did you mean") else { return "" }
        switch ServiceError.Code(rawValue: error.code) {
        case .unknownMember: return "; give the id of a member in the database (stitch export lists them)"
        case .unknownActivity: return "; give the id of an activity in the database (stitch export lists them)"
        default: return ""
        }
    }
}

/// Runs a use case, turning a `ServiceError` into a CLI error.
func answering<T>(_ body: () async throws(ServiceError) -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw CLIError.service(error)
    }
}
