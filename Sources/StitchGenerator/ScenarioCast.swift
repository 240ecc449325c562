public import StitchModel

/// The people of the field scenarios, with the distractors around them.
///
/// Bee, the Rushey Green befriender, Maud (dystonia), Kathy, Pete and Vera come from published
/// accounts of UK time banks; each stands among people and activities that are close but wrong
/// for a stated reason (not free then, too far, no step-free access, full, already tied), so
/// that a good answer has to get the reason right. Ids start with `m-` and `a-`; exchanges with
/// `x-cast-`. Nothing in the engine knows these ids.
public enum ScenarioCast {
    /// The cast as a community: members, activities, exchanges and attendance.
    public static var community: Community {
        Community(
            members: members + ledgerMembers, activities: activities, exchanges: exchanges, attendance: attendance,
            accounts: ledgerAccounts, ledger: ledger)
    }

    static func at(_ lat: Double, _ lon: Double) -> Location { Location(lat: lat, lon: lon)! }
    static func slot(_ day: Weekday, _ start: String, _ end: String) -> Slot { Slot(day, start, end)! }
    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static var members: [Member] {
        [
            // 1. Bee: ward time bank, low energy, poetry, gentle gardening, trains staff.
            Member(
                id: "m-bee", name: "Bee", offers: ["staff-training", "hosting-gatherings", "poetry"],
                interests: ["poetry", "gentle-gardening", "dog-walking"], experiences: ["mental-health-recovery"],
                availability: [slot(.mon, "14:00", "16:00"), slot(.wed, "13:00", "17:00"), slot(.fri, "10:00", "12:00")],
                location: at(51.4452, -0.0209), travelKm: 3, birthYear: 1976, groups: ["slam-ward"],
                wellbeing: FiveWays(connect: 1, beActive: 0.2, keepLearning: 0.4, takeNotice: 1, give: 0.8)),
            Member(
                id: "m-nadia", name: "Nadia", offers: ["befriending", "poetry"], interests: ["poetry"],
                availability: [slot(.mon, "14:00", "16:00")], location: at(51.4548, -0.0172), travelKm: 2,
                birthYear: 1984, groups: ["slam-ward"], wellbeing: FiveWays(connect: 0.8, give: 0.6)),
            Member(
                id: "m-leon", name: "Leon", interests: ["poetry"], needs: ["creative-writing"],
                availability: [slot(.wed, "14:00", "16:00")], location: at(51.4470, -0.0230), travelKm: 2,
                birthYear: 1990, groups: ["gp-rushey-green"]),

            // 2. A Rushey Green member, 72: befriends, accompanies people to hospital.
            Member(
                id: "m-june", name: "June", offers: ["befriending", "accompanying", "prescription-collection", "cooking"],
                interests: ["knitting"], availability: [slot(.tue, "09:00", "13:00"), slot(.thu, "10:00", "15:00")],
                location: at(51.4542, -0.0209), travelKm: 3, homeVisits: true, dbsChecked: true, birthYear: 1954,
                groups: ["rgtb", "gp-rushey-green"], wellbeing: FiveWays(connect: 0.9, give: 1)),
            Member(
                id: "m-arthur", name: "Arthur", needs: ["accompanying", "shopping"], availability: [slot(.tue, "09:00", "12:00")],
                location: at(51.4452, -0.0180), travelKm: 1, birthYear: 1941, groups: ["gp-rushey-green"], avoid: ["m-sam"]),
            // Closer than June but never free on Tuesday mornings.
            Member(
                id: "m-colin", name: "Colin", offers: ["accompanying", "lifts"],
                availability: [slot(.tue, "14:00", "17:00"), slot(.wed, "09:00", "12:00")], location: at(51.4462, -0.0185),
                travelKm: 4, homeVisits: true, birthYear: 1968, groups: ["gp-rushey-green"]),
            // Free and close, but Arthur has asked never to be matched with him.
            Member(
                id: "m-sam", name: "Sam", offers: ["accompanying"], availability: [slot(.tue, "09:00", "13:00")],
                location: at(51.4458, -0.0190), travelKm: 3, birthYear: 1979, groups: ["rgtb"]),
            // Offers accompanying but has left the time bank.
            Member(
                id: "m-olive", name: "Olive", offers: ["accompanying"], availability: [slot(.tue, "09:00", "13:00")],
                location: at(51.4455, -0.0200), travelKm: 3, birthYear: 1950, groups: ["rgtb"], active: false),

            // 3. Maud, 76, dystonia: seated knitting close to home, a short travel radius.
            Member(
                id: "m-maud", name: "Maud", offers: ["knitting"], interests: ["knitting", "discussion-group"],
                availability: [slot(.tue, "10:00", "16:00"), slot(.thu, "10:00", "16:00")], location: at(51.4330, 0.0000),
                travelKm: 0.8, accessNeeds: [.seated, .stepFree], birthYear: 1950, groups: ["gp-downham"],
                wellbeing: FiveWays(connect: 1, keepLearning: 0.6, takeNotice: 0.3, give: 0.5)),
            // Goes to Knit and Natter and lives round the corner from Maud.
            Member(
                id: "m-ada", name: "Ada", offers: ["knitting", "befriending"], interests: ["knitting", "crafts"],
                availability: [slot(.thu, "13:00", "17:00")], location: at(51.4338, 0.0018), travelKm: 2, birthYear: 1958,
                groups: ["gp-downham", "st-johns-church"], wellbeing: FiveWays(connect: 0.8, give: 0.9)),
            // Also goes to Knit and Natter, but lives too far from Maud to call for her.
            Member(
                id: "m-ruth", name: "Ruth", offers: ["knitting"], interests: ["knitting"],
                availability: [slot(.thu, "13:00", "17:00")], location: at(51.4480, 0.0150), travelKm: 2.5, birthYear: 1962,
                groups: ["gp-lee"]),

            // 4. Kathy, 35: wheelchair user, paints, passionate about the environment.
            Member(
                id: "m-kathy", name: "Kathy", offers: ["painting"], interests: ["painting", "environmental-volunteering"],
                availability: [slot(.tue, "10:00", "16:00"), slot(.sat, "10:00", "16:00")], location: at(51.4640, -0.0370),
                travelKm: 5, accessNeeds: [.wheelchair], birthYear: 1991, groups: ["gp-honor-oak"],
                wellbeing: FiveWays(connect: 0.6, beActive: 0.4, keepLearning: 0.5, takeNotice: 0.7, give: 1)),
            Member(
                id: "m-tomasz", name: "Tomasz", interests: ["painting"], needs: ["painting"],
                availability: [slot(.sat, "10:00", "13:00")], location: at(51.4610, -0.0330), travelKm: 3, birthYear: 1999,
                groups: ["gp-honor-oak"]),

            // 5. Pete, 45: thirty years with diabetes, supports the newly diagnosed.
            Member(
                id: "m-pete", name: "Pete", offers: ["peer-support", "golf"], interests: ["golf"], experiences: ["diabetes"],
                availability: [slot(.mon, "18:00", "21:00"), slot(.sat, "09:00", "12:00")], location: at(51.4613, -0.0106),
                travelKm: 5, birthYear: 1981, groups: ["gp-lee"], wellbeing: FiveWays(connect: 0.7, beActive: 0.8, give: 0.9)),
            Member(
                id: "m-nikhil", name: "Nikhil", needs: ["peer-support-diabetes"], availability: [slot(.mon, "18:00", "20:00")],
                location: at(51.4630, -0.0080), travelKm: 3, birthYear: 1987, groups: ["gp-lee"]),
            // Lists befriending: kind, but no shared experience of diabetes.
            Member(
                id: "m-grace", name: "Grace", offers: ["befriending", "telephone-befriending"],
                availability: [slot(.mon, "17:00", "21:00")], location: at(51.4620, -0.0100), travelKm: 4, birthYear: 1972,
                groups: ["gp-lee"], wellbeing: FiveWays(connect: 1, give: 1)),

            // 6. Vera, 78: sheltered housing, church flowers, baking, toddler mornings.
            Member(
                id: "m-vera", name: "Vera", offers: ["baking", "church-flowers"], interests: ["toddler-group", "baking"],
                needs: ["befriending"], availability: [slot(.tue, "09:30", "12:00"), slot(.fri, "09:30", "12:00")],
                location: at(51.4500, -0.0450), travelKm: 1.5, birthYear: 1948, groups: ["sh-cedar-court", "st-marys-church"],
                wellbeing: FiveWays(connect: 1, takeNotice: 0.5, give: 0.8)),
            // Her neighbour in the scheme, already tied to her by exchanges.
            Member(
                id: "m-edith", name: "Edith", offers: ["befriending", "baking"], interests: ["baking"],
                availability: [slot(.tue, "09:00", "12:00")], location: at(51.4501, -0.0452), travelKm: 1, birthYear: 1944,
                groups: ["sh-cedar-court"]),
            // A young parent nearby who has never met her.
            Member(
                id: "m-jade", name: "Jade", offers: ["befriending", "computer-help"], interests: ["toddler-group"],
                needs: ["baking"], availability: [slot(.tue, "09:30", "12:00")], location: at(51.4550, -0.0400), travelKm: 2,
                birthYear: 1997, groups: ["lewisham-parents"], wellbeing: FiveWays(connect: 1, give: 0.6)),

            // 7. Hodan, 68, speaks Somali only and needs help with her shopping; no interpreter asked for.
            Member(
                id: "m-hodan", name: "Hodan", interests: ["cooking", "coffee-morning"], needs: ["shopping"],
                availability: [slot(.wed, "10:00", "13:00"), slot(.sat, "10:00", "13:00")], location: at(51.4290, -0.0240),
                travelKm: 1.5, languages: ["so"], birthYear: 1958, groups: ["gp-bellingham"],
                wellbeing: FiveWays(connect: 1, takeNotice: 0.4)),
            // Speaks Somali and English; an enhanced DBS check in date.
            Member(
                id: "m-abdi", name: "Abdi", offers: ["shopping", "lifts"], availability: [slot(.wed, "09:00", "14:00")],
                location: at(51.4305, -0.0215), travelKm: 3, homeVisits: true, languages: ["so", "en"], birthYear: 1980,
                groups: ["somali-community-association"], wellbeing: FiveWays(connect: 0.7, give: 0.9),
                dbs: DBSCheck(checked: date("2025-02-03"), level: .enhanced)),
            // Speaks English first and Somali too; a standard check kept current by the Update Service.
            Member(
                id: "m-ifrah", name: "Ifrah", offers: ["shopping", "cooking"], availability: [slot(.sat, "09:00", "13:00")],
                location: at(51.4275, -0.0260), travelKm: 2, languages: ["en", "so"], birthYear: 1993,
                groups: ["somali-community-association"], wellbeing: FiveWays(connect: 0.8, give: 0.7),
                dbs: DBSCheck(checked: date("2021-04-12"), level: .standard, updateService: true)),
            // Closest of all and free on Wednesdays, but speaks only English, and his enhanced check
            // (16 May 2022) expired on 16 May 2025.
            Member(
                id: "m-gordon", name: "Gordon", offers: ["shopping"], availability: [slot(.wed, "09:00", "17:00")],
                location: at(51.4292, -0.0236), travelKm: 3, homeVisits: true, languages: ["en"], birthYear: 1952,
                groups: ["gp-bellingham"], dbs: DBSCheck(checked: date("2022-05-16"), level: .enhanced)),

            // 8. Precious, 29, a carer on a low income: free activities only.
            Member(
                id: "m-precious", name: "Precious", interests: ["yoga", "swimming"],
                availability: [slot(.sat, "09:00", "12:00"), slot(.sun, "14:00", "17:00")], location: at(51.4260, -0.0300),
                travelKm: 2, languages: ["en", "tw"], birthYear: 1997, groups: ["gp-bellingham"],
                wellbeing: FiveWays(connect: 0.5, beActive: 1, takeNotice: 0.6), maxCost: 0),
        ] + oneToOneMembers + datesMembers + doorMembers + buddyMembers
    }

