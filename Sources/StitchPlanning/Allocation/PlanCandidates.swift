import StitchEngine
import StitchModel

/// A request turned into a ``CandidateGraph``: each referral's feasible activities from the
/// engine (its top K, every hard constraint already applied), the places left at each, and the
/// referrers as groups.
///
/// Candidate `k` of referral `i` in the graph is `rankings[i].matches[k]`.
struct PlanCandidates {
    let rankings: [Ranking]
    /// The activities that are someone's candidate, by graph index.
    let activityIDs: [String]
    /// The referrers, by group index, in order of first appearance.
    let practices: [String]
    /// Each referral's group (its referrer), or `nil` when it names none.
    let groups: [Int?]
    /// The graph the solver sees (with practice caps when the request sets a share).
    let graph: CandidateGraph

    init(engine: Engine, request: PlanRequest) throws(QueryError) {
        var rankings: [Ranking] = []
        rankings.reserveCapacity(request.referrals.count)
        for (i, referral) in request.referrals.enumerated() {
            do {
                rankings.append(try engine.placements(for: referral, limit: request.topK, profile: request.profile))
            } catch {
                throw Self.relabel(error, referral: i)
            }
        }
        var activityIndex: [String: Int] = [:]
        var activityIDs: [String] = []
        var candidates: [[CandidateGraph.Candidate]] = []
        candidates.reserveCapacity(rankings.count)
        for ranking in rankings {
            candidates.append(
                ranking.matches.map { match in
                    let a =
                        activityIndex[match.id]
                        ?? {
                            activityIDs.append(match.id)
                            activityIndex[match.id] = activityIDs.count - 1
                            return activityIDs.count - 1
                        }()
                    return CandidateGraph.Candidate(activity: a, value: CandidateGraph.value(forScore: match.score))
                })
        }
        let units = request.referrals.count * request.maxPerPerson
        var capacities: [Int] = []
        for id in activityIDs { capacities.append(try engine.remainingPlaces(activity: id) ?? units) }

        var practiceIndex: [String: Int] = [:]
        var practices: [String] = []
        let groups: [Int?] = request.referrals.map { referral in
            guard let practice = referral.referrer, !practice.allSatisfy(\.isWhitespace) else { return nil }
            if let g = practiceIndex[practice] { return g }
            practices.append(practice)
            practiceIndex[practice] = practices.count - 1
            return practices.count - 1
        }
        var graph = try CandidateGraph(
            activityCapacities: capacities, referralCapacity: request.maxPerPerson, candidates: candidates,
            groups: groups,
            groupCapacities: Array(repeating: nil, count: practices.count))
        if let share = request.maxSharePerPractice {
            // A share of the places that can be filled at all: ceil(share × most placements).
            let most = AssignmentSolver.maximumPlacements(graph)
            let cap = Int((share * Double(most)).rounded(.up))
            graph = try CandidateGraph(
                activityCapacities: capacities, referralCapacity: request.maxPerPerson, candidates: candidates,
                groups: groups,
                groupCapacities: Array(repeating: cap, count: practices.count))
        }
        self.rankings = rankings
        self.activityIDs = activityIDs
        self.practices = practices
        self.groups = groups
        self.graph = graph
    }

    /// The engine names the field `referral.person`; a plan names it `referrals[i].person`.
    static func relabel(_ error: QueryError, referral i: Int) -> QueryError {
        let prefix = "referral"
        let field =
            error.field.hasPrefix(prefix)
            ? "referrals[\(i)]" + error.field.dropFirst(prefix.count) : "referrals[\(i)].\(error.field)"
        switch error {
        case .unknownMember(_, let id): return .unknownMember(field: field, id: id)
        case .unknownActivity(_, let id): return .unknownActivity(field: field, id: id)
        case .invalid(_, let reason): return .invalid(field: field, reason: reason)
        }
    }
}
