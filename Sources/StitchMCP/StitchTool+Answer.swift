import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchPlanning

/// What a tool answered: the result as the JSON-RPC method answers it, and a summary for people.
struct ToolAnswer: Sendable {
    /// The result's JSON, keys sorted.
    var json: Data
    /// A few plain-English lines: the top ids and scores, and what was ruled out.
    var summary: String
    /// How many results, for the log (never what they are).
    var count: Int

    init<T: Encodable>(_ result: T, summary: String, count: Int) throws(ServiceError) {
        self.json = try Self.encode(result)
        self.summary = summary
        self.count = count
    }

    /// A value's JSON as the JSON-RPC method would answer it, keys sorted.
    static func encode<T: Encodable>(_ value: T) throws(ServiceError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            throw ServiceError(.internalError, "Internal error: the answer could not be written")
        }
    }
}

extension StitchTool {
    /// Answers the tool's arguments (a JSON object's bytes): read by the application layer's one
    /// reader into the params of the tool's JSON-RPC method, and answered by the same use case.
    func answer(_ arguments: Data, keys: [String], service: StitchService) async throws(ServiceError) -> ToolAnswer {
        switch self {
        case .whoCanHelp:
            let ranking = try await service.whoCanHelp(MethodParams.decode(MethodParams.Helpers.self, from: arguments))
            return try ToolAnswer(
                ranking, summary: ToolSummary.ranking(ranking, of: "helper", plural: "helpers"),
                count: ranking.matches.count)
        case .whereCanGive:
            let ranking = try await service.opportunities(
                MethodParams.decode(MethodParams.Opportunities.self, from: arguments))
            return try ToolAnswer(
                ranking, summary: ToolSummary.ranking(ranking, of: "chance to give", plural: "chances to give"),
                count: ranking.matches.count)
        case .referActivities:
            let ranking = try await service.refer(MethodParams.decode(MethodParams.Refer.self, from: arguments))
            return try ToolAnswer(
                ranking, summary: ToolSummary.ranking(ranking, of: "activity", plural: "activities"),
                count: ranking.matches.count)
        case .explainMatch:
            let match = try await service.explain(MethodParams.decode(ExplainQuery.self, from: arguments))
            return try ToolAnswer(match, summary: ToolSummary.explanation(match), count: 1)
        case .planAllocate:
            let plan = try await service.plan(MethodParams.decode(PlanRequest.self, from: arguments))
            return try ToolAnswer(plan, summary: ToolSummary.plan(plan), count: plan.placed)
        case .serverHealth:
            try Self.takesNoArguments(rawValue, keys: keys)
            let health = await service.snapshot().health
            return try ToolAnswer(health, summary: ToolSummary.health(health), count: 1)
        }
    }

    /// Refuses any argument given to a tool that takes none, naming the first (as `server.health`
    /// refuses params).
    static func takesNoArguments(_ tool: String, keys: [String]) throws(ServiceError) {
        guard let key = keys.min(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) else { return }
        throw ServiceError.invalidParams(
            ValidationError(field: key, reason: "unknown field '\(NearestWord.shown(key))'; \(tool) takes no arguments")
        )
    }
}
