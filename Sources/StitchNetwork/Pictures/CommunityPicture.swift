import Foundation
import StitchModel

/// A picture of one community for a connector, as Graphviz DOT (laid out by `fdp`): its members
/// and the ties between them, where its ties lead out, its brokers, and who could join it.
///
/// - Members are nodes in the community's colour, by id (by name and id only when
///   ``Options/names`` is set); ties inside it are lines in its darker shade, wider when heavier.
/// - Brokers (members of ``BrokerRanking/ranked`` in this community) have a thick black outline;
///   members with no tie in the isolation window (``Isolation/months``) a dashed one.
/// - Ties leaving it are summed per neighbouring community: a box per neighbour saying how many
///   ties join them, and a dashed grey line from each broker to each neighbour they are tied to.
///   Beyond ``Options/maximumNeighbours`` the rest are one "other communities" box.
/// - In a dashed margin: members with no ties yet who share a main group with it or live near it
///   (``IsolatedPlacement``), the people a connector could introduce.
/// - A community larger than ``Options/maximumMembers`` is drawn through its brokers and then the
///   members most tied to those drawn, and the legend says how many are not drawn.
///
/// ```swift
/// let dot = CommunityPicture(network: network, community: 3, members: community.members)?.dot()
/// // fdp -Tsvg community-3.dot -o community-3.svg
/// ```
public struct CommunityPicture: Sendable {
    /// What the picture shows.
    public struct Options: Sendable, Hashable {
        /// The most members drawn: brokers first, then those most tied to the members drawn.
        public var maximumMembers: Int
        /// The most neighbouring communities drawn on their own (most ties first).
        public var maximumNeighbours: Int
        /// The most members with no ties drawn in the margin.
        public var maximumMargin: Int
        /// Whether members are written by name (with their id) rather than by id alone.
        public var names: Bool

        /// Options with the defaults: 100 members, 10 neighbours, 30 in the margin, ids only.
        public init(
            maximumMembers: Int = 100, maximumNeighbours: Int = 10, maximumMargin: Int = 30, names: Bool = false
        ) {
            self.maximumMembers = maximumMembers
            self.maximumNeighbours = maximumNeighbours
            self.maximumMargin = maximumMargin
            self.names = names
        }
    }

    let network: CommunityNetwork
    /// The community drawn.
    public let community: Int
    let options: Options
    let labels: MemberLabels
    /// The members with no ties closest to this community.
    let margin: [Int]

    /// A picture of community `community` (``CommunitySummary/id``) of `network`, or `nil` when
    /// there is no such community. `members` (one per node, in node order) give names (only with
    /// ``Options/names``) and place the members with no ties (by groups and location).
    public init?(network: CommunityNetwork, community: Int, members: [Member] = [], options: Options = Options()) {
        guard network.communities.members.indices.contains(community) else { return nil }
        self.network = network
        self.community = community
        self.options = options
        self.labels = MemberLabels(graph: network.graph, members: members, names: options.names)
        self.margin = IsolatedPlacement.place(network: network, members: members)[community]
    }

    /// The brokers of this community, best first.
    var brokers: [Int] {
        self.network.brokers.ranked.filter { $0.community == self.community }.compactMap {
            self.network.graph.index(of: $0.id)
        }
    }

    /// The members drawn: every one, or the brokers and then, one at a time, the member with most
    /// ties to those already drawn (then the most connected, then by id), so that what is drawn
    /// hangs together; in id order.
    func drawn() -> [Int] {
        let graph = self.network.graph
        let communities = self.network.communities
        let group = self.network.communities.members[self.community]
        let limit = max(1, self.options.maximumMembers)
        guard group.count > limit else { return group }
        var chosen: [Int] = []
        var isChosen: Set<Int> = []
        var tiesToChosen: [Int: Int] = [:]
        let before = { (a: Int, b: Int) -> Bool in
            graph.strength(of: a) != graph.strength(of: b)
                ? graph.strength(of: a) > graph.strength(of: b) : graph.memberIDs[a] < graph.memberIDs[b]
        }
        let byStrength = group.sorted(by: before)
        var next = 0
        func add(_ v: Int) {
            chosen.append(v)
            isChosen.insert(v)
            tiesToChosen[v] = nil
            for u in graph.neighbours(of: v) where communities.label(of: Int(u)) == self.community {
                if !isChosen.contains(Int(u)) { tiesToChosen[Int(u), default: 0] += 1 }
            }
        }
        for v in self.brokers.prefix(limit) { add(v) }
        while chosen.count < limit {
            let best = tiesToChosen.max { a, b in a.value != b.value ? a.value < b.value : before(b.key, a.key) }
            if let best {
                add(best.key)
            } else {
                while isChosen.contains(byStrength[next]) { next += 1 }
                add(byStrength[next])
            }
        }
        return chosen.sorted { graph.memberIDs[$0] < graph.memberIDs[$1] }
    }

