public import StitchModel

/// The needs and concerns link workers record for a social prescribing referral (the
/// categories of the Social Prescribing Information Standard's reasons), each with prototype
/// sentences as GPs and link workers write them, and the Five Ways that usually answer it.
///
/// A referral's reason is read by similarity to these sentences (docs/scoring.md, "Referral
/// reasons"); the sentences are written for Stitch and tested on the labelled reasons of
/// `data/evaluation/free-text.jsonl`.
public enum ReferralNeed: String, Sendable, Hashable, Codable, CaseIterable {
    case lonelinessIsolation = "loneliness-isolation"
    case bereavement
    case lowMoodAnxietyStress = "low-mood-anxiety-stress"
    case physicalInactivity = "physical-inactivity"
    case longTermCondition = "long-term-condition"
    case moneyDebt = "money-debt"
    case housing
    case employmentBenefits = "employment-benefits"
    case caringResponsibilities = "caring-responsibilities"

    /// The category in words, for reasons and the page.
    public var label: String {
        switch self {
        case .lonelinessIsolation: "loneliness or isolation"
        case .bereavement: "bereavement"
        case .lowMoodAnxietyStress: "low mood, anxiety or stress"
        case .physicalInactivity: "physical inactivity"
        case .longTermCondition: "a long-term condition"
        case .moneyDebt: "money or debt"
        case .housing: "housing"
        case .employmentBenefits: "employment or benefits"
        case .caringResponsibilities: "caring responsibilities"
        }
    }

    /// The Five Ways that usually answer this need.
    public var ways: [WellbeingWay] {
        switch self {
        case .lonelinessIsolation: [.connect]
        case .bereavement: [.connect, .takeNotice]
        case .lowMoodAnxietyStress: [.takeNotice, .beActive, .connect]
        case .physicalInactivity: [.beActive]
        case .longTermCondition: [.beActive, .keepLearning]
        case .moneyDebt: [.keepLearning]
        case .housing: []
        case .employmentBenefits: [.keepLearning, .give]
        case .caringResponsibilities: [.connect, .takeNotice]
        }
    }

    /// Sentences that say this need, as referrers write it.
    var prototypes: [String] {
        switch self {
        case .lonelinessIsolation:
            ["feels lonely and isolated", "lives alone and rarely sees anyone", "has no friends or family nearby",
             "socially isolated since moving to the area", "lonely, no one to talk to", "would like to meet new people"]
        case .bereavement:
            ["recently bereaved", "his wife died last year", "grieving the loss of her husband", "struggling since a death in the family",
             "lost her partner and is finding it hard"]
        case .lowMoodAnxietyStress:
            ["low mood", "anxiety and stress", "feeling depressed", "panic attacks and worry", "mild depression, not sleeping well",
             "stressed and overwhelmed"]
        case .physicalInactivity:
            ["not very active", "sedentary, needs more exercise", "would benefit from gentle physical activity",
             "overweight and wants to get fitter", "has stopped going out walking"]
        case .longTermCondition:
            ["type 2 diabetes", "chronic pain", "COPD and breathlessness", "recovering after a stroke", "arthritis", "heart condition",
             "long-term health condition"]
        case .moneyDebt:
            ["money worries", "in debt and struggling with bills", "cannot afford food or heating", "financial difficulties"]
        case .housing:
            ["housing problems", "at risk of losing his home", "damp and mould in the flat", "homeless or in temporary accommodation"]
        case .employmentBenefits:
            ["lost his job", "unemployed and looking for work", "needs help with benefits", "universal credit problems",
             "wants to get back into work"]
        case .caringResponsibilities:
            ["cares for her husband with dementia", "full-time carer for a disabled son", "carer under strain", "looks after her elderly mother"]
        }
    }
}

extension WellbeingWay {
    /// Sentences that ask for this way directly.
    var prototypes: [String] {
        switch self {
        case .connect: ["wants to meet people and make friends", "would enjoy company and a chat", "needs social contact"]
        case .beActive: ["wants to be more active", "would like to exercise", "enjoys walking and moving"]
        case .keepLearning: ["wants to learn something new", "would like to try a new skill or class", "enjoys learning"]
        case .takeNotice: ["wants to relax and slow down", "would benefit from time outdoors in nature", "mindfulness and calm"]
        case .give: ["wants to volunteer and help others", "would like to give something back", "feels useless and wants a purpose"]
        }
    }
}
