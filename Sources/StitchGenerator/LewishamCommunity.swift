public import StitchModel

/// The bundled Lewisham demo community: the scenario cast, generated neighbours around them,
/// real OpenActive sessions nearby, two years of exchanges and attendance, the cast's ledger
/// (a donation to a family, pot-funded help, giving at the surgery, a group session) and, beside
/// the community in its file, an ongoing pairing.
///
/// The demo must show Stitch on something that looks like a real time bank, not a toy: the
/// people of the field scenarios (``ScenarioCast``) with their hand-written ties, among 300
/// generated members (ids `g-m-…`), enough generated activities (`g-a-…`) that, with up to 25
/// real OpenActive sessions within 12 km of Lewisham town centre (Active Newham's leisure
/// centres, with their CC BY 4.0 attribution), there are at least 70 activities, and about
/// 1,800 generated exchanges (`g-x-…`) over the two years to 1 November 2026. Generated ids
/// never collide with the cast's (`m-…`, `a-…`, `x-cast-…`).
///
/// ```swift
/// let reader = OpenActiveFeedReader()
/// let newham = reader.read(try Data(contentsOf: newhamURL), source: "Active Newham").activities
/// let community = LewishamCommunity.make(taxonomy: taxonomy, openActive: newham)
/// ```
public enum LewishamCommunity {
    /// Generated members in the demo.
    public static let generatedMembers = 300
    /// The most OpenActive sessions taken.
    public static let openActiveLimit = 25
    /// How far from Lewisham town centre an OpenActive session may be, in km.
    public static let openActiveRadiusKm = 12.0

    /// Builds the demo community.
    ///
    /// - Parameters:
    ///   - seed: the generator's seed.
    ///   - taxonomy: the skill taxonomy (`data/taxonomy.json`).
    ///   - openActive: imported OpenActive activities (any region: only those near Lewisham are used).
    public static func make(seed: UInt64 = 2026, taxonomy: SkillTaxonomy, openActive: [Activity]) -> Community {
        let cast = ScenarioCast.community
        let nearby = nearbySessions(openActive)
        let activityCount = max(48, 72 - nearby.count - cast.activities.count)
        let configuration = GeneratorConfiguration(
            members: generatedMembers, activities: activityCount, exchanges: 6 * generatedMembers, seed: seed)
        let generated = CommunityGenerator(configuration: configuration, taxonomy: taxonomy).generate(alongside: nearby)
        return Community(
            members: cast.members + generated.members, activities: cast.activities + generated.activities,
            exchanges: cast.exchanges + generated.exchanges, attendance: cast.attendance + generated.attendance,
            accounts: cast.accounts, ledger: cast.ledger)
    }

    /// The demo's community file (`data/lewisham.json`): the community ``make(seed:taxonomy:openActive:)``
    /// builds, and the cast's ongoing pairings beside it (``ScenarioCast/pairings``).
    public static func file(seed: UInt64 = 2026, taxonomy: SkillTaxonomy, openActive: [Activity]) -> CommunityFile {
        CommunityFile(community: make(seed: seed, taxonomy: taxonomy, openActive: openActive), pairings: ScenarioCast.pairings)
    }

    /// Up to ``openActiveLimit`` sessions within ``openActiveRadiusKm`` of Lewisham town centre,
    /// chosen deterministically so that the demo shows a range of sessions rather than one
    /// centre's timetable: kinds of activity (first topic) take turns, nearest kind first, and
    /// within a kind the nearest session (then the smallest id) goes first.
    public static func nearbySessions(_ activities: [Activity]) -> [Activity] {
        let centre = GeneratorConfiguration.lewisham
        let near = activities.compactMap { activity -> (Double, Activity)? in
            guard let location = activity.location, !activity.schedule.isEmpty else { return nil }
            let km = LocalGeometry.km(centre, location)
            return km <= openActiveRadiusKm ? (km, activity) : nil
        }.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
        var kinds: [String] = []
        var queues: [String: [Activity]] = [:]
        for activity in near {
            let kind = activity.topics.first ?? activity.name
            if queues[kind] == nil { kinds.append(kind) }
            queues[kind, default: []].append(activity)
        }
        var chosen: [Activity] = []
        var round = 0
        while chosen.count < min(openActiveLimit, near.count) {
            for kind in kinds where chosen.count < openActiveLimit {
                if let queue = queues[kind], round < queue.count { chosen.append(queue[round]) }
            }
            round += 1
        }
        return chosen.sorted { $0.id < $1.id }
    }
}
