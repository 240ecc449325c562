public import StitchModel

/// Stitch's scoring engine over one community: who can help, where to give, and referrals to
/// activities with a buddy, each an explained ranking.
///
/// Build it once from a community and a skills taxonomy; it is an immutable `Sendable` value,
/// safe to query from many threads. Every answer carries scores, per-factor breakdowns,
/// plain-English reasons and counts of what the hard constraints excluded.
///
/// ```swift
/// let engine = try Engine(community: community, taxonomy: taxonomy)
/// let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-vera", skill: "shopping"))
/// ```
public struct Engine: Sendable {
    var index: CommunityIndex

    /// Validates and compiles a community.
    ///
    /// - Parameter meaning: the sentence encoder that lets words match by meaning (free-text
    ///   offers, a request's own words, a referral's reason); without it a term matches its
    ///   taxonomy entry, synonyms and relations, or itself.
    /// - Throws: ``ValidationErrors`` listing every bad field of the community or the taxonomy.
    public init(
        community: Community, taxonomy: SkillTaxonomy, configuration: EngineConfiguration = EngineConfiguration(),
        meaning: MeaningModel? = nil
    ) throws(ValidationErrors) {
        try Self.validate(community: community, taxonomy: taxonomy)
        index = CommunityIndex(community: community, taxonomy: taxonomy, configuration: configuration, meaning: meaning)
    }

    /// True when words are matched by meaning (the engine was given a ``MeaningModel`` and
    /// could embed its vocabulary).
    public var matchesByMeaning: Bool { index.skills.meaning != nil }

    /// The checks an engine makes of a community and taxonomy before compiling them, without the
    /// compiling: what a store runs before it keeps a community for an engine to serve.
    ///
    /// - Throws: ``ValidationErrors`` listing every bad field.
    public static func validate(community: Community, taxonomy: SkillTaxonomy) throws(ValidationErrors) {
        let errors = taxonomy.validationErrors().map { ValidationError(field: "taxonomy.\($0.field)", reason: $0.reason) }
            + community.validationErrors()
        guard errors.isEmpty else { throw ValidationErrors(errors) }
    }

    /// Number of members.
    public var memberCount: Int { index.memberIndex.count }
    /// Number of activities.
    public var activityCount: Int { index.activityIndex.count }
    /// "Today" as the engine sees it (ages, recency).
    public var referenceDate: CalendarDate { index.today }
    /// The settings in force.
    public var configuration: EngineConfiguration { index.configuration }

    /// The most results any ranking returns.
    public static let maximumLimit = 1000

    static func checkLimit(_ limit: Int, field: String = "limit") throws(QueryError) {
        guard (1...maximumLimit).contains(limit) else {
            throw .invalid(field: field, reason: "must be between 1 and \(maximumLimit)")
        }
    }

    func member(_ id: String, field: String) throws(QueryError) -> PersonFeatures {
        guard let m = index.memberIndex[id] else { throw .unknownMember(field: field, id: id) }
        return index.members.features(of: Int(m), index: index)
    }

    func person(_ reference: PersonReference, field: String) throws(QueryError) -> PersonFeatures {
        switch reference {
        case .id(let id):
            return try member(id, field: field)
        case .inline(let member):
            let index = index
            return PersonFeatures(
                member, defaultTravelKm: index.configuration.defaultTravelKm, term: { index.vocabulary.index(of: $0) },
                group: { index.groupIndex[$0] }, member: { index.memberIndex[$0] })
        }
    }

