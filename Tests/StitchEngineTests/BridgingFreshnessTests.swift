import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// When the bridging model is due for a recompute, and what a recompute gives.
@Suite("Recomputing the bridging model")
struct BridgingFreshnessTests {
    static let day = CalendarDate(parsing: "2026-06-01")!

    static func id(_ i: Int) -> String { "m-\(i)" }

    /// 100 members; members 0…40 in a chain of 40 one-hour exchanges dated the reference day
    /// (each tie weighs exactly 1, total 40); members 41…99 have no ties. One activity, `a-club`.
    static func chain(coAttendanceLimit: Int = 60) throws -> Engine {
        let members = (0..<100).map { Member(id: id($0)) }
        let exchanges = (0..<40).map { Exchange(giver: id($0), receiver: id($0 + 1), hours: 1, date: day) }
        var configuration = EngineConfiguration(referenceDate: day)
        configuration.coAttendanceLimit = coAttendanceLimit
        return try Engine(
            community: Community(
                members: members, activities: [Activity(id: "a-club", name: "Club")], exchanges: exchanges),
            taxonomy: Fixtures.taxonomy, configuration: configuration)
    }

    @Test func dueOnceTheAddedWeightPassesFivePercent() throws {
        var freshness = try Self.chain().bridgingFreshness()
        #expect(freshness.baselineWeight == 40)
        #expect(freshness.baselineMembers == 100)
        #expect(!freshness.isDue)
        // 5% of 40 is 2: two more hours between tied members are not yet past it.
        freshness.record(Exchange(giver: Self.id(0), receiver: Self.id(1), hours: 1, date: Self.day))
        freshness.record(Exchange(giver: Self.id(5), receiver: Self.id(9), hours: 1, date: Self.day))
        #expect(freshness.changedWeight == 2)
        #expect(freshness.firstTies == 0)
        #expect(!freshness.isDue)
        // Ten minutes count as a quarter hour, and tip it over.
        freshness.record(Exchange(giver: Self.id(2), receiver: Self.id(3), hours: 1.0 / 6, date: Self.day))
        #expect(freshness.changedWeight == 2.25)
        #expect(freshness.isDue)
    }

    @Test func removalsCountAndOldExchangesWeighLess() throws {
        var freshness = try Self.chain().bridgingFreshness()
        freshness.recordTie(between: Self.id(0), and: Self.id(1), weight: -1.5)
        #expect(freshness.changedWeight == 1.5)
        #expect(freshness.firstTies == 0)
        // A year before the reference date: e^-1 of its hours.
        let yearBefore = CalendarDate(parsing: "2025-06-01")
        freshness.record(Exchange(giver: Self.id(3), receiver: Self.id(4), hours: 1, date: yearBefore))
        #expect(abs(freshness.changedWeight - (1.5 + 0.36787944117144233)) < 1e-15)
        #expect(!freshness.isDue)
        freshness.recordTie(between: Self.id(3), and: Self.id(3), weight: 10)
        #expect(!freshness.isDue, "a self-tie is no tie")
    }

    @Test func dueOnceMoreThanTwoPercentOfMembersGainAFirstTie() throws {
        var freshness = try Self.chain().bridgingFreshness()
        // 2% of 100 members is 2. Tiny weights, so only the first ties count.
        freshness.recordTie(between: Self.id(50), and: Self.id(0), weight: 0.01)
        #expect(freshness.firstTies == 1)
        freshness.recordTie(between: Self.id(50), and: Self.id(1), weight: 0.01)
        #expect(freshness.firstTies == 1, "a second tie is not a first")
        freshness.recordTie(between: Self.id(51), and: Self.id(0), weight: 0.01)
        #expect(freshness.firstTies == 2)
        #expect(!freshness.isDue)
        freshness.recordTie(between: Self.id(51), and: Self.id(52), weight: 0.01)
        #expect(freshness.firstTies == 3)
        #expect(freshness.isDue)
    }

    @Test func aNewMemberGainingATieIsAFirstTie() throws {
        var freshness = try Self.chain().bridgingFreshness()
        freshness.recordTie(between: "m-new", and: Self.id(0), weight: 0.01)
        #expect(freshness.firstTies == 1)
    }

