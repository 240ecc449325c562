import StitchEngine
public import StitchModel

/// `pairing.start`, `pairing.review`, `pairing.end` and `pairing.list`: ongoing pairings of a
/// helper (or buddy) with a person, for one kind of help.
///
/// While a pairing holds (from its start through its review day) the paired helper comes first
/// in that person's answers of its kind, unless a hard constraint rules them out, and is exempt
/// from load spreading. A pairing is validated, stored when the store keeps pairings, and only
/// then kept and answered; one per person and kind. Like dismissals, a pairing lives as long as
/// the records it names.
extension StitchService {
    /// `pairing.start`: keeps the pairing (replacing the one of the same person and kind), from
    /// today unless it says otherwise, to be reviewed ``Pairing/defaultReviewDays`` later unless
    /// it says when.
    public func startPairing(_ input: Pairing) throws(ServiceError) -> Pairing {
        let pairing = input.dated(today: Self.today())
        if let problem = pairing.validationErrors().first { throw ServiceError.invalidParams(problem) }
        guard isSubject(pairing.person) else {
            throw .query(.unknownMember(field: "person", id: pairing.person), engine: engine)
        }
        guard engine.contains(member: pairing.helper) else {
            throw .query(.unknownMember(field: "helper", id: pairing.helper), engine: engine)
        }
        try storeAsks("pairing.start") { try $0.save(pairing: pairing) }
        keep(pairing)
        withdrawSnapshot()
        return pairing
    }

    /// `pairing.review`: the pairing of this person and kind, reviewed and kept on to a new
    /// review day.
    public func reviewPairing(_ params: MethodParams.PairingReview) throws(ServiceError) -> Pairing {
        guard var pairing = pairings.first(where: { $0.person == params.person && $0.isKind(params.kind) }) else {
            throw ServiceError(
                .unknownPairing, "No such pairing", field: "params.kind",
                reason: "\(params.person) has no pairing for '\(params.kind)'; start one with pairing.start, or see pairing.list")
        }
        pairing.review = params.review
        if let problem = pairing.validationErrors().first { throw ServiceError.invalidParams(problem) }
        try storeAsks("pairing.review") { try $0.save(pairing: pairing) }
        keep(pairing)
        withdrawSnapshot()
        return pairing
    }

    /// `pairing.end`: ends the pairing of this person and kind, answering whether there was one
    /// (ending one that is not there changes nothing, so a retried request gets the same state).
    public func endPairing(_ params: MethodParams.PairingEnd) throws(ServiceError) -> MethodResults.Undismissed {
        guard let pairing = pairings.first(where: { $0.person == params.person && $0.isKind(params.kind) }) else {
            return .init(removed: false)
        }
        try storeAsks("pairing.end") { try $0.removePairing(person: pairing.person, kind: pairing.kind) }
        pairings.removeAll { $0.person == pairing.person && $0.isKind(pairing.kind) }
        withdrawSnapshot()
        return .init(removed: true)
    }

    /// `pairing.list`: the pairings kept (of `person`, or of `helper`, when given), by person then
    /// kind, each saying whether it holds today.
    public func listPairings(_ params: MethodParams.Pairings) throws(ServiceError) -> MethodResults.Pairings {
        for (field, id) in [("person", params.person), ("helper", params.helper)] {
            if let id, let problem = RecordBounds.idProblem(id) { throw ServiceError.invalidParams(ValidationError(field: field, reason: problem)) }
        }
        let today = Self.today()
        let listed = pairings.filter { (params.person == nil || $0.person == params.person) && (params.helper == nil || $0.helper == params.helper) }
            .sorted { ($0.person, $0.kind) < ($1.person, $1.kind) }
            .map {
                MethodResults.Pairings.Listed(
                    person: $0.person, helper: $0.helper, kind: $0.kind, start: $0.start, review: $0.review, active: $0.holds(on: today))
            }
        return .init(pairings: listed)
    }

    /// The pairings of a community file as the service keeps them: each dated as `pairing.start`
    /// dates one (from `today`, by default the day it is, reviewed ``Pairing/defaultReviewDays`` later), and checked on its
    /// own and against the file's community (a person may also be one of `people`, those
    /// referred). Every reader of a community file takes its pairings through here.
    ///
    /// - Throws: every problem, at `pairings[i].field`.
    public nonisolated static func pairings(
        of file: CommunityFile, people: Set<String> = [], today: CalendarDate? = nil
    ) throws(ValidationErrors) -> [Pairing] {
        let today = today ?? Self.today()
        let dated = file.pairings.map { $0.dated(today: today) }
        var problems = dated.enumerated().flatMap { i, pairing in pairing.validationErrors().map { $0.inside("pairings[\(i)]") } }
        problems += CommunityFile.pairingErrors(dated, in: file.community, people: people)
        if !problems.isEmpty { throw ValidationErrors(problems) }
        return dated
    }

    /// Keeps `pairing` in memory in place of the pairing of the same person and kind, if any.
    func keep(_ pairing: Pairing) {
        pairings.removeAll { $0.person == pairing.person && $0.isKind(pairing.kind) }
        pairings.append(pairing)
    }
}
