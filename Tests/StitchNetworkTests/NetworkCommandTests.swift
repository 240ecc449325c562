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

    @Test func invalidCommunityNamesTheField() throws {
        let file = try CommandRunner.temporaryFile(
            Data(#"{"members":[{"id":"m-1"}],"exchanges":[{"giver":"m-1","receiver":"m-2","hours":1}]}"#.utf8))
        let r = try runner.run(["network", "--community", file])
        #expect(r.status != 0 && r.stderr.contains("exchanges[0].receiver"))
    }
}
