import Foundation
import StitchEngine
import StitchGenerator
import StitchModel

/// The seeded community the daemon benchmarks serve, the same generator and seed as the query
/// benchmarks (one activity per twenty members, seed 42).
public enum DaemonLoadCommunity {
    /// The repository root, three folders above this file.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled skills taxonomy.
    public static let taxonomy: SkillTaxonomy = {
        let url = root.appendingPathComponent("data/taxonomy.json")
        return try! JSONDecoder().decode(SkillTaxonomy.self, from: Data(contentsOf: url))
    }()

    /// The seeded community of `members` members.
    public static func seeded(members: Int, seed: UInt64 = 42) -> Community {
        let configuration = GeneratorConfiguration(members: members, activities: max(50, members / 20), seed: seed)
        return CommunityGenerator(configuration: configuration, taxonomy: taxonomy).generate()
    }
}

/// The requests the load clients send, as ready-made bytes: mostly `match.helpers` (limit 10),
/// some `match.explain`, a little `server.health`.
///
/// Out of every 20 requests a client sends, 16 are `match.helpers` (a member with a location
/// asking for their first need, top 10), 3 are `match.explain` (that member and their best
/// helper) and 1 is `server.health`. Each client walks the requests from its own offset, so
/// concurrent clients ask different things.
public struct DaemonLoadMix: Sendable {
    /// How the mix reads in reports.
    public static let summary = "80% match.helpers (limit 10), 15% match.explain, 5% server.health"

    /// One request line without its id: what comes before the id, and what follows it (with the newline).
    public struct Request: Sendable {
        /// The method, for reports.
        public let method: String
        /// The same request as an engine call, to time the engine alone.
        let query: Query
        /// `{"jsonrpc":"2.0","id":`
        let head: [UInt8]
        /// `,"method":…,"params":{…}}\n`
        let tail: [UInt8]

        init(method: String, params: String, query: Query) {
            self.method = method
            self.query = query
            self.head = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
            self.tail = Array(#","method":"\#(method)","params":\#(params)}"#.utf8) + [UInt8(ascii: "\n")]
        }

        /// Appends the line with this id to `bytes`.
        func append(id: Int, to bytes: inout [UInt8]) {
            bytes.append(contentsOf: head)
            bytes.append(contentsOf: String(id).utf8)
            bytes.append(contentsOf: tail)
        }
    }

    /// What a request asks of the engine.
    enum Query: Sendable {
        case helpers(HelpRequest)
        case explain(ExplainQuery)
        case health
    }

    let helpers: [Request]
    let explains: [Request]
    let health = Request(method: "server.health", params: "{}", query: .health)

    /// Draws up to `count` help requests from `community` and an explain query for each with a helper.
    public init(community: Community, engine: Engine, count: Int = 256) {
        var helpers: [Request] = []
        var explains: [Request] = []
        var i = 0
        while helpers.count < count, i < community.members.count * 4 {
            let member = community.members[(i * 7919) % community.members.count]
            i += 1
            guard let need = member.needs.first, member.location != nil else { continue }
            let requester = Self.json(member.id)
            let skill = Self.json(need)
            let request = HelpRequest(requester: member.id, skill: need)
            helpers.append(
                Request(
                    method: "match.helpers",
                    params: #"{"request":{"requester":\#(requester),"skill":\#(skill)},"limit":10}"#,
                    query: .helpers(request)))
            if let best = (try? engine.whoCanHelp(request, limit: 1))?.matches.first {
                explains.append(
                    Request(
                        method: "match.explain",
                        params: #"{"subject":\#(requester),"candidate":\#(Self.json(best.id))}"#,
                        query: .explain(ExplainQuery(subject: .id(member.id), candidate: best.id))))
            }
        }
        precondition(!helpers.isEmpty && !explains.isEmpty, "the community has no member to ask for help")
        self.helpers = helpers
        self.explains = explains
    }

    /// The `index`-th request of client `client`.
    func request(client: Int, index: Int) -> Request {
        let n = client * 7 + index
        switch n % 20 {
        case 0: return health
        case 1, 8, 15: return explains[(client * 31 + index) % explains.count]
        default: return helpers[(client * 31 + index) % helpers.count]
        }
    }

    /// The `index`-th request line of client `client`, with the newline.
    public func line(client: Int, index: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        request(client: client, index: index).append(id: index + 1, to: &bytes)
        return bytes
    }

    /// Asks `engine` directly what the `index`-th request of client `client` asks the daemon
    /// (`server.health` reads the counts), and returns how many answers came back.
    public func ask(_ engine: Engine, client: Int, index: Int) -> Int {
        switch request(client: client, index: index).query {
        case .helpers(let request): return (try? engine.whoCanHelp(request, limit: 10))?.matches.count ?? 0
        case .explain(let query): return (try? engine.explain(query)) == nil ? 0 : 1
        case .health: return engine.memberCount
        }
    }

    private static func json(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}
