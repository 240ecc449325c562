import StitchEngine
public import StitchModel

/// `match.dismiss`, `match.undismiss` and `match.dismissals`: a broker's "not this one", kept
/// per subject and candidate and honoured by every query for that subject until it lapses.
///
/// A dismissal is validated (its subject a member or the person of a referral record, its
/// candidate a member or an activity), stored when the store keeps dismissals, and only then
/// kept and answered, as every write is. Queries are judged on today's date (a referral's on its
/// own date): a dismissal whose `until` has passed is kept and listed, but no longer honoured.
/// Like outcomes, a dismissal lives as long as the records it names. Its reason is never logged.
extension StitchService {
    /// `match.dismiss`: keeps the dismissal (replacing one of the same pair), dated today unless
    /// it says otherwise, and answers it as kept.
    public func dismiss(_ input: Dismissal) throws(ServiceError) -> Dismissal {
        var dismissal = input
        if dismissal.date == nil { dismissal.date = Self.today() }
        if let problem = dismissal.validationErrors().first { throw ServiceError.invalidParams(problem) }
        guard isSubject(dismissal.subject) else {
            throw .query(.unknownMember(field: "subject", id: dismissal.subject), engine: engine)
        }
        guard engine.contains(member: dismissal.candidate) || engine.contains(activity: dismissal.candidate) else {
            // -32002 or -32001 at `params.candidate`, as `match.explain` answers.
            throw .query(engine.unknownCandidate(dismissal.candidate, field: "candidate"), engine: engine)
        }
        try storeDismissal("match.dismiss") { try $0.save(dismissal: dismissal) }
        dismissals.removeAll { $0.subject == dismissal.subject && $0.candidate == dismissal.candidate }
        dismissals.append(dismissal)
        withdrawSnapshot()
        return dismissal
    }

    /// `match.undismiss`: takes a dismissal back, answering whether there was one (taking back a
    /// pair not dismissed changes nothing, so a retried request gets the same state).
    public func undismiss(_ params: MethodParams.Undismiss) throws(ServiceError) -> MethodResults.Undismissed {
        guard dismissals.contains(where: { $0.subject == params.subject && $0.candidate == params.candidate }) else {
            return .init(removed: false)
        }
        try storeDismissal("match.undismiss") { try $0.removeDismissal(subject: params.subject, candidate: params.candidate) }
        dismissals.removeAll { $0.subject == params.subject && $0.candidate == params.candidate }
        withdrawSnapshot()
        return .init(removed: true)
    }

    /// `match.dismissals`: the dismissals kept (of `subject` when given), by subject then
    /// candidate, each saying whether it holds today.
    public func listDismissals(_ params: MethodParams.Dismissals) throws(ServiceError) -> MethodResults.Dismissals {
        if let subject = params.subject, let problem = RecordBounds.idProblem(subject) {
            throw ServiceError.invalidParams(ValidationError(field: "subject", reason: problem))
        }
        let today = Self.today()
        let listed = dismissals.filter { params.subject == nil || $0.subject == params.subject }
            .sorted { ($0.subject, $0.candidate) < ($1.subject, $1.candidate) }
            .map {
                MethodResults.Dismissals.Listed(
                    subject: $0.subject, candidate: $0.candidate, reason: $0.reason, until: $0.until, date: $0.date,
                    active: $0.holds(on: today))
            }
        return .init(dismissals: listed)
    }

    /// True when `id` is someone answers are for: a member, or the person of a referral record.
    func isSubject(_ id: String) -> Bool {
        engine.contains(member: id) || referrals.values.contains { $0.person.id == id }
    }

    /// Drops the dismissals that no longer resolve (after a removal or a new community), as the
    /// store does.
    func pruneDismissals() {
        guard !dismissals.isEmpty else { return }
        let engine = engine
        let people = Set(referrals.values.map(\.person.id))
        dismissals.removeAll {
            !(engine.contains(member: $0.subject) || people.contains($0.subject))
                || !(engine.contains(member: $0.candidate) || engine.contains(activity: $0.candidate))
        }
        withdrawSnapshot()
    }

    /// The dismissals whose subject is a member of `community` or a referral's person, and
    /// whose candidate is a member or an activity of it.
    static func resolvable(_ dismissals: [Dismissal], in community: Community, referrals: [ReferralRecord]) -> [Dismissal] {
        guard !dismissals.isEmpty else { return dismissals }
        let members = Set(community.members.map(\.id))
        let activities = Set(community.activities.map(\.id))
        let people = Set(referrals.map(\.person.id))
        return dismissals.filter {
            (members.contains($0.subject) || people.contains($0.subject))
                && (members.contains($0.candidate) || activities.contains($0.candidate))
        }
    }

    /// Stores a dismissal's change when the store keeps dismissals (as ``store(_:)`` does a write).
    private func storeDismissal(_ name: String, _ body: @escaping (any DismissalPersistence) throws -> Void) throws(ServiceError) {
        guard let keeper = persistence as? any DismissalPersistence else { return }
        try store((name, { _ in try body(keeper) }))
    }
}
