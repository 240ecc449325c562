import Foundation
import StitchNetwork
import StitchTestSupport
import Testing

@Suite("stitch network, run as a person would")
struct NetworkCommandTests {
    let runner = CommandRunner()

    @Test func summaryNamesCommunitiesBrokersAndIsolatedMembers() throws {
        let r = try runner.run(["network", "--demo"])
        #expect(r.status == 0, "\(r.stderr)")
        for text in [
            "Communities:", "Leiden algorithm", "Brokers", "links ", "Isolated members", "m-jade", "Reciprocity index",
            "around", "No ties in the last 6 months", "Tied to one group only",
        ] {
            #expect(r.stdout.contains(text), "missing \(text)")
        }
    }

    @Test func jsonDecodesAndTheResolutionIsTheCallers() throws {
        let r = try runner.run(["network", "--demo", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let analysis = try JSONDecoder().decode(NetworkAnalysis.self, from: Data(r.stdout.utf8))
        #expect(analysis.resolution == 1 && analysis.isolated.contains("m-jade"))
        let fine = try runner.run(["network", "--demo", "--json", "--resolution", "3", "--isolation-months", "2"])
        #expect(fine.status == 0, "\(fine.stderr)")
        let finer = try JSONDecoder().decode(NetworkAnalysis.self, from: Data(fine.stdout.utf8))
        #expect(finer.resolution == 3 && finer.communities.count > analysis.communities.count)
        #expect(
            finer.isolation.months == 2 && finer.isolation.noRecentTies.count >= analysis.isolation.noRecentTies.count)
        let bad = try runner.run(["network", "--demo", "--resolution", "0"])
        #expect(
            bad.status != 0 && bad.stderr.contains("resolution: must be a number from 0.01 to 100"), "\(bad.stderr)")
        let retired = try runner.run(["network", "--demo", "--k", "4"])
        #expect(retired.status != 0 && retired.stderr.contains("--resolution"), "\(retired.stderr)")
    }

    @Test func dotFileIsWrittenAndAMissingGraphvizIsSaidClearly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-net-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let dot = dir.appendingPathComponent("network.dot").path
        let r = try runner.run(["network", "--demo", "--json", "--dot", dot])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(text.hasPrefix("graph stitch {") && text.contains("\"m-vera\""))

        let png = dir.appendingPathComponent("network.png").path
        let missing = try runner.run(
            ["network", "--demo", "--png", png, "--dot", dot], environment: ["PATH": dir.path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("Graphviz is not installed"), "\(missing.stderr)")
        #expect(missing.stderr.contains("make deps"))
    }

    @Test func theOverviewAndADrillDownRenderThroughGraphviz() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-pics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let overview = dir.appendingPathComponent("overview.png").path
        let drill = dir.appendingPathComponent("community-1.svg").path
        let second = dir.appendingPathComponent("community-0.png").path
        let r = try runner.run([
            "network", "--demo", "--overview", overview, "--community-picture", "1", drill,
            "--community-picture", "0", second,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        for path in [overview, second] {
            let png = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(png.count > 10_000 && png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        }
        let svg = try String(contentsOfFile: drill, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("Community 1:") && svg.contains("</svg>"))
        #expect(r.stderr.contains("Rendered the overview to \(overview)"))
        #expect(r.stderr.contains("Rendered the picture of community 1 to \(drill)"))
    }

    @Test func picturesNameMembersOnlyWithNamesAndRefuseWhatTheyCannotDraw() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-pics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let overview = dir.appendingPathComponent("overview.dot").path
        let drill = dir.appendingPathComponent("community.dot").path
        let plain = try runner.run(["network", "--demo", "--overview", overview, "--community-picture", "0", drill])
        #expect(plain.status == 0, "\(plain.stderr)")
        let plainText =
            try String(contentsOfFile: overview, encoding: .utf8) + String(contentsOfFile: drill, encoding: .utf8)
        #expect(plainText.contains("graph overview {") && plainText.contains("graph community_0 {"))
        // With --names a member is written "Bee (m-bee)".
        let names = try Fixtures.lewisham.members.compactMap { $0.name.map { "\($0) (" } }
        #expect(!names.contains { plainText.contains($0) }, "no name without --names")

        let named = try runner.run([
            "network", "--demo", "--overview", overview, "--community-picture", "0", drill, "--names",
        ])
        #expect(named.status == 0, "\(named.stderr)")
        let namedText = try String(contentsOfFile: drill, encoding: .utf8)
        #expect(names.contains { namedText.contains($0) }, "names with --names")

        let missing = try runner.run(["network", "--demo", "--community-picture", "999", drill])
        #expect(missing.status != 0 && missing.stderr.contains("there is no community 999"), "\(missing.stderr)")
        #expect(missing.stderr.contains("numbered 0 to"))
        let format = try runner.run(["network", "--demo", "--overview", dir.appendingPathComponent("o.jpg").path])
        #expect(format.status != 0 && format.stderr.contains("must end in .svg, .png or .dot"), "\(format.stderr)")
        let odd = try runner.run(["network", "--demo", "--community-picture", "two", drill])
        #expect(odd.status != 0 && odd.stderr.contains("--community-picture takes a community's number and a file"))
        let unwritable = try runner.run([
            "network", "--demo", "--overview", dir.appendingPathComponent("absent/o.png").path,
        ])
        #expect(
            unwritable.status != 0 && unwritable.stderr.contains("Check that its folder exists"), "\(unwritable.stderr)"
        )
        let noGraphviz = try runner.run(
            ["network", "--demo", "--overview", dir.appendingPathComponent("o.svg").path],
            environment: ["PATH": dir.path])
        #expect(noGraphviz.status != 0 && noGraphviz.stderr.contains("Graphviz is not installed"))
    }

    @Test func invalidCommunityNamesTheField() throws {
        let file = try CommandRunner.temporaryFile(
            Data(#"{"members":[{"id":"m-1"}],"exchanges":[{"giver":"m-1","receiver":"m-2","hours":1}]}"#.utf8))
        let r = try runner.run(["network", "--community", file])
        #expect(r.status != 0 && r.stderr.contains("exchanges[0].receiver"))
    }
}
