import StitchModel

/// Buddies who fit the person, and lifts that widen reach.
///
/// Layla, a young mother who survived domestic abuse, is referred to the Deptford Mums' Morning.
/// Two mums who go there live on the same estate, a few streets from her: Carla (the smaller id)
/// and Rania, who has lived what Layla has lived, enjoys knitting and baking as she does, and is
/// close to her in age. Both know the group and are free then, so only their fit with Layla sets
/// them apart. Wendy travels 1 km at most; the Blackheath Community Choir she would love meets
/// 1.6 km away, and Des, 600 m from her, gives lifts on Wednesday evenings.
extension ScenarioCast {
    static var buddyMembers: [Member] {
        [
            // Referred after leaving an abusive home with her toddler.
            Member(
                id: "m-layla", name: "Layla", interests: ["parenting-support", "knitting", "baking"],
                experiences: ["parent", "domestic-abuse"], availability: [slot(.fri, "09:00", "13:00")],
                location: at(51.4770, -0.0240), travelKm: 2, languages: ["en"], birthYear: 1994,
                groups: ["gp-deptford"], wellbeing: FiveWays(connect: 1, keepLearning: 0.4)),
            // Goes to the Mums' Morning; nothing else in common with Layla.
            Member(
                id: "m-carla", name: "Carla", interests: ["football"], availability: [slot(.fri, "09:00", "13:00")],
                location: at(51.4775, -0.0265), travelKm: 3, languages: ["en"], birthYear: 1970,
                groups: ["deptford-family-hub"], wellbeing: FiveWays(connect: 0.8, give: 0.8)),
            // Same estate as Carla; a mum who survived domestic abuse, knits and bakes.
            Member(
                id: "m-rania", name: "Rania", interests: ["knitting", "baking"], experiences: ["parent", "domestic-abuse"],
                availability: [slot(.fri, "09:00", "13:00")], location: at(51.4775, -0.0265), travelKm: 3,
                languages: ["en"], birthYear: 1991, groups: ["deptford-family-hub"],
                wellbeing: FiveWays(connect: 0.8, give: 0.8)),
            // Loves singing, but walks no further than 1 km.
            Member(
                id: "m-wendy", name: "Wendy", interests: ["choir", "singing"], availability: [slot(.wed, "18:00", "21:00")],
                location: at(51.4560, 0.0120), travelKm: 1, languages: ["en"], birthYear: 1958, groups: ["lee-manor-society"],
                wellbeing: FiveWays(connect: 1, takeNotice: 0.5)),
            // Drives, up to 5 km; free on Wednesday evenings; a basic DBS check in date.
            Member(
                id: "m-des", name: "Des", offers: ["lifts"], availability: [slot(.wed, "18:00", "21:00")],
                location: at(51.4560, 0.0207), travelKm: 5, languages: ["en"], birthYear: 1961, groups: ["lee-manor-society"],
                wellbeing: FiveWays(connect: 0.6, give: 1), dbs: DBSCheck(checked: date("2025-06-01"), level: .basic)),
        ]
    }

    static var buddyActivities: [Activity] {
        [
            Activity(
                id: "a-mums-morning", name: "Deptford Mums' Morning", organisation: "Deptford Family Hub",
                topics: ["parenting-support", "toddler-group"], wellbeing: [.connect, .give],
                schedule: [slot(.fri, "10:00", "12:00")], location: at(51.4782, -0.0262), capacity: 20, enrolled: 8,
                access: [.stepFree], groups: ["deptford-family-hub"]),
            Activity(
                id: "a-blackheath-choir", name: "Blackheath Community Choir", organisation: "Blackheath Singers",
                topics: ["choir", "singing"], wellbeing: [.connect, .keepLearning], schedule: [slot(.wed, "19:00", "20:30")],
                location: at(51.4700, 0.0050), capacity: 40, enrolled: 22, access: [.stepFree], groups: ["blackheath-singers"]),
        ]
    }

    static var buddyAttendance: [Attendance] {
        ["2026-09-04", "2026-09-18", "2026-10-02", "2026-10-16"].flatMap { d in
            [
                Attendance(member: "m-carla", activity: "a-mums-morning", date: date(d)),
                Attendance(member: "m-rania", activity: "a-mums-morning", date: date(d)),
            ]
        }
    }
}
