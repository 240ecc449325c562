public import StitchModel

/// Adversarial random communities for property tests: every field varied, including the awkward
/// cases (unknown locations, no availability, housebound members, full activities, avoid lists,
/// access needs, age limits, online activities, languages with and without an interpreter,
/// costs and cost limits, DBS checks of every level, date and kind, stated genders and helper
/// gender preferences, pets, smoking and visit limits), drawn from a seed.
public enum RandomCommunity {
    public static func make(seed: UInt64, members memberCount: Int, activities activityCount: Int, skills: [String]) -> Community {
        var rng = SplitMix64(seed: seed)
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        func pick<T>(_ items: [T], _ n: ClosedRange<Int>) -> [T] {
            let count = Int.random(in: n, using: &rng)
            return (0..<count).map { _ in items.randomElement(using: &rng)! }
        }
        func location() -> Location? {
            chance(0.05) ? nil : Location(lat: 51.45 + Double.random(in: -0.04...0.04, using: &rng), lon: -0.02 + Double.random(in: -0.06...0.06, using: &rng))
        }
        func slots(_ n: ClosedRange<Int>) -> [Slot] {
            (0..<Int.random(in: n, using: &rng)).compactMap { _ in
                let day = Weekday.allCases.randomElement(using: &rng)!
                let start = Int.random(in: 28...80, using: &rng)
                let length = Int.random(in: 2...16, using: &rng)
                return Slot(day: day, start: TimeOfDay(minutes: start * 15)!, end: TimeOfDay(minutes: min(96, start + length) * 15)!)
            }
        }
        let access = AccessTerm.allCases
        let groups = ["g-a", "g-b", "g-c", "g-d", "g-e", "g-f"]
        var members: [Member] = []
        for i in 0..<memberCount {
            members.append(
                Member(
                    id: "m-\(i)", offers: pick(skills, 0...4), interests: pick(skills, 0...3), needs: pick(skills, 0...2),
                    experiences: chance(0.2) ? pick(["diabetes", "bereavement", "caring"], 1...1) : [],
                    availability: chance(0.15) ? [] : slots(1...4), location: location(),
                    travelKm: chance(0.1) ? nil : Double.random(in: 0.3...6, using: &rng), homeVisits: chance(0.4),
                    housebound: chance(0.07), accessNeeds: chance(0.2) ? pick(access, 1...2) : [], dbsChecked: chance(0.3),
                    birthYear: chance(0.1) ? nil : Int.random(in: 1930...2008, using: &rng), groups: pick(groups, 0...2),
                    wellbeing: chance(0.2) ? nil : FiveWays(
                        connect: Double.random(in: 0...1, using: &rng), beActive: Double.random(in: 0...1, using: &rng),
                        keepLearning: Double.random(in: 0...1, using: &rng), takeNotice: Double.random(in: 0...1, using: &rng),
                        give: Double.random(in: 0...1, using: &rng)),
                    active: !chance(0.05)))
        }
        for i in 0..<memberCount where chance(0.05) && memberCount > 1 {
            let j = Int.random(in: 0..<memberCount, using: &rng)
            if j != i, !members[i].avoid.contains("m-\(j)") { members[i].avoid.append("m-\(j)") }
        }
        var activities: [Activity] = []
        for i in 0..<activityCount {
            let capacity: Int? = chance(0.2) ? nil : Int.random(in: 1...20, using: &rng)
            let lo: Int? = chance(0.2) ? Int.random(in: 16...60, using: &rng) : nil
            activities.append(
                Activity(
                    id: "a-\(i)", name: "Activity \(i)", topics: pick(skills, 1...3),
                    wellbeing: Array(Set(pick(WellbeingWay.allCases, 0...3))).sorted { $0.rawValue < $1.rawValue },
                    schedule: chance(0.1) ? [] : slots(1...2), location: location(), online: chance(0.1), capacity: capacity,
                    enrolled: capacity.map { Int.random(in: 0...$0, using: &rng) } ?? Int.random(in: 0...30, using: &rng),
                    access: chance(0.7) ? pick(access, 0...4) : [], ageMin: lo,
                    ageMax: chance(0.15) ? (lo ?? 18) + Int.random(in: 5...50, using: &rng) : nil, buddyWelcome: chance(0.9),
                    groups: pick(groups, 0...1)))
        }
        var exchanges: [Exchange] = []
        for i in 0..<(memberCount * 3) where memberCount > 1 {
            let g = Int.random(in: 0..<memberCount, using: &rng)
            var r = Int.random(in: 0..<memberCount, using: &rng)
            if r == g { r = (g + 1) % memberCount }
            exchanges.append(
                Exchange(
                    id: "x-\(i)", giver: "m-\(g)", receiver: "m-\(r)", hours: Double(Int.random(in: 1...8, using: &rng)) / 2,
                    date: CalendarDate(year: 2026, month: 1, day: 1)!.adding(days: Int.random(in: 0...300, using: &rng))))
        }
        var attendance: [Attendance] = []
        if activityCount > 0 {
            for i in 0..<memberCount where chance(0.4) {
                attendance.append(Attendance(member: "m-\(i)", activity: "a-\(Int.random(in: 0..<activityCount, using: &rng))"))
            }
        }
        addLanguagesCostsAndChecks(seed: seed, members: &members, activities: &activities)
        addDoorFacts(seed: seed, members: &members)
        return Community(members: members, activities: activities, exchanges: exchanges, attendance: attendance)
    }

