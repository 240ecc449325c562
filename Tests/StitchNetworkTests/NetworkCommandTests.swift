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
        for text in ["Communities:", "Brokers", "Isolated members", "m-jade", "Reciprocity index", "around"] {
            #expect(r.stdout.contains(text), "missing \(text)")
        }
    }

    @Test func jsonDecodesAndKIsTheCallers() throws {
        let r = try runner.run(["network", "--demo", "--json", "--k", "4"])
        #expect(r.status == 0, "\(r.stderr)")
        let analysis = try JSONDecoder().decode(NetworkAnalysis.self, from: Data(r.stdout.utf8))
        #expect(analysis.k == 4 && analysis.isolated.contains("m-jade"))
        let bad = try runner.run(["network", "--demo", "--k", "0"])
        #expect(bad.status != 0 && bad.stderr.contains("--k"))
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
        let missing = try runner.run(["network", "--demo", "--png", png, "--dot", dot], environment: ["PATH": dir.path])
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
