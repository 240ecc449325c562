import StitchModel

/// Makes the community's own activities from the ``ActivityCatalogue``.
///
/// The first activities cycle through every kind in a seeded order, so even a small community
/// has variety; later ones are drawn in proportion to how common each kind is. Each meets where
/// its organiser is (a surgery, church, scheme or garden) or, for borough-wide organisations, in
/// a neighbourhood; about one in ten meets online.
struct ActivityFactory: Sendable {
    var palette: SkillPalette
    var geometry: LocalGeometry
    let templates = ActivityCatalogue.all
    let groups = CommunityGroup.lewisham
    let neighbourhoods = Neighbourhood.lewisham

    func make(count: Int, idPrefix: String, random: inout Xoshiro256StarStar) -> [Activity] {
        var order = Array(templates.indices)
        random.shuffle(&order)
        let table = WeightedTable(weights: templates.map(\.weight))
        let width = max(3, String(count).count)
        var activities: [Activity] = []
        activities.reserveCapacity(count)
        for i in 0..<count {
            let template = templates[i < order.count ? order[i] : table.sample(&random)]
            let id = idPrefix + String(repeating: "0", count: max(0, width - String(i + 1).count)) + String(i + 1)
            activities.append(make(template, id: id, random: &random))
        }
        return activities
    }

    func make(_ template: ActivityTemplate, id: String, random: inout Xoshiro256StarStar) -> Activity {
        let group = groups[CommunityGroup.index(of: random.pick(template.organisers))]
        let online = random.chance(template.online)
        var name = template.name
        var location: Location?
        if !online {
            if group.kind == .community, group.id != "sydenham-garden" {
                let hood = neighbourhoods[random.int(below: neighbourhoods.count)]
                let (lat, lon) = geometry.place(lat: hood.lat, lon: hood.lon)
                location = LocalGeometry.scatter(lat: lat, lon: lon, sigma: 300, random: &random)
                name = "\(hood.name) \(name)"
            } else {
                let (lat, lon) = geometry.place(lat: group.lat, lon: group.lon)
                location = LocalGeometry.scatter(lat: lat, lon: lon, sigma: 40, random: &random)
                name = "\(name) at \(group.name)"
            }
        } else if !name.hasPrefix("Online") {
            name += " (online)"
        }
        let capacity = random.int(in: template.capacity)
        let enrolled = random.chance(0.1) ? capacity : Int(Double(capacity) * random.uniform(0.3, 0.95))
        let limited = random.chance(template.ageLimitChance)
        return Activity(
            id: id, name: name, organisation: group.name, description: template.description,
            topics: template.topics.map(palette.canonical),
            wellbeing: template.ways, schedule: schedule(template, random: &random), location: location, online: online,
            capacity: capacity, enrolled: enrolled, access: online ? [] : access(template, random: &random),
            cost: random.pick(template.costs), ageMin: limited ? template.ageMin : nil,
            ageMax: limited ? template.ageMax : nil,
            buddyWelcome: random.chance(template.buddyWelcome), groups: [group.id])
    }

    /// One weekly slot, or two on different days (30%), at one of the kind's usual times.
    private func schedule(_ template: ActivityTemplate, random: inout Xoshiro256StarStar) -> [Slot] {
        let start = Int(random.pick(template.starts) * 60)
        let end = min(start + template.minutes, 22 * 60)
        var days = [random.pick(template.days)]
        if template.days.count > 1, random.chance(0.3) {
            let other = random.pick(template.days.filter { $0 != days[0] })
            days.append(other)
        }
        return days.sorted().compactMap {
            Slot(day: $0, start: TimeOfDay(minutes: start)!, end: TimeOfDay(minutes: end)!)
        }
    }

    /// The venue's access features: most halls are step-free, some old halls and every upstairs
    /// room are not; outdoor sites are step-free about half the time.
    private func access(_ template: ActivityTemplate, random: inout Xoshiro256StarStar) -> [AccessTerm] {
        var terms: [AccessTerm] = []
        func maybe(_ term: AccessTerm, _ p: Double) { if random.chance(p) { terms.append(term) } }
        switch template.venue {
        case .hall:
            if random.chance(0.9) {
                terms.append(.stepFree)
                maybe(.wheelchair, 0.6)
                maybe(.accessibleToilet, 0.7)
                maybe(.groundFloor, 0.5)
                maybe(.changingPlaces, 0.03)
                maybe(.parking, 0.2)
            }
            maybe(.hearingLoop, 0.35)
            maybe(.quiet, 0.15)
            maybe(.largePrint, 0.1)
        case .outdoor:
            if random.chance(0.5) {
                terms.append(.stepFree)
                maybe(.wheelchair, 0.5)
            }
            maybe(.accessibleToilet, 0.2)
            maybe(.parking, 0.3)
        case .upstairs:
            maybe(.hearingLoop, 0.2)
            maybe(.quiet, 0.3)
            maybe(.largePrint, 0.1)
        case .garden:
            if random.chance(0.8) {
                terms.append(.stepFree)
                maybe(.wheelchair, 0.5)
            }
            maybe(.accessibleToilet, 0.5)
            maybe(.quiet, 0.5)
        }
        if template.seated { terms.append(.seated) }
        if template.dementiaFriendly { terms.append(.dementiaFriendly) }
        return terms
    }
}
