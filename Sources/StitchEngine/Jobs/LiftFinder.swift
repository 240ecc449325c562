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
/// activity the nearest of them who is free at one of its sessions gives the lift; ties go to
/// the smaller id.
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

    /// No lifts at all (a plan's placements: see ``Engine/placements(for:limit:profile:)``).
    init(none index: CommunityIndex) {
        self.index = index
        givers = []
    }

    init(index: CommunityIndex, person: PersonFeatures, avoided: Set<Int32>, dismissed: Set<Int32>) {
        self.index = index
        guard person.has(.hasLocation), !person.has(.housebound), let lifts = index.vocabulary.index(of: "lifts"),
            Int(lifts) < index.offerPostings.rowCount
        else {
            givers = []
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
    }

    /// True when nobody could give this person a lift anywhere.
    var isEmpty: Bool { givers.isEmpty }

    /// The nearest lift-giver free at one of the activity's sessions (any, when it has none).
    func giver(for activity: Int) -> Giver? {
        let sessions = index.activities.sessions[activity]
        return givers.first { g in
            let m = Int(g.member)
            if sessions.isEmpty { return true }
            guard index.members.availability.isKnown[m] else { return false }
            return (index.activities.bestCoverage(activity) { index.members.availability.overlapMinutes(row: m, with: $0) } ?? 0) > 0
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
