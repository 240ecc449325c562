public import StitchEngine
import StitchModel

/// A planning session: places many referrals at once in scarce activity places, the best way
/// overall rather than one at a time (`plan.allocate`).
///
/// For each referral the engine lists its feasible activities (``PlanRequest/topK`` best, every
/// hard constraint already applied); ``AssignmentSolver`` then chooses exactly the allocation
/// that places the most people and, among those, has the highest total score (or the highest
/// lowest score first, with ``Fairness/maximin``), never exceeding an activity's places left.
/// Buddies are then suggested, and every referral left out is explained. The model is in
/// docs/planning.md.
///
/// ```swift
/// let plan = try Allocator(engine: engine).allocate(PlanRequest(referrals: referrals))
/// print(plan.placed, plan.totalScore, plan.greedyTotalScore)
/// ```
public struct Allocator: Sendable {
    /// The engine whose scores and constraints the plan uses.
    public let engine: Engine

    public init(engine: Engine) {
        self.engine = engine
    }

    /// Makes a plan.
    ///
    /// - Throws: ``QueryError`` naming the first bad field: ``QueryError/invalid(field:reason:)``
    ///   from ``PlanRequest/validate()``, or ``QueryError/unknownMember(field:id:)`` at
    ///   `referrals[i].person` for an unknown person.
    public func allocate(_ request: PlanRequest) throws(QueryError) -> PlanResult {
        try request.validate()
        let candidates = try PlanCandidates(engine: self.engine, request: request)
        let graph = candidates.graph
        let allocation = AssignmentSolver.solve(graph, fairness: request.fairness)
        let greedy = AssignmentSolver.greedy(graph)

        var assignments: [PlanAssignment] = []
        for (i, referral) in request.referrals.enumerated() {
            let matches = candidates.rankings[i].matches
            // A referral's placements best first (candidate positions follow the ranking).
            for k in allocation.chosen[i] {
                let match = matches[k]
                assignments.append(
                    PlanAssignment(
                        referral: referral.id ?? "", person: referral.person.id, activity: match.id,
                        activityName: match.name,
                        score: match.score, factors: match.factors, reasons: match.reasons, notFree: candidates.notFree[i][k]))
            }
        }
        if request.withBuddies {
            try self.addBuddies(to: &assignments, request: request)
        }
        let unassigned = PlanExplainer(request: request, candidates: candidates, allocation: allocation).unassigned()
        let greedyTotal = (0..<graph.referralCount).reduce(0.0) { sum, i in
            greedy.chosen[i].reduce(sum) { $0 + candidates.rankings[i].matches[$1].score }
        }
        let greedyNotFree = (0..<graph.referralCount).reduce(0) { sum, i in
            greedy.chosen[i].reduce(sum) { $0 + (candidates.notFree[i][$1] ? 1 : 0) }
        }
        return PlanResult(
            assignments: assignments, unassigned: unassigned, totalScore: assignments.reduce(0) { $0 + $1.score },
            placed: assignments.count, greedyTotalScore: greedyTotal, greedyPlaced: greedy.placed,
            notFreePlaced: assignments.filter(\.notFree).count, greedyNotFreePlaced: greedyNotFree,
            lowestScore: assignments.map(\.score).min(),
            practices: PlanExplainer.practices(request: request, candidates: candidates, assignments: assignments))
    }
}
