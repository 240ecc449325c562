import StitchEngine
import StitchModel

/// A request turned into a ``CandidateGraph``: each referral's feasible activities from the
/// engine (its top K, every hard constraint already applied), the places left at each, and the
/// referrers as groups.
///
/// Candidate `k` of referral `i` in the graph is `rankings[i].matches[k]`.
struct PlanCandidates {
    /// What a placement the person is not free for scores in the plan: the engine's score times
    /// this. It is still placed when nothing else fits, but after every free option.
    static let notFreeFactor = 0.5

    /// Each referral's candidates, best first by their plan score (the engine's, halved when
    /// the person is not free for any of the activity's sessions).
    let rankings: [Ranking]
    /// Whether the person is free for none of candidate `k`'s sessions (`notFree[i][k]`).
    let notFree: [[Bool]]
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
        var notFree: [[Bool]] = []
        rankings.reserveCapacity(request.referrals.count)
        for (i, referral) in request.referrals.enumerated() {
            do {
                let ranking = try engine.placements(for: referral, limit: request.topK, profile: request.profile)
                let marks = try engine.notFree(referral, activities: ranking.matches.map(\.id))
                let (marked, flags) = Self.penalised(ranking, notFree: marks)
                rankings.append(marked)
                notFree.append(flags)
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
        self.notFree = notFree
        self.activityIDs = activityIDs
        self.practices = practices
        self.groups = groups
        self.graph = graph
    }

    /// A ranking with each placement the person is not free for marked (a first reason) and its
    /// score multiplied by ``notFreeFactor``, then put back in order (best first, ties in the
    /// engine's order), with the marks in the same order.
    static func penalised(_ ranking: Ranking, notFree marks: [Bool]) -> (Ranking, [Bool]) {
        guard marks.contains(true) else { return (ranking, marks) }
        var matches = ranking.matches
        for k in matches.indices where marks[k] {
            matches[k].score *= notFreeFactor
            matches[k].reasons.insert(
                "Not free at any of its session times: placed only if nothing else fits, score halved; check they can go", at: 0)
        }
        let order = matches.indices.sorted { (matches[$0].score, -$0) > (matches[$1].score, -$1) }
        var out = ranking
        out.matches = order.map { matches[$0] }
        return (out, order.map { marks[$0] })
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
