/// How long an exchange of a given skill usually lasts, in half hours from 0.5 to 4 hours.
///
/// Gardening, DIY, decorating, moving and cooking for events take an afternoon; a phone call,
/// a prescription or a light bulb takes half an hour to an hour; most other help takes one to
/// two hours.
struct HoursModel: Sendable {
    private enum Length: UInt8 { case short, usual, long }
    private var lengths: [Length]
    private var seasonal: [Bool]

    static let long: Set<String> = [
        "gardening", "diy", "decorating", "moving-help", "cooking", "food-bank", "environmental-volunteering",
        "plumbing",
        "decluttering", "sewing", "painting", "food-growing", "woodwork", "repair-cafe", "event-organising", "cleaning",
    ]
    static let short: Set<String> = [
        "telephone-befriending", "prescription-collection", "changing-light-bulbs", "bin-help", "dog-walking",
        "listening",
        "video-calls", "online-safety", "correspondence", "typing",
    ]
    static let outdoor: Set<String> = [
        "gardening", "food-growing", "environmental-volunteering", "gentle-gardening", "wildlife", "beekeeping",
        "city-farm",
    ]

    init(palette: SkillPalette) {
        lengths = palette.ids.map { Self.long.contains($0) ? .long : Self.short.contains($0) ? .short : .usual }
        seasonal = palette.ids.map { Self.outdoor.contains($0) }
    }

    func isSeasonal(_ skill: Int) -> Bool { seasonal[skill] }

    /// Half hours: 1 … 8.
    func halfHours(skill: Int, random: inout Xoshiro256StarStar) -> Int {
        let weights: [Double]
        switch lengths[skill] {
        case .short: weights = [0.45, 0.35, 0.12, 0.05, 0.02, 0.01, 0, 0]
        case .usual: weights = [0.08, 0.30, 0.20, 0.22, 0.07, 0.08, 0.02, 0.03]
        case .long: weights = [0.01, 0.08, 0.10, 0.25, 0.12, 0.22, 0.08, 0.14]
        }
        return random.index(weights: weights) + 1
    }
}
