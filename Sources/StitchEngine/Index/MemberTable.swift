import StitchModel

/// Compact, column-wise features of every member, indexed by a dense `Int32` member index.
///
/// One array per feature (struct of arrays) so that the scoring loop touches only what it reads.
struct MemberTable: Sendable {
    var ids: [String] = []
    var names: [String?] = []
    var flags: [MemberFlags] = []
    var position: [UnitVector] = []
    var location: [Location?] = []
    var travelKm: [Double] = []
    /// The squared chord of each travel radius (``GreatCircle/chordSquared(forKm:)``): "within
    /// reach" without trigonometry.
    var travelChordSquared: [Double] = []
    var accessNeeds: [UInt32] = []
    var birthYear: [Int32] = []
    var availability = WeekMaskTable()
    /// The days each member is away (empty for nearly everyone).
    var away: [[AwayPeriod]] = []
    var offers = CompressedRows<Int32>()
    var interests = CompressedRows<Int32>()
    var needs = CompressedRows<Int32>()
    var experiences = CompressedRows<Int32>()
    var groups = CompressedRows<Int32>()
    /// Languages spoken (``LanguageCode/packed(_:)``), the preferred first.
    var languages = CompressedRows<UInt16>()
    /// Each member's DBS check, if any.
    var dbs: [DBSCheck?] = []
    /// The most each member can pay a session; `nil` for no limit.
    var maxCost: [Double?] = []
    /// Each member's stated gender, helper-gender preference, home facts and visit limits.
    var visit: [VisitFacts] = []
    var wellbeing: [FiveWays] = []
    /// The wellbeing factor of asking each member to give (``Formulas/giverWellbeing(_:known:)``),
    /// kept beside their goals so that scoring loops read eight bytes rather than forty.
    var giverWellbeing: [Double] = []
    /// False for the slot of a removed member (until the next full build).
    var live: [Bool] = []

    /// Number of slots, live or vacant.
    var count: Int { ids.count }

    @inline(__always)
    func has(_ member: Int, _ flag: MemberFlags) -> Bool { flags[member].contains(flag) }

    mutating func append(_ f: PersonFeatures) {
        live.append(true)
        ids.append(f.id)
        names.append(f.name)
        flags.append(f.flags)
        position.append(f.position)
        location.append(f.location)
        travelKm.append(f.travelKm)
        travelChordSquared.append(GreatCircle.chordSquared(forKm: f.travelKm))
        accessNeeds.append(f.accessNeeds)
        birthYear.append(f.birthYear)
        availability.append(f.availability, known: f.flags.contains(.hasAvailability))
        away.append(f.away)
        offers.append(f.offers)
        interests.append(f.interests)
        needs.append(f.needs)
        experiences.append(f.experiences)
        groups.append(f.groups)
        languages.append(f.languages)
        dbs.append(f.dbs)
        maxCost.append(f.maxCost)
        visit.append(f.visit)
        wellbeing.append(f.wellbeing)
        giverWellbeing.append(Formulas.giverWellbeing(f.wellbeing, known: f.flags.contains(.hasWellbeing)))
    }

    /// Drops the spare capacity left by appending member by member.
    mutating func shrink() {
        ids.shrinkToFit()
        names.shrinkToFit()
        flags.shrinkToFit()
        position.shrinkToFit()
        location.shrinkToFit()
        travelKm.shrinkToFit()
        travelChordSquared.shrinkToFit()
        accessNeeds.shrinkToFit()
        birthYear.shrinkToFit()
        wellbeing.shrinkToFit()
        dbs.shrinkToFit()
        maxCost.shrinkToFit()
        away.shrinkToFit()
        visit.shrinkToFit()
        languages.shrink()
        giverWellbeing.shrinkToFit()
        live.shrinkToFit()
        for column in [\MemberTable.offers, \.interests, \.needs, \.experiences, \.groups] { self[keyPath: column].shrink() }
    }

    /// Replaces the features of the member in slot `m`.
    mutating func replace(_ m: Int, with f: PersonFeatures) {
        ids[m] = f.id
        names[m] = f.name
        flags[m] = f.flags
        position[m] = f.position
        location[m] = f.location
        travelKm[m] = f.travelKm
        travelChordSquared[m] = GreatCircle.chordSquared(forKm: f.travelKm)
        accessNeeds[m] = f.accessNeeds
        birthYear[m] = f.birthYear
        availability.replace(row: m, with: f.availability, known: f.flags.contains(.hasAvailability))
        away[m] = f.away
        offers.replace(row: m, with: f.offers)
        interests.replace(row: m, with: f.interests)
        needs.replace(row: m, with: f.needs)
        experiences.replace(row: m, with: f.experiences)
        groups.replace(row: m, with: f.groups)
        languages.replace(row: m, with: f.languages)
        dbs[m] = f.dbs
        maxCost[m] = f.maxCost
        visit[m] = f.visit
        wellbeing[m] = f.wellbeing
        giverWellbeing[m] = Formulas.giverWellbeing(f.wellbeing, known: f.flags.contains(.hasWellbeing))
        live[m] = true
    }

