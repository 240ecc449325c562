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
    /// For a member candidate: explain them as the subject's buddy for this activity (a
    /// referral's buddy: its constraints, factors and fit, and a buddy pairing that holds).
    public var activity: String?

    public init(
        subject: PersonReference, candidate: String, skill: String? = nil, profile: ScoringProfile? = nil, when: TimeList? = nil,
        support: OneToOneSupport? = nil, activity: String? = nil
    ) {
        self.subject = subject
        self.candidate = candidate
        self.skill = skill
        self.profile = profile
        self.when = when
        self.support = support
        self.activity = activity
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case subject, candidate, skill, profile, when, support, activity }

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
        activity = try c.decodeIfPresent(String.self, forKey: .activity)
        if let activity, let problem = RecordBounds.idProblem(activity) {
            throw DecodingError.dataCorruptedError(forKey: .activity, in: c, debugDescription: problem)
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
    /// (`befriending`, `accompanying`, `peer-support`), as a referral's one-to-one result; with
    /// `activity`, as the subject's buddy there (``explainBuddy(_:subject:member:activity:)``).
    public func explain(_ query: ExplainQuery) throws(QueryError) -> Match {
        let subject = try person(query.subject, field: "subject")
        if let activity = query.activity {
            return try explainBuddy(query, subject: subject, activity: activity)
        }
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

extension Engine {
    /// A member explained as the subject's buddy for an activity: a referral's buddy, with the
    /// referral's weights unless a profile is given. When a buddy pairing holds for the subject
    /// with this member and they meet every constraint, the answer is the one `refer` gives
    /// (``BuddyJob/paired()``: `Already goes along with them`, reciprocity without the asks).
    func explainBuddy(_ query: ExplainQuery, subject: PersonFeatures, activity activityID: String) throws(QueryError) -> Match {
        if query.support != nil || query.skill != nil {
            throw .invalid(field: "activity", reason: "explains the candidate as a buddy; give it without skill or support")
        }
        guard let a = index.activityIndex[activityID] else { throw .unknownActivity(field: "activity", id: activityID) }
        guard let m = index.memberIndex[query.candidate] else {
            throw index.activityIndex[query.candidate] == nil
                ? unknownCandidate(query.candidate, field: "candidate")
                : .invalid(field: "candidate", reason: "is an activity; a buddy is a member: give a member id, or leave out activity")
        }
        let job = BuddyJob(
            index: index, person: subject, activity: Int(a), bridging: BridgingFactor(index: index, subject: subject),
            avoided: index.safeguardingSet(for: subject), weights: index.configuration.weights(for: query.profile ?? .referral),
            nearby: [], countsExclusions: true)
        let explained = Pipeline.explain(job, candidate: m)
        guard case .chosen(var paired) = job.paired(), paired.id == explained.id else { return explained }
        paired.constraints = explained.constraints
        paired.excludedBy = explained.excludedBy
        return paired
    }
}
