import Foundation
import StitchEngine
import StitchGenerator
import StitchModel

/// Communities from the seeded generator, and the queries the benchmarks ask of them.
///
/// The benchmark runner starts a fresh process for each benchmark, so each benchmark generates
/// and compiles its own community in its `setup`, outside the measurement. Every size has one
/// activity per twenty members (5,000 at 100,000 members), as a borough-wide time bank would.
enum BenchmarkCommunities {
    /// The repository root, three folders above this file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let taxonomy: SkillTaxonomy = {
        let url = root.appendingPathComponent("data/taxonomy.json")
        return try! JSONDecoder().decode(SkillTaxonomy.self, from: Data(contentsOf: url))
    }()

    /// Activities for a community of `members`.
    static func activities(members: Int) -> Int { max(50, members / 20) }

    /// The seeded community of `members` members.
    static func community(members: Int, seed: UInt64 = 42) -> Community {
        let configuration = GeneratorConfiguration(
            members: members, activities: activities(members: members), seed: seed)
        return CommunityGenerator(configuration: configuration, taxonomy: taxonomy).generate()
    }

    /// Help requests drawn from the community itself: a member with a location asking for their first need.
    static func requests(_ community: Community, count: Int = 256) -> [HelpRequest] {
        var out: [HelpRequest] = []
        var i = 0
        while out.count < count, i < community.members.count * 4 {
            let m = community.members[(i * 7919) % community.members.count]
            i += 1
            guard let need = m.needs.first, m.location != nil else { continue }
            out.append(HelpRequest(requester: m.id, skill: need))
        }
        return out
    }

    /// Member ids spread evenly through the community.
    static func people(_ community: Community, count: Int = 256) -> [String] {
        stride(from: 0, to: community.members.count, by: max(1, community.members.count / count))
            .map { community.members[$0].id }
    }
}

/// What a query benchmark needs once setup is done: the engine and the queries to cycle
/// through. The community itself is dropped and the heap trimmed, so that the resident memory
/// measured while querying is the engine's, not the generator's.
struct QueryFixture {
    let engine: Engine
    let requests: [HelpRequest]
    let people: [String]
    /// Explain queries with a member candidate: each request's best helper.
    var helperExplains: [ExplainQuery] = []
    /// Explain queries with an activity candidate: each person's best referral.
    var activityExplains: [ExplainQuery] = []

    init(members: Int, explains: Bool = false) {
        let community = BenchmarkCommunities.community(members: members)
        engine = try! Engine(community: community, taxonomy: BenchmarkCommunities.taxonomy)
        requests = BenchmarkCommunities.requests(community)
        people = BenchmarkCommunities.people(community)
        if explains {
            for request in requests {
                for match in try! engine.whoCanHelp(request, limit: 3).matches {
                    helperExplains.append(ExplainQuery(subject: .id(request.requester!), candidate: match.id))
                }
            }
            for person in people {
                for match in try! engine.refer(Referral(person: .id(person)), limit: 3, withBuddy: false).matches {
                    activityExplains.append(ExplainQuery(subject: .id(person), candidate: match.id))
                }
            }
        }
        ProcessMemory.trim()
    }
}
