import ArgumentParser
import Foundation
import StitchModel
import StitchNetwork

/// `stitch network`: communities, brokers, isolated members and a picture of the network.
struct Network: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The community's network: communities, brokers who link them, isolated members, and a picture.",
        discussion: """
            Ties come from exchanges (hours, fading over a year) and from attending the same activity.
            Communities are found by spectral clustering; brokers are members whose ties span communities.
            The picture is Graphviz DOT, rendered with sfdp when Graphviz is installed (make deps installs it).

            Examples:
              stitch network --db stitch.sqlite
              stitch network --demo --k 6 --json
              stitch network --demo --dot network.dot --png network.png
              stitch network --community big.json --svg big.svg
            """)

    @OptionGroup var source: CommunitySource

    @Option(name: .long, help: "Number of communities (default: chosen by the largest eigengap, up to 12).")
    var k: Int?

    @Flag(name: .long, help: "Print the protocol's JSON result instead of a summary.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Write the picture as Graphviz DOT here.", valueName: "path"))
    var dot: String?

    @Option(name: .long, help: ArgumentHelp("Render the picture as SVG here (needs Graphviz).", valueName: "path"))
    var svg: String?

    @Option(name: .long, help: ArgumentHelp("Render the picture as PNG here (needs Graphviz).", valueName: "path"))
    var png: String?

    func validate() throws {
        if let k, !(1...50).contains(k) { throw ValidationError("--k must be between 1 and 50") }
    }

    func run() throws {
        let (input, path) = try source.load()
        do {
            try input.validate()
        } catch {
            throw CLIError.invalidInput(file: path, errors: error.errors)
        }
        var options = NetworkOptions()
        options.communities.k = k
        let network: CommunityNetwork
        do {
            network = try CommunityNetwork(community: input, options: options)
        } catch {
            throw CLIError.usage("the network analysis failed: \(error)")
        }
        let analysis = network.analysis()
        print(json ? try RankingPrinter.json(analysis) : Self.summary(analysis, network: network))
        if dot != nil || svg != nil || png != nil {
            try writePicture(NetworkDiagram(network: network).dot())
        }
    }
}

extension Network {
    /// The readable summary: communities with descriptions, top brokers, isolated members, reciprocity.
    static func summary(_ analysis: NetworkAnalysis, network: CommunityNetwork) -> String {
        let graph = network.graph
        var out = ["The network of " + Wording.count(graph.nodeCount, "member"), ""]
        out.append(
            "  " + Wording.count(graph.tieCount, "tie") + " from exchanges and shared activities"
                + (graph.referenceDate.map { ", as of \($0)" } ?? ""))
        out.append(
            "  Reciprocity index: \(RankingPrinter.number(analysis.reciprocityIndex)) "
                + "(share of members active in the last 12 months who both gave and received)")
        if !network.embedding.converged {
            let worst = String(format: "%.1e", network.embedding.residuals.max() ?? 0)
            out.append("  Note: the eigensolver stopped early (largest residual \(worst)); results are approximate.")
        }
        out.append("")
        let small = analysis.communities.dropFirst(analysis.k)
        let eigen = analysis.eigenvalues.prefix(analysis.k + 1).map { String(format: "%.3f", $0) }.joined(
            separator: " ")
        out.append(
            "  Communities: \(analysis.k) found by spectral clustering (eigenvalues \(eigen))"
                + (small.isEmpty
                    ? "" : ", and \(Wording.count(small.count, "small circle")) apart from everyone else"))
        for c in analysis.communities.prefix(max(analysis.k, 12)) {
            out.append("    \(RankingPrinter.pad(String(c.id), 3)) \(c.description)")
            out.append("        e.g. " + c.members.prefix(6).joined(separator: ", ") + (c.size > 6 ? ", …" : ""))
        }
        if analysis.communities.count > max(analysis.k, 12) {
            out.append("    … and \(analysis.communities.count - max(analysis.k, 12)) more small circles")
        }
        out.append("")
        out.append("  Brokers (ties spread over communities; participation coefficient):")
        if analysis.bridging.isEmpty { out.append("    none: every tie stays within one community") }
        for b in analysis.bridging.prefix(10) {
            let i = graph.index(of: b.id)
            let home = i.flatMap { network.communities.label(of: $0) }.map { "community \($0)" } ?? ""
            let ties = i.map { Wording.count(graph.tieCount(of: $0), "tie") } ?? ""
            out.append("    \(RankingPrinter.pad(b.id, 24)) \(RankingPrinter.number(b.score))  \(ties), in \(home)")
        }
        out.append("")
        out.append("  Isolated members (no exchanges or shared activities yet): \(analysis.isolated.count)")
        if !analysis.isolated.isEmpty {
            out.append(
                "    " + analysis.isolated.prefix(20).joined(separator: ", ")
                    + (analysis.isolated.count > 20 ? ", …" : ""))
            out.append("    A first tie for any of them counts most: their bridging value is 1.")
        }
        return out.joined(separator: "\n")
    }

    /// Writes the DOT file and renders the SVG and PNG with Graphviz, saying clearly when it is missing.
    func writePicture(_ text: String) throws {
        let dotPath =
            dot
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("stitch-network-\(UUID().uuidString).dot")
            .path
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: dotPath))
        } catch {
            throw CLIError.unreadable(file: dotPath, reason: "cannot write: \((error as NSError).localizedDescription)")
        }
        if dot != nil { Self.note("Wrote the network picture (Graphviz DOT) to \(dotPath)") }
        let renders = [("svg", svg), ("png", png)].compactMap { format, path in path.map { (format, $0) } }
        guard !renders.isEmpty else { return }
        guard let layout = Self.graphviz() else {
            throw CLIError.usage(
                "Graphviz is not installed (neither `sfdp` nor `dot` is on PATH), so the picture cannot be rendered"
                    + (dot != nil ? "; the DOT file is at \(dotPath)" : "; pass --dot FILE to keep the DOT text")
                    + ". Install it with `make deps` (Debian package graphviz).")
        }
        for (format, path) in renders {
            let process = Process()
            process.executableURL = layout
            process.arguments = ["-T\(format)", dotPath, "-o", path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw CLIError.usage("\(layout.lastPathComponent) could not render \(path): \(message)")
            }
            Self.note("Rendered the network picture with \(layout.lastPathComponent) to \(path)")
        }
        if dot == nil { try? FileManager.default.removeItem(atPath: dotPath) }
    }

    /// `sfdp` (force-directed, best for networks), else `dot`, from PATH.
    static func graphviz() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for tool in ["sfdp", "dot"] {
            for dir in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(tool)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