    /// Empties slot `m` of a removed member: no features, not active, not live.
    mutating func vacate(_ m: Int) {
        names[m] = nil
        flags[m] = []
        location[m] = nil
        for column in [\MemberTable.offers, \.interests, \.needs, \.experiences, \.groups] {
            self[keyPath: column].clear(row: m)
        }
        languages.clear(row: m)
        dbs[m] = nil
        maxCost[m] = nil
        away[m] = []
        visit[m] = VisitFacts()
        live[m] = false
    }

    /// The features of one stored member, as a subject of a query.
    func features(of m: Int, index: CommunityIndex) -> PersonFeatures {
        PersonFeatures(
            memberIndex: Int32(m), id: ids[m], name: names[m], flags: flags[m], position: position[m], location: location[m],
            travelKm: travelKm[m], accessNeeds: accessNeeds[m], birthYear: birthYear[m], availability: availability.mask(row: m),
            offers: Array(offers[m]), interests: Array(interests[m]), needs: Array(needs[m]),
            experiences: Array(experiences[m]), groups: Array(groups[m]), wellbeing: wellbeing[m],
            avoid: Array(index.avoid[m]), languages: Array(languages[m]), dbs: dbs[m], maxCost: maxCost[m], away: away[m],
            visit: visit[m])
    }
}

/// The features of one person: a stored member or one given inline with a query.
struct PersonFeatures: Sendable {
    var memberIndex: Int32?
    var id: String
    var name: String?
    var flags: MemberFlags
    var position: UnitVector
    var location: Location?
    var travelKm: Double
    var accessNeeds: UInt32
    var birthYear: Int32
    var availability: WeekMask
    var offers: [Int32]
    var interests: [Int32]
    var needs: [Int32]
    var experiences: [Int32]
    var groups: [Int32]
    var wellbeing: FiveWays
    var avoid: [Int32]
    /// Languages spoken (``LanguageCode/packed(_:)``), the preferred first.
    var languages: [UInt16] = []
    var dbs: DBSCheck?
    /// The most they can pay for an activity a session; `nil` for no limit.
    var maxCost: Double?
    /// The days they are away.
    var away: [AwayPeriod] = []
    /// Gender, helper-gender preference, home facts and visit limits, as stated.
    var visit = VisitFacts()

    func has(_ flag: MemberFlags) -> Bool { flags.contains(flag) }
}

extension PersonFeatures {
    /// Compiles a member's record; `term` resolves a skill term to its index (nil drops it).
    init(_ member: Member, defaultTravelKm: Double, term: (String) -> Int32?, group: (String) -> Int32?, member index: (String) -> Int32?) {
        var flags: MemberFlags = []
        if member.active { flags.insert(.active) }
        if member.homeVisits { flags.insert(.homeVisits) }
        if member.housebound { flags.insert(.housebound) }
        if member.dbsChecked { flags.insert(.dbsChecked) }
        if member.interpreter { flags.insert(.interpreter) }
        if member.location != nil { flags.insert(.hasLocation) }
        if !member.availability.isEmpty { flags.insert(.hasAvailability) }
        if member.wellbeing != nil { flags.insert(.hasWellbeing) }
        func terms(_ list: [String]) -> [Int32] { Array(Set(list.compactMap(term))).sorted() }
        self.init(
            memberIndex: index(member.id), id: member.id, name: member.name, flags: flags,
            position: member.location.map(UnitVector.init) ?? UnitVector(x: 0, y: 0, z: 0), location: member.location,
            travelKm: member.travelKm ?? defaultTravelKm, accessNeeds: member.accessNeeds.needMask,
            birthYear: Int32(clamping: member.birthYear ?? 0), availability: WeekMask(member.availability),
            offers: terms(member.offers), interests: terms(member.interests), needs: terms(member.needs),
            experiences: terms(member.experiences), groups: Array(Set(member.groups.compactMap(group))).sorted(),
            wellbeing: member.wellbeing ?? FiveWays(), avoid: Array(Set(member.avoid.compactMap(index))).sorted(),
            languages: Self.languages(member.languages), dbs: member.dbs, maxCost: member.maxCost, away: member.away,
            visit: VisitFacts(member))
    }

    /// Language codes packed, in order, each once; anything not a code is left out.
    static func languages(_ codes: [String]) -> [UInt16] {
        var out: [UInt16] = []
        for code in codes { if let p = LanguageCode.packed(code), !out.contains(p) { out.append(p) } }
        return out
    }
}
