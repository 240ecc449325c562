import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// A referral's one-to-one support: members who befriend, go along to appointments or give peer
/// support, ranked apart from the activities under a helper's hard constraints, with their own
/// counts, and offered to a housebound person first, to a person whose goals the activities do
/// not serve, and otherwise only when they rank as well as the activities.
@Suite("One-to-one support on referrals")
struct OneToOneTests {
    static let here = Location(lat: 51.43, lon: -0.02)!
    static let near = Location(lat: 51.432, lon: -0.02)!
    static let far = Location(lat: 51.50, lon: -0.02)!
    static let taxonomy = SkillTaxonomy(skills: [
        SkillTaxonomy.Entry(id: "companionship", label: "Companionship"),
        SkillTaxonomy.Entry(id: "befriending", label: "Befriending", parent: "companionship"),
        SkillTaxonomy.Entry(id: "telephone-befriending", label: "Telephone befriending", parent: "befriending"),
        SkillTaxonomy.Entry(id: "accompanying", label: "Accompanying to appointments", parent: "companionship"),
        SkillTaxonomy.Entry(id: "listening", label: "Listening", parent: "companionship"),
        SkillTaxonomy.Entry(id: "peer-support", label: "Peer support"),
        SkillTaxonomy.Entry(id: "peer-support-bereavement", label: "Bereavement peer support", parent: "peer-support", experience: "bereavement"),
        SkillTaxonomy.Entry(id: "peer-support-diabetes", label: "Diabetes peer support", parent: "peer-support", experience: "diabetes"),
        SkillTaxonomy.Entry(id: "knitting", label: "Knitting"),
        SkillTaxonomy.Entry(id: "shopping", label: "Shopping"),
    ])
    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }
    static let checked = DBSCheck(checked: date("2025-03-01"), level: .enhanced)

    static func helper(
        _ id: String, offers: [String], at place: Location = near, homeVisits: Bool = true, dbs: DBSCheck? = checked,
        experiences: [String] = [], active: Bool = true, languages: [String] = []
    ) -> Member {
        Member(
            id: id, offers: offers, experiences: experiences, location: place, travelKm: 3, homeVisits: homeVisits, languages: languages,
            active: active, dbs: dbs)
    }

    static func engine(_ members: [Member], activities: [Activity] = []) throws -> Engine {
        try Engine(
            community: Community(members: members, activities: activities), taxonomy: taxonomy,
            configuration: EngineConfiguration(referenceDate: date("2026-10-31")))
    }

    static let knitting = Activity(
        id: "a-knit", name: "Knit and Natter", topics: ["knitting"], wellbeing: [.connect, .takeNotice], location: near)

    @Test func aHouseboundPersonGetsABefrienderWhoVisitsWithADBSCheckFirst() throws {
        let engine = try Self.engine(
            [
                Member(id: "m-win", location: Self.here, housebound: true, wellbeing: FiveWays(connect: 1)),
                Self.helper("m-hazel", offers: ["befriending"]),
                Self.helper("m-rita", offers: ["befriending"], dbs: nil),
                Self.helper("m-colin", offers: ["accompanying"], homeVisits: false),
                Self.helper("m-kwame", offers: ["befriending"], at: Self.far),
                Self.helper("m-olive", offers: ["befriending"], active: false),
                Self.helper("m-shop", offers: ["shopping"]),
                Self.helper("m-listen", offers: ["listening"]),
            ], activities: [Self.knitting])
        let ranking = try engine.refer(Referral(person: .id("m-win")), limit: 5)
        let oneToOne = try #require(ranking.oneToOne)
        #expect(oneToOne.first)
        #expect(oneToOne.why.hasPrefix("Housebound"))
        #expect(oneToOne.matches.map(\.id) == ["m-hazel"])
        let hazel = try #require(oneToOne.matches.first)
        #expect(hazel.support == .befriending)
        #expect(hazel.kind == .member)
        #expect(hazel.reasons.first == "Befriender, visits at home; DBS checked 2025")
        #expect(hazel.reasons.contains("Serves Connect"))
        // Only members offering one-to-one support are considered (not shopping, not listening).
        #expect(oneToOne.considered == 5)
        #expect(oneToOne.excluded[.dbs] == 1)
        #expect(oneToOne.excluded[.homeVisits] == 1)
        #expect(oneToOne.excluded[.distance] == 1)
        #expect(oneToOne.excluded[.inactive] == 1)
        // The activities are ranked as before: in person is not possible.
        #expect(ranking.matches.isEmpty)
        #expect(ranking.excluded[.distance] == 1)
    }

    @Test func aDismissedOrAvoidedMemberIsNeverOffered() throws {
        let engine = try Self.engine([
            Member(id: "m-win", location: Self.here, housebound: true, avoid: ["m-rita"]),
            Self.helper("m-hazel", offers: ["befriending"]),
            Self.helper("m-rita", offers: ["befriending"]),
        ])
        let dismissed = engine.judgingDismissals(
            [Dismissal(subject: "m-win", candidate: "m-hazel", reason: "met before, did not get on", date: Self.date("2026-10-30"))],
            on: Self.date("2026-10-31"))
        let oneToOne = try #require(try dismissed.refer(Referral(person: .id("m-win"))).oneToOne)
        #expect(oneToOne.matches.isEmpty)
        #expect(oneToOne.excluded[.dismissed] == 1)
        #expect(oneToOne.excluded[.safeguarding] == 1)
        #expect(oneToOne.why.contains("no member offering it meets every constraint"))
    }

    @Test func peerSupportFromASharedExperienceServesConnectAndGive() throws {
        let engine = try Self.engine([
            Member(id: "m-ann", experiences: ["bereavement"], location: Self.here, wellbeing: FiveWays(connect: 1, give: 1)),
            Self.helper("m-peer", offers: ["peer-support-bereavement"], homeVisits: false, experiences: ["bereavement"]),
            Self.helper("m-other", offers: ["peer-support-diabetes"], homeVisits: false, experiences: ["diabetes"]),
        ])
        let oneToOne = try #require(try engine.refer(Referral(person: .id("m-ann"))).oneToOne)
        // No activity at all: one-to-one support instead, read first.
        #expect(oneToOne.first)
        #expect(oneToOne.matches.map(\.id) == ["m-peer", "m-other"])
        let peer = oneToOne.matches[0]
        #expect(peer.support == .peerSupport)
        #expect(peer.factors.skill == 1)
        #expect(peer.factors.wellbeing == 1)
        #expect(peer.reasons.contains("Shares lived experience of bereavement"))
        #expect(oneToOne.matches[1].factors.skill < 0.5)
    }

    @Test func aGoalTheActivitiesDoNotServeBringsOneToOneSupport() throws {
        let members = [
            Member(id: "m-ann", location: Self.here, wellbeing: FiveWays(takeNotice: 1)),
            Self.helper("m-hazel", offers: ["befriending"], dbs: nil),
        ]
        let engine = try Self.engine(members, activities: [Activity(
            id: "a-walk", name: "Walk", topics: ["shopping"], wellbeing: [.takeNotice], location: Self.near)])
        // Take Notice is served by the walk: one-to-one support comes only if it ranks as well.
        let served = try #require(try engine.refer(Referral(person: .id("m-ann"))).oneToOne)
        #expect(!served.first)
        #expect(served.matches.isEmpty == !served.why.hasPrefix("Ranks"))
        // Connect is served by no activity offered, and befriending serves it.
        let connect = try #require(try engine.refer(Referral(person: .id("m-ann"), goals: FiveWays(connect: 1, takeNotice: 1))).oneToOne)
        #expect(connect.why == "Connect is a goal the activities offered do not serve")
        #expect(connect.matches.map(\.id) == ["m-hazel"])
        #expect(!connect.first)
        // Not housebound: a befriender without a DBS check or home visits is not excluded.
        #expect(connect.excluded.total == 0)
    }

    @Test func withGoalsTheActivitiesServeOnlyWellRankedSupportIsOffered() throws {
        let engine = try Self.engine(
            [
                Member(id: "m-ann", interests: ["knitting"], location: Self.here, wellbeing: FiveWays(connect: 1, takeNotice: 1)),
                Self.helper("m-far", offers: ["accompanying"], at: Location(lat: 51.45, lon: -0.02)!),
            ], activities: [Self.knitting])
        let ranking = try engine.refer(Referral(person: .id("m-ann")))
        let oneToOne = try #require(ranking.oneToOne)
        let last = try #require(ranking.matches.map(\.score).min())
        #expect(oneToOne.matches.allSatisfy { $0.score >= last })
        #expect(oneToOne.matches.isEmpty, "a distant accompanier with no interest in common ranks below Knit and Natter")
        #expect(oneToOne.why == "None offered: the activities serve their goals and rank higher")
        #expect(oneToOne.considered == 1)
    }

    @Test func explainShowsWhyABefrienderIsLeftOut() throws {
        let engine = try Self.engine([
            Member(id: "m-win", location: Self.here, housebound: true),
            Self.helper("m-rita", offers: ["befriending"], dbs: nil),
        ])
        let explained = try engine.explain(ExplainQuery(subject: .id("m-win"), candidate: "m-rita", support: .befriending))
        #expect(explained.excludedBy == [.dbs])
        #expect(explained.support == .befriending)
        #expect(explained.constraints?.first { $0.constraint == .dbs }?.detail == "No DBS check")
    }

    @Test func otherRankingsCarryNoOneToOne() throws {
        let engine = try Self.engine([
            Member(id: "m-win", needs: ["befriending"], location: Self.here),
            Self.helper("m-hazel", offers: ["befriending"]),
        ])
        #expect(try engine.whoCanHelp(HelpRequest(requester: "m-win", skill: "befriending")).oneToOne == nil)
        #expect(try engine.opportunities(for: "m-hazel").oneToOne == nil)
    }
}
