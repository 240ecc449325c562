import Foundation
public import StitchModel
import StitchJSON

/// A JSON document from outside the daemon's request lines (a community file, a plan request, a
/// taxonomy, `--request` on the command line) read strictly: first checked to be JSON by
/// RFC 8259 and nothing more (``JSONSyntax``: no byte-order mark, comments or trailing commas,
/// which Foundation's reader would let through), then decoded, every record refusing the keys it
/// does not have.
///
/// ```swift
/// do {
///     let plan = try JSONDocument.decode(PlanRequest.self, from: data)
/// } catch {
///     switch error {
///     case .notJSON(let problem): print("plan.json:\(problem.line):\(problem.column): not valid JSON: \(problem.reason)")
///     case .invalid(let field): print("plan.json: \(field)")   // referrals[0].goal: unknown field 'goal'; …
///     }
/// }
/// ```
public enum JSONDocument {
    /// Where a document stops being JSON, and why (with what to do).
    public struct SyntaxProblem: Error, Sendable, Hashable {
        /// The line, from 1.
        public var line: Int
        /// The column on that line, in characters, from 1.
        public var column: Int
        /// What is wrong and what to do.
        public var reason: String
    }

    /// Why a document was refused.
    public enum Refusal: Error, Sendable, Hashable {
        /// It is not JSON.
        case notJSON(SyntaxProblem)
        /// It is JSON, but a field does not read (its path, with the prefix given, and why).
        case invalid(ValidationError)
    }

    /// Where `data` stops being one JSON value; `nil` when it is one.
    public static func syntaxProblem(in data: Data) -> SyntaxProblem? {
        let problem = data.withUnsafeBytes { JSONSyntax.problem(in: $0) }
        return problem.map { SyntaxProblem(line: $0.line, column: $0.column, reason: $0.reason) }
    }

    /// Decodes a document strictly (see the type's notes).
    ///
    /// - Parameter prefix: the path of the value decoded, put before each field (`request`).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, prefix: String = "") throws(Refusal) -> T {
        if let problem = syntaxProblem(in: data) { throw .notJSON(problem) }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, context.underlyingError != nil {
                // JSON by the grammar that Foundation still cannot read (a number it will not take).
                throw .invalid(ValidationError(field: prefix.isEmpty ? "$" : prefix, reason: "cannot be read: \(context.debugDescription)"))
            }
            throw .invalid(ValidationError(error, prefix: prefix))
        } catch {
            throw .invalid(ValidationError(field: prefix.isEmpty ? "$" : prefix, reason: "cannot be read"))
        }
    }
}
