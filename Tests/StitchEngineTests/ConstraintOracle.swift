import Foundation
import StitchEngine
import StitchModel

/// An independent statement of the hard constraints, written from the community's records with
/// none of the engine's code, to check every ranked answer against.
struct ConstraintOracle {
    let community: Community
    let members: [String: Member]
    let activities: [String: Activity]
    let attendees: [String: Set<String>]
    let recentHours: [String: Double]
    let today: CalendarDate
    let configuration: EngineConfiguration

    init(_ community: Community, engine: Engine) {
        self.community = community
        members = Dictionary(uniqueKeysWithValues: community.members.map { ($0.id, $0) })
        activities = Dictionary(uniqueKeysWithValues: community.activities.map { ($0.id, $0) })
        var attendees: [String: Set<String>] = [:]
        for a in community.attendance { attendees[a.activity, default: []].insert(a.member) }
        self.attendees = attendees
        today = engine.referenceDate
        configuration = engine.configuration
        var recent: [String: Double] = [:]
        for x in community.exchanges {
            if let d = x.date, today.dayNumber - d.dayNumber < configuration.overloadWindowDays, d <= today {
                recent[x.giver, default: 0] += x.hours
            }
        }
        recentHours = recent
    }

    static func haversineKm(_ a: Location, _ b: Location) -> Double {
        let r = 6371.0088
        let p1 = a.lat * .pi / 180, p2 = b.lat * .pi / 180
        let dp = p2 - p1, dl = (b.lon - a.lon) * .pi / 180
        let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }

    /// Minutes two slot lists share, at 15-minute resolution (each slot widened to whole quarters).
    static func overlapMinutes(_ a: [Slot], _ b: [Slot]) -> Int {
        func quarters(_ slots: [Slot]) -> Set<Int> {
            var out = Set<Int>()
            for s in slots {
                for q in (s.start.minutes / 15)..<((s.end.minutes + 14) / 15) { out.insert(s.day.index * 96 + q) }
            }
            return out
        }
        return quarters(a).intersection(quarters(b)).count * 15
    }

    static func meets(_ needs: [AccessTerm], _ features: [AccessTerm]) -> Bool {
        let met = Set(features + features.flatMap(\.implies))
        return needs.allSatisfy { met.contains($0) }
    }

    func avoids(_ a: String, _ b: String) -> Bool {
        (members[a]?.avoid.contains(b) ?? false) || (members[b]?.avoid.contains(a) ?? false)
    }

    /// True when both sides state languages, share none (ignoring case), and no interpreter is accepted.
    static func noLanguage(_ person: [String], _ other: [String], interpreter: Bool) -> Bool {
        let p = Set(person.map { $0.lowercased() }), o = Set(other.map { $0.lowercased() })
        return !p.isEmpty && !o.isEmpty && p.isDisjoint(with: o) && !interpreter
    }

    /// Whether a helper's DBS check meets a request on the day judged, written from the rules:
    /// the level asked or above (unknown level meets any), and issued less than the period ago
    /// unless on the Update Service (unknown date never expires).
    func dbsPasses(_ helper: Member, _ request: HelpRequest) -> Bool {
        guard let check = helper.dbs else { return false }
        let order: [DBSLevel] = [.basic, .standard, .enhanced]
        if let level = check.level, order.firstIndex(of: level)! < order.firstIndex(of: request.dbsLevel ?? .enhanced)! { return false }
        guard let checked = check.checked, !check.updateService else { return true }
        let day = request.date ?? today
        let (y, m, d) = checked.components
        let expiry = CalendarDate(year: y + configuration.dbsValidYears, month: m, day: d)
            ?? CalendarDate(year: y + configuration.dbsValidYears, month: m, day: d - 1)!
        return day < expiry
    }

    /// The skills given at home or as close personal help (docs/scoring.md, Who comes to the door).
    static let personalHelp: Set<String> = [
        "befriending", "sitting-service", "cleaning", "laundry", "decluttering", "hairdressing", "hand-and-nail-care", "massage",
        "reflexology",
    ]

    /// The `gender` or `home` constraint a visiting helper breaks: the gender asked (the
    /// request's, else the person's own preference) not the helper's stated one; a pet at home
    /// the helper is allergic to; smoking at home and a helper asking for smoke-free homes.
    static func brokenVisit(person: Member?, asked: Gender?, helper: Member) -> String? {
        if let wanted = asked ?? person?.helperGender, helper.gender != wanted { return "gender" }
        let pets = Set(person?.home?.pets ?? []), allergies = Set(helper.visitLimits?.allergies ?? [])
        if !pets.isDisjoint(with: allergies) { return "home" }
        if person?.home?.smoking == true, helper.visitLimits?.smokeFree == true { return "home" }
        return nil
    }

