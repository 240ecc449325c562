import Foundation
import StitchModel

/// A picture of the whole network a connector can read at any size: one circle per community,
/// lines between communities, the brokers who make them, as Graphviz DOT (laid out by `neato`).
///
/// - Each community is a circle whose area grows with its members (down to a smallest size that
///   still holds the label), labelled with its number, area, main group and size, in its colour.
/// - A line joins two communities that have ties between them; its width grows with the number
///   of ties. The strongest lines are labelled with that count and the best brokers whose own
///   ties make the link ("via m-june"); every line has the count as its tooltip.
/// - Small circles apart from everyone else, and members with no ties yet, are one box each.
/// - Beyond ``Options/maximumCommunities`` (say at 100,000 members), the smaller communities are
///   one "others" node, and the legend says how many it holds; beyond ``Options/maximumLinks``
///   only the strongest lines (and each community's few strongest) are drawn, and the legend
///   says so too.
///
/// Members appear only as brokers on lines, by id; by name only when ``Options/names`` is set.
///
/// ```swift
/// let dot = NetworkOverview(network: network).dot()
/// // neato -Tpng overview.dot -o overview.png
/// ```
public struct NetworkOverview: Sendable {
    /// What the picture shows.
    public struct Options: Sendable, Hashable {
        /// The most communities drawn on their own (the largest); the rest are one "others" node.
        public var maximumCommunities: Int
        /// The smallest share of the members a community needs for a circle of its own; smaller
        /// ones join "others" (0.002: 200 of 100,000 members, every community of a few hundred).
        public var minimumShare: Double
        /// The strongest lines drawn; each community's ``linksPerCommunity`` strongest are drawn too.
        public var maximumLinks: Int
        /// Lines every community keeps, its strongest, whatever ``maximumLinks`` drops.
        public var linksPerCommunity: Int
        /// How many of the strongest lines carry a label (the others a tooltip).
        public var labelledLinks: Int
        /// The most brokers named on one line.
        public var brokersPerLink: Int
        /// Whether brokers are written by name (with their id) rather than by id alone.
        public var names: Bool
        /// The picture's title.
        public var title: String

        /// Options with the defaults: up to 40 communities of at least 0.2% of the members, 80 lines
        /// (and each community's 3 strongest), 12 of them labelled with up to 2 brokers, ids only.
        public init(
            maximumCommunities: Int = 40, minimumShare: Double = 0.002, maximumLinks: Int = 80,
            linksPerCommunity: Int = 3, labelledLinks: Int = 12,
            brokersPerLink: Int = 2, names: Bool = false, title: String = "Stitch: the communities and who links them"
        ) {
            self.maximumCommunities = maximumCommunities
            self.minimumShare = minimumShare
            self.maximumLinks = maximumLinks
            self.linksPerCommunity = linksPerCommunity
            self.labelledLinks = labelledLinks
            self.brokersPerLink = brokersPerLink
            self.names = names
            self.title = title
        }
    }

    let network: CommunityNetwork
    let options: Options
    let labels: MemberLabels

    /// An overview of `network`; `members` (one per node, in node order) are read only for names,
    /// and only when ``Options/names`` is set.
    public init(network: CommunityNetwork, members: [Member] = [], options: Options = Options()) {
        self.network = network
        self.options = options
        self.labels = MemberLabels(graph: network.graph, members: members, names: options.names)
    }

    /// What is drawn: the communities with a node of their own, the rest, the small circles.
    struct Layout {
        /// Communities drawn on their own, largest first.
        var shown: [Int] = []
        /// Communities in the "others" node.
        var others: [Int] = []
        /// Small circles apart from everyone else.
        var circles: [Int] = []
        /// Per community, its bucket: its place in `shown`, `shown.count` for others, `nil` for a circle.
        var bucket: [Int?] = []
    }