    /// A broker's "who can help?": members who can give the help asked for, best first.
    public func whoCanHelp(_ request: HelpRequest, limit: Int = 10, profile: ScoringProfile = .broker) throws(QueryError) -> Ranking {
        try Self.checkLimit(limit)
        // A request built in code (not decoded) is held to the same bounds as a decoded one.
        if let problem = request.boundErrors().first {
            throw .invalid(field: "request.\(problem.field)", reason: problem.reason)
        }
        let requester = try request.requester.map { id throws(QueryError) in try member(id, field: "request.requester") }
        let job = HelperJob(index: index, request: request, requester: requester, weights: index.configuration.weights(for: profile))
        let sharing = AskSharing(band: index.configuration.askSharingBand, requestID: request.id)
        var ranking = job.rankingSharingAsks(sharing, limit: limit)
        if !index.pairings.isEmpty { ranking = job.puttingPairedFirst(ranking, skill: request.skill, limit: limit) }
        if ranking.considered == 0 {
            let hint = index.skills.suggestion(for: request.skill).map { "; did you mean '\($0)'?" } ?? ""
            ranking.notes.append("No member offers '\(request.skill)' or anything related\(hint)")
        }
        return ranking
    }

    /// A member's "where can I give?": other members' needs and activities where their skills
    /// are wanted, best first.
    public func opportunities(for memberID: String, limit: Int = 10, profile: ScoringProfile = .broker) throws(QueryError) -> Ranking {
        try Self.checkLimit(limit)
        let giver = try member(memberID, field: "member")
        let job = GiveJob(index: index, giver: giver, weights: index.configuration.weights(for: profile))
        var ranking = Pipeline.ranking(job, limit: limit)
        if giver.offers.isEmpty { ranking.notes.append("No skills offered yet: add some to find more chances to give") }
        return ranking
    }

    /// A referral: activities for a person, best first, each with a buddy to go along the first time.
    ///
    /// Every answer leaves a way to give: when no activity tagged Give makes the list, the best
    /// one that meets every constraint takes the last place. Members who befriend, go along to
    /// appointments or give peer support are ranked apart, as `oneToOne` (``OneToOneRanking``).
    public func refer(_ referral: Referral, limit: Int = 10, withBuddy: Bool = true, profile: ScoringProfile = .referral) throws(QueryError) -> Ranking {
        try Self.checkLimit(limit)
        var person = try person(referral.person, field: "referral.person")
        // An interpreter asked for on the referral counts for the buddy as for the activities.
        if referral.interpreter { person.flags.insert(.interpreter) }
        let weights = index.configuration.weights(for: profile)
        let reading = referral.reason.flatMap { index.skills.read(reason: $0, goalsGiven: referral.goals != nil) }
        let job = ReferralJob(index: index, person: person, referral: referral, weights: weights, reading: reading)
        let (entries, considered, excluded) = Pipeline.rank(job, limit: limit)
        var chosen = entries
        var notes: [String] = []
        if !chosen.contains(where: { index.activities.serves(Int($0.candidate), .give) }) {
            let give = Pipeline.rank(job, limit: 1) { index.activities.serves(Int($0), .give) }.entries
            if let best = give.first {
                if chosen.count >= limit { chosen.removeLast() }
                chosen.append(best)
                notes.append("Added the best way to give, so the answer holds a chance to give as well as get")
            }
        }
        var matches: [Match] = []
        // A buddy goes along the first time: none for an activity the person already attends.
        let needBuddies = withBuddy
            ? chosen.map(\.candidate).map(Int.init).filter { index.activities.buddyWelcome[$0] && !job.attends($0) } : []
        // One search for every buddy of this referral: the members near the person, ordered once.
        var search = needBuddies.isEmpty
            ? nil
            : BuddySearch(index: index, person: person, weights: weights, bridging: job.bridging, avoided: job.avoided, activities: needBuddies)
        for entry in chosen {
            var match = job.match(entry.candidate, score: entry.score, factors: entry.factors)
            if needBuddies.contains(Int(entry.candidate)) { match.buddy = search!.best(activity: Int(entry.candidate)) }
            matches.append(match)
        }
        notes += search?.notes ?? []
        let support = oneToOne(referral: referral, job: job, reading: reading, activities: chosen, limit: limit)
        return Ranking(matches: matches, considered: considered, excluded: excluded, notes: notes, reading: reading?.reading, oneToOne: support)
    }
}
