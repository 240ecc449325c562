import StitchModel

/// One live OpenActive session record, checked and reduced to what Stitch uses.
///
/// Several sessions with the same name at the same venue are one weekly series; the
/// ``OpenActiveSeries`` builder merges them into a single activity.
struct OpenActiveSession: Sendable, Hashable {
    /// Position in the page's `items`.
    var index: Int
    /// The RPDE item id.
    var itemID: String
    var name: String
    /// The venue's identifier (or name, or coordinates): sessions group by name and venue.
    var venueKey: String
    /// The venue's name, when given ("Newham Leisure Centre").
    var venueName: String?
    var location: Location
    /// The organiser's name, when the record gives one.
    var organiser: String?
    /// What the session is about, cleaned by ``DescriptionText`` (HTML removed), when the record says.
    var description: String?
    /// Activity names, normalised with ``StitchModel/SkillTaxonomy/normalise(_:)``.
    var topics: [String]
    /// Weekly slots of every dated occurrence (or of the weekly schedule).
    var slots: [Slot]
    var capacity: Int?
    /// Places taken at the most booked occurrence, when the feed says how many remain.
    var enrolled: Int?
    /// The lowest offer price in pounds.
    var cost: Double?
    var ageMin: Int?
    var ageMax: Int?
    /// A course or lessons (Keep Learning) rather than a drop-in session.
    var isLesson: Bool

    /// Activity names that are done alone even when many people are there (no Connect tag).
    static let soloTopics: Set<String> = [
        "gym", "gym-active-11-15-yrs", "fitness-appointments", "toning-tables", "swimming", "lane-swimming",
    ]

    /// The Five Ways an OpenActive session serves: Be Active always; Connect for group sessions;
    /// Keep Learning for lessons and courses.
    var wellbeing: [WellbeingWay] {
        var ways: [WellbeingWay] = [.beActive]
        if topics.isEmpty || !topics.allSatisfy(Self.soloTopics.contains) { ways.insert(.connect, at: 0) }
        if isLesson { ways.append(.keepLearning) }
        return ways
    }

    /// Turns an activity name into a topic: trade marks dropped, then normalised
    /// (`"Body Combat™"` → `"body-combat"`).
    static func topic(_ label: String) -> String {
        let cleaned = String(label.unicodeScalars.filter { !["™", "®", "©"].contains($0) }.map(Character.init))
        return SkillTaxonomy.normalise(cleaned)
    }
}
