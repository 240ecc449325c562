import ArgumentParser
import Foundation
import StitchApplication
import StitchModel
import StitchNetwork

/// `stitch network`: communities, brokers, isolated members and a picture of the network.
struct Network: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The community's network: communities, brokers who link them, isolated members, and a picture.",
        discussion: """
            Ties come from exchanges (hours, fading over a year) and from attending the same activity.
            Communities are found by the Leiden algorithm (modularity at a resolution); brokers are members
            whose ties link communities, ranked by betweenness with Burt's constraint and effective size.
            The pictures are Graphviz DOT, rendered when Graphviz is installed (make deps installs it):
            --overview draws one circle per community and the lines between them (with the brokers who make
            them), readable at any size; --community-picture draws one community's members, its ties out
            and its brokers; --dot/--svg/--png draw every member (the most connected 1,500 of larger networks).
            A picture's format is its file's extension: .svg, .png or .dot. Members appear by id; --names
            writes their names too.

            Examples:
              stitch network --db stitch.sqlite
              stitch network --demo --resolution 1.5 --json
              stitch network --demo --dot network.dot --png network.png
              stitch network --community big.json --svg big.svg
              stitch network --demo --overview overview.png --community-picture 3 community-3.svg
              stitch network --db stitch.sqlite --overview overview.svg --names
            """)

    @OptionGroup var source: CommunitySource

    @Option(
        name: .long,
        help: "Resolution of the communities, 0.01 to 100 (default 1; higher finds more, smaller communities).")
    var resolution: Double?

    @Option(
        name: .long,
        help: ArgumentHelp("List members with no tie in this many months (default 6).", valueName: "months"))
    var isolationMonths: Int?

    @Option(name: .long, help: .hidden)
    var k: Int?

    @Flag(name: .long, help: "Print the protocol's JSON result instead of a summary.")
    var json = false

    @Option(
        name: .long, help: ArgumentHelp("Write the picture of every member as Graphviz DOT here.", valueName: "path"))
    var dot: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Render the picture of every member as SVG here (needs Graphviz).", valueName: "path"))
    var svg: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Render the picture of every member as PNG here (needs Graphviz).", valueName: "path"))
    var png: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Draw the overview (a circle per community, lines between them) here: .svg, .png or .dot.",
            valueName: "path"))
    var overview: String?

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp(
            "Draw community ID (its number in the summary) to PATH (.svg, .png or .dot); repeat for more.",
            valueName: "id> <path"))
    var communityPicture: [String] = []

    @Flag(name: .long, help: "Write members' names (with their ids) in the pictures; ids only without it.")
    var names = false

    func validate() throws {
        for path in [overview].compactMap({ $0 }) + pictureRequests().map(\.path) {
            guard Self.pictureFormat(path) != nil else {
                throw ValidationError("\(path): a picture's file must end in .svg, .png or .dot (its format)")
            }
        }
        if communityPicture.count % 2 != 0 || pictureRequests().contains(where: { $0.community == nil }) {
            throw ValidationError(
                "--community-picture takes a community's number and a file, e.g. --community-picture 3 community-3.svg "
                    + "(the numbers are those `stitch network` lists, 0 the largest)")
        }
        if k != nil {
            throw ValidationError(
                "--k is no longer taken: communities are found by the Leiden algorithm, which chooses their number; "
                    + "set --resolution instead (default 1; higher gives more, smaller communities)")
        }
    }

    func run() throws {
        let (input, path) = try source.load()
        do {
            try input.validate()
        } catch {
            throw CLIError.invalidInput(file: path, errors: error.errors)
        }
        let params = MethodParams.Network(resolution: resolution, isolationMonths: isolationMonths)
        let network: CommunityNetwork
        do {
            network = try StitchService.networkModel(of: input, params)
        } catch {
            throw CLIError.service(error)
        }
        let analysis = network.analysis()
        print(json ? try RankingPrinter.json(analysis) : Self.summary(analysis, network: network))
        if dot != nil || svg != nil || png != nil {
            try writePicture(NetworkDiagram(network: network).dot())
        }
        let requests = pictureRequests()
        guard overview != nil || !requests.isEmpty else { return }
        let asked = MethodParams.Network.Pictures(
            overview: overview != nil, communities: requests.map { $0.community ?? -1 }, names: names)
        let pictures: NetworkPictures
        do {
            pictures = try StitchService.pictures(of: network, members: input.members, asked)
        } catch {
            throw CLIError.usage("--community-picture: " + (error.data?.reason ?? error.message) + ".")
        }
        if let overview, let dot = pictures.overview {
            try Self.draw(dot, to: overview, what: "overview")
        }
        for (community, path) in requests {
            let id = community ?? -1
            guard let dot = pictures.communities[String(id)] else { continue }
            try Self.draw(dot, to: path, what: "picture of community \(id)")
        }
    }

    /// The `--community-picture` pairs: a community's number (`nil` when not a number) and a file.
    func pictureRequests() -> [(community: Int?, path: String)] {
        stride(from: 0, to: communityPicture.count - 1, by: 2).map { i in
            (Int(communityPicture[i]).flatMap { $0 >= 0 ? $0 : nil }, communityPicture[i + 1])
        }
    }
}

