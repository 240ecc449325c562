/// What members ask for, and the lived experience they share, by stage of life.
///
/// Older and housebound members ask most, and for the practical things time banks are known for
/// (shopping, lifts, befriending, prescription collection, hospital visits); working-age members
/// ask for DIY, gardening, childcare, English practice and help with forms. Lived experience
/// (about 15% of members) follows the health of the population: bereavement, caring, diabetes,
/// mental-health recovery, and for the ward's members mostly the latter.
enum NeedTables {
    static let older: [(String, Double)] = [
        ("shopping", 10), ("befriending", 9), ("lifts", 8), ("prescription-collection", 7), ("accompanying", 6),
        ("gardening", 6), ("computer-help", 6), ("diy", 5), ("telephone-befriending", 4), ("form-filling", 4),
        ("changing-light-bulbs", 3), ("cleaning", 3), ("video-calls", 3), ("correspondence", 2), ("meal-delivery", 2),
        ("hairdressing", 2), ("cooking", 2), ("walking", 2), ("decluttering", 1), ("reading-aloud", 1),
    ]

    static let workingAge: [(String, Double)] = [
        ("diy", 6), ("gardening", 4), ("form-filling", 4), ("cv-writing", 4), ("computer-help", 3), ("moving-help", 3),
        ("dog-walking", 3), ("pet-care", 3), ("budgeting", 3), ("lifts", 3), ("befriending", 2), ("sewing", 2),
        ("bike-maintenance", 2), ("tutoring", 2), ("cooking", 2), ("translation", 2), ("decorating", 2),
        ("benefits-advice", 2), ("listening", 2), ("baking", 1),
    ]

    /// Extra needs of parents, of people without English, and of the housebound.
    static let parents: [(String, Double)] = [("babysitting", 6), ("school-run", 3), ("parenting-support", 3)]
    static let newToEnglish: [(String, Double)] = [
        ("english-conversation", 10), ("translation", 4), ("form-filling", 3),
    ]
    static let housebound: [(String, Double)] = [
        ("shopping", 10), ("prescription-collection", 8), ("befriending", 8), ("telephone-befriending", 6),
        ("accompanying", 5), ("meal-delivery", 3),
    ]

    /// Needs of prison time-bank members, met inside the prison.
    static let prison: [(String, Double)] = [
        ("tutoring", 4), ("cv-writing", 4), ("listening", 3), ("english-conversation", 2),
        ("peer-support-addiction", 2),
        ("letter-writing", 2),
    ]

    /// Expected number of needs by age band (18–29 … 75+).
    static let expectedNeeds: [Double] = [0.6, 0.7, 0.7, 1.0, 1.8]

    /// Lived experiences: weight, and the youngest age at which it is usual.
    static let experiences: [(experience: String, weight: Double, minAge: Int)] = [
        ("bereavement", 4, 45), ("caring", 4, 30), ("diabetes", 4, 35), ("mental-health-recovery", 3, 18),
        ("chronic-pain", 2, 35), ("cancer", 2, 45), ("disability", 1.5, 18), ("stroke", 1.5, 55),
        ("dementia", 1.5, 50), ("addiction-recovery", 1, 20), ("migration", 1, 18),
    ]
}
