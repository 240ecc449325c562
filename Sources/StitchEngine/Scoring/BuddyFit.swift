import StitchModel

/// How well a buddy fits the person they go along with: shared lived experience, shared
/// interests, a shared language beyond the community's own, and closeness in age.
///
/// Fit is about the pair, not the activity: it depends on the person and the member alone. It
/// enters a buddy's score after the hard constraints, blended with the six weighted factors
/// (``blend(_:fit:)``), so that among buddies who know the activity equally well the one who has
/// lived what the person has lived, or enjoys what they enjoy, comes first; ties go by id only
/// when the fit is equal too.
///
/// ```
/// fit   = 0.4·experience + 0.3·interests + 0.15·language + 0.15·age
/// score = 0.8·(weighted factors) + 0.2·fit
/// ```
struct BuddyFit: Equatable {
    /// The share of the person's lived experiences the member shares too, in [0, 1].
    var experience: Double = 0
    /// The share of the person's interests (up to ``interestsCounted``) the member holds too.
    var interests: Double = 0
    /// 1 when they share a language other than the community's common one, else 0.
    var language: Double = 0
    /// 1 within ``closeYears`` of age, falling linearly to 0 at ``farYears``; 0 when either
    /// birth year is unknown.
    var age: Double = 0
    /// The lived experiences they share, as vocabulary terms (ascending).
    var sharedExperiences: [Int32] = []
    /// The interests they share, as vocabulary terms (ascending).
    var sharedInterests: [Int32] = []

    /// Weights of the parts: lived experience counts most (peer support rests on it), then
    /// interests (something to talk about), then language and age.
    static let experienceWeight = 0.4
    static let interestsWeight = 0.3
    static let languageWeight = 0.15
    static let ageWeight = 0.15
    /// The share of a buddy's score that fit carries; the weighted factors carry the rest.
    static let share = 0.2
    /// Shared interests count up to this many: two or three in common is already plenty.
    static let interestsCounted = 3
    /// Years apart within which two people are "close in age", and where closeness ends.
    static let closeYears: Int32 = 5
    static let farYears: Int32 = 15

    /// The fit in [0, 1].
    var value: Double {
        min(1, max(0, Self.experienceWeight * experience + Self.interestsWeight * interests + Self.languageWeight * language + Self.ageWeight * age))
    }

    /// A buddy's score from its weighted factors and its fit; both in [0, 1].
    @inline(__always)
    static func blend(_ weighted: Double, fit: Double) -> Double {
        min(1, max(0, (1 - share) * weighted + share * fit))
    }

    /// The fit of member `m` with `person`. With `listing` false the shared terms are counted but
    /// not listed (no allocation), for a search that needs only ``value``. The person and the
    /// index are passed as a function's arguments (borrowed), never as an initialiser's (which
    /// would copy every column of the index): this runs once per candidate buddy.
    static func of(_ person: PersonFeatures, member m: Int, index: CommunityIndex, listing: Bool = true) -> BuddyFit {
        var fit = BuddyFit()
        if !person.experiences.isEmpty {
            let shared: Int
            if listing {
                fit.sharedExperiences = Self.common(person.experiences, index.members.experiences[m])
                shared = fit.sharedExperiences.count
            } else {
                shared = Self.commonCount(person.experiences, index.members.experiences[m])
            }
            fit.experience = Double(shared) / Double(person.experiences.count)
        }
        if !person.interests.isEmpty {
            let shared: Int
            if listing {
                fit.sharedInterests = Self.common(person.interests, index.members.interests[m])
                shared = fit.sharedInterests.count
            } else {
                shared = Self.commonCount(person.interests, index.members.interests[m])
            }
            fit.interests = min(1, Double(shared) / Double(min(person.interests.count, Self.interestsCounted)))
        }
        if !person.languages.isEmpty {
            let community = LanguageCode.packed(index.configuration.communityLanguage)
            if person.languages.contains(where: { $0 != community && index.members.languages[m].contains($0) }) { fit.language = 1 }
        }
        let a = person.birthYear, b = index.members.birthYear[m]
        if a > 0, b > 0 {
            let apart = abs(a - b)
            fit.age = apart <= Self.closeYears ? 1 : max(0, Double(Self.farYears - apart) / Double(Self.farYears - Self.closeYears))
        }
        return fit
    }

    /// How many terms of `a` are also in `b`.
    private static func commonCount<B: Collection<Int32>>(_ a: [Int32], _ b: B) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var count = 0
        for term in a where b.contains(term) { count += 1 }
        return count
    }

    /// The terms of `a` also in `b`, ascending (both rows hold each term once).
    private static func common<B: Collection<Int32>>(_ a: [Int32], _ b: B) -> [Int32] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        return a.filter { b.contains($0) }.sorted()
    }

    /// The reasons the fit gives (the language one is left to ``LanguageFit``): "Also a
    /// parent; survived domestic abuse", "Both enjoy knitting", "Close in age".
    func reasons(vocabulary: SkillVocabulary) -> [String] {
        var out: [String] = []
        if !sharedExperiences.isEmpty {
            out.append("Also " + sharedExperiences.map { Self.experiencePhrase(vocabulary.key($0), label: vocabulary.label($0)) }.joined(separator: "; "))
        }
        if !sharedInterests.isEmpty {
            out.append("Both enjoy " + Formulas.list(sharedInterests.prefix(3).map { vocabulary.label($0) }))
        }
        if age >= 1 { out.append("Close in age") }
        return out
    }

    /// How a shared lived experience reads after "Also".
    static func experiencePhrase(_ key: String, label: String) -> String {
        switch key {
        case "parent": "a parent"
        case "domestic-abuse": "survived domestic abuse"
        case "caring": "a carer"
        case "bereavement": "bereaved"
        case "migration": "came to the UK from abroad"
        case "mental-health-recovery": "in mental health recovery"
        case "addiction-recovery": "in recovery from addiction"
        default: "lived with \(label)"
        }
    }
}