    /// Languages, interpreters, cost limits, costs and DBS checks, drawn from a stream of their
    /// own so that the rest of each community is what it was before these fields existed.
    static func addLanguagesCostsAndChecks(seed: UInt64, members: inout [Member], activities: inout [Activity]) {
        var rng = SplitMix64(seed: seed ^ 0x6c61_6e67_7561_6765)
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        let languages = ["en", "so", "tw", "pl", "yo", "TR"]
        func someLanguages() -> [String] {
            guard !chance(0.3) else { return [] }
            var out: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let code = languages.randomElement(using: &rng)!
                if !out.contains(code) { out.append(code) }
            }
            return out
        }
        let levels = DBSLevel.allCases
        for i in members.indices {
            members[i].languages = someLanguages()
            members[i].interpreter = chance(0.15)
            members[i].maxCost = chance(0.2) ? (chance(0.5) ? 0 : Double(Int.random(in: 1...8, using: &rng))) : nil
            if members[i].dbsChecked, !chance(0.2) {
                // Checked between 2021 and 2026: some expired on the 2026 reference dates, some not.
                let checked = CalendarDate(year: 2021, month: 1, day: 1)!.adding(days: Int.random(in: 0...(365 * 5 + 200), using: &rng))
                members[i].dbs = DBSCheck(checked: checked, level: levels.randomElement(using: &rng)!, updateService: chance(0.2))
            }
        }
        for i in activities.indices {
            activities[i].languages = chance(0.25) ? someLanguages() : []
            activities[i].cost = chance(0.2) ? nil : (chance(0.4) ? 0 : Double(Int.random(in: 1...12, using: &rng)) / 2 + 0.5)
        }
    }

    /// Genders, helper-gender preferences, homes (pets, smoking) and visit limits (allergies,
    /// smoke-free), from a stream of their own so that the rest of each community is unchanged.
    static func addDoorFacts(seed: UInt64, members: inout [Member]) {
        var rng = SplitMix64(seed: seed ^ 0x646f_6f72)
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        func pets() -> [Pet] { (0..<Int.random(in: 1...2, using: &rng)).map { _ in Pet.allCases.randomElement(using: &rng)! } }
        for i in members.indices {
            members[i].gender = chance(0.3) ? nil : Gender.allCases.randomElement(using: &rng)!
            members[i].helperGender = chance(0.2) ? Gender.allCases.randomElement(using: &rng)! : nil
            if chance(0.3) { members[i].home = HomeFacts(pets: chance(0.7) ? pets() : [], smoking: chance(0.3)) }
            if chance(0.3) { members[i].visitLimits = VisitLimits(allergies: chance(0.7) ? pets() : [], smokeFree: chance(0.4)) }
        }
    }
}
