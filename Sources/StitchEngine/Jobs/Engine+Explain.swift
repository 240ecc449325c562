public import StitchModel

/// What `explain` is asked: a subject (a member or a person given inline) and a candidate
/// (a member or an activity), with the skill in question when the candidate is a helper.
public struct ExplainQuery: Sendable, Hashable, Codable {
    public var subject: PersonReference
    public var candidate: String
    /// For a member candidate: the help in question. Defaults to the subject's need that the
    /// candidate best serves.
    public var skill: String?
    public var profile: ScoringProfile?
    /// The times in question, weekly or dated (as a request's `when`): for a member candidate,
    /// the times help is wanted; for an activity, the times the person is free (weekly only).
    public var when: TimeList?
    /// For a member candidate: explain them as a referral's one-to-one support of this kind
    /// (befriending, going along, peer support) rather than as a helper for a skill.
    public var support: OneToOneSupport?

    public init(
        subject: PersonReference, candidate: String, skill: String? = nil, profile: ScoringProfile? = nil, when: TimeList? = nil,
        support: OneToOneSupport? = nil
    ) {
        self.subject = subject
        self.candidate = candidate
        self.skill = skill
        self.profile = profile
        self.when = when
        self.support = support
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case subject, candidate, skill, profile, when, support }

    /// The keys of `match.explain`'s params: any other is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        subject = try c.decode(PersonReference.self, forKey: .subject)
        candidate = try c.decode(String.self, forKey: .candidate)
        skill = try c.decodeIfPresent(String.self, forKey: .skill)
        profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
        when = try c.decodeIfPresent(TimeList.self, forKey: .when)
        do {
            support = try c.decodeIfPresent(OneToOneSupport.self, forKey: .support)
        } catch DecodingError.dataCorrupted, DecodingError.typeMismatch {
            throw DecodingError.dataCorruptedError(
                forKey: .support, in: c,
                debugDescription: "expected one of " + OneToOneSupport.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if let when, !when.isEmpty, when.weekly.count + when.dated.count > RecordBounds.maximumSlots {
            throw DecodingError.dataCorruptedError(
                forKey: .when, in: c, debugDescription: "has \(when.weekly.count + when.dated.count) entries; expected at most \(RecordBounds.maximumSlots)")
        }
    }
}

extension Engine {
    /// One pair's full breakdown: every hard constraint (and which excludes it), every factor,
    /// the score it would have and the reasons.
    ///
    /// An activity candidate is explained as a referral of the subject; a member candidate as a
    /// helper for `skill`, or for the subject's need the candidate serves best; with `support`
    /// (`befriending`, `accompanying`, `peer-support`), as a referral's one-to-one result.
    public func explain(_ query: ExplainQuery) throws(QueryError) -> Match {
        let subject = try person(query.subject, field: "subject")
        if let a = index.activityIndex[query.candidate] {
            let profile = query.profile ?? .referral
            let referral = Referral(person: query.subject, when: query.when?.weekly ?? [])
            let job = ReferralJob(index: index, person: subject, referral: referral, weights: index.configuration.weights(for: profile))
            return Pipeline.explain(job, candidate: a)
        }
        guard let m = index.memberIndex[query.candidate] else {
            throw unknownCandidate(query.candidate, field: "candidate")
        }
        if query.support != nil {
            // One-to-one support for a referral of the subject: its constraints and factors.
            let referral = Referral(person: query.subject)
            let job = OneToOneJob(
                index: index, person: subject, referral: referral, goals: subject.has(.hasWellbeing) ? subject.wellbeing : FiveWays(),
                needs: [], weights: index.configuration.weights(for: query.profile ?? .referral))
            return Pipeline.explain(job, candidate: m)
        }
        let skill: String
        if let asked = query.skill {
            skill = asked
        } else {
            // The subject's need the candidate serves best.
            var best: (Double, String)?
            for need in subject.needs {
                var table = SkillMatchTable(vocabularySize: index.vocabulary.count)
                table.add(wanted: [need], graph: index.skills)
                let level = table.best(index.members.offers[Int(m)]).level
                if level > (best?.0 ?? 0) { best = (level, index.vocabulary.key(need)) }
            }
            guard let found = best?.1 ?? subject.needs.first.map({ index.vocabulary.key($0) }) else {
                throw .invalid(field: "skill", reason: "the subject lists no needs: say which skill to explain")
            }
            skill = found
        }
        let request = HelpRequest(
            requester: subject.memberIndex == nil ? nil : subject.id, skill: skill, when: query.when?.weekly ?? [], location: subject.location,
            whenDated: query.when?.dated ?? [])
        let job = HelperJob(index: index, request: request, requester: subject, weights: index.configuration.weights(for: query.profile ?? .broker))
        return Pipeline.explain(job, candidate: m)
    }
}