    func travel(_ m: Member) -> Double { m.travelKm ?? configuration.defaultTravelKm }

    func age(_ m: Member) -> Int? { m.birthYear.map { today.year - $0 } }

    func inAgeRange(_ m: Member, _ a: Activity) -> Bool {
        guard let age = age(m) else { return true }
        return (a.ageMin.map { age >= $0 } ?? true) && (a.ageMax.map { age <= $0 } ?? true)
    }

    /// Every hard constraint a helper must meet for a request; the first broken one, if any.
    func brokenHelperConstraint(_ helper: Member, _ request: HelpRequest) -> String? {
        let requester = request.requester.flatMap { members[$0] }
        if helper.id == request.requester { return "self" }
        if !helper.active { return "inactive" }
        if let requester, avoids(requester.id, helper.id) { return "safeguarding" }
        if request.requiresDBS && !dbsPasses(helper, request) { return "dbs" }
        if (request.atHome || requester?.housebound == true) && !helper.homeVisits { return "homeVisits" }
        if let place = request.location ?? requester?.location, let home = helper.location,
            Self.haversineKm(place, home) > travel(helper) + 1e-9
        {
            return "distance"
        }
        if !request.when.isEmpty || !request.whenDated.isEmpty {
            // A dated time counts on its weekday, and not on a day the helper is away.
            let dated = request.whenDated.filter { time in !helper.away.contains { $0.from <= time.date && time.date <= $0.to } }
            let asked = request.when + dated.map { Slot(day: $0.date.weekday, start: $0.start, end: $0.end)! }
            if asked.isEmpty { return "availability" }
            if !helper.availability.isEmpty, Self.overlapMinutes(helper.availability, asked) == 0 { return "availability" }
        }
        let visit = request.atHome || requester?.housebound == true || Self.personalHelp.contains(request.skill)
        if visit, let broken = Self.brokenVisit(person: requester, asked: request.helperGender, helper: helper) { return broken }
        if recentHours[helper.id, default: 0] > configuration.overloadHours { return "overload" }
        if let requester, Self.noLanguage(requester.languages, helper.languages, interpreter: request.interpreter || requester.interpreter) {
            return "language"
        }
        return nil
    }

    /// Every hard constraint an activity must meet for a referred person.
    ///
    /// - Parameter lift: the lift the answer gives; an activity beyond the person's travel radius
    ///   passes `distance` only with a lift that breaks none of its own constraints.
    func brokenActivityConstraint(_ person: Member, _ activity: Activity, referral: Referral? = nil, lift: Lift? = nil) -> String? {
        if let left = activity.remainingPlaces, left == 0 { return "capacity" }
        if !activity.online, !Self.meets(person.accessNeeds, activity.access) { return "access" }
        if !activity.online {
            if person.housebound { return "distance" }
            if let p = person.location, let a = activity.location, Self.haversineKm(p, a) > travel(person) + 1e-9 {
                guard let lift, let giver = members[lift.id] else { return "distance" }
                if let broken = brokenLiftConstraint(giver, person: person, activity: activity) { return "lift " + broken }
            } else if lift != nil {
                return "lift to an activity within reach"
            }
        }
        if !inAgeRange(person, activity) { return "age" }
        if attendees[activity.id, default: []].contains(where: { avoids(person.id, $0) }) { return "safeguarding" }
        if activity.schedule.isEmpty, !activity.datedSessions.isEmpty {
            // Only dated sessions: over when all are before today; not attendable when the person
            // is away on the day of each one to come.
            let upcoming = activity.datedSessions.filter { $0.date >= today }
            if upcoming.isEmpty { return "availability" }
            if upcoming.allSatisfy({ time in person.away.contains { $0.from <= time.date && time.date <= $0.to } }) { return "availability" }
        }
        if let limit = referral?.maxCost ?? person.maxCost, let cost = activity.cost, cost > limit { return "cost" }
        if Self.noLanguage(person.languages, activity.languages, interpreter: person.interpreter || (referral?.interpreter ?? false)) {
            return "language"
        }
        return nil
    }

    /// The names the taxonomy gives lifts (its id and synonyms).
    static let liftTerms: Set<String> = ["lifts", "lift", "lift to hospital", "driving", "car share", "giving lifts", "transport to appointments", "driver"]

