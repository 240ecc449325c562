import StitchModel

/// The members who could give a referred person a lift to an activity beyond their own travel
/// radius, found once per referral.
///
/// A lift-giver offers lifts (the taxonomy's `lifts`, or any of its synonyms: "driving", "car
/// share"…), lives within their own travel radius of the person, and meets every constraint of
/// a pairing with the person that does not depend on the activity: not the person, active, no
/// safeguarding exclusion either way, not dismissed by the broker for this person, a DBS check
/// in date (a lift is time alone with a referred person, so a check of any level is required),
/// and a language in common when both state theirs (no interpreter rides along). For each
/// activity the nearest of them who is free at one of its sessions, and whose own travel radius
/// reaches the activity from their home, gives the lift; ties go to the smaller id.
///
/// A housebound person, or one with no location, gets no lift: "reach" is not what keeps them
/// from an activity.
struct LiftFinder {
    /// A lift-giver and how far they live from the person.
    struct Giver {
        var member: Int32
        var km: Double
    }

    let index: CommunityIndex
    /// Every lift-giver who passes the activity-free constraints, nearest first, then by id.
    let givers: [Giver]
    /// Where the person lives.
    let home: UnitVector
    /// How far a lift can take the person at most: the longest of a giver's distance from the
    /// person plus their own travel radius (no activity farther is reached by any of them), with
    /// the squared chord of that distance.
    let reachKm: Double
    let reachChordSquared: Double

    /// No lifts at all (a plan's placements: see ``Engine/placements(for:limit:profile:)``).
    init(none index: CommunityIndex) {
        self.index = index
        givers = []
        home = UnitVector(x: 0, y: 0, z: 0)
        reachKm = 0
        reachChordSquared = 0
    }

    init(index: CommunityIndex, person: PersonFeatures, avoided: Set<Int32>, dismissed: Set<Int32>) {
        self.index = index
        home = person.position
        guard person.has(.hasLocation), !person.has(.housebound), let lifts = index.vocabulary.index(of: "lifts"),
            Int(lifts) < index.offerPostings.rowCount
        else {
            givers = []
            reachKm = 0
            reachChordSquared = 0
            return
        }
        let judge = DBSJudgement(level: .basic, day: index.today, validYears: index.configuration.dbsValidYears)
        let members = index.members
        var found: [Giver] = []
        for m in index.offerPostings[Int(lifts)] {
            let i = Int(m)
            guard members.live[i], m != person.memberIndex, members.has(i, .active), members.has(i, .hasLocation),
                !avoided.contains(m), !dismissed.contains(m),
                members.has(i, .dbsChecked), judge.passes(members.dbs[i]),
                LanguageFit(person: person.languages, other: members.languages[i], interpreter: false).passes
            else { continue }
            let km = GreatCircle.distanceKm(person.position, members.position[i])
            guard km <= members.travelKm[i] else { continue }
            found.append(Giver(member: m, km: km))
        }
        let ranks = index.memberIDRank
        givers = found.sorted { $0.km != $1.km ? $0.km < $1.km : ranks[Int($0.member)] < ranks[Int($1.member)] }
        reachKm = found.map { $0.km + members.travelKm[Int($0.member)] }.max() ?? 0
        reachChordSquared = GreatCircle.chordSquared(forKm: reachKm)
    }

    /// True when nobody could give this person a lift anywhere.
    var isEmpty: Bool { givers.isEmpty }

    /// The nearest lift-giver free at one of the activity's sessions (any, when it has none) whose
    /// own travel radius reaches the activity (placed: in person, with a location) from their home.
    func giver(for activity: Int) -> Giver? {
        let place = index.activities.position[activity]
        guard !givers.isEmpty, GreatCircle.within(home, place, km: reachKm, chordSquared: reachChordSquared) else { return nil }
        let sessions = index.activities.sessions[activity]
        let members = index.members
        return givers.first { g in
            let m = Int(g.member)
            guard GreatCircle.within(members.position[m], place, km: members.travelKm[m], chordSquared: members.travelChordSquared[m])
            else { return false }
            if sessions.isEmpty { return true }
            guard members.availability.isKnown[m] else { return false }
            return (index.activities.bestCoverage(activity) { members.availability.overlapMinutes(row: m, with: $0) } ?? 0) > 0
        }
    }

    /// The lift as a result shows it, for `activity`.
    func lift(_ g: Giver, activity: Int) -> Lift {
        let m = Int(g.member)
        var reasons = ["Offers lifts", "Lives \(Formulas.distanceText(g.km)) from them"]
        if !index.activities.sessions[activity].isEmpty { reasons.append("Free at the activity's time") }
        return Lift(id: index.members.ids[m], name: index.members.names[m], distanceKm: g.km, reasons: reasons)
    }

    /// The reason an activity shows: "With a lift from June, 600 m away".
    func reason(_ g: Giver) -> String {
        let m = Int(g.member)
        return "With a lift from \(index.members.names[m] ?? index.members.ids[m]), \(Formulas.distanceText(g.km)) away"
    }
}