extension Network {
    /// The readable summary: communities with descriptions, brokers with their reasons, isolated
    /// members, reciprocity.
    static func summary(_ analysis: NetworkAnalysis, network: CommunityNetwork) -> String {
        let graph = network.graph
        let number = RankingPrinter.number
        var out = ["The network of " + Wording.count(graph.nodeCount, "member"), ""]
        out.append(
            "  " + Wording.count(graph.tieCount, "tie") + " from exchanges and shared activities"
                + (graph.referenceDate.map { ", as of \($0)" } ?? ""))
        out.append(
            "  Reciprocity index: \(number(analysis.reciprocityIndex)) "
                + "(share of members active in the last 12 months who both gave and received)")
        out.append("")
        let apart = network.smallCircles
        let found = apart.filter { !$0 }.count
        let small = apart.count - found
        out.append(
            "  Communities: \(found) found by the Leiden algorithm (modularity \(number(analysis.modularity)) "
                + "at resolution \(String(format: "%g", analysis.resolution)))"
                + (small == 0 ? "" : ", and \(Wording.count(small, "small circle")) apart from everyone else"))
        let shown = analysis.communities.enumerated().filter { !apart[$0.offset] }.prefix(12).map(\.element)
        for c in shown {
            out.append("    \(RankingPrinter.pad(String(c.id), 3)) \(c.description)")
            out.append("        e.g. " + c.members.prefix(6).joined(separator: ", ") + (c.size > 6 ? ", …" : ""))
            if !c.couldBridge.isEmpty && found > 1 {
                out.append("        a new tie out from " + c.couldBridge.joined(separator: ", ") + " would bridge most")
            }
        }
        if found > shown.count { out.append("    … and \(found - shown.count) more") }
        out.append("")
        out.append("  Brokers (who links the communities; betweenness, Burt's constraint and effective size):")
        if analysis.bridging.isEmpty { out.append("    none: every tie stays within one community") }
        for b in analysis.bridging.prefix(10) {
            out.append(
                "    \(RankingPrinter.pad(b.id, 24)) betweenness \(number(b.betweenness))  constraint "
                    + "\(number(b.constraint))  effective size \(number(b.effectiveSize))  (community \(b.community))")
            out.append("        " + b.reason)
        }
        let sampling = analysis.betweenness
        if !analysis.bridging.isEmpty && !sampling.exact {
            out.append(
                "    Betweenness from \(Wording.count(sampling.pivots, "sampled member")): each within "
                    + "\(number(sampling.errorBound)) of the exact value at 95%.")
        }
        out.append("")
        out.append("  Isolated members (no exchanges or shared activities yet): \(analysis.isolated.count)")
        if !analysis.isolated.isEmpty {
            out.append("    " + Self.sample(analysis.isolated))
            out.append("    A first tie for any of them counts most: their bridging value is 1.")
        }
        let isolation = analysis.isolation
        out.append(
            "  No ties in the last \(Wording.count(isolation.months, "month")): \(isolation.noRecentTies.count)"
                + " (the isolated included)")
        if !isolation.noRecentTies.isEmpty { out.append("    " + Self.sample(isolation.noRecentTies)) }
        out.append("  Tied to one group only: \(isolation.oneGroupOnly.count)")
        return out.joined(separator: "\n")
    }

    /// The first 20 ids, and "…" when there are more.
    static func sample(_ ids: [String]) -> String {
        ids.prefix(20).joined(separator: ", ") + (ids.count > 20 ? ", …" : "")
    }

    /// Writes the DOT file (`--dot`) and renders the SVG and PNG (`--svg`, `--png`) with Graphviz,
    /// each by ``draw(_:to:what:format:)``.
    func writePicture(_ text: String) throws {
        let pictures = [("dot", dot), ("svg", svg), ("png", png)].compactMap { format, path in path.map { (format, $0) } }
        for (format, path) in pictures {
            try Self.draw(text, to: path, what: "network picture", format: format)
        }
    }

    /// A picture's format from its file's extension: "svg", "png" or "dot".
    static func pictureFormat(_ path: String) -> String? {
        let format = URL(fileURLWithPath: path).pathExtension.lowercased()
        return ["svg", "png", "dot"].contains(format) ? format : nil
    }

    /// Writes DOT text to `path`, or renders it there with Graphviz (the layout engine the text
    /// names), saying clearly when Graphviz is missing. The format is the file's extension's
    /// ("dot" when it names none) unless `format` names one.
    static func draw(_ text: String, to path: String, what: String, format: String? = nil) throws {
        let format = format ?? pictureFormat(path) ?? "dot"
        if format == "dot" {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw CLIError.unreadable(
                    file: path, reason: "cannot write: \((error as NSError).localizedDescription)")
            }
            note("Wrote the \(what) (Graphviz DOT) to \(path)")
            return
        }
        let started = Date()
        do {
            try GraphvizRenderer.render(text, as: format == "png" ? .png : .svg, to: URL(fileURLWithPath: path))
        } catch .notInstalled {
            throw CLIError.usage(
                "Graphviz is not installed (neither `sfdp` nor `dot` is on PATH), so the \(what) cannot be rendered; "
                    + "give a .dot file to keep the DOT text. Install it with `make deps` (Debian package graphviz).")
        } catch .failed(let message) {
            throw CLIError.usage(
                "Graphviz could not render \(path): \(message). Check that its folder exists and can be written, or give another file.")
        } catch {
            throw CLIError.usage("Graphviz could not render \(path): \(error).")
        }
        note("Rendered the \(what) to \(path)" + String(format: " in %.1f s", Date().timeIntervalSince(started)))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
