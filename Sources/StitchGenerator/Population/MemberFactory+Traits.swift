import StitchModel

/// Travel, home visits, DBS checks, access needs and wellbeing goals.
extension MemberFactory {
    struct Traits {
        var travelKm: Double
        var homeVisits: Bool
        var dbsChecked: Bool
        var accessNeeds: [AccessTerm]
    }

    /// Travel 0.5–6 km in half-kilometre steps, shorter with age (0.5 km when housebound, none
    /// from prison); home visits for about 30%, likelier for those whose skills are given in
    /// people's homes; an enhanced DBS check for about 20%, likelier for home visitors; access
    /// needs for about 12%, mostly the oldest and the housebound.
    func chooseTraits(
        age: Int, band: Int, housebound: Bool, inPrison: Bool, ward: Bool, offers: [Int],
        random: inout Xoshiro256StarStar
    ) -> Traits {
        let ranges: [ClosedRange<Int>] = [4...12, 4...12, 3...10, 2...8, 1...5]  // half-kilometres
        let travelKm = inPrison ? 0 : housebound ? 0.5 : Double(random.int(in: ranges[band])) / 2
        let visitingSkill = offers.contains { palette.inTheirHome[$0] }
        let homeVisits = !housebound && !inPrison && random.chance(visitingSkill ? 0.55 : 0.22)
        let dbsChecked = !inPrison && random.chance(homeVisits ? 0.45 : 0.09)
        let needsAccess = random.chance(Demographics.accessNeedShare[band] + (housebound ? 0.2 : 0))
        let accessNeeds = needsAccess ? Demographics.accessNeeds(quietLikely: ward, random: &random) : []
        return Traits(travelKm: travelKm, homeVisits: homeVisits, dbsChecked: dbsChecked, accessNeeds: accessNeeds)
    }

    /// Goals for the Five Ways in tenths: Connect matters most to the oldest and housebound, Be
    /// Active and Keep Learning to the young, Take Notice to gardeners and artists, Give to those
    /// with more to offer.
    func goals(age: Int, band: Int, housebound: Bool, clusters: [Int], offers: Int, random: inout Xoshiro256StarStar)
        -> FiveWays
    {
        let names = clusters.map { palette.clusters[$0].source.name }
        func tenth(_ base: Double) -> Double {
            let value = min(1, max(0, base + random.uniform(-0.25, 0.25)))
            return (value * 10).rounded() / 10
        }
        var ways = FiveWays()
        ways.connect = tenth(0.6 + (band == 4 ? 0.2 : 0) + (housebound ? 0.2 : 0))
        ways.beActive = tenth([0.7, 0.6, 0.5, 0.4, 0.3][band] + (names.contains("active") ? 0.3 : 0))
        ways.keepLearning = tenth([0.7, 0.6, 0.5, 0.45, 0.35][band] + (names.contains("learning") ? 0.3 : 0))
        let noticing = names.contains("nature") || names.contains("creative") || names.contains("home-and-garden")
        ways.takeNotice = tenth(0.4 + (noticing ? 0.3 : 0))
        ways.give = tenth(0.3 + 0.15 * Double(offers))
        return ways
    }
}