    static var activities: [Activity] {
        [
            Activity(
                id: "a-poetry-afternoon", name: "Poetry Afternoon at Catford Library", organisation: "Lewisham Libraries",
                topics: ["poetry", "creative-writing"], wellbeing: [.connect, .takeNotice, .keepLearning],
                schedule: [slot(.wed, "14:00", "16:00")], location: at(51.4440, -0.0190), capacity: 15, enrolled: 8,
                access: [.stepFree, .wheelchair, .hearingLoop], groups: ["lewisham-libraries"]),
            Activity(
                id: "a-ward-poetry", name: "Ward Poetry Group", organisation: "Ladywell Unit Time Bank", topics: ["poetry"],
                wellbeing: [.connect, .takeNotice], schedule: [slot(.mon, "14:00", "15:00")], location: at(51.4550, -0.0170),
                capacity: 10, enrolled: 4, access: [.stepFree], groups: ["slam-ward"]),
            Activity(
                id: "a-allotment", name: "Ladywell Fields Gentle Gardening", organisation: "Ladywell Allotment Society",
                topics: ["gentle-gardening", "gardening"], wellbeing: [.takeNotice, .beActive, .connect, .give],
                schedule: [slot(.wed, "13:30", "16:00")], location: at(51.4530, -0.0200), capacity: 12, enrolled: 7,
                access: [.stepFree, .seated], groups: ["ladywell-allotments"]),
            Activity(
                id: "a-bootcamp", name: "Mountsfield Park Bootcamp", organisation: "Fit Catford", topics: ["fitness-class"],
                wellbeing: [.beActive], schedule: [slot(.sat, "08:00", "09:00")], location: at(51.4460, -0.0080),
                capacity: 25, enrolled: 12, cost: 5, ageMax: 65, groups: ["fit-catford"]),
            Activity(
                id: "a-staff-induction", name: "Lived Experience Session for New Ward Staff",
                organisation: "South London and Maudsley", topics: ["staff-training"], wellbeing: [.give, .connect],
                schedule: [slot(.wed, "13:30", "15:30")], location: at(51.4552, -0.0172), capacity: 4, enrolled: 1,
                access: [.stepFree], groups: ["slam-ward"]),
            Activity(
                id: "a-knit-natter", name: "Knit and Natter", organisation: "Rushey Green Time Bank",
                topics: ["knitting", "crafts"], wellbeing: [.connect, .keepLearning, .give],
                schedule: [slot(.thu, "14:00", "16:00")], location: at(51.4352, 0.0028), capacity: 12, enrolled: 9,
                access: [.stepFree, .seated, .groundFloor], groups: ["rgtb"]),
            Activity(
                id: "a-knit-far", name: "Sydenham Knitting Circle", organisation: "Sydenham Library Friends",
                topics: ["knitting"], wellbeing: [.connect, .keepLearning], schedule: [slot(.tue, "14:00", "16:00")],
                location: at(51.4270, -0.0540), capacity: 15, enrolled: 6, access: [.stepFree, .seated],
                groups: ["sydenham-library"]),
            Activity(
                id: "a-knit-full", name: "Downham Yarn Club", organisation: "Downham Nutrition Partnership",
                topics: ["knitting"], wellbeing: [.connect], schedule: [slot(.tue, "13:00", "15:00")],
                location: at(51.4322, 0.0042), capacity: 10, enrolled: 10, access: [.stepFree, .seated], groups: ["dnp"]),
            Activity(
                id: "a-conversation-cafe", name: "Conversation Café", organisation: "Downham Library",
                topics: ["discussion-group"], wellbeing: [.connect, .keepLearning, .takeNotice],
                schedule: [slot(.tue, "11:00", "12:30")], location: at(51.4335, 0.0048), capacity: 14, enrolled: 6,
                access: [.stepFree, .seated, .hearingLoop], groups: ["lewisham-libraries"]),
            Activity(
                id: "a-art-upstairs", name: "Brockley Life Painting Class", organisation: "Brockley Art Rooms",
                topics: ["painting", "drawing"], wellbeing: [.keepLearning, .takeNotice],
                schedule: [slot(.tue, "13:00", "15:00")], location: at(51.4622, -0.0352), capacity: 12, enrolled: 5,
                access: [], cost: 6, groups: ["brockley-art-rooms"]),
            Activity(
                id: "a-green-gym", name: "Hilly Fields Conservation Volunteers", organisation: "Lewisham Green Gym",
                topics: ["environmental-volunteering", "gardening"], wellbeing: [.give, .beActive, .takeNotice, .connect],
                schedule: [slot(.sat, "10:00", "13:00")], location: at(51.4590, -0.0290), capacity: 20, enrolled: 11,
                access: [.wheelchair, .stepFree, .accessibleToilet], groups: ["lewisham-green-gym"]),
            Activity(
                id: "a-art-studio", name: "Community Art Studio", organisation: "Brockley Community Arts",
                topics: ["painting"], wellbeing: [.keepLearning, .give, .connect], schedule: [slot(.sat, "10:30", "12:30")],
                location: at(51.4600, -0.0330), capacity: 10, enrolled: 6, access: [.wheelchair, .stepFree, .accessibleToilet],
                groups: ["brockley-community-arts"]),
            Activity(
                id: "a-toddler-mornings", name: "Toddler Mornings in the Lounge", organisation: "Cedar Court Sheltered Housing",
                topics: ["toddler-group"], wellbeing: [.connect, .give], schedule: [slot(.tue, "10:00", "11:30")],
                location: at(51.4502, -0.0449), capacity: 16, enrolled: 9, access: [.stepFree, .groundFloor],
                groups: ["sh-cedar-court", "lewisham-parents"]),
            Activity(
                id: "a-youth-art", name: "Young Artists Collective", organisation: "Lewisham Youth Service",
                topics: ["painting", "drawing"], wellbeing: [.keepLearning, .connect], schedule: [slot(.fri, "16:00", "18:00")],
                location: at(51.4615, -0.0110), capacity: 15, enrolled: 7, access: [.stepFree], ageMin: 16, ageMax: 25,
                groups: ["lewisham-youth"]),
            // For Hodan: held in Somali, free.
            Activity(
                id: "a-somali-coffee-morning", name: "Somali Women's Coffee Morning",
                organisation: "Somali Community Association", topics: ["coffee-morning", "cooking"], wellbeing: [.connect],
                schedule: [slot(.wed, "10:00", "12:00")], location: at(51.4300, -0.0230), capacity: 20, enrolled: 9,
                access: [.stepFree], cost: 0, groups: ["somali-community-association"], languages: ["so"]),
            // For Precious: yoga, one class at £6 a session (for 18 to 35s) and one free.
            Activity(
                id: "a-bellingham-yoga", name: "Bellingham Leisure Centre Yoga for 18 to 35s",
                organisation: "Bellingham Leisure Centre", topics: ["yoga"], wellbeing: [.beActive, .takeNotice],
                schedule: [slot(.sat, "10:00", "11:00")], location: at(51.4270, -0.0280), capacity: 25, enrolled: 12,
                access: [.stepFree, .wheelchair], cost: 6, ageMin: 18, ageMax: 35, groups: ["bellingham-leisure"]),
            Activity(
                id: "a-park-yoga", name: "Beckenham Place Park Free Yoga", organisation: "Park Yoga Lewisham",
                topics: ["yoga"], wellbeing: [.beActive, .takeNotice, .connect], schedule: [slot(.sun, "15:00", "16:00")],
                location: at(51.4235, -0.0275), cost: 0, groups: ["park-yoga"]),
        ] + datesActivities + buddyActivities
    }

