public import StitchEngine
import StitchModel
public import StitchPlanning

/// The queries: who can help, chances to give, referrals, explanations and planning.
///
/// Each reads the engine in force (``snapshot()``) without waiting for writes, and maps the
/// engine's errors to the protocol's.
extension StitchService {
    /// The default number of results of a ranking.
    public static let defaultLimit = 10

    /// `match.helpers`: the members who could help with a request, ranked.
    public nonisolated func whoCanHelp(_ params: MethodParams.Helpers) async throws(ServiceError) -> Ranking {
        // Pairings, asks and dismissals as they stand on the day the help is for.
        let engine = await snapshot().engine(on: params.request.day)
        return noted(
            try Self.run(engine) { () throws(QueryError) in
                try engine.whoCanHelp(params.request, limit: params.limit ?? Self.defaultLimit, profile: params.profile ?? .broker)
            })
    }

    /// `match.opportunities`: the chances a member has to give, ranked.
    public nonisolated func opportunities(_ params: MethodParams.Opportunities) async throws(ServiceError) -> Ranking {
        let engine = await snapshot().engine()
        return noted(
            try Self.run(engine) { () throws(QueryError) in
                try engine.opportunities(for: params.member, limit: params.limit ?? Self.defaultLimit, profile: params.profile ?? .broker)
            })
    }

    /// `refer.activities`: activities for a referred person, each with a member who could go along.
    public nonisolated func refer(_ params: MethodParams.Refer) async throws(ServiceError) -> Ranking {
        let engine = await snapshot().engine()
        return noted(
            try Self.run(engine) { () throws(QueryError) in
                try engine.refer(
                    params.referral, limit: params.limit ?? Self.defaultLimit, withBuddy: params.withBuddy ?? true,
                    profile: params.profile ?? .referral)
            })
    }

    /// A ranking with the note that words are not matched by meaning, when they are not.
    private nonisolated func noted(_ ranking: Ranking) -> Ranking {
        guard let note = meaning.note else { return ranking }
        var ranking = ranking
        ranking.notes.append(note)
        return ranking
    }

    /// `match.explain`: one pair's score, factors, constraints and reasons.
    public nonisolated func explain(_ query: ExplainQuery) async throws(ServiceError) -> Match {
        let engine = await snapshot().engine()
        return try Self.run(engine) { () throws(QueryError) in try engine.explain(query) }
    }

    /// `plan.allocate`: places a planning session's referrals in sessions and with buddies.
    public nonisolated func plan(_ request: PlanRequest) async throws(ServiceError) -> PlanResult {
        let engine = await snapshot().engine()
        return try Self.run(engine) { () throws(QueryError) in try Allocator(engine: engine).allocate(request) }
    }

    /// Runs a query of `engine`, mapping its errors to the protocol's (an unknown id with the
    /// nearest known one).
    private static func run<T>(_ engine: Engine, _ body: () throws(QueryError) -> T) throws(ServiceError) -> T {
        do { return try body() } catch { throw ServiceError.query(error, engine: engine) }
    }
}
