import StitchModel

/// The ledger of the bundled community (docs/ledger.md): credits as the time banks around
/// Lewisham use them beyond one member paying another.
///
/// - Kofi, in a prison time bank, earns credits fixing bicycles in the prison workshop and
///   donates them to his mother Ama, who spends some on the knitting class.
/// - Elsie, 84, has never given: the good will pot pays for her lifts and company. She is
///   supported, not a taker.
/// - Tunde helps at the Rushey Green surgery's front desk (6 h this month), runs a two-hour
///   session on filling in forms for six people (paid by the time bank) and gives to the pot.
///
/// The group's receivers and the pot's beneficiaries pay nothing, so the members of the other
/// scenarios keep their standing; only the new members' columns move.
extension ScenarioCast {
    static var ledgerAccounts: [LedgerAccount] {
        [
            LedgerAccount(id: "tb-rushey-green", kind: .timebank, name: "Rushey Green Time Bank"),
            LedgerAccount(id: "org-surgery", kind: .organisation, name: "the surgery"),
            LedgerAccount(id: "org-prison-bikes", kind: .organisation, name: "the prison bike workshop"),
            LedgerAccount(id: "pot-good-will", kind: .pot, name: "the good will pot"),
        ]
    }

    static var ledgerMembers: [Member] {
        [
            // A prisoner: gives in the prison workshop, not matched locally (no place, no offers).
            Member(id: "m-kofi", name: "Kofi", birthYear: 1995, groups: ["prison-time-bank"]),
            Member(
                id: "m-ama", name: "Ama", interests: ["knitting"], needs: ["shopping"], availability: [slot(.thu, "10:00", "12:00")],
                location: at(51.4520, -0.0150), travelKm: 2, birthYear: 1961, groups: ["rgtb"]),
            Member(
                id: "m-elsie", name: "Elsie", needs: ["lifts", "befriending"], availability: [slot(.fri, "10:00", "13:00")],
                location: at(51.4490, -0.0160), travelKm: 1, housebound: true, birthYear: 1942, groups: ["rgtb"]),
            Member(
                id: "m-tunde", name: "Tunde", offers: ["form-filling", "lifts"], availability: [slot(.fri, "09:00", "14:00")],
                location: at(51.4510, -0.0175), travelKm: 4, homeVisits: true, birthYear: 1983, groups: ["rgtb"],
                wellbeing: FiveWays(connect: 0.7, give: 0.9)),
        ]
    }

    static var ledger: [LedgerEntry] {
        [
            LedgerEntry(
                id: "l-cast-001", kind: .exchange, from: ["m-kofi"], to: ["org-prison-bikes"], hours: 12, skill: "bike-repair",
                date: date("2026-09-30")),
            LedgerEntry(id: "l-cast-002", kind: .donation, from: ["m-kofi"], to: ["m-ama"], hours: 10, date: date("2026-10-02")),
            LedgerEntry(
                id: "l-cast-003", kind: .spend, from: ["m-ama"], to: ["tb-rushey-green"], hours: 2, activity: "a-knit-natter",
                date: date("2026-10-08")),
            LedgerEntry(
                id: "l-cast-004", kind: .exchange, from: ["m-tunde"], to: ["m-elsie"], hours: 2, paidBy: "pot-good-will",
                skill: "lifts", date: date("2026-10-09")),
            LedgerEntry(
                id: "l-cast-005", kind: .exchange, from: ["m-tunde"], to: ["org-surgery"], hours: 6, skill: "reception",
                date: date("2026-10-14")),
            LedgerEntry(
                id: "l-cast-006", kind: .exchange, from: ["m-tunde"],
                to: ["m-elsie", "m-ama", "m-ruth", "m-leon", "m-vera", "m-arthur"], hours: 2, skill: "form-filling",
                date: date("2026-10-16")),
            LedgerEntry(id: "l-cast-007", kind: .donation, from: ["m-tunde"], to: ["pot-good-will"], hours: 2, date: date("2026-10-20")),
        ]
    }
}
