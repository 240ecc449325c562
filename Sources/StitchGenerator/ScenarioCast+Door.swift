import StitchModel

extension ScenarioCast {
    /// Who comes to the door: Margaret, 86, asks for a woman to do her hair at home, where she
    /// keeps a cat. The closest hairdresser is a man; the next a woman allergic to cats; another
    /// has not said their gender; only Gwen, further away, fits.
    static var doorMembers: [Member] {
        [
            // 9. Margaret, 86, lives alone with her cat; a woman, please, for personal care.
            Member(
                id: "m-margaret", name: "Margaret", needs: ["hairdressing"],
                availability: [slot(.thu, "10:00", "13:00")], location: at(51.4390, -0.0060), travelKm: 1,
                birthYear: 1940, groups: ["gp-hither-green"], wellbeing: FiveWays(connect: 1),
                gender: .woman, helperGender: .woman, home: HomeFacts(pets: [.cat])),
            // A barber round the corner, free on Thursdays, does home visits: a man.
            Member(
                id: "m-winston", name: "Winston", offers: ["hairdressing"], availability: [slot(.thu, "09:00", "17:00")],
                location: at(51.4393, -0.0057), travelKm: 3, homeVisits: true, languages: ["en"], birthYear: 1962,
                groups: ["gp-hither-green"], wellbeing: FiveWays(connect: 0.6, give: 0.9), gender: .man),
            // A woman hairdresser nearby, free on Thursdays, but allergic to cats.
            Member(
                id: "m-priya", name: "Priya", offers: ["hairdressing", "hand-and-nail-care"],
                availability: [slot(.thu, "09:00", "14:00")], location: at(51.4398, -0.0072), travelKm: 3, homeVisits: true,
                birthYear: 1988, groups: ["gp-hither-green"], wellbeing: FiveWays(connect: 0.7, give: 0.8),
                gender: .woman, visitLimits: VisitLimits(allergies: [.cat])),
            // Close and free, but has not said their gender: a preference is never met by a guess.
            Member(
                id: "m-robin", name: "Robin", offers: ["hairdressing"], availability: [slot(.thu, "10:00", "12:00")],
                location: at(51.4385, -0.0070), travelKm: 3, homeVisits: true, birthYear: 1975,
                groups: ["gp-hither-green"]),
            // Further away, a woman, fine with cats, asks for smoke-free homes (Margaret's is).
            Member(
                id: "m-gwen", name: "Gwen", offers: ["hairdressing"], availability: [slot(.thu, "10:00", "15:00")],
                location: at(51.4450, -0.0150), travelKm: 4, homeVisits: true, birthYear: 1970, groups: ["lee-green-tenants"],
                wellbeing: FiveWays(connect: 0.8, give: 0.7), gender: .woman, visitLimits: VisitLimits(smokeFree: true)),
        ]
    }
}
