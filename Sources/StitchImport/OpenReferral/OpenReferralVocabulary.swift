import Foundation
import StitchModel

/// The fixed rules that turn Open Referral free text into Stitch's closed vocabularies.
///
/// Only what the text clearly states is taken; the text itself is never kept. A phrase counts
/// as a whole-word match in lowercase text whose hyphens and punctuation are spaces. For access,
/// a clause (text between `.`, `;`, `,` or `but`) holding a negation (`no`, `not`, `without`,
/// `cannot`, `unfortunately`, `isn't`, `unavailable`) gives nothing, except the phrases that
/// state a feature by a negation (`no steps`).
enum OpenReferralVocabulary {
    /// Access phrases, in the order they are looked for.
    static let accessPhrases: [(phrase: String, term: AccessTerm)] = [
        ("wheelchair accessible", .wheelchair), ("wheelchair access", .wheelchair), ("wheelchair users", .wheelchair),
        ("wheelchair friendly", .wheelchair), ("accessible by wheelchair", .wheelchair),
        ("step free", .stepFree), ("level access", .stepFree), ("ramp", .stepFree), ("ramped access", .stepFree),
        ("ground floor", .groundFloor),
        ("hearing loop", .hearingLoop), ("induction loop", .hearingLoop), ("induction loops", .hearingLoop),
        ("loop system", .hearingLoop),
        ("changing places", .changingPlaces),
        ("accessible toilet", .accessibleToilet), ("accessible toilets", .accessibleToilet),
        ("disabled toilet", .accessibleToilet), ("disabled toilets", .accessibleToilet),
        ("accessible wc", .accessibleToilet),
        ("british sign language", .bsl), ("bsl", .bsl), ("sign language interpreter", .bsl),
        ("large print", .largePrint), ("easy read", .largePrint),
        ("dementia friendly", .dementiaFriendly),
        ("accessible parking", .parking), ("disabled parking", .parking), ("blue badge parking", .parking),
        ("quiet room", .quiet), ("quiet space", .quiet), ("low stimulus", .quiet), ("sensory friendly", .quiet),
        ("seated", .seated), ("chair based", .seated),
    ]

    /// Phrases that state a feature by a negation, looked for before negations rule a clause out.
    static let negativeFeatures: [(phrase: String, term: AccessTerm)] = [
        ("no steps", .stepFree), ("no stairs", .stepFree), ("without steps", .stepFree), ("no lift needed", .noLift),
        ("no need to use a lift", .noLift),
    ]

    static let negations: Set<String> = [
        "no", "not", "without", "cannot", "cant", "unfortunately", "isnt", "unavailable", "none", "lacks", "nor",
    ]

    /// The access terms the texts clearly state, in vocabulary order.
    static func access(in texts: [String]) -> [AccessTerm] {
        var found = Set<AccessTerm>()
        for text in texts {
            for clause in clauses(text) {
                var words = " " + clause + " "
                for (phrase, term) in negativeFeatures where words.contains(" \(phrase) ") {
                    found.insert(term)
                    words = words.replacingOccurrences(of: " \(phrase) ", with: " ")
                }
                if words.split(separator: " ").contains(where: { negations.contains(String($0)) }) { continue }
                for (phrase, term) in accessPhrases where words.contains(" \(phrase) ") { found.insert(term) }
            }
        }
        return AccessTerm.allCases.filter(found.contains)
    }

    /// Five Ways keywords: a way is served when the service's name or one of its taxonomy terms
    /// holds one of its words (descriptions are not read: too often they mention what a service
    /// is not).
    static let wayWords: [(way: WellbeingWay, words: [String])] = [
        (
            .connect,
            [
                "social", "befriending", "lunch club", "coffee morning", "friendship", "peer support", "support group",
                "community group", "loneliness", "isolation", "social club", "meet up", "meetup",
            ]
        ),
        (
            .beActive,
            [
                "exercise", "physical activity", "sport", "sports", "fitness", "walk", "walks", "walking", "swim",
                "swimming", "dance", "dancing", "yoga", "pilates", "tai chi", "cycling", "running", "football",
                "keep fit", "gym", "gardening", "allotment",
            ]
        ),
        (
            .keepLearning,
            [
                "learn", "learning", "course", "courses", "class", "classes", "education", "training", "workshop",
                "workshops", "literacy", "numeracy", "esol", "digital skills", "computer", "computers",
            ]
        ),
        (
            .takeNotice,
            [
                "mindfulness", "meditation", "nature", "art", "arts", "craft", "crafts", "museum", "gallery",
                "photography", "gardening", "allotment", "heritage",
            ]
        ),
        (.give, ["volunteer", "volunteers", "volunteering", "mentoring", "mentor"]),
    ]

    /// The ways the texts clearly name, in the model's order. Plurals count as their singular
    /// (`Lunch Clubs` names `lunch club`), as ``StitchModel/SkillTaxonomy/inflections(of:)`` has them.
    static func ways(in texts: [String]) -> [WellbeingWay] {
        let padded = texts.flatMap { text -> [String] in
            let plain = words(text)
            let singular = plain.split(separator: " ").map { SkillTaxonomy.singular(String($0)) ?? String($0) }
            return [" " + plain + " ", " " + singular.joined(separator: " ") + " "]
        }
        return wayWords.filter { _, list in
            list.contains { word in padded.contains { $0.contains(" \(word) ") } }
        }.map(\.way)
    }

    /// Lowercase words separated by single spaces: hyphens and punctuation become spaces,
    /// apostrophes go (`isn't` → `isnt`).
    static func words(_ text: String) -> String {
        var out = ""
        var space = false
        for ch in text.lowercased() {
            if ch == "'" || ch == "’" { continue }
            if ch.isLetter || ch.isNumber {
                if space, !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            } else {
                space = true
            }
        }
        return out
    }

    /// The text's clauses, each as words: split at `.`, `;`, `,`, `!`, `?` and the word `but`.
    static func clauses(_ text: String) -> [String] {
        text.split(whereSeparator: { ".;,!?".contains($0) }).flatMap { part in
            (" " + words(String(part)) + " ").components(separatedBy: " but ")
        }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
