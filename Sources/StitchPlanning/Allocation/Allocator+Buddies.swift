import StitchEngine
import StitchModel

extension Allocator {
    /// How many of the engine's best buddies are looked at for each placement.
    static let buddyCandidates = 25

    /// Suggests a buddy for each placement: a greedy pass over the placements, best score
    /// first, each taking the engine's best buddy who has not yet reached
    /// ``PlanRequest/buddyLimitPerWeek`` newcomers in this plan.
    ///
    /// A person referred in this plan is not asked to accompany someone else the same week.
    /// Greedy is enough here: a buddy is a suggestion for the first visit, not a scarce place,
    /// and the best-scored placements get the first choice.
    func addBuddies(to assignments: inout [PlanAssignment], request: PlanRequest) throws(QueryError) {
        guard request.buddyLimitPerWeek > 0 else { return }
        let referred = Set(request.referrals.map(\.person.id))
        let people = Dictionary(
            request.referrals.map { ($0.person.id, $0.person) }, uniquingKeysWith: { first, _ in first })
        let order = assignments.indices.sorted {
            let a = assignments[$0]
            let b = assignments[$1]
            return a.score != b.score ? a.score > b.score : $0 < $1
        }
        var load: [String: Int] = [:]
        for i in order {
            guard let person = people[assignments[i].person] else { continue }
            let ranking = try self.engine.buddies(
                for: person, activity: assignments[i].activity, limit: Self.buddyCandidates, profile: request.profile)
            guard
                let buddy = ranking.matches.first(where: {
                    !referred.contains($0.id) && load[$0.id, default: 0] < request.buddyLimitPerWeek
                })
            else { continue }
            load[buddy.id, default: 0] += 1
            assignments[i].buddy = buddy.id
            assignments[i].buddyName = buddy.name
        }
    }
}