    /// Ties leaving the community: per neighbouring community, the total, and per drawn member.
    struct Outward {
        /// Neighbouring communities, most ties first (then by number).
        var neighbours: [(community: Int, ties: Int)] = []
        /// (member, community) → ties, for the members drawn.
        var fromMember: [Int: [Int: Int]] = [:]
    }

    func outward(drawn: Set<Int>) -> Outward {
        let graph = self.network.graph
        let communities = self.network.communities
        var totals: [Int: Int] = [:]
        var out = Outward()
        for v in communities.members[self.community] {
            for u in graph.neighbours(of: v) {
                guard let d = communities.label(of: Int(u)), d != self.community else { continue }
                totals[d, default: 0] += 1
                if drawn.contains(v) { out.fromMember[v, default: [:]][d, default: 0] += 1 }
            }
        }
        out.neighbours = totals.map { ($0.key, $0.value) }.sorted {
            $0.ties != $1.ties ? $0.ties > $1.ties : $0.community < $1.community
        }
        return out
    }

    /// The DOT text.
    public func dot() -> String {
        let graph = self.network.graph
        let c = self.community
        let colour =
            self.network.smallCircles[c] ? PictureText.grey : PictureText.palette[c % PictureText.palette.count]
        let drawn = self.drawn()
        let isDrawn = Set(drawn)
        let brokers = Set(self.brokers)
        let quiet = Set(self.network.isolation.noRecentTies)
        let outward = self.outward(drawn: isDrawn)
        let shownNeighbours = outward.neighbours.prefix(max(0, self.options.maximumNeighbours))
        let rest = outward.neighbours.dropFirst(shownNeighbours.count)
        let large = drawn.count > 60
        var lines = ["graph community_\(c) {"]
        lines.append(
            "  graph [layout=fdp, overlap=prism, sep=\"+6\", splines=\(large ? "false" : "true"), "
                + "K=\(large ? "0.5" : "0.7"), outputorder=edgesfirst, bgcolor=\"white\", fontname=\"Helvetica\", "
                + "labelloc=t, labeljust=l, pad=0.4, label=<"
                + self.legend(drawn: drawn.count, brokers: brokers.count, neighbours: outward.neighbours.count) + ">];"
        )
        lines.append(
            "  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=9, height=0.24, "
                + "margin=\"0.05,0.02\", "
                + "penwidth=0.6, color=\"#555555\", fillcolor=\"\(colour.fill)\"];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=8, fontcolor=\"#404040\"];")
        for v in drawn {
            var attributes = ["label=" + PictureText.quoted(self.labels.label(v))]
            if brokers.contains(v) {
                attributes += ["penwidth=3", "color=\"black\"", "fontname=\"Helvetica-Bold\""]
            } else if quiet.contains(graph.memberIDs[v]) {
                attributes += ["style=\"filled,dashed\"", "penwidth=1.2"]
            }
            lines.append("  m\(v) [\(attributes.joined(separator: ", "))];")
        }
        var heaviest = 1e-9
        for v in drawn {
            for (u, w) in zip(graph.neighbours(of: v), graph.tieWeights(of: v)) where isDrawn.contains(Int(u)) {
                heaviest = max(heaviest, w)
            }
        }
        for v in drawn {
            for (u, w) in zip(graph.neighbours(of: v), graph.tieWeights(of: v))
            where Int(u) > v && isDrawn.contains(Int(u)) {
                lines.append(
                    "  m\(v) -- m\(u) [color=\"\(colour.tie)b0\""
                        + String(format: ", penwidth=%.2f", 0.5 + 3 * (w / heaviest).squareRoot())
                        + "];")
            }
        }
        if !outward.neighbours.isEmpty {
            lines.append("  subgraph cluster_out {")
            lines.append(
                "    graph [label=\"neighbouring communities\", style=\"rounded\", color=\"#cccccc\", fontsize=10, "
                    + "labeljust=l];"
            )
        }
        for (d, ties) in shownNeighbours {
            let profile = self.network.profiles[d]
            var text = ["#\(d)" + (PictureText.place(profile.area).map { " " + PictureText.short($0, 18) } ?? "")]
            if let group = profile.groups.first { text.append(PictureText.short(group, 20)) }
            text.append(PictureText.count(ties, "tie") + " with this one")
            let fill =
                self.network.smallCircles[d]
                ? PictureText.grey.fill : PictureText.palette[d % PictureText.palette.count].fill
            lines.append(
                "  n\(d) [shape=box, style=\"rounded,filled\", fontsize=10, fillcolor=\"\(fill)\", penwidth=1.2, "
                    + "label=\(PictureText.quoted(text.joined(separator: "\n"))), "
                    + "tooltip=\(PictureText.quoted("community \(d): " + profile.description))];")
        }
        if !rest.isEmpty {
            let ties = rest.map(\.ties).reduce(0, +)
            let text =
                PictureText.count(rest.count, "other community") + "\n" + PictureText.count(ties, "tie")
                + " with this one"
            lines.append(
                "  nothers [shape=box, style=\"rounded,filled\", fontsize=10, fillcolor=\"#f4f4f4\", "
                    + "label=\(PictureText.quoted(text))];")
        }
        if !outward.neighbours.isEmpty { lines.append("  }") }
        let shownSet = Set(shownNeighbours.map(\.community))
        for v in drawn where brokers.contains(v) {
            guard let targets = outward.fromMember[v] else { continue }
            var toOthers = 0
            for (d, ties) in targets.sorted(by: { $0.key < $1.key }) {
                if shownSet.contains(d) {
                    lines.append("  m\(v) -- n\(d) [\(Self.outwardStyle(ties))];")
                } else {
                    toOthers += ties
                }
            }
            if toOthers > 0 { lines.append("  m\(v) -- nothers [\(Self.outwardStyle(toOthers))];") }
        }
        if !self.margin.isEmpty {
            let shown = self.margin.prefix(max(0, self.options.maximumMargin))
            var title = "No ties yet; same group or near: " + PictureText.grouped(self.margin.count)
            if shown.count < self.margin.count { title += " (\(shown.count) drawn)" }
            lines.append("  subgraph cluster_margin {")
            lines.append(
                "    graph [label=\(PictureText.quoted(title)), style=\"rounded,dashed\", color=\"#888888\", "
                    + "fontsize=10, labeljust=l];"
            )
            for v in shown {
                lines.append(
                    "    i\(v) [label=\(PictureText.quoted(self.labels.label(v))), fillcolor=\"white\", "
                        + "style=\"filled,dashed\"];"
                )
            }
            lines.append("  }")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func outwardStyle(_ ties: Int) -> String {
        "color=\"#8a8a8a90\", style=dashed"
            + String(format: ", penwidth=%.2f", 0.6 + 0.6 * Double(min(ties, 6)))
            + (ties > 1 ? ", label=\"\(ties)\"" : "")
    }

    /// The title, what the marks mean and what is left out, as a Graphviz HTML-like label.
    func legend(drawn: Int, brokers: Int, neighbours: Int) -> String {
        let c = self.community
        let size = self.network.communities.members[c].count
        let colour =
            self.network.smallCircles[c] ? PictureText.grey : PictureText.palette[c % PictureText.palette.count]
        var rows = [PictureText.legendLine("Community \(c): " + self.network.profiles[c].description, bold: true)]
        if drawn < size {
            rows.append(
                PictureText.legendLine(
                    "Showing \(PictureText.grouped(drawn)) of \(PictureText.count(size, "member")): the brokers, "
                        + "then those most tied to them; \(PictureText.grouped(size - drawn)) not drawn "
                        + "(their ties out still count in the boxes)", bold: true))
        }
        rows.append(
            PictureText.legendRow(
                "a member (" + (self.options.names ? "name and id" : "id")
                    + "); lines: ties inside, wider when heavier",
                fill: colour.fill))
        rows.append(
            PictureText.legendLine(
                "thick black outline: a broker, whose ties link this community to others (\(brokers) here); "
                    + "dashed outline: no tie in the last " + Wording.count(self.network.isolation.months, "month")))
        rows.append(
            PictureText.legendLine(
                "boxes: neighbouring communities (\(neighbours)) and how many ties join them to this one; "
                    + "a dashed line: a broker's ties there"))
        if !self.margin.isEmpty {
            rows.append(
                PictureText.legendLine("dashed margin: members with no ties yet who share a main group or live near"))
        }
        return PictureText.table(rows)
    }
}
