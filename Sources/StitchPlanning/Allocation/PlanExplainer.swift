import StitchEngine
import StitchModel

/// Explains a plan: why each referral left out was not placed, and each practice's share.
struct PlanExplainer {
    let request: PlanRequest
    let candidates: PlanCandidates
    let allocation: Allocation
    /// Placements taken by each group's referrals.
    private let groupPlacements: [Int]

    init(request: PlanRequest, candidates: PlanCandidates, allocation: Allocation) {
        self.request = request
        self.candidates = candidates
        self.allocation = allocation
        var loads = Array(repeating: 0, count: candidates.practices.count)
        for (i, g) in candidates.groups.enumerated() { if let g { loads[g] += allocation.chosen[i].count } }
        self.groupPlacements = loads
    }

    /// How many activity ids a `detail` lists before "and N more".
    static let listed = 5

    /// The referrals with no placement, in the request's order, each with a reason.
    func unassigned() -> [UnassignedReferral] {
        var out: [UnassignedReferral] = []
        for (i, referral) in self.request.referrals.enumerated() where self.allocation.chosen[i].isEmpty {
            out.append(self.explain(i, referral))
        }
        return out
    }

    private func explain(_ i: Int, _ referral: Referral) -> UnassignedReferral {
        let id = referral.id ?? ""
        let person = referral.person.id
        let ranking = self.candidates.rankings[i]
        let graph = self.candidates.graph
        guard !ranking.matches.isEmpty else {
            let counts = ExclusionReason.allCases.map { ($0, ranking.excluded[$0]) }.filter { $0.1 > 0 }
                .sorted { ($0.1, $1.0.rawValue) > ($1.1, $0.0.rawValue) }
            let detail =
                ranking.considered == 0
                ? "There are no activities to consider"
                : "Every activity excluded: " + counts.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
            return UnassignedReferral(
                referral: id, person: person, reason: .noFeasibleActivity, detail: detail, excluded: ranking.excluded)
        }
        let activities = graph.candidates(of: i).map(\.activity)
        let full = activities.filter { self.allocation.activityLoads[$0] >= graph.activityCapacities[$0] }
        let fullIDs = full.map { self.candidates.activityIDs[$0] }
        if full.count < activities.count, let g = graph.groups[i], let cap = graph.groupCapacities[g] {
            let practice = self.candidates.practices[g]
            let share = self.request.maxSharePerPractice.map { " (maxSharePerPractice \($0))" } ?? ""
            return UnassignedReferral(
                referral: id, person: person, reason: .practiceShare,
                detail: "\(practice) already has its share of places: \(self.groupPlacements[g]) of \(cap)\(share)",
                full: fullIDs)
        }
        var detail =
            fullIDs.count == 1
            ? "The one feasible activity, \(fullIDs[0]), is full"
            : "All \(fullIDs.count) feasible activities are full: " + Self.list(fullIDs)
        let feasible = ranking.considered - ranking.excluded.total
        if feasible > ranking.matches.count {
            detail +=
                "; only the best \(ranking.matches.count) of \(feasible) feasible activities were considered (topK)"
        }
        return UnassignedReferral(referral: id, person: person, reason: .placesTaken, detail: detail, full: fullIDs)
    }

    static func list(_ ids: [String]) -> String {
        let shown = ids.prefix(self.listed).joined(separator: ", ")
        return ids.count > self.listed ? shown + " and \(ids.count - self.listed) more" : shown
    }

    /// Each referrer's share: by practice id, then the referrals that name none.
    static func practices(request: PlanRequest, candidates: PlanCandidates, assignments: [PlanAssignment])
        -> [PracticeShare]
    {
        var scores: [String: [Double]] = [:]
        for a in assignments { scores[a.referral, default: []].append(a.score) }
        let order = candidates.practices.indices.sorted { candidates.practices[$0] < candidates.practices[$1] }
        var members: [Int?: [Int]] = [:]
        for (i, g) in candidates.groups.enumerated() { members[g, default: []].append(i) }
        var out: [PracticeShare] = []
        for g in order + [nil] {
            guard let members = members[g] else { continue }
            let placed = members.compactMap { request.referrals[$0].id.flatMap { scores[$0] } }
            let all = placed.flatMap { $0 }
            out.append(
                PracticeShare(
                    practice: g.map { candidates.practices[$0] }, referrals: members.count, placed: placed.count,
                    meanScore: all.isEmpty ? nil : all.reduce(0, +) / Double(all.count),
                    cap: g.flatMap { candidates.graph.groupCapacities[$0] }))
        }
        return out
    }
}
