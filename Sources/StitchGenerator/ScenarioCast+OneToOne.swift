import StitchModel

/// One-to-one support beside group activities: Mabel, 88, housebound in Sydenham since a fall,
/// lonely since her sister died, is referred for befriending. Hazel, a befriender nearby who
/// visits at home and holds an enhanced DBS check of 2025, fits; around her are befrienders who
/// are wrong for a stated reason: Rita is closer and free but holds no DBS check, Kwame is checked
/// and visits at home but lives beyond how far he travels, and Ivy befriends by telephone only
/// and does no home visits.
extension ScenarioCast {
    static var oneToOneMembers: [Member] {
        [
            Member(
                id: "m-mabel", name: "Mabel", interests: ["reminiscence", "knitting"], needs: ["befriending"],
                availability: [slot(.tue, "14:00", "17:00"), slot(.thu, "14:00", "17:00")], location: at(51.4300, -0.0500),
                travelKm: 0.5, housebound: true, languages: ["en"], birthYear: 1938, groups: ["gp-sydenham"],
                wellbeing: FiveWays(connect: 1, takeNotice: 0.4)),
            Member(
                id: "m-hazel", name: "Hazel", offers: ["befriending", "reminiscence"], interests: ["knitting"],
                availability: [slot(.tue, "14:00", "16:00"), slot(.thu, "14:00", "17:00")], location: at(51.4330, -0.0460),
                travelKm: 3, homeVisits: true, languages: ["en"], birthYear: 1961, groups: ["rgtb"],
                wellbeing: FiveWays(connect: 0.6, give: 1), dbs: DBSCheck(checked: date("2025-02-14"), level: .enhanced)),
            // Closer, free on the same afternoons, visits at home, but holds no DBS check.
            Member(
                id: "m-rita", name: "Rita", offers: ["befriending"], availability: [slot(.tue, "14:00", "17:00")],
                location: at(51.4310, -0.0480), travelKm: 2, homeVisits: true, languages: ["en"], birthYear: 1972,
                groups: ["rgtb"]),
            // Checked and visits at home, but lives in Deptford and travels 2 km at most.
            Member(
                id: "m-kwame", name: "Kwame", offers: ["befriending"], availability: [slot(.thu, "14:00", "17:00")],
                location: at(51.4780, -0.0260), travelKm: 2, homeVisits: true, languages: ["en", "tw"], birthYear: 1985,
                groups: ["rgtb"], dbs: DBSCheck(checked: date("2024-09-02"), level: .enhanced)),
            // Befriends by telephone only: no home visits.
            Member(
                id: "m-ivy", name: "Ivy", offers: ["telephone-befriending"], availability: [slot(.tue, "14:00", "17:00")],
                location: at(51.4290, -0.0520), travelKm: 1, languages: ["en"], birthYear: 1958, groups: ["rgtb"],
                dbs: DBSCheck(checked: date("2025-06-20"), level: .enhanced)),
        ]
    }
}
