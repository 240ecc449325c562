/// A cluster of skills and interests that go together in real time banks, such as the
/// "neighbourly help" of shopping, lifts and befriending, or the knitting, sewing and baking of
/// a crafts circle.
///
/// Members are drawn from one or two clusters, so their offers and interests co-occur the way
/// they do in published time-bank skill lists. This matters: Stitch learns skill similarity from
/// co-occurrence, and uniformly random skills would teach it nothing. Weights are relative
/// frequencies: befriending, shopping, gardening, DIY, lifts and computer help are the most
/// offered skills in UK time banks, so their clusters and entries weigh most.
struct SkillCluster: Sendable {
    var name: String
    /// How common the cluster is overall.
    var weight: Double
    /// Multipliers by age band: 18–29, 30–44, 45–59, 60–74, 75+.
    var ageFactors: [Double]
    var offers: [(String, Double)]
    var interests: [(String, Double)]

    static let all: [SkillCluster] = [
        SkillCluster(
            name: "neighbourly", weight: 1.6, ageFactors: [0.6, 0.9, 1.2, 1.3, 0.8],
            offers: [
                ("shopping", 10), ("befriending", 9), ("lifts", 7), ("prescription-collection", 6),
                ("accompanying", 5), ("telephone-befriending", 4), ("dog-walking", 3), ("cleaning", 2),
                ("laundry", 1), ("bin-help", 1), ("listening", 2),
            ],
            interests: [
                ("walking", 5), ("coffee-morning", 4), ("reading-group", 3), ("baking", 3), ("gardening", 3),
                ("games", 2), ("lunch-club", 2), ("quiz", 2),
            ]),
        SkillCluster(
            name: "home-and-garden", weight: 1.3, ageFactors: [0.5, 1.0, 1.2, 1.3, 0.7],
            offers: [
                ("gardening", 10), ("diy", 8), ("decorating", 3), ("changing-light-bulbs", 3), ("food-growing", 3),
                ("plumbing", 2), ("repair-cafe", 2), ("moving-help", 2), ("bike-maintenance", 2), ("woodwork", 2),
            ],
            interests: [
                ("gardening", 6), ("food-growing", 4), ("environmental-volunteering", 3), ("woodwork", 3),
                ("mens-shed", 2), ("walking", 3), ("wildlife", 2), ("repair-cafe", 2),
            ]),
        SkillCluster(
            name: "digital", weight: 1.0, ageFactors: [1.8, 1.4, 0.8, 0.4, 0.1],
            offers: [
                ("computer-help", 10), ("video-calls", 4), ("online-safety", 3), ("social-media", 3),
                ("form-filling", 3), ("online-shopping", 2), ("website-building", 2), ("computer-repair", 2),
                ("typing", 2), ("coding", 1),
            ],
            interests: [
                ("coding", 3), ("photography", 3), ("film-club", 3), ("games", 3), ("gym", 2), ("football", 2),
                ("music-appreciation", 2), ("quiz", 1),
            ]),
        SkillCluster(
            name: "crafts", weight: 1.0, ageFactors: [0.3, 0.6, 1.0, 1.5, 1.7],
            offers: [
                ("knitting", 9), ("baking", 5), ("sewing", 6), ("crochet", 4), ("card-making", 3), ("embroidery", 2),
                ("quilting", 2), ("jewellery-making", 2), ("craft-fair", 2),
            ],
            interests: [
                ("knitting", 5), ("crochet", 3), ("baking", 4), ("sewing", 3), ("craft-fair", 2),
                ("singing", 2), ("coffee-morning", 3), ("church-flowers", 1), ("reading-group", 2),
            ]),
        SkillCluster(
            name: "kitchen", weight: 0.9, ageFactors: [0.8, 1.0, 1.1, 1.1, 0.8],
            offers: [
                ("cooking", 10), ("baking", 5), ("lunch-club", 4), ("hosting-gatherings", 4), ("refreshments", 4),
                ("food-bank", 3), ("meal-delivery", 2), ("healthy-eating", 2), ("event-organising", 2),
            ],
            interests: [
                ("cooking", 5), ("lunch-club", 4), ("coffee-morning", 3), ("food-growing", 2),
                ("hosting-gatherings", 2), ("dance", 2), ("quiz", 2), ("healthy-eating", 2),
            ]),
        SkillCluster(
            name: "creative", weight: 0.8, ageFactors: [1.0, 1.0, 1.0, 1.0, 0.7],
            offers: [
                ("painting", 8), ("drawing", 6), ("poetry", 5), ("creative-writing", 5), ("photography", 4),
                ("drama", 3), ("pottery", 2), ("film-club", 2), ("storytelling", 2),
            ],
            interests: [
                ("painting", 5), ("drawing", 4), ("poetry", 4), ("creative-writing", 4), ("photography", 3),
                ("drama", 2), ("film-club", 3), ("reading-group", 2), ("music-appreciation", 2),
            ]),
        SkillCluster(
            name: "active", weight: 0.9, ageFactors: [1.5, 1.3, 1.0, 0.8, 0.3],
            offers: [
                ("walking", 10), ("yoga", 4), ("running", 3), ("football", 3), ("gym", 3), ("fitness-class", 3),
                ("swimming", 3), ("cycling", 3), ("dance", 3), ("tai-chi", 2), ("badminton", 2), ("golf", 2),
                ("walking-football", 2), ("netball", 1), ("table-tennis", 1),
            ],
            interests: [
                ("walking", 5), ("swimming", 4), ("yoga", 3), ("gym", 3), ("football", 3), ("cycling", 3),
                ("dance", 3), ("running", 2), ("badminton", 2), ("fitness-class", 2), ("nature-walks", 2),
            ]),
        SkillCluster(
            name: "gentle-movement", weight: 0.6, ageFactors: [0.1, 0.2, 0.5, 1.4, 2.0],
            offers: [
                ("walking", 6), ("chair-exercise", 6), ("tai-chi", 5), ("chair-yoga", 4), ("strength-and-balance", 4),
                ("dance", 3), ("gentle-gardening", 3), ("bowls", 2),
            ],
            interests: [
                ("chair-exercise", 4), ("tai-chi", 4), ("walking", 4), ("chair-yoga", 3), ("dance", 3),
                ("singing", 3), ("coffee-morning", 2), ("bowls", 2), ("gentle-gardening", 2),
            ]),
        SkillCluster(
            name: "families", weight: 0.7, ageFactors: [1.2, 2.0, 0.6, 0.2, 0.1],
            offers: [
                ("toddler-group", 7), ("parenting-support", 6), ("babysitting", 6), ("school-run", 4),
                ("storytime", 4), ("homework-club", 3), ("youth-mentoring", 3),
            ],
            interests: [
                ("toddler-group", 5), ("storytime", 3), ("cooking", 3), ("swimming", 3), ("soft-play", 2),
                ("parenting-support", 3), ("walking", 2),
            ]),
        SkillCluster(
            name: "admin", weight: 0.7, ageFactors: [0.8, 1.1, 1.2, 1.1, 0.5],
            offers: [
                ("form-filling", 8), ("correspondence", 5), ("budgeting", 4), ("admin-support", 4), ("cv-writing", 4),
                ("benefits-advice", 3), ("bookkeeping", 3), ("typing", 3), ("tutoring", 3), ("maths", 2),
            ],
            interests: [
                ("discussion-group", 4), ("reading-group", 3), ("history", 3), ("talks", 3), ("family-history", 2),
                ("quiz", 2),
            ]),
        SkillCluster(
            name: "languages", weight: 0.5, ageFactors: [1.2, 1.3, 1.0, 0.6, 0.3],
            offers: [
                ("translation", 8), ("english-conversation", 7), ("language-exchange", 4), ("welcoming", 3),
                ("cooking", 3), ("french", 2), ("spanish", 2), ("portuguese", 2), ("yoruba", 2), ("sign-language", 1),
            ],
            interests: [
                ("english-conversation", 4), ("language-exchange", 4), ("cooking", 3), ("faith-activities", 2),
                ("afro-dance", 2), ("dance", 2), ("music-appreciation", 2),
            ]),
        SkillCluster(
            name: "music", weight: 0.5, ageFactors: [1.0, 0.9, 1.0, 1.1, 1.0],
            offers: [
                ("singing", 7), ("choir", 6), ("playing-music", 4), ("guitar", 3), ("ukulele", 3), ("piano", 3),
                ("drumming", 2), ("music-appreciation", 2),
            ],
            interests: [
                ("singing", 5), ("choir", 5), ("music-appreciation", 3), ("dance", 3), ("playing-music", 2),
                ("ukulele", 2),
            ]),
        SkillCluster(
            name: "learning", weight: 0.6, ageFactors: [0.7, 0.8, 1.0, 1.3, 1.1],
            offers: [
                ("reading-group", 6), ("discussion-group", 6), ("history", 4), ("family-history", 4), ("talks", 3),
                ("tutoring", 3), ("mentoring", 3), ("skill-sharing", 3), ("public-speaking", 2), ("quiz", 2),
                ("games", 2),
            ],
            interests: [
                ("reading-group", 5), ("discussion-group", 5), ("history", 4), ("family-history", 3),
                ("talks", 3), ("quiz", 2), ("games", 2), ("film-club", 2),
            ]),
        SkillCluster(
            name: "faith-and-community", weight: 0.6, ageFactors: [0.4, 0.7, 1.0, 1.4, 1.3],
            offers: [
                ("church-flowers", 5), ("welcoming", 4), ("fundraising", 4), ("charity-shop", 4), ("baking", 2),
                ("refreshments", 3), ("surgery-volunteering", 3), ("community-organising", 3), ("leafleting", 3),
                ("newsletter", 2), ("stewarding", 2),
            ],
            interests: [
                ("faith-activities", 4), ("church-flowers", 3), ("singing", 3), ("choir", 2),
                ("coffee-morning", 3), ("lunch-club", 2), ("bingo", 2),
            ]),
        SkillCluster(
            name: "nature", weight: 0.6, ageFactors: [1.3, 1.1, 1.0, 1.0, 0.5],
            offers: [
                ("environmental-volunteering", 8), ("gardening", 4), ("recycling", 4), ("wildlife", 3),
                ("food-growing", 3), ("nature-walks", 3), ("city-farm", 2), ("beekeeping", 1),
            ],
            interests: [
                ("environmental-volunteering", 5), ("wildlife", 4), ("nature-walks", 4), ("walking", 3),
                ("photography", 2), ("gardening", 3), ("recycling", 2),
            ]),
        SkillCluster(
            name: "animals", weight: 0.4, ageFactors: [1.2, 1.0, 1.0, 1.0, 0.6],
            offers: [("dog-walking", 8), ("pet-care", 7), ("city-farm", 3), ("pet-therapy", 2)],
            interests: [("dog-walking", 4), ("pet-care", 3), ("walking", 3), ("city-farm", 2), ("wildlife", 2)]),
        SkillCluster(
            name: "lived-experience", weight: 0.15, ageFactors: [1.1, 1.3, 1.3, 0.7, 0.2],
            offers: [
                ("staff-training", 6), ("peer-support-mental-health", 5), ("interview-panels", 4), ("listening", 4),
                ("public-speaking", 3), ("hosting-gatherings", 3), ("poetry", 3), ("gentle-gardening", 3),
                ("mentoring", 2),
            ],
            interests: [
                ("poetry", 4), ("gentle-gardening", 4), ("creative-writing", 3), ("mindfulness", 3),
                ("dog-walking", 2), ("painting", 3), ("music-appreciation", 2),
            ]),
        SkillCluster(
            name: "care-and-wellbeing", weight: 0.5, ageFactors: [0.8, 1.0, 1.1, 1.0, 0.6],
            offers: [
                ("listening", 5), ("hairdressing", 4), ("mindfulness", 4), ("massage", 3), ("hand-and-nail-care", 3),
                ("relaxation", 3), ("sitting-service", 3), ("health-champion", 3), ("reflexology", 2),
                ("first-aid", 2), ("reading-aloud", 2), ("reminiscence", 2),
            ],
            interests: [
                ("mindfulness", 4), ("yoga", 3), ("relaxation", 3), ("memory-cafe", 2), ("singing", 2),
                ("walking", 2),
            ]),
        SkillCluster(
            name: "prison-workshop", weight: 0, ageFactors: [1, 1, 1, 1, 1],
            offers: [
                ("bike-maintenance", 6), ("woodwork", 6), ("cooking", 4), ("tutoring", 4),
                ("peer-support-addiction", 4), ("painting", 3), ("card-making", 3), ("gym", 3), ("mentoring", 3),
                ("listening", 3),
            ],
            interests: [
                ("gym", 4), ("football", 3), ("reading-group", 3), ("painting", 2), ("cooking", 2),
                ("creative-writing", 2),
            ]),
    ]

    /// Skills that can be given without leaving home (for housebound members).
    static let fromHome: [String] = [
        "telephone-befriending", "knitting", "crochet", "sewing", "form-filling", "translation", "letter-writing",
        "poetry", "creative-writing", "computer-help", "video-calls", "listening", "card-making", "tutoring",
        "budgeting", "correspondence", "typing", "embroidery",
    ]

    /// Skills usually given in the other person's home (their givers often make home visits).
    static let inTheirHome: Set<String> = [
        "befriending", "diy", "gardening", "shopping", "accompanying", "cleaning", "laundry", "hairdressing",
        "sitting-service", "plumbing", "decorating", "changing-light-bulbs", "pet-care", "computer-help",
        "moving-help", "reading-aloud", "hand-and-nail-care", "gentle-gardening",
    ]
}
