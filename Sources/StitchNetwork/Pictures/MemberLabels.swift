import StitchModel

/// How members are written in a picture: by id, or, only when the caller asks, by name and id.
///
/// Names are personal data: a picture shows them only when built with `names: true` (the CLI's
/// `--names`), and then as "Vera Okafor (m-vera)", so the id still finds the record. A member
/// without a name is written by id either way.
///
/// ```swift
/// MemberLabels(graph: graph, members: community.members, names: false).label(3)   // "m-vera"
/// MemberLabels(graph: graph, members: community.members, names: true).label(3)    // "Vera Okafor (m-vera)"
/// ```
public struct MemberLabels: Sendable {
    let ids: [String]
    /// One per node when names are shown, else empty.
    let names: [String?]

    /// Labels for a graph's nodes; `members` (one per node, in node order) gives the names, which
    /// are used only when `names` is true.
    public init(graph: CommunityGraph, members: [Member], names: Bool) {
        self.ids = graph.memberIDs
        self.names = names && members.count == graph.nodeCount ? members.map(\.name) : []
    }

    /// The label of node `v`.
    public func label(_ v: Int) -> String {
        let id = self.ids[v]
        guard !self.names.isEmpty, let name = self.names[v], !name.isEmpty else { return id }
        return "\(name) (\(id))"
    }
}
