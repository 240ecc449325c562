import StitchModel

/// A kind of community activity as Lewisham's community directories list them: what it is,
/// who runs it, when it meets, how many it takes and what the venue is like.
struct ActivityTemplate: Sendable {
    /// The kind of venue, which decides its access features.
    enum Venue: Sendable {
        /// A community hall, surgery, library or lounge: step-free (bar a few old halls).
        case hall
        /// A park, allotment or nature reserve: step-free about half the time.
        case outdoor
        /// An upstairs studio or meeting room without a lift: not step-free.
        case upstairs
        /// A therapeutic garden with raised beds: mostly step-free, seated work.
        case garden
    }

    var name: String
    /// Group ids (``CommunityGroup``) that run this kind of activity.
    var organisers: [String]
    var topics: [String]
    var ways: [WellbeingWay]
    var days: [Weekday]
    /// Start times in hours (10.5 is 10:30).
    var starts: [Double]
    var minutes: Int
    var capacity: ClosedRange<Int>
    var venue: Venue
    var seated = false
    var dementiaFriendly = false
    /// Probability that a given instance meets online.
    var online = 0.0
    var ageMin: Int?
    var ageMax: Int?
    /// Probability that an instance applies the age limits (some lunch clubs welcome anyone).
    var ageLimitChance = 1.0
    var costs: [Double] = [0]
    /// How often this kind is chosen, relative to others.
    var weight = 1.0
    /// Probability that newcomers may bring a buddy.
    var buddyWelcome = 0.92
    /// What every instance is about, in a directory's words; `nil` for the kinds that have none yet.
    var description: String?

    static let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
    static let weekend: [Weekday] = [.sat, .sun]
}
