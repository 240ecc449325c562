public import StitchModel

/// Generates a realistic, seeded community of any size: members, activities, two years of
/// exchanges and attendance, shaped like a Lewisham time bank.
///
/// Stitch needs communities to demonstrate, test and benchmark on, and real member data is
/// personal. The generator reproduces the structure that matters to matching instead: where
/// people live, who refers them, what they offer and need, and who they actually help. Each
/// choice follows published accounts of UK time banks (Rushey Green, the South London and
/// Maudsley ward time banks, Timebanking UK) and of social prescribing:
///
/// - **Geography.** Members live around twelve real Lewisham neighbourhood centres (Catford,
///   Lewisham, Deptford, Brockley, Sydenham, Forest Hill, Lee, Downham, New Cross, Honor Oak,
///   Bellingham, Hither Green) with a bell-shaped scatter of 450–700 m, sheltered residents in
///   their scheme's building, prison members at HMP Belmarsh.
/// - **People.** Ages 18–95, skewed older (about half over 60). About 5% are housebound (mostly
///   75+), 30% visit people at home, 20% hold a DBS check, 12% have access needs, 95% are active.
///   English plus Lewisham's common second languages; a few speak no English yet.
/// - **Groups.** One to three each: GP practices (most members, more of the older), the ward
///   time bank (`slam-ward`), Phoenix Community Housing (`ha-phoenix`, mostly Bellingham and
///   Downham), two sheltered schemes (`sh-…`), a prison time bank (`hmp-belmarsh`), three faith
///   groups, a parents' network, a youth forum and open community organisations.
/// - **Prison.** About 1.5% of members are inside HMP Belmarsh: placed at the prison, travelling
///   0 km, never visiting homes, available only in the regime's session times, exchanging only
///   with each other and attending no outside activities.
/// - **Skills.** Offers (1–4) and interests (1–4) come from one or two skill clusters chosen by
///   age and groups, so skills co-occur in realistic clusters (knitting with sewing and baking;
///   computer help with video calls) and the common time-bank skills dominate; 10% come from the
///   taxonomy's long tail. Needs rise with age and being housebound. About 15% share a lived
///   experience (most ward members), half of them offering the matching peer support.
/// - **Time.** One to four weekly slots of 1.5–4 h on quarter hours: daytime for retired people,
///   evenings and weekends for people in work.
/// - **Goals and safeguarding.** Five Ways goals in tenths by age and interests; about 1% of
///   members are in a mutual `avoid` pair with a neighbour.
/// - **Activities.** Forty-eight kinds (walking groups, allotments, knit and natter, choirs,
///   lunch clubs, chair yoga, art classes, conservation volunteering, toddler groups, digital
///   drop-ins, men's sheds, reading groups, ESOL conversation, coffee mornings, peer support…),
///   each run by a group at its venue; one or two weekly slots; capacity 8–30, about 10% full;
///   mostly step-free, upstairs rooms and some halls not; about 10% online; a few with age limits.
/// - **Exchanges.** Two years of them, local and bonding-heavy, carried by a few very active
///   givers (Pareto rates), half of them repeat arrangements, with a few bridging ties.
/// - **Attendance.** Up to three activities per member matching their interests, within reach,
///   age limits and access needs; two to eight dated visits each in the last six months.
///
/// Output is deterministic: the same configuration and taxonomy give a byte-identical community
/// on any machine (see ``Xoshiro256StarStar``). Every step is linear in the size of the
/// community, so 100,000 members take about a second in release builds.
///
/// ```swift
/// let taxonomy = try JSONDecoder().decode(SkillTaxonomy.self, from: Data(contentsOf: taxonomyURL))
/// let community = CommunityGenerator(configuration: .init(members: 2_000, seed: 42), taxonomy: taxonomy).generate()
/// assert(community.validationErrors().isEmpty)
/// ```
public struct CommunityGenerator: Sendable {
    /// Sizes, seed, reference date and centre.
    public var configuration: GeneratorConfiguration
    /// The taxonomy whose ids the generated skills and topics use.
    public var taxonomy: SkillTaxonomy

    /// Creates a generator. Skill names resolve against `taxonomy` (ids or synonyms); names it
    /// does not know are kept as free text.
    public init(configuration: GeneratorConfiguration, taxonomy: SkillTaxonomy) {
        self.configuration = configuration
        self.taxonomy = taxonomy
    }

    /// Generates the community.
    public func generate() -> Community { generate(alongside: []) }

    /// Generates the community and lets its members attend `otherActivities` too (imported open
    /// data such as OpenActive sessions), which are included, unchanged, after the generated ones.
    public func generate(alongside otherActivities: [Activity]) -> Community {
        let config = configuration
        let palette = SkillPalette(taxonomy: taxonomy)
        let geometry = LocalGeometry(centre: config.centre)

        var random = Xoshiro256StarStar(seed: config.seed, stream: "members")
        let factory = MemberFactory(
            palette: palette, geometry: geometry, referenceYear: config.referenceDate.year,
            includePrison: config.includePrison)
        var population = Population()
        population.members.reserveCapacity(config.members)
        population.profiles.reserveCapacity(config.members)
        let width = max(4, String(config.members).count)
        for i in 0..<config.members {
            let number = String(i + 1)
            let id = config.idPrefix + "m-" + String(repeating: "0", count: width - number.count) + number
            population.append(factory.make(id: id, random: &random))
        }
        var avoidRandom = Xoshiro256StarStar(seed: config.seed, stream: "avoid")
        population.addAvoidPairs(share: 0.01, random: &avoidRandom)

        var activityRandom = Xoshiro256StarStar(seed: config.seed, stream: "activities")
        let generated = ActivityFactory(palette: palette, geometry: geometry)
            .make(count: config.activities, idPrefix: config.idPrefix + "a-", random: &activityRandom)
        let activities = generated + otherActivities

        var exchangeRandom = Xoshiro256StarStar(seed: config.seed, stream: "exchanges")
        let exchanges = ExchangeSimulator(
            palette: palette, referenceDate: config.referenceDate, historyDays: config.historyDays
        )
        .simulate(population, count: config.exchanges, idPrefix: config.idPrefix + "x-", random: &exchangeRandom)

        var attendanceRandom = Xoshiro256StarStar(seed: config.seed, stream: "attendance")
        let attendance = AttendanceSimulator(palette: palette, referenceDate: config.referenceDate, geometry: geometry)
            .simulate(population, activities: activities, random: &attendanceRandom)

        return Community(
            members: population.members, activities: activities, exchanges: exchanges, attendance: attendance)
    }
}
