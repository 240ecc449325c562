/// Offers, interests, needs and lived experience, as palette indices.
extension MemberFactory {
    /// One to four offers (35%, 35%, 20%, 10%): mostly from the primary cluster, some from the
    /// secondary, one in ten from the taxonomy's long tail. Housebound members offer what can be
    /// given from home (telephone befriending, knitting, forms, translation…).
    func chooseOffers(clusters: [Int], housebound: Bool, random: inout Xoshiro256StarStar) -> [Int] {
        let count = random.index(weights: [0.35, 0.35, 0.2, 0.1]) + 1
        let prison = palette.clusters[clusters[0]].source.name == "prison-workshop"
        var offers: [Int] = []
        var attempts = 0
        while offers.count < count, attempts < 12 {
            attempts += 1
            let roll = random.uniform()
            var skill: Int
            if roll < 0.62 || prison || (roll < 0.9 && clusters.count == 1) {
                skill = palette.clusters[clusters[0]].offers.sample(&random)
            } else if roll < 0.9 {
                skill = palette.clusters[clusters[1]].offers.sample(&random)
            } else if !palette.longTail.isEmpty {
                skill = random.pick(palette.longTail)
            } else {
                continue
            }
            if housebound, !palette.fromHome.contains(skill) { skill = random.pick(palette.fromHome) }
            if !offers.contains(skill) { offers.append(skill) }
        }
        return offers
    }

    /// Lived experience for about 15% of members (most ward members, many prison members), and
    /// for half of them the matching peer-support offer.
    func chooseExperiences(
        age: Int, groups list: [Int], languages: [String], offers: inout [Int], random: inout Xoshiro256StarStar
    ) -> [String] {
        let kinds = list.map { groups[$0].kind }
        let experiences = palette.experiences
        var chosen: [Int] = []
        if kinds.contains(.ward), random.chance(0.85),
            let i = experiences.firstIndex(where: { $0.name == "mental-health-recovery" })
        {
            chosen.append(i)
        } else if kinds.contains(.prison), random.chance(0.4),
            let i = experiences.firstIndex(where: { $0.name == "addiction-recovery" })
        {
            chosen.append(i)
        }
        let migrant = languages.count > 1 || !languages.contains("en")
        let weights = experiences.map { item -> Double in
            guard age >= item.minAge else { return 0 }
            return item.name == "migration" ? (migrant ? item.weight * 4 : item.weight * 0.2) : item.weight
        }
        var rate = chosen.isEmpty ? 0.12 : 0.15
        while random.chance(rate), chosen.count < 2, weights.contains(where: { $0 > 0 }) {
            let i = random.index(weights: weights)
            if !chosen.contains(i) { chosen.append(i) }
            rate = 0.15
        }
        for i in chosen {
            guard let skill = experiences[i].skill, random.chance(0.5), !offers.contains(skill) else { continue }
            if offers.count < 4 { offers.append(skill) } else { offers[3] = skill }
        }
        return chosen.map { experiences[$0].name }
    }

    /// One to four interests: mostly the primary cluster's passions, some of the member's own
    /// offers (people enjoy what they give), some the secondary cluster's or a popular pastime.
    func chooseInterests(clusters: [Int], offers: [Int], random: inout Xoshiro256StarStar) -> [Int] {
        let count = random.index(weights: [0.25, 0.35, 0.25, 0.15]) + 1
        var interests: [Int] = []
        var attempts = 0
        while interests.count < count, attempts < 12 {
            attempts += 1
            let roll = random.uniform()
            let skill: Int
            if roll < 0.55 {
                skill = palette.clusters[clusters[0]].interests.sample(&random)
            } else if roll < 0.75, !offers.isEmpty {
                skill = random.pick(offers)
            } else if roll < 0.9 {
                skill = palette.clusters[clusters[clusters.count - 1]].interests.sample(&random)
            } else {
                let any = palette.clusters[random.index(weights: palette.clusters.map(\.source.weight))]
                skill = any.interests.sample(&random)
            }
            if !interests.contains(skill) { interests.append(skill) }
        }
        return interests
    }

    /// Needs: about 0.6 a head for young adults rising to 1.8 for the over-75s, 1.5 more when
    /// housebound; what people ask for depends on age, parenthood, English and being housebound.
    func chooseNeeds(
        age: Int, housebound: Bool, inPrison: Bool, parent: Bool, newToEnglish: Bool, offers: [Int],
        random: inout Xoshiro256StarStar
    ) -> [Int] {
        let expected = NeedTables.expectedNeeds[Demographics.band(ofAge: age)] + (housebound ? 1.5 : 0)
        let p = min(0.9, expected / 5)
        var count = 0
        for _ in 0..<5 where random.chance(p) { count += 1 }
        var needs: [Int] = []
        var attempts = 0
        while needs.count < count, attempts < 12 {
            attempts += 1
            let roll = random.uniform()
            let table: SkillPalette.Weighted
            if inPrison {
                table = palette.prisonNeeds
            } else if housebound, roll < 0.6 {
                table = palette.houseboundNeeds
            } else if newToEnglish, roll < 0.6 {
                table = palette.newToEnglishNeeds
            } else if parent, roll < 0.3 {
                table = palette.parentNeeds
            } else {
                table = age >= 65 ? palette.olderNeeds : palette.workingAgeNeeds
            }
            let skill = table.sample(&random)
            if !needs.contains(skill), !offers.contains(skill) { needs.append(skill) }
        }
        return needs
    }
}