    /// Every constraint a lift-giver must meet for a person and an activity.
    func brokenLiftConstraint(_ giver: Member, person: Member, activity: Activity) -> String? {
        if !giver.offers.contains(where: { Self.liftTerms.contains($0.lowercased()) }) { return "offers no lifts" }
        if giver.id == person.id { return "self" }
        if !giver.active { return "inactive" }
        if avoids(giver.id, person.id) { return "safeguarding" }
        if person.housebound { return "housebound" }
        guard let g = giver.location, let p = person.location, Self.haversineKm(g, p) <= travel(giver) + 1e-9 else { return "distance" }
        // They drive to the activity too: it lies within their own travel radius of their home.
        guard let a = activity.location, Self.haversineKm(g, a) <= travel(giver) + 1e-9 else { return "distance to the activity" }
        if !dbsPasses(giver, HelpRequest(skill: "lifts", requiresDBS: true, dbsLevel: .basic)) { return "dbs" }
        if Self.noLanguage(person.languages, giver.languages, interpreter: false) { return "language" }
        if !activity.schedule.isEmpty, giver.availability.isEmpty || Self.overlapMinutes(giver.availability, activity.schedule) == 0 {
            return "availability"
        }
        return nil
    }

    /// Every hard constraint a buddy must meet.
    func brokenBuddyConstraint(_ buddy: Member, person: Member, activity: Activity, interpreter: Bool = false) -> String? {
        if buddy.id == person.id { return "self" }
        if !buddy.active { return "inactive" }
        if avoids(buddy.id, person.id) { return "safeguarding" }
        if !activity.online, !Self.meets(buddy.accessNeeds, activity.access) { return "access" }
        if !activity.online, buddy.housebound { return "distance" }
        if let b = buddy.location, let p = person.location, Self.haversineKm(b, p) > travel(buddy) + 1e-9 { return "distance" }
        if !activity.online, let b = buddy.location, let a = activity.location, Self.haversineKm(b, a) > travel(buddy) + 1e-9 {
            return "distance"
        }
        if !inAgeRange(buddy, activity) { return "age" }
        let upcoming = activity.datedSessions.filter { $0.date >= today }
        if activity.schedule.isEmpty, !upcoming.isEmpty,
            upcoming.allSatisfy({ time in buddy.away.contains { $0.from <= time.date && time.date <= $0.to } })
        {
            return "availability"
        }
        let attends = attendees[activity.id, default: []].contains(buddy.id)
        if !attends, !activity.schedule.isEmpty, buddy.availability.isEmpty || Self.overlapMinutes(buddy.availability, activity.schedule) == 0 {
            return "availability"
        }
        if recentHours[buddy.id, default: 0] > configuration.overloadHours { return "overload" }
        if Self.noLanguage(person.languages, buddy.languages, interpreter: person.interpreter || interpreter) { return "language" }
        return nil
    }

    /// Hard constraints of a chance to give: a need of another member, or an activity.
    func brokenGiveConstraint(_ giver: Member, _ match: Match) -> String? {
        if match.kind == .need {
            guard let other = members[match.id] else { return "unknown" }
            if other.id == giver.id { return "self" }
            if !other.active { return "inactive" }
            if avoids(giver.id, other.id) { return "safeguarding" }
            if other.housebound && !giver.homeVisits { return "homeVisits" }
            let skill = match.skill.map { $0.lowercased().replacingOccurrences(of: " ", with: "-") } ?? ""
            if other.housebound || Self.personalHelp.contains(skill),
                let broken = Self.brokenVisit(person: other, asked: nil, helper: giver)
            {
                return broken
            }
            if let g = giver.location, let o = other.location, giver.housebound || Self.haversineKm(g, o) > travel(giver) + 1e-9 {
                return "distance"
            }
            if !giver.availability.isEmpty, !other.availability.isEmpty, Self.overlapMinutes(giver.availability, other.availability) == 0 {
                return "availability"
            }
            if Self.noLanguage(other.languages, giver.languages, interpreter: other.interpreter) { return "language" }
            return nil
        }
        guard let activity = activities[match.id] else { return "unknown" }
        if !activity.online, !Self.meets(giver.accessNeeds, activity.access) { return "access" }
        if !activity.online, let g = giver.location, let a = activity.location, giver.housebound || Self.haversineKm(g, a) > travel(giver) + 1e-9 {
            return "distance"
        }
        if !inAgeRange(giver, activity) { return "age" }
        if attendees[activity.id, default: []].contains(where: { avoids(giver.id, $0) }) { return "safeguarding" }
        return nil
    }
}
