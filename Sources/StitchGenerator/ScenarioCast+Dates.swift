import StitchModel

/// People and activities for dated times: a one-off hospital appointment, a helper away over it,
/// and activities held on given days.
///
/// Winifred needs someone to go with her to hospital on Tue 15 Dec 2026, 10:00–12:00 (the
/// request is data/examples/hospital-request.json, not a member field). Desmond lives round the
/// corner (and goes no further than a kilometre) and is free on Tuesday mornings, but is away 12–20 Dec: he is excluded for that day
/// (under `availability`) and still found for a weekly Tuesday request. The Christmas lunch is one
/// session on Sat 19 Dec; the harvest supper was on 3 Oct, before the community's today, and is
/// never offered.
extension ScenarioCast {
    static var datesMembers: [Member] {
        [
            // Needs accompanying to hospital; free on Tuesday and Saturday late mornings.
            Member(
                id: "m-winifred", name: "Winifred", interests: ["lunch-club", "singing"], needs: ["accompanying"],
                availability: [slot(.tue, "09:00", "13:00"), slot(.sat, "11:00", "15:00")], location: at(51.4548, -0.0218),
                travelKm: 1.5, birthYear: 1939, groups: ["gp-rushey-green"],
                wellbeing: FiveWays(connect: 1, takeNotice: 0.4)),
            // The closest helper, free on Tuesday mornings, but away over the appointment.
            Member(
                id: "m-desmond", name: "Desmond", offers: ["accompanying", "lifts"],
                availability: [slot(.tue, "09:00", "13:00"), slot(.fri, "10:00", "12:00")], location: at(51.4560, -0.0230),
                travelKm: 1, homeVisits: true, birthYear: 1962, groups: ["rgtb"],
                away: [AwayPeriod("2026-12-12", "2026-12-20")!]),
        ]
    }

    static var datesActivities: [Activity] {
        [
            Activity(
                id: "a-christmas-lunch", name: "Rushey Green Christmas Lunch", organisation: "Rushey Green Time Bank",
                description: "A Christmas lunch for members and neighbours, with carols after.",
                topics: ["lunch-club", "singing"], wellbeing: [.connect, .give], location: at(51.4545, -0.0212),
                capacity: 40, enrolled: 22, access: [.stepFree, .groundFloor], cost: 0, groups: ["rgtb"],
                datedSessions: [DatedSlot("2026-12-19", "12:00", "14:00")!]),
            Activity(
                id: "a-harvest-supper", name: "Harvest Supper at St Laurence", organisation: "St Laurence Church",
                topics: ["lunch-club"], wellbeing: [.connect], location: at(51.4544, -0.0205), capacity: 40, enrolled: 10,
                access: [.stepFree], cost: 0, groups: ["faith-st-laurence"],
                datedSessions: [DatedSlot("2026-10-03", "18:00", "20:00")!]),
        ]
    }
}