    static var exchanges: [Exchange] {
        [
            Exchange(id: "x-cast-001", giver: "m-edith", receiver: "m-vera", hours: 2, skill: "befriending", date: date("2026-03-10")),
            Exchange(id: "x-cast-002", giver: "m-vera", receiver: "m-edith", hours: 1.5, skill: "baking", date: date("2026-05-22")),
            Exchange(id: "x-cast-003", giver: "m-edith", receiver: "m-vera", hours: 1, skill: "befriending", date: date("2026-09-15")),
            Exchange(id: "x-cast-004", giver: "m-june", receiver: "m-arthur", hours: 2, skill: "prescription-collection", date: date("2026-06-02")),
            Exchange(id: "x-cast-005", giver: "m-june", receiver: "m-leon", hours: 1, skill: "befriending", date: date("2026-08-11")),
            Exchange(id: "x-cast-006", giver: "m-nadia", receiver: "m-bee", hours: 1, skill: "befriending", date: date("2026-02-03")),
            Exchange(id: "x-cast-007", giver: "m-bee", receiver: "m-nadia", hours: 2, skill: "hosting-gatherings", date: date("2026-07-19")),
            Exchange(id: "x-cast-008", giver: "m-ada", receiver: "m-ruth", hours: 1, skill: "knitting", date: date("2026-04-09")),
            Exchange(id: "x-cast-009", giver: "m-grace", receiver: "m-arthur", hours: 1, skill: "telephone-befriending", date: date("2026-10-01")),
            Exchange(id: "x-cast-010", giver: "m-colin", receiver: "m-arthur", hours: 1.5, skill: "lifts", date: date("2026-10-20")),
        ]
    }

    static var attendance: [Attendance] {
        ["2026-09-03", "2026-09-17", "2026-10-01", "2026-10-15"].flatMap { d in
            [
                Attendance(member: "m-bee", activity: "a-allotment", date: date(d)),
                Attendance(member: "m-bee", activity: "a-ward-poetry", date: date(d).adding(days: -2)),
                Attendance(member: "m-nadia", activity: "a-ward-poetry", date: date(d).adding(days: -2)),
                Attendance(member: "m-ada", activity: "a-knit-natter", date: date(d).adding(days: 1)),
                Attendance(member: "m-ruth", activity: "a-knit-natter", date: date(d).adding(days: 1)),
                Attendance(member: "m-edith", activity: "a-toddler-mornings", date: date(d).adding(days: -1)),
            ]
        } + buddyAttendance
    }
}
