import StitchModel

/// Makes one realistic member at a time; see ``CommunityGenerator`` for the choices it follows.
///
/// The order of decisions follows how people come to a time bank: where they live (a
/// neighbourhood, a sheltered scheme, a prison), their age, the institutions that referred them
/// (groups), then what they like doing (one or two skill clusters), and from those their offers,
/// interests, needs, availability and the rest.
struct MemberFactory: Sendable {
    var palette: SkillPalette
    var geometry: LocalGeometry
    var referenceYear: Int
    var includePrison: Bool
    let neighbourhoods = Neighbourhood.lewisham
    let groups = CommunityGroup.lewisham
    private let neighbourhoodTable = WeightedTable(weights: Neighbourhood.lewisham.map(\.weight))
    let prisonGroup = CommunityGroup.index(of: "hmp-belmarsh")

    init(palette: SkillPalette, geometry: LocalGeometry, referenceYear: Int, includePrison: Bool) {
        self.palette = palette
        self.geometry = geometry
        self.referenceYear = referenceYear
        self.includePrison = includePrison
    }

    func make(id: String, random: inout Xoshiro256StarStar) -> MemberDraft {
        // Where they live and how old they are.
        let inPrison = includePrison && random.chance(0.015)
        var home = neighbourhoodTable.sample(&random)
        let age = inPrison ? 19 + random.int(below: 24) + random.int(below: 20) : Demographics.age(&random)
        let band = Demographics.band(ofAge: age)
        var groupList: [Int] = []
        var scheme: Int?
        if inPrison {
            groupList = [prisonGroup]
            home = groups[prisonGroup].neighbourhood
        } else if age >= 65, random.chance(0.10) {
            let schemes = groups.indices.filter { groups[$0].kind == .shelteredHousing }
            let local = schemes.filter { groups[$0].neighbourhood == home }
            let chosen = local.first ?? random.pick(schemes)
            scheme = chosen
            home = groups[chosen].neighbourhood
        }
        let languages = inPrison ? ["en"] : Demographics.languages(neighbourhood: home, random: &random)
        let housebound = !inPrison && random.chance([0.005, 0.005, 0.01, 0.03, 0.16][band])

        // Institutions, then interests shaped by them.
        if !inPrison {
            groupList = joinGroups(home: home, age: age, scheme: scheme, languages: languages, random: &random)
        }
        let clusters = chooseClusters(age: age, groups: groupList, languages: languages, random: &random)
        if !inPrison { addClusterGroups(clusters, home: home, age: age, groups: &groupList, random: &random) }
        if groupList.isEmpty { groupList = [CommunityGroup.index(of: neighbourhoods[home].practice)] }

        // Skills.
        var offers = chooseOffers(clusters: clusters, housebound: housebound, random: &random)
        let experiences = chooseExperiences(
            age: age, groups: groupList, languages: languages, offers: &offers, random: &random)
        let interests = chooseInterests(clusters: clusters, offers: offers, random: &random)
        let isParent =
            groupList.contains { groups[$0].kind == .parents }
            || clusters.contains { palette.clusters[$0].source.name == "families" }
        let needs = chooseNeeds(
            age: age, housebound: housebound, inPrison: inPrison, parent: isParent && age < 50,
            newToEnglish: !languages.contains("en"), offers: offers, random: &random)

        // Place, time and the rest.
        let location: Location
        if inPrison {
            let (lat, lon) = geometry.place(lat: groups[prisonGroup].lat, lon: groups[prisonGroup].lon)
            location = Location(lat: LocalGeometry.round5(lat), lon: LocalGeometry.round5(lon))!
        } else if let scheme {
            let (lat, lon) = geometry.place(lat: groups[scheme].lat, lon: groups[scheme].lon)
            location = LocalGeometry.scatter(lat: lat, lon: lon, sigma: 15, random: &random)
        } else {
            let hood = neighbourhoods[home]
            let (lat, lon) = geometry.place(lat: hood.lat, lon: hood.lon)
            location = LocalGeometry.scatter(lat: lat, lon: lon, sigma: hood.spreadMetres, random: &random)
        }
        let ward = groupList.contains { groups[$0].kind == .ward }
        let pattern: AvailabilityModel.Pattern =
            inPrison ? .prisonRegime : (age >= 66 || housebound || ward || random.chance(0.3)) ? .daytime : .working
        let availability = AvailabilityModel.slots(pattern: pattern, random: &random)
        let traits = chooseTraits(
            age: age, band: band, housebound: housebound, inPrison: inPrison, ward: ward, offers: offers,
            random: &random)
        let active = random.chance(0.95)
        let name = NameLists.name(age: age, random: &random)
        let wellbeing = goals(
            age: age, band: band, housebound: housebound, clusters: clusters, offers: offers.count, random: &random)

        let member = Member(
            id: id, name: name, offers: offers.map { palette.ids[$0] }, interests: interests.map { palette.ids[$0] },
            needs: needs.map { palette.ids[$0] }, experiences: experiences, availability: availability,
            location: location, travelKm: traits.travelKm, homeVisits: traits.homeVisits, housebound: housebound,
            accessNeeds: traits.accessNeeds, languages: languages, dbsChecked: traits.dbsChecked,
            birthYear: referenceYear - age, groups: groupList.map { groups[$0].id }, wellbeing: wellbeing, avoid: [],
            active: active)
        let mostlyReceives = random.chance(age >= 75 && needs.count >= 2 ? 0.6 : 0.06)
        var giving = random.pareto2(cap: 30) * [0.8, 0.7, 1.0, 1.4, 0.6][band]
        if housebound { giving *= 0.3 }
        if !active { giving *= 0.3 }
        if mostlyReceives { giving *= 0.05 }
        var receiving = 0.15 + 0.9 * Double(needs.count) + (housebound ? 1.5 : 0) + (age >= 75 ? 0.5 : 0)
        if mostlyReceives { receiving *= 1.5 }
        let profile = PersonProfile(
            neighbourhood: home, age: age, housebound: housebound, inPrison: inPrison, active: active,
            groupMask: groupList.reduce(0) { $0 | (1 << UInt32($1)) }, accessMask: traits.accessNeeds.needMask,
            giving: giving, receiving: receiving, lat: location.lat, lon: location.lon, travelKm: traits.travelKm)
        return MemberDraft(member: member, profile: profile, offers: offers, needs: needs, interests: interests)
    }
}
