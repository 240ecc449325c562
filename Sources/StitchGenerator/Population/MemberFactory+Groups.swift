/// Groups and skill clusters: who referred a member, and what they like doing.
extension MemberFactory {
    /// The institutions a member belongs to, most defining first (at most three are kept).
    ///
    /// Sheltered residents belong to their scheme; Bellingham and Downham are Phoenix Community
    /// Housing's estates; about 4.5% of 20–65-year-olds come through the ward time bank; most
    /// members, and more of the older ones, were referred by their GP practice; about 12–20% belong
    /// to a congregation, the young to the youth forum, and some to open community organisations.
    func joinGroups(home: Int, age: Int, scheme: Int?, languages: [String], random: inout Xoshiro256StarStar) -> [Int] {
        var list: [Int] = []
        func add(_ id: String) {
            let index = CommunityGroup.index(of: id)
            if !list.contains(index) { list.append(index) }
        }
        if let scheme { list.append(scheme) }
        if (20...65).contains(age), random.chance(0.045) { add("slam-ward") }
        let estate = neighbourhoods[home].name == "Bellingham" || neighbourhoods[home].name == "Downham"
        if scheme == nil, random.chance(estate ? 0.35 : 0.04) { add("ha-phoenix") }
        if random.chance(age >= 60 ? 0.7 : 0.45) { add(neighbourhoods[home].practice) }
        if random.chance(age >= 60 ? 0.2 : 0.12) {
            let faiths = groups.indices.filter { groups[$0].kind == .faith }
            let muslimLikely = languages.contains { ["so", "ur", "ar", "bn", "tr"].contains($0) }
            let weights = faiths.map { index -> Double in
                let local = groups[index].neighbourhood == home ? 3.0 : 1.0
                let mosque = groups[index].id.contains("islamic")
                return local * (mosque ? (muslimLikely ? 8 : 0.6) : (muslimLikely ? 0.2 : 1))
            }
            list.append(faiths[random.index(weights: weights)])
        }
        if (25...45).contains(age), random.chance(0.08) { add("parents-brockley") }
        if age <= 25, random.chance(0.35) { add("youth-deptford") }
        let rusheyGreen = ["Catford", "Bellingham", "Hither Green", "Lewisham"].contains(neighbourhoods[home].name)
        if random.chance(rusheyGreen ? 0.2 : 0.04) { add("rgtb") }
        if age >= 65, random.chance(0.15) { add("age-uk-lewisham") }
        if random.chance(0.04) { add("lewisham-libraries") }
        return list
    }

    /// One or two skill clusters, weighted by how common each is, by age and by the member's groups.
    func chooseClusters(age: Int, groups list: [Int], languages: [String], random: inout Xoshiro256StarStar) -> [Int] {
        let band = Demographics.band(ofAge: age)
        let kinds = list.map { groups[$0].kind }
        let secondLanguage = languages.count > 1 || !languages.contains("en")
        let weights = palette.clusters.map { cluster -> Double in
            let source = cluster.source
            if kinds.contains(.prison) { return source.name == "prison-workshop" ? 1 : 0 }
            var w = source.weight * source.ageFactors[band]
            switch source.name {
            case "lived-experience" where kinds.contains(.ward): w *= 40
            case "faith-and-community" where kinds.contains(.faith): w *= 4
            case "families" where kinds.contains(.parents): w *= 5
            case "digital" where kinds.contains(.youth), "active" where kinds.contains(.youth): w *= 2
            case "crafts" where kinds.contains(.shelteredHousing): w *= 1.5
            case "gentle-movement" where kinds.contains(.shelteredHousing): w *= 2
            case "languages" where secondLanguage: w *= 4
            case "kitchen" where kinds.contains(.housingAssociation): w *= 1.3
            default: break
            }
            return w
        }
        let primary = random.index(weights: weights)
        guard !kinds.contains(.prison), random.chance(0.45) else { return [primary] }
        var others = weights
        others[primary] = 0
        guard others.contains(where: { $0 > 0 }) else { return [primary] }
        return [primary, random.index(weights: others)]
    }

    /// Groups that follow from interests: parents from the families cluster, gardeners near
    /// Sydenham Garden, conservation volunteers in the parks.
    func addClusterGroups(
        _ clusters: [Int], home: Int, age: Int, groups list: inout [Int], random: inout Xoshiro256StarStar
    ) {
        func add(_ id: String) {
            let index = CommunityGroup.index(of: id)
            if !list.contains(index) { list.append(index) }
        }
        let names = clusters.map { palette.clusters[$0].source.name }
        if names.contains("families"), (22...50).contains(age), random.chance(0.5) { add("parents-brockley") }
        let nearGarden = ["Sydenham", "Forest Hill"].contains(neighbourhoods[home].name)
        let ward = list.contains { groups[$0].kind == .ward }
        if names.contains("nature") || names.contains("home-and-garden"), random.chance(nearGarden ? 0.35 : 0.05) {
            add("sydenham-garden")
        } else if ward, random.chance(0.2) {
            add("sydenham-garden")
        }
        if names.contains("nature"), random.chance(0.3) { add("parks-volunteers") }
        if list.count > 3 { list.removeSubrange(3...) }
    }
}
