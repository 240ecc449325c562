import Foundation
import StitchModel
import Testing

@Suite("The bundled skill taxonomy")
struct TaxonomyFileTests {
    @Test func passesValidation() throws {
        let taxonomy = try RepositoryFiles.taxonomy()
        #expect(taxonomy.validationErrors() == [])
        #expect((150...250).contains(taxonomy.skills.count))
    }

    @Test func idsAreLowercaseHyphenated() throws {
        for entry in try RepositoryFiles.taxonomy().skills {
            #expect(entry.id == SkillTaxonomy.normalise(entry.id), "\(entry.id)")
            #expect(entry.id.allSatisfy { $0 == "-" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }, "\(entry.id)")
        }
    }

    @Test func topLevelCategoriesAreThere() throws {
        let roots = Set(try RepositoryFiles.taxonomy().skills.filter { $0.parent == nil }.map(\.id))
        let expected: Set<String> = [
            "companionship", "practical-help", "transport", "home-and-garden", "food", "creative-arts", "crafts",
            "learning",
            "technology", "admin-and-money", "health-and-wellbeing", "peer-support", "sport-and-exercise",
            "nature-and-environment", "community-and-faith", "children-and-families", "animals", "languages", "music",
            "training-and-teaching", "events-and-hosting",
        ]
        #expect(roots == expected)
    }

    @Test(arguments: [
        ("accompany to hospital", "accompanying"), ("Hospital visits", "accompanying"),
        ("escort to appointments", "accompanying"),
        ("lift to hospital", "lifts"), ("driving", "lifts"), ("allotment", "gardening"), ("weeding", "gardening"),
        ("seated gardening", "gentle-gardening"), ("cakes", "baking"), ("bake sale", "baking"),
        ("watercolour", "painting"),
        ("art", "painting"), ("poems", "poetry"), ("spoken word", "poetry"), ("IT help", "computer-help"),
        ("smartphone help", "computer-help"), ("walking group", "walking"), ("health walk", "walking"),
        ("conservation", "environmental-volunteering"), ("litter picking", "environmental-volunteering"),
        ("tree planting", "environmental-volunteering"), ("flower arranging", "church-flowers"),
        ("stay and play", "toddler-group"), ("toddler mornings", "toddler-group"),
        ("training new staff", "staff-training"),
        ("training", "staff-training"), ("hosting", "hosting-gatherings"), ("tea party", "hosting-gatherings"),
        ("discussions", "discussion-group"), ("debate", "discussion-group"), ("conversation club", "discussion-group"),
        ("ESOL", "english-conversation"), ("diabetes peer support", "peer-support-diabetes"),
        ("newly diagnosed diabetes support", "peer-support-diabetes"), ("choir", "choir"),
        ("group cycling", "indoor-cycling"),
    ])
    func synonymsResolve(term: String, id: String) throws {
        let taxonomy = try RepositoryFiles.taxonomy()
        let key = SkillTaxonomy.normalise(term)
        let owner = taxonomy.skills.first { $0.id == key || $0.synonyms.map(SkillTaxonomy.normalise).contains(key) }
        #expect(owner?.id == id)
    }

    @Test func peerSupportEntriesNameTheirExperience() throws {
        let byID = Dictionary(uniqueKeysWithValues: try RepositoryFiles.taxonomy().skills.map { ($0.id, $0) })
        let expected = [
            "peer-support-diabetes": "diabetes", "peer-support-mental-health": "mental-health-recovery",
            "peer-support-bereavement": "bereavement", "peer-support-cancer": "cancer", "peer-support-carers": "caring",
            "peer-support-dementia": "dementia", "peer-support-stroke": "stroke",
            "peer-support-addiction": "addiction-recovery",
        ]
        for (id, experience) in expected {
            #expect(byID[id]?.experience == experience, "\(id)")
            #expect(byID[id]?.parent == "peer-support", "\(id)")
        }
        for id in [
            "befriending", "telephone-befriending", "shopping", "prescription-collection", "diy", "cooking", "knitting",
            "sewing", "drawing", "creative-writing", "reading-group", "singing", "form-filling", "dog-walking",
            "pet-care",
            "swimming", "yoga", "tai-chi", "chair-exercise", "dance", "golf", "badminton", "football", "gym",
            "crossfit",
            "fitness-class", "recycling", "parenting-support", "translation",
        ] {
            #expect(byID[id] != nil, "\(id)")
        }
        #expect(byID["lifts"]?.parent == "transport")
        #expect(byID["gentle-gardening"]?.parent == "gardening")
    }
}
