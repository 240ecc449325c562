import StitchModel

/// The pictures of a network drawn on request, as Graphviz DOT text: the overview of its
/// communities and the pictures of chosen communities, each naming its layout engine
/// (`layout=neato`, `layout=fdp`), so `dot -Tsvg` (or `-Tpng`) renders it as drawn here.
///
/// ```json
/// {"overview": "graph overview { layout=neato; … }", "communities": {"3": "graph community3 { layout=fdp; … }"}}
/// ```
public struct NetworkPictures: Sendable, Hashable, Codable {
    /// The overview (``NetworkOverview``), when asked for.
    public var overview: String?
    /// Each community's picture (``CommunityPicture``) asked for, by its number as text.
    public var communities: [String: String]

    /// Pictures from their DOT texts.
    public init(overview: String? = nil, communities: [String: String] = [:]) {
        self.overview = overview
        self.communities = communities
    }

    /// Draws what is asked of `network`: `members` (one per node, in node order) are read only
    /// for names, and only when `names` is set. A community number the network does not have is
    /// skipped: the caller checks the numbers first (``unknownCommunity(_:in:)``).
    public init(network: CommunityNetwork, members: [Member], overview: Bool, communities: [Int], names: Bool) {
        self.overview = overview ? NetworkOverview(network: network, members: members, options: .init(names: names)).dot() : nil
        var pictures: [String: String] = [:]
        for c in communities {
            guard let picture = CommunityPicture(network: network, community: c, members: members, options: .init(names: names)) else {
                continue
            }
            pictures[String(c)] = picture.dot()
        }
        self.communities = pictures
    }

    /// Why `community` cannot be drawn from `network`, or `nil` when it can: "there is no
    /// community 40: this network has 11, numbered 0 to 10 …".
    public static func unknownCommunity(_ community: Int, in network: CommunityNetwork) -> String? {
        let count = network.communities.members.count
        guard !(0..<count).contains(community) else { return nil }
        return "there is no community \(community): this network has " + Wording.count(count, "community")
            + (count > 0 ? ", numbered 0 to \(count - 1) as the analysis lists them; pick one of those numbers" : "")
    }
}