    func layout() -> Layout {
        var layout = Layout()
        let apart = self.network.smallCircles
        let limit = max(1, self.options.maximumCommunities)
        let smallest = self.options.minimumShare * Double(self.network.graph.nodeCount)
        let sizes = self.network.communities.members.map(\.count)
        for c in apart.indices {
            if apart[c] {
                layout.circles.append(c)
                layout.bucket.append(nil)
            } else if layout.shown.count < limit && (layout.shown.isEmpty || Double(sizes[c]) >= smallest) {
                layout.bucket.append(layout.shown.count)
                layout.shown.append(c)
            } else {
                layout.others.append(c)
                layout.bucket.append(-1)
            }
        }
        // "others" comes after every community drawn on its own.
        layout.bucket = layout.bucket.map { $0 == -1 ? layout.shown.count : $0 }
        return layout
    }

    /// The DOT text.
    public func dot() -> String {
        let layout = self.layout()
        let sizes = self.network.communities.members.map(\.count)
        let all = CommunityLinks(
            network: self.network, bucket: layout.bucket, brokersPerLink: self.options.brokersPerLink)
        let drawnLinks = self.chosen(all.links, buckets: layout.shown.count + 1)
        var lines = ["graph overview {"]
        lines.append(
            "  graph [layout=neato, overlap=prism, overlap_scaling=-4, sep=\"+14\", splines=true, pack=true, "
                + "outputorder=edgesfirst, bgcolor=\"white\", fontname=\"Helvetica\", labelloc=t, labeljust=l, "
                + "pad=0.4, label=<\(self.legend(layout, links: all.links.count, drawn: drawnLinks.count))>];")
        lines.append(
            "  node [shape=circle, style=filled, fixedsize=shape, fontname=\"Helvetica\", fontsize=12, "
                + "penwidth=0.8, color=\"#555555\"];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=11, fontcolor=\"#303030\"];")
        let largest = Double(layout.shown.map { sizes[$0] }.max() ?? 1)
        let widest = layout.shown.count > 12 ? 2.2 : 2.6
        for c in layout.shown {
            let width = max(0.9, widest * (Double(sizes[c]) / largest).squareRoot())
            let profile = self.network.profiles[c]
            lines.append(
                "  c\(c) [label=\(PictureText.quoted(self.label(c)))"
                    + String(format: ", width=%.2f", width)
                    + ", fillcolor=\"\(PictureText.palette[c % PictureText.palette.count].fill)\""
                    + ", tooltip=\(PictureText.quoted("community \(c): " + profile.description))];")
        }
        if !layout.others.isEmpty {
            let members = layout.others.map { sizes[$0] }.reduce(0, +)
            let text =
                "others: \(PictureText.count(layout.others.count, "smaller community"))\n"
                + PictureText.count(members, "member") + ", not drawn one by one"
            lines.append(
                "  others [shape=box, fixedsize=false, style=\"rounded,filled\", fillcolor=\"#f4f4f4\", "
                    + "label=\(PictureText.quoted(text))];")
        }
        if !layout.circles.isEmpty {
            let members = layout.circles.map { sizes[$0] }.reduce(0, +)
            let text =
                PictureText.count(layout.circles.count, "small circle") + " apart from everyone\n"
                + "(\(PictureText.count(members, "member")), no tie to anyone else)"
            lines.append(
                "  circles [shape=box, fixedsize=false, style=\"rounded,filled\", "
                    + "fillcolor=\"\(PictureText.grey.fill)\", "
                    + "label=\(PictureText.quoted(text))];")
        }
        let isolated = self.network.communities.isolated.count
        if isolated > 0 {
            let text = PictureText.count(isolated, "member") + " with no ties yet\n(a first tie counts most)"
            lines.append(
                "  isolated [shape=box, fixedsize=false, style=\"rounded,dashed\", label=\(PictureText.quoted(text))];")
        }
        let name = { (bucket: Int) in bucket < layout.shown.count ? "c\(layout.shown[bucket])" : "others" }
        let strongest = Double(drawnLinks.first?.ties ?? 1)
        for (rank, link) in drawnLinks.enumerated() {
            let share = (Double(link.ties) / strongest).squareRoot()
            let count = PictureText.count(link.ties, "tie")
            let via = link.brokers.map(self.labels.label)
            var attributes = [
                String(format: "penwidth=%.2f", 0.8 + 7 * share),
                String(format: "len=%.2f", 2 + 2 * (1 - share)),
                "color=\"" + (rank < self.options.labelledLinks ? "#7a7a7ab0" : "#a8a8a870") + "\"",
                "tooltip="
                    + PictureText.quoted(count + (via.isEmpty ? "" : "; brokers: " + via.joined(separator: ", "))),
            ]
            if rank < self.options.labelledLinks {
                let text = count + (via.isEmpty ? "" : "\nvia " + via.joined(separator: ",\n"))
                attributes.append("label=" + PictureText.quoted(text))
            }
            lines.append("  \(name(link.a)) -- \(name(link.b)) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// "#3 Catford", its main group, "48 members".
    func label(_ c: Int) -> String {
        let profile = self.network.profiles[c]
        var parts = ["#\(c)" + (PictureText.place(profile.area).map { " " + PictureText.short($0, 18) } ?? "")]
        if let group = profile.groups.first { parts.append(PictureText.short(group, 20)) }
        parts.append(PictureText.count(self.network.communities.members[c].count, "member"))
        return parts.joined(separator: "\n")
    }

    /// The strongest ``Options/maximumLinks`` lines, and every bucket's strongest few.
    func chosen(_ links: [CommunityLinks.Link], buckets: Int) -> [CommunityLinks.Link] {
        var kept = [Int](repeating: 0, count: buckets)
        var out: [CommunityLinks.Link] = []
        for (rank, link) in links.enumerated() {
            let mustKeep =
                kept[link.a] < self.options.linksPerCommunity || kept[link.b] < self.options.linksPerCommunity
            guard rank < self.options.maximumLinks || mustKeep else { continue }
            kept[link.a] += 1
            kept[link.b] += 1
            out.append(link)
        }
        return out
    }

    /// The title, what the shapes mean and what is left out, as a Graphviz HTML-like label.
    func legend(_ layout: Layout, links: Int, drawn: Int) -> String {
        let graph = self.network.graph
        let communities = self.network.communities
        var rows = [PictureText.legendLine(self.options.title, bold: true)]
        var found =
            PictureText.count(graph.nodeCount, "member") + ", " + PictureText.count(graph.tieCount, "tie") + "; "
            + PictureText.count(layout.shown.count + layout.others.count, "community")
            + String(format: " (Leiden, modularity %.2f)", communities.modularity)
        if !layout.circles.isEmpty {
            found += ", " + PictureText.count(layout.circles.count, "small circle") + " apart"
        }
        found += String(format: "; reciprocity index %.2f", self.network.reciprocityIndex)
        rows.append(PictureText.legendLine(found))
        rows.append(
            PictureText.legendRow(
                "a community: its area grows with its members; number, area, main group, size",
                fill: PictureText.palette[0].fill))
        rows.append(
            PictureText.legendLine(
                "a line: ties between two communities, wider with more; "
                    + (drawn <= self.options.labelledLinks
                        ? "each says" : "the \(self.options.labelledLinks) strongest say")
                    + " how many and which brokers make them (" + (self.options.names ? "names" : "ids") + ")"))
        if !layout.others.isEmpty {
            let members = layout.others.map { communities.members[$0].count }.reduce(0, +)
            rows.append(
                PictureText.legendLine(
                    "Showing the \(layout.shown.count) largest of "
                        + PictureText.count(layout.shown.count + layout.others.count, "community")
                        + "; \"others\" holds the remaining \(PictureText.grouped(layout.others.count)) ("
                        + PictureText.count(members, "member") + ", the largest of them "
                        + PictureText.grouped(layout.others.map { communities.members[$0].count }.max() ?? 0) + ")",
                    bold: true))
        }
        if drawn < links {
            rows.append(
                PictureText.legendLine(
                    "Showing \(PictureText.grouped(drawn)) of \(PictureText.grouped(links)) lines: the strongest, "
                        + "and each community's \(self.options.linksPerCommunity) strongest", bold: true))
        }
        return PictureText.table(rows)
    }
}
