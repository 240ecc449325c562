import Foundation
import StitchModel

/// A picture of the network for a connector, as Graphviz DOT text (render it with `sfdp` or `dot`).
///
/// Each member is a node labelled by id (never by name), filled with their community's colour;
/// small circles (communities of under 20 with no tie to another) are grey and isolated members
/// white with a dashed outline. Ties inside a
/// community take its colour, ties across communities are grey, and a tie's width grows with its
/// weight. The top brokers get a thick black outline, and a legend describes each community. A
/// network larger than ``Options/maximumNodes`` is drawn through its most connected members.
///
/// ```swift
/// let dot = NetworkDiagram(network: network).dot()
/// // sfdp -Tpng network.dot -o network.png
/// ```
public struct NetworkDiagram: Sendable {
    /// What the picture shows.
    public struct Options: Sendable, Hashable {
        /// The most members drawn (the most connected ones, by weighted degree).
        public var maximumNodes: Int
        /// How many top brokers are outlined.
        public var highlightedBrokers: Int
        /// The picture's title.
        public var title: String

        /// Options with the defaults: up to 1,500 members, 10 brokers outlined.
        public init(
            maximumNodes: Int = 1_500, highlightedBrokers: Int = 10, title: String = "Stitch: the community network"
        ) {
            self.maximumNodes = maximumNodes
            self.highlightedBrokers = highlightedBrokers
            self.title = title
        }
    }

    /// Community colours: a light fill for members, the darker shade for ties.
    static let palette = PictureText.palette
    static let smallCircle = PictureText.grey

    let network: CommunityNetwork
    let options: Options
    /// Per community, whether it is a small circle apart from everyone else.
    let apart: [Bool]

    /// A diagram of `network`.
    public init(network: CommunityNetwork, options: Options = Options()) {
        self.network = network
        self.options = options
        self.apart = network.smallCircles
    }

    /// The colours of community `c`.
    func colour(_ c: Int) -> (fill: String, tie: String) {
        self.apart[c] ? Self.smallCircle : Self.palette[c % Self.palette.count]
    }

    /// The DOT text.
    public func dot() -> String {
        let graph = self.network.graph
        let communities = self.network.communities
        let drawn = self.drawnNodes()
        var isDrawn = [Bool](repeating: false, count: graph.nodeCount)
        for v in drawn { isDrawn[v] = true }
        let brokers = Set(self.network.brokers.ranked.prefix(self.options.highlightedBrokers).map(\.id))
        let heaviest = max(graph.weights.max() ?? 1, 1e-9)

        var lines = ["graph stitch {"]
        lines.append(
            "  graph [layout=sfdp, overlap=false, outputorder=edgesfirst, splines=false, bgcolor=\"white\", fontname=\"Helvetica\", "
                + "labelloc=t, labeljust=l, pad=0.3, label=<\(self.legend(drawn: drawn.count))>];")
        lines.append(
            "  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=8, height=0.22, "
                + "margin=\"0.04,0.02\", "
                + "penwidth=0.6, color=\"#555555\"];")
        lines.append("  edge [color=\"#b0b0b0\"];")
        for v in drawn {
            let id = graph.memberIDs[v]
            var attributes: [String]
            if let c = communities.label(of: v) {
                attributes = ["fillcolor=\"\(self.colour(c).fill)\"", "tooltip=\"community \(c)\""]
            } else {
                attributes = ["fillcolor=\"white\"", "style=\"filled,dashed\"", "tooltip=\"no ties yet\""]
            }
            if brokers.contains(id) { attributes += ["penwidth=2.8", "color=\"black\""] }
            lines.append("  \(Self.quoted(id)) [\(attributes.joined(separator: ", "))];")
        }
        for a in drawn {
            for (b, w) in zip(graph.neighbours(of: a), graph.tieWeights(of: a)) where Int(b) > a && isDrawn[Int(b)] {
                let width = 0.3 + 2.7 * (w / heaviest).squareRoot()
                var attributes = [String(format: "penwidth=%.2f", width)]
                if let c = communities.label(of: a), communities.label(of: Int(b)) == c {
                    attributes.append("color=\"\(self.colour(c).tie)aa\"")
                }
                lines.append(
                    "  \(Self.quoted(graph.memberIDs[a])) -- \(Self.quoted(graph.memberIDs[Int(b)])) "
                        + "[\(attributes.joined(separator: ", "))];"
                )
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every node, or the most connected ones when there are too many.
    func drawnNodes() -> [Int] {
        let graph = self.network.graph
        guard graph.nodeCount > self.options.maximumNodes else { return Array(0..<graph.nodeCount) }
        let ranked = (0..<graph.nodeCount).sorted {
            graph.strength(of: $0) != graph.strength(of: $1)
                ? graph.strength(of: $0) > graph.strength(of: $1) : graph.memberIDs[$0] < graph.memberIDs[$1]
        }
        return ranked.prefix(self.options.maximumNodes).sorted()
    }

    /// The title and legend as a Graphviz HTML-like label.
    func legend(drawn: Int) -> String {
        let graph = self.network.graph
        var rows = ["<tr><td colspan=\"2\" align=\"left\"><b>\(Self.html(self.options.title))</b></td></tr>"]
        var subtitle =
            Wording.count(graph.nodeCount, "member") + ", " + Wording.count(graph.tieCount, "tie")
            + "; reciprocity index "
            + String(format: "%.2f", self.network.reciprocityIndex)
        if drawn < graph.nodeCount { subtitle += "; showing the \(drawn) most connected members" }
        rows.append("<tr><td colspan=\"2\" align=\"left\">\(Self.html(subtitle))</td></tr>")
        let shown = min(self.network.profiles.count, 12)
        for c in 0..<shown {
            let text = "\(c): \(self.network.profiles[c].description)"
            rows.append(
                "<tr><td bgcolor=\"\(self.colour(c).fill)\" width=\"14\"> </td>"
                    + "<td align=\"left\">\(Self.html(text))</td></tr>"
            )
        }
        if self.network.profiles.count > shown {
            rows.append(
                "<tr><td colspan=\"2\" align=\"left\">… and \(self.network.profiles.count - shown) "
                    + "smaller circles</td></tr>"
            )
        }
        rows.append(
            "<tr><td border=\"1\" style=\"dashed\" width=\"14\"> </td><td align=\"left\">no ties yet "
                + "(\(self.network.communities.isolated.count)); thick black outline: top brokers</td></tr>")
        return "<table border=\"0\" cellspacing=\"2\" cellpadding=\"1\">" + rows.joined() + "</table>"
    }

    static func quoted(_ text: String) -> String { PictureText.quoted(text) }

    static func html(_ text: String) -> String { PictureText.html(text) }
}
