import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Dated requests and sessions, and days away: a dated time is met by weekly availability on its
/// weekday unless the helper is away that day (excluded under `availability`, explained with the
/// dates); dated sessions count only when to come; reasons name the date.
@Suite("Dated times and days away in the engine")
struct DatedTimeEngineTests {
    static let here = Location(lat: 51.43, lon: -0.02)!
    static let taxonomy = SkillTaxonomy(skills: [
        SkillTaxonomy.Entry(id: "accompanying", label: "accompanying"), SkillTaxonomy.Entry(id: "lunch-club", label: "lunch club"),
    ])
    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }
    static let appointment = DatedSlot("2026-12-15", "10:00", "12:00")!

    static func helper(_ id: String, free: [Slot], away: [AwayPeriod] = []) -> Member {
        Member(id: id, offers: ["accompanying"], availability: free, location: here, travelKm: 5, away: away)
    }

    static func engine(_ members: [Member], activities: [Activity] = [], today: String = "2026-12-01") throws -> Engine {
        try Engine(
            community: Community(members: [Member(id: "m-win", needs: ["accompanying"], location: here)] + members, activities: activities),
            taxonomy: taxonomy, configuration: EngineConfiguration(referenceDate: date(today)))
    }

    static let tuesdayMorning = Slot(.tue, "09:00", "13:00")!

    @Test func aDatedTimeIsMetByTheWeekdayAndNotOnADayAway() throws {
        let engine = try Self.engine([
            Self.helper("m-free", free: [Self.tuesdayMorning]),
            Self.helper("m-away", free: [Self.tuesdayMorning], away: [AwayPeriod("2026-12-12", "2026-12-20")!]),
            Self.helper("m-back", free: [Self.tuesdayMorning], away: [AwayPeriod("2026-12-01", "2026-12-14")!]),
            Self.helper("m-wednesday", free: [Slot(.wed, "09:00", "13:00")!]),
        ])
        let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-win", skill: "accompanying", whenDated: [Self.appointment]))
        #expect(Set(ranking.matches.map(\.id)) == ["m-free", "m-back"])
        #expect(ranking.excluded[.availability] == 2)
        let free = try #require(ranking.matches.first { $0.id == "m-free" })
        #expect(free.reasons.contains("Free on Tue 15 Dec, 10:00–12:00"))

        // The same helpers for a weekly Tuesday: being away rules nobody out.
        let weekly = try engine.whoCanHelp(HelpRequest(requester: "m-win", skill: "accompanying", when: [Slot(.tue, "10:00", "12:00")!]))
        #expect(Set(weekly.matches.map(\.id)) == ["m-free", "m-away", "m-back"])
    }

    @Test func explainNamesTheDaysAway() throws {
        let engine = try Self.engine([
            Self.helper("m-away", free: [Self.tuesdayMorning], away: [AwayPeriod("2026-12-12", "2026-12-20")!]),
            Self.helper("m-free", free: [Self.tuesdayMorning]),
        ])
        let away = try engine.explain(
            ExplainQuery(subject: .id("m-win"), candidate: "m-away", skill: "accompanying", when: TimeList(dated: [Self.appointment])))
        #expect(away.excludedBy == [.availability])
        #expect(away.constraints?.contains { $0.constraint == .availability && $0.detail == "Away 12 Dec – 20 Dec" } == true)
        let free = try engine.explain(
            ExplainQuery(subject: .id("m-win"), candidate: "m-free", skill: "accompanying", when: TimeList(dated: [Self.appointment])))
        #expect(free.excludedBy?.isEmpty ?? true)
        #expect(free.constraints?.contains { $0.detail == "Free on Tue 15 Dec, 10:00–12:00" } == true)
    }

    @Test func aHelperAwayAllTheComingWeekIsMarkedForAWeeklyRequest() throws {
        let engine = try Self.engine([
            Self.helper("m-away", free: [Self.tuesdayMorning], away: [AwayPeriod("2026-11-28", "2026-12-10")!])
        ])
        let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-win", skill: "accompanying", when: [Slot(.tue, "10:00", "12:00")!]))
        let match = try #require(ranking.matches.first)
        #expect(match.reasons.contains("Away 28 Nov – 10 Dec"))
    }

    @Test func aDatedRequestJudgesDBSOnItsDay() throws {
        // Checked 2023-12-20: in date on 1 Dec 2026, expired by 15 Dec 2026 (three years).
        var helper = Self.helper("m-checked", free: [Self.tuesdayMorning])
        helper.dbs = DBSCheck(checked: Self.date("2023-12-10"), level: .enhanced)
        let engine = try Self.engine([helper])
        let ranking = try engine.whoCanHelp(
            HelpRequest(requester: "m-win", skill: "accompanying", requiresDBS: true, whenDated: [Self.appointment]))
        #expect(ranking.matches.isEmpty)
        #expect(ranking.excluded[.dbs] == 1)
    }

    @Test func datedSessionsCountOnlyWhenToComeAndNotOnDaysAway() throws {
        let lunch = Activity(
            id: "a-lunch", name: "Christmas lunch", topics: ["lunch-club"], location: Self.here,
            datedSessions: [DatedSlot("2026-12-19", "12:00", "14:00")!])
        let supper = Activity(
            id: "a-supper", name: "Harvest supper", topics: ["lunch-club"], location: Self.here,
            datedSessions: [DatedSlot("2026-10-03", "18:00", "20:00")!])
        let engine = try Self.engine(
            [
                Member(id: "m-eve", interests: ["lunch-club"], availability: [Slot(.sat, "11:00", "15:00")!], location: Self.here),
                Member(id: "m-gone", interests: ["lunch-club"], location: Self.here, away: [AwayPeriod("2026-12-18", "2026-12-27")!]),
            ],
            activities: [lunch, supper])
        let eve = try engine.refer(Referral(person: .id("m-eve")), limit: 10, withBuddy: false)
        #expect(eve.matches.map(\.id) == ["a-lunch"])
        #expect(eve.excluded[.availability] == 1)
        #expect(eve.matches[0].reasons.contains("Free for the Sat 19 Dec, 12:00–14:00 session"))
        let over = try engine.explain(ExplainQuery(subject: .id("m-eve"), candidate: "a-supper"))
        #expect(over.constraints?.contains { $0.detail == "Its dated sessions are over" } == true)

        let gone = try engine.refer(Referral(person: .id("m-gone")), limit: 10, withBuddy: false)
        #expect(gone.matches.isEmpty)
        #expect(gone.excluded[.availability] == 2)
        let explained = try engine.explain(ExplainQuery(subject: .id("m-gone"), candidate: "a-lunch"))
        #expect(explained.constraints?.contains { $0.detail == "Away 18 Dec – 27 Dec" } == true)
    }

    @Test func upsertsKeepDaysAwayAndDatedSessionsCurrent() throws {
        var live = try LiveCommunity(
            community: Community(members: [
                Member(id: "m-win", interests: ["lunch-club"], needs: ["accompanying"], location: Self.here),
                Self.helper("m-free", free: [Self.tuesdayMorning]),
            ]),
            taxonomy: Self.taxonomy, configuration: EngineConfiguration(referenceDate: Self.date("2026-12-01")))
        let request = HelpRequest(requester: "m-win", skill: "accompanying", whenDated: [Self.appointment])
        #expect(try live.engine.whoCanHelp(request).matches.map(\.id) == ["m-free"])
        try live.apply(.upsertMember(Self.helper("m-free", free: [Self.tuesdayMorning], away: [AwayPeriod("2026-12-15", "2026-12-15")!])))
        #expect(try live.engine.whoCanHelp(request).matches.isEmpty)
        try live.apply(.upsertActivity(Activity(
            id: "a-lunch", name: "Lunch", topics: ["lunch-club"], location: Self.here,
            datedSessions: [DatedSlot("2026-11-20", "12:00", "14:00")!])))
        #expect(try live.engine.refer(Referral(person: .id("m-win")), withBuddy: false).matches.isEmpty)
        try live.apply(.upsertActivity(Activity(
            id: "a-lunch", name: "Lunch", topics: ["lunch-club"], location: Self.here,
            datedSessions: [DatedSlot("2026-11-20", "12:00", "14:00")!, DatedSlot("2026-12-19", "12:00", "14:00")!])))
        #expect(try live.engine.refer(Referral(person: .id("m-win")), withBuddy: false).matches.map(\.id) == ["a-lunch"])
    }

    /// No helper returned for a dated request is away on every dated day asked, or free at none
    /// of the times asked (their weekly availability on the dates' weekdays), over random
    /// communities with random days away.
    @Test(arguments: [21, 22] as [UInt64])
    func noHelperReturnedIsAwayOrNotFreeAtADatedTime(seed: UInt64) throws {
        var community = RandomCommunity.make(seed: seed, members: 300, activities: 30, skills: PropertyTests.skills)
        var rng = SplitMix64(seed: seed &* 31)
        let today = Self.date("2026-12-01")
        for i in community.members.indices where Int.random(in: 0..<3, using: &rng) == 0 {
            let from = today.adding(days: Int.random(in: -5...30, using: &rng))
            community.members[i].away = [AwayPeriod(from: from, to: from.adding(days: Int.random(in: 0...14, using: &rng)))!]
        }
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy, configuration: EngineConfiguration(referenceDate: today))
        let oracle = ConstraintOracle(community, engine: engine)
        var checked = 0
        for q in 0..<200 {
            let requester = community.members.randomElement(using: &rng)!
            let dated = (0..<Int.random(in: 1...2, using: &rng)).map { _ in
                let start = Int.random(in: 32...72, using: &rng)
                return DatedSlot(
                    date: today.adding(days: Int.random(in: 0...30, using: &rng)), start: TimeOfDay(minutes: start * 15)!,
                    end: TimeOfDay(minutes: (start + 8) * 15)!)!
            }
            let request = HelpRequest(
                requester: requester.id, skill: (PropertyTests.skills + requester.needs).randomElement(using: &rng)!, whenDated: dated)
            let ranking = try engine.whoCanHelp(request, limit: 40)
            RankingProperties.check(ranking, limit: 40, "dated \(seed)/\(q)")
            for m in ranking.matches {
                let helper = try #require(oracle.members[m.id])
                let open = dated.filter { time in !helper.away.contains { $0.contains(time.date) } }
                #expect(!open.isEmpty, "dated \(seed)/\(q): \(m.id) is away every day asked")
                if !helper.availability.isEmpty {
                    #expect(
                        ConstraintOracle.overlapMinutes(helper.availability, open.map(\.weekly)) > 0,
                        "dated \(seed)/\(q): \(m.id) is not free at a time asked")
                }
                #expect(oracle.brokenHelperConstraint(helper, request) == nil)
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
