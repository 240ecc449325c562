import StitchModel

/// Who may come to a person's home or give them personal help: the one place that knows the
/// `gender` and `home` constraints (who can help and where can I give read it; `explain` shows
/// its details).
///
/// It applies to help at home (a request's `atHome`, or a housebound person) and to the skills
/// of ``personalHelpSkills``. Then:
/// - `gender`: when the person asks for a helper of a gender (a request's `helperGender`, else
///   their record's), a helper must have stated that gender. A helper whose gender is not
///   recorded fails: a preference is never met by a guess.
/// - `home`: a helper allergic to an animal the person keeps at home, or one who asks for
///   smoke-free homes when someone smokes there, cannot visit.
///
/// Only what people state is read; nothing is inferred.
struct HomeVisitRule: Sendable {
    /// Taxonomy skills (data/taxonomy.json) given in the person's home or as close personal
    /// help, to which the rule applies even when a request does not say `atHome`. Exact skill
    /// ids only: `telephone-befriending`, under `befriending`, is not a visit.
    static let personalHelpSkills: Set<String> = [
        "befriending", "sitting-service", "cleaning", "laundry", "decluttering",
        "hairdressing", "hand-and-nail-care", "massage", "reflexology",
    ]

    /// Whether the help is at home or personal help.
    let applies: Bool
    /// The gender asked for in the helper; `nil` for none.
    let asked: Gender?
    /// The person's home: pets (``Pet/bits(_:)``) and smoking.
    let pets: UInt8
    let smoking: Bool

    /// The rule for a person (their stated facts) and the gender a request asks, if any.
    init(applies: Bool, person: VisitFacts, asked: Gender?) {
        self.applies = applies
        self.asked = asked ?? person.helperGender
        pets = person.pets
        smoking = person.smoking
    }

    /// Whether a skill term is one of ``personalHelpSkills``.
    static func isPersonalHelp(_ term: Int32?, vocabulary: SkillVocabulary) -> Bool {
        guard let term, term >= 0 else { return false }
        return personalHelpSkills.contains(vocabulary.key(term))
    }

    /// Whether the rule can exclude anyone (else the scan skips it).
    var constrains: Bool { applies && (asked != nil || pets != 0 || smoking) }

    /// Whether a helper of these facts passes `gender`.
    @inline(__always)
    func genderPasses(_ helper: VisitFacts) -> Bool { !applies || asked == nil || helper.gender == asked }

    /// Whether a helper of these facts passes `home`.
    @inline(__always)
    func homePasses(_ helper: VisitFacts) -> Bool {
        !applies || (pets & helper.allergies == 0 && !(smoking && helper.smokeFree))
    }

    /// The `explain` detail of `gender`.
    func genderDetail(_ helper: VisitFacts) -> String {
        guard applies else { return Self.notAVisit }
        guard let asked else { return "No preference for the helper's gender" }
        guard let gender = helper.gender else { return "They asked for \(asked.phrase); this helper's gender is not recorded" }
        return "Asked for \(asked.phrase) for home visits; this helper is \(gender.phrase)"
    }

    /// The `explain` detail of `home`.
    func homeDetail(_ helper: VisitFacts) -> String {
        guard applies else { return Self.notAVisit }
        let clash = Pet.pets(in: pets & helper.allergies)
        if !clash.isEmpty {
            return "Allergic to \(Formulas.list(clash.map(\.plural))); they have \(Formulas.list(clash.map(\.single))) at home"
        }
        if smoking && helper.smokeFree { return "Asks for smoke-free homes; someone smokes in their home" }
        if pets == 0 && !smoking { return "No pets or smoking at home stated" }
        return "Nothing at their home rules out this helper's visit"
    }

    /// The reason shown with a helper who passes, when the person asked for a gender:
    /// "A woman, as they asked".
    func reason(_ helper: VisitFacts) -> String? {
        guard applies, let asked, helper.gender == asked else { return nil }
        let phrase = asked.phrase
        return phrase.prefix(1).uppercased() + phrase.dropFirst() + ", as they asked"
    }

    static let notAVisit = "Not a home visit or personal help"
}
