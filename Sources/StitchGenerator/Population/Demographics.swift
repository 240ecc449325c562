import StitchModel

/// The population facts a generated member is drawn from: age, languages, access needs.
///
/// - Ages 18–95, skewed older as time-bank membership is: 10% 18–29, 17% 30–44, 22% 45–59,
///   28% 60–74, 23% 75+.
/// - Languages: everyone is listed with English except about 2% who speak another language only
///   (and often want English conversation); about 20% add a second language common in Lewisham
///   (Yoruba, Twi, Portuguese, Spanish, Turkish, Polish, Somali, French, Tamil, Vietnamese, Urdu…),
///   Vietnamese more often in Deptford, Turkish in Lewisham and Catford.
/// - Access needs for about 12%, mostly the oldest: step-free access, wheelchair, seated,
///   hearing loop, a quiet setting, an accessible toilet, large print, dementia-friendly.
enum Demographics {
    /// Share of each age band and its ages: 18–29, 30–44, 45–59, 60–74, 75–95.
    static let ageBands: [(share: Double, range: ClosedRange<Int>)] = [
        (0.10, 18...29), (0.17, 30...44), (0.22, 45...59), (0.28, 60...74), (0.23, 75...95),
    ]

    /// The age band (0–4) of an age.
    static func band(ofAge age: Int) -> Int {
        switch age {
        case ..<30: 0
        case ..<45: 1
        case ..<60: 2
        case ..<75: 3
        default: 4
        }
    }

    static func age(_ random: inout Xoshiro256StarStar) -> Int {
        let band = random.index(weights: ageBands.map(\.share))
        return random.int(in: ageBands[band].range)
    }

    /// Second languages with their weight, and the neighbourhood (index) where each is commoner.
    static let secondLanguages: [(code: String, weight: Double, commonIn: Int?)] = [
        ("yo", 5, 0), ("tw", 4, 2), ("pt", 4, 1), ("es", 3, nil), ("tr", 3, 1), ("pl", 3, 3), ("so", 2, 2),
        ("fr", 3, nil), ("ta", 2, 1), ("vi", 2, 2), ("ur", 2, 0), ("ar", 2, nil), ("bn", 1, nil), ("zh", 1, nil),
        ("it", 1, nil),
    ]

    /// Languages spoken: `["en"]`, `["en", second]` or `[other]` only.
    static func languages(neighbourhood: Int, random: inout Xoshiro256StarStar) -> [String] {
        let roll = random.uniform()
        guard roll < 0.22 else { return ["en"] }
        let weights = secondLanguages.map { $0.commonIn == neighbourhood ? $0.weight * 3 : $0.weight }
        let code = secondLanguages[random.index(weights: weights)].code
        return roll < 0.02 ? [code] : ["en", code]
    }

    /// Probability of any access need by age band.
    static let accessNeedShare: [Double] = [0.04, 0.05, 0.07, 0.12, 0.24]

    static let accessTerms: [(AccessTerm, Double)] = [
        (.stepFree, 40), (.wheelchair, 15), (.seated, 15), (.hearingLoop, 12), (.quiet, 8), (.accessibleToilet, 6),
        (.largePrint, 5), (.groundFloor, 4), (.dementiaFriendly, 3),
    ]

    /// One or two access needs; a quiet setting is likelier for ward members.
    static func accessNeeds(quietLikely: Bool, random: inout Xoshiro256StarStar) -> [AccessTerm] {
        let weights = accessTerms.map { $0.0 == .quiet && quietLikely ? $0.1 * 6 : $0.1 }
        var needs = [accessTerms[random.index(weights: weights)].0]
        if random.chance(0.3) {
            let other = accessTerms[random.index(weights: weights)].0
            let redundant =
                (other == .stepFree && needs[0] == .wheelchair) || (other == .wheelchair && needs[0] == .stepFree)
            if other != needs[0] {
                if redundant { needs = [.wheelchair] } else { needs.append(other) }
            }
        }
        return needs
    }
}
