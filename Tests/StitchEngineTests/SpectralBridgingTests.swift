import StitchEngine
import StitchModel
import StitchNetwork
import StitchTestSupport
import Testing

/// The engine's bridging factor is the network's spectral model (`docs/scoring.md`, Bridging).
@Suite("Bridging factor from the spectral network model")
struct SpectralBridgingTests {
    let engine: Engine
    let community: Community

    init() throws {
        engine = try Fixtures.lewishamEngine
        community = try Fixtures.lewisham
    }

    @Test func theFactorIsTheNetworkModelsValueForEveryPair() throws {
        let network = try CommunityNetwork(community: community)
        let ids = community.members.map(\.id)
        for (i, a) in ids.enumerated() where i % 3 == 0 {
            for (j, b) in ids.enumerated() where j % 5 == 1 {
                let value = try #require(engine.bridging(between: a, and: b))
                #expect(abs(value - network.bridging(i, j)) < 1e-12, "\(a)–\(b)")
                #expect((0...1).contains(value))
            }
        }
        #expect(engine.bridging(between: "m-vera", and: "m-nobody") == nil)
        #expect(engine.bridgingFailure == nil)
    }

    @Test func aPairAcrossCommunitiesBridgesMoreThanATiedPairInside() throws {
        // Vera–Jade (a young parent she has never met) above Vera–Edith (her neighbour, tied by exchanges).
        let jade = try #require(engine.bridging(between: "m-vera", and: "m-jade"))
        let edith = try #require(engine.bridging(between: "m-vera", and: "m-edith"))
        #expect(jade > edith + 0.5, "Vera–Jade \(jade), Vera–Edith \(edith)")
        let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-vera", skill: "befriending"), limit: 20)
        let j = try #require(ranking.matches.firstIndex { $0.id == "m-jade" })
        let e = try #require(ranking.matches.firstIndex { $0.id == "m-edith" })
        #expect(j < e, "Jade at \(j), Edith at \(e)")

        // Across the network's communities, among members with ties: untied pairs in different
        // communities bridge more, on average, than tied pairs inside one.
        let network = try CommunityNetwork(community: community)
        let communities = network.communities
        let ids = network.graph.memberIDs
        var inside: [Double] = []
        var across: [Double] = []
        for a in 0..<network.graph.nodeCount {
            guard let ca = communities.label(of: a) else { continue }
            for b in network.graph.neighbours(of: a) where Int(b) > a && communities.label(of: Int(b)) == ca {
                inside.append(try #require(engine.bridging(between: ids[a], and: ids[Int(b)])))
            }
            let b = (a * 7 + 13) % network.graph.nodeCount
            if let cb = communities.label(of: b), cb != ca, network.graph.weight(between: a, and: b) == 0 {
                across.append(try #require(engine.bridging(between: ids[a], and: ids[b])))
            }
        }
        let mean = { (x: [Double]) in x.reduce(0, +) / Double(x.count) }
        #expect(inside.count > 100 && across.count > 50)
        #expect(mean(across) > mean(inside) + 0.2, "across \(mean(across)), tied inside \(mean(inside))")
    }

    /// The value with an activity by its definition: attendees with no ties 1, in another
    /// component 0.95, and those in the subject's component by their mean resistance, scaled.
    static func groupValue(_ network: CommunityNetwork, subject s: Int, attendees: [Int]) -> Double {
        let parts = network.embedding.components
        let model = network.bridgingModel
        var total = 0.0
        var resistance = 0.0
        var same = 0
        for p in attendees {
            if network.graph.tieCount(of: p) == 0 {
                total += 1
            } else if parts.label[p] != parts.label[s] {
                total += 0.95
            } else {
                same += 1
                resistance += model.resistance(s, p)
            }
        }
        if same > 0 { total += Double(same) * 0.9 * min(1, resistance / Double(same) / model.scale) }
        return total / Double(attendees.count)
    }

    @Test func anActivityBridgesAsItsAttendeesTogether() throws {
        let network = try CommunityNetwork(community: community)
        var attendees: [String: Set<String>] = [:]
        for record in community.attendance { attendees[record.activity, default: []].insert(record.member) }
        let parts = network.embedding.components
        let main = (0..<parts.count).max { parts.size(of: $0) < parts.size(of: $1) }!
        let inMain = network.graph.memberIDs[Int(parts.nodes(in: main).first!)]
        for subject in ["m-arthur", "m-vera", inMain] {
            let s = try #require(network.graph.index(of: subject))
            var checked = 0
            for activity in community.activities {
                let people = attendees[activity.id] ?? []
                guard !people.isEmpty else { continue }
                let why = try engine.explain(ExplainQuery(subject: .id(subject), candidate: activity.id))
                if people.contains(subject) {
                    #expect(why.factors.bridging == 0, "\(subject) attends \(activity.id)")
                    continue
                }
                let expected = Self.groupValue(
                    network, subject: s, attendees: people.map { network.graph.index(of: $0)! })
                #expect(abs(why.factors.bridging - expected) < 1e-9, "\(subject), \(activity.id)")
                checked += 1
            }
            #expect(checked > 10)
        }
        // Arthur's circle is all at distance 0, so his value is the plain mean of his pair values.
        for activity in community.activities where !(attendees[activity.id] ?? []).isEmpty {
            guard !(attendees[activity.id] ?? []).contains("m-arthur") else { continue }
            let values = try (attendees[activity.id] ?? []).map {
                try #require(engine.bridging(between: "m-arthur", and: $0))
            }
            let why = try engine.explain(ExplainQuery(subject: .id("m-arthur"), candidate: activity.id))
            #expect(abs(why.factors.bridging - values.reduce(0, +) / Double(values.count)) < 1e-9)
        }
    }

    @Test func attendeesInSeveralComponentsAreSummedOneByOne() throws {
        // With a co-attendance limit of 2, the club's three attendees are not tied to each other:
        // one is in Sal's chain, one in another pair, one has no ties.
        let members = ["m-sal", "m-pat", "m-pia", "m-quin", "m-quentin", "m-ida"].map { Member(id: $0) }
        let day = CalendarDate(parsing: "2026-05-01")
        let exchanges = [
            Exchange(giver: "m-sal", receiver: "m-pat", hours: 2, date: day),
            Exchange(giver: "m-pat", receiver: "m-pia", hours: 1, date: day),
            Exchange(giver: "m-quin", receiver: "m-quentin", hours: 1, date: day),
        ]
        let attendance = ["m-pia", "m-quin", "m-ida"].map { Attendance(member: $0, activity: "a-club", date: day) }
        var configuration = EngineConfiguration()
        configuration.coAttendanceLimit = 2
        let engine = try Engine(
            community: Community(
                members: members, activities: [Activity(id: "a-club", name: "Club")], exchanges: exchanges,
                attendance: attendance),
            taxonomy: Fixtures.taxonomy, configuration: configuration)
        let pairs = try ["m-pia", "m-quin", "m-ida"].map { try #require(engine.bridging(between: "m-sal", and: $0)) }
        #expect(pairs[1] == 0.95 && pairs[2] == 1)
        #expect(pairs[0] > 0 && pairs[0] < 0.95)
        let club = try engine.explain(ExplainQuery(subject: .id("m-sal"), candidate: "a-club")).factors.bridging
        #expect(abs(club - pairs.reduce(0, +) / 3) < 1e-12)
    }

    @Test func anActivityNobodyAttendsTakesTheSubjectsTypicalValue() throws {
        let attended = Set(community.attendance.map(\.activity))
        let empty = try #require(community.activities.first { !attended.contains($0.id) })
        // The mean of the subject's values with every other member: exact for Arthur, whose
        // small circle is all at distance 0; the same for every empty activity.
        let meanOverEveryone = { (subject: String) throws -> Double in
            let others = community.members.map(\.id).filter { $0 != subject }
            return try others.map { try #require(engine.bridging(between: subject, and: $0)) }.reduce(0, +)
                / Double(others.count)
        }
        let arthur = try engine.explain(ExplainQuery(subject: .id("m-arthur"), candidate: empty.id))
        let arthurMean = try meanOverEveryone("m-arthur")
        #expect(abs(arthur.factors.bridging - arthurMean) < 1e-9)
        #expect(arthur.factors.bridging > 0.9 && arthur.factors.bridging < 1)
        for other in community.activities where !attended.contains(other.id) {
            let again = try engine.explain(ExplainQuery(subject: .id("m-arthur"), candidate: other.id))
            #expect(again.factors.bridging == arthur.factors.bridging)
        }
        // In the main network the resistance is averaged before scaling, so the two differ a little.
        let network = try CommunityNetwork(community: community)
        let parts = network.embedding.components
        let main = (0..<parts.count).max { parts.size(of: $0) < parts.size(of: $1) }!
        let member = network.graph.memberIDs[Int(parts.nodes(in: main).first!)]
        let typical = try engine.explain(ExplainQuery(subject: .id(member), candidate: empty.id)).factors.bridging
        let memberMean = try meanOverEveryone(member)
        #expect(abs(typical - memberMean) < 0.05, "\(member): \(typical) vs \(memberMean)")
        #expect(typical > 0 && typical < 1)
        // Maud has no ties: every tie is her first.
        let maud = try engine.explain(ExplainQuery(subject: .id("m-maud"), candidate: empty.id))
        #expect(maud.factors.bridging == 1)
        #expect(maud.reasons.contains("A first tie for someone with few"))
    }

    @Test func aPersonGivenInlineIsIsolatedAndTheAnonymousAreNeutral() throws {
        let place = try #require(Location(lat: 51.45, lon: -0.045))
        let visitor = Member(id: "p-visitor", name: "Visitor", needs: ["befriending"], location: place)
        let helper = try engine.explain(
            ExplainQuery(subject: .inline(visitor), candidate: "m-edith", skill: "befriending"))
        #expect(helper.factors.bridging == 1)
        #expect(helper.reasons.contains("A first tie for someone with few"))
        let activity = try engine.explain(ExplainQuery(subject: .inline(visitor), candidate: "a-toddler-mornings"))
        #expect(activity.factors.bridging == 1)

        let anonymous = try engine.whoCanHelp(
            HelpRequest(skill: "befriending", location: place), limit: 20)
        #expect(!anonymous.matches.isEmpty)
        for match in anonymous.matches {
            #expect(match.factors.bridging == 0.5)
            #expect(!match.reasons.contains {
                $0.contains("tie") || $0.contains("groups") || $0.contains("know each other")
            })
        }
    }

    @Test func reasonsFollowTheValues() throws {
        let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-vera", skill: "befriending"), limit: 50)
        for match in ranking.matches {
            let tied = community.exchanges.contains {
                ($0.giver == "m-vera" && $0.receiver == match.id) || ($0.receiver == "m-vera" && $0.giver == match.id)
            }
            if tied {
                #expect(match.reasons.contains("Already know each other"), "\(match.id)")
            } else if match.factors.bridging >= 0.7 {
                #expect(match.reasons.contains("Would link two groups that rarely meet"), "\(match.id)")
            } else {
                #expect(!match.reasons.contains("Would link two groups that rarely meet"), "\(match.id)")
            }
        }
    }
}