    @Test func attendanceAddsOneForANewcomerAndFirstTiesForThoseAlone() throws {
        var freshness = try Self.chain(coAttendanceLimit: 3).bridgingFreshness()
        freshness.recordAttendance(of: Self.id(60), joining: [])
        #expect(freshness.changedWeight == 0 && freshness.firstTies == 0, "alone: no tie yet")
        freshness.recordAttendance(of: Self.id(61), joining: [Self.id(60)])
        #expect(freshness.changedWeight == 1)
        #expect(freshness.firstTies == 2, "both had no ties")
        freshness.recordAttendance(of: Self.id(61), joining: [Self.id(60), Self.id(61)])
        #expect(freshness.changedWeight == 1, "already there")
        freshness.recordAttendance(of: Self.id(0), joining: [Self.id(60), Self.id(61)])
        #expect(freshness.changedWeight == 2)
        #expect(freshness.firstTies == 2)
        // A fourth attendee takes the activity past the limit of 3: its three ties
        // (1/2 each) go.
        freshness.recordAttendance(of: Self.id(1), joining: [Self.id(60), Self.id(61), Self.id(0)])
        #expect(freshness.changedWeight == 3.5)
        freshness.recordAttendance(of: Self.id(2), joining: [Self.id(60), Self.id(61), Self.id(0), Self.id(1)])
        #expect(freshness.changedWeight == 3.5, "no pairwise ties beyond the limit")
        #expect(freshness.isDue)
    }

    @Test func thresholdsComeFromTheConfiguration() throws {
        var configuration = EngineConfiguration(referenceDate: Self.day)
        configuration.bridgingRecomputeWeightShare = 0.5
        configuration.bridgingRecomputeFirstTieShare = 0
        let members = (0..<10).map { Member(id: Self.id($0)) }
        let exchanges = [Exchange(giver: Self.id(0), receiver: Self.id(1), hours: 4, date: Self.day)]
        let engine = try Engine(
            community: Community(members: members, exchanges: exchanges), taxonomy: Fixtures.taxonomy,
            configuration: configuration)
        var freshness = engine.bridgingFreshness()
        freshness.recordTie(between: Self.id(0), and: Self.id(1), weight: 2)
        #expect(!freshness.isDue)
        freshness.recordTie(between: Self.id(2), and: Self.id(1), weight: 0.001)
        #expect(freshness.isDue, "any first tie passes a share of 0")
    }

    @Test func aRebuiltEngineBridgesExactlyAsAFreshBuild() throws {
        let full = try Fixtures.lewisham
        var older = full
        older.exchanges = Array(full.exchanges.prefix(full.exchanges.count * 2 / 3))
        older.attendance = Array(full.attendance.prefix(full.attendance.count / 2))
        let stale = try Engine(community: older, taxonomy: Fixtures.taxonomy)
        let rebuilt = try stale.rebuildingBridging(from: full)
        let fresh = try Engine(community: full, taxonomy: Fixtures.taxonomy)
        let ids = full.members.map(\.id)
        var changed = 0
        for a in ids {
            for b in ids {
                let value = rebuilt.bridging(between: a, and: b)
                #expect(value == fresh.bridging(between: a, and: b))
                if value != stale.bridging(between: a, and: b) { changed += 1 }
            }
        }
        #expect(changed > 1000, "the older data bridged differently")
        // Activities whose attendees did not change bridge as in a fresh build too (the mean
        // over attendees takes them from the engine's index, the values from the new model).
        func attendees(_ c: Community) -> [String: Set<String>] {
            c.attendance.reduce(into: [:]) { $0[$1.activity, default: []].insert($1.member) }
        }
        let (before, after) = (attendees(older), attendees(full))
        var compared = 0
        for activity in full.activities where before[activity.id] == after[activity.id] {
            let query = ExplainQuery(subject: .id("m-arthur"), candidate: activity.id)
            let (recomputed, expected) = try (rebuilt.explain(query), fresh.explain(query))
            #expect(recomputed.factors.bridging == expected.factors.bridging, "\(activity.id)")
            compared += 1
        }
        #expect(compared > 40)
        // The tracker of the rebuilt engine starts from the new network.
        #expect(rebuilt.bridgingFreshness().baselineWeight == fresh.bridgingFreshness().baselineWeight)
        #expect(rebuilt.bridgingFreshness().baselineWeight > stale.bridgingFreshness().baselineWeight)
    }

    @Test func membersTheModelDoesNotKnowReadAsHavingNoTies() throws {
        // Rebuilt from a community without Vera's neighbour Edith: Edith reads as a first tie for
        // everyone, and Vera, whose only ties were Edith's, too.
        let full = try Fixtures.lewisham
        var without = full
        without.members.removeAll { $0.id == "m-edith" }
        without.exchanges.removeAll { $0.giver == "m-edith" || $0.receiver == "m-edith" }
        without.attendance.removeAll { $0.member == "m-edith" }
        let engine = try Fixtures.lewishamEngine.rebuildingBridging(from: without)
        #expect(engine.bridging(between: "m-edith", and: "m-arthur") == 1)
        #expect(engine.bridging(between: "m-vera", and: "m-edith") == 1)
        #expect(engine.bridging(between: "m-edith", and: "m-edith") == 0)
        #expect(engine.memberCount == full.members.count)
    }
}
