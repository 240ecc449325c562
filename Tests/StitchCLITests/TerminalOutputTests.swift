import Foundation
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

@Suite("The stitch command's output, as it reads on a terminal, a narrow one, and through a pipe")
struct TerminalOutputTests {
    let runner = CommandRunner()

    static let castFile: String = {
        try! CommandRunner.temporaryFile(try! JSONEncoder().encode(ScenarioCast.community))
    }()

    /// Two members and an activity with one place left.
    static let smallFile: String = {
        let community = Community(
            members: [
                Member(id: "m-a", name: "Ann Ainsworth-Featherstonehaugh of Catford and Brockley", offers: ["knitting"], location: Location(lat: 51.45, lon: -0.02)!, travelKm: 5),
                Member(id: "m-b", name: "Bo", needs: ["knitting"], location: Location(lat: 51.451, lon: -0.021)!, travelKm: 5),
            ],
            activities: [
                Activity(id: "a-1", name: "Knit and natter", topics: ["knitting"], location: Location(lat: 51.45, lon: -0.02)!, capacity: 5, enrolled: 4)
            ])
        return try! CommandRunner.temporaryFile(try! JSONEncoder().encode(community))
    }()

    @Test func versionIsPrinted() throws {
        let r = try runner.run(["--version"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3, "\(r.stdout)")
    }

    @Test(arguments: [40, 60, 80, 120])
    func rankingsFitTheTerminalWidth(columns: Int) throws {
        let r = try runner.run(
            ["who-can-help", "--community", Self.castFile, "--requester", "m-arthur", "--skill", "accompany to hospital", "--limit", "5"],
            environment: ["COLUMNS": String(columns)])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let wide = lines.filter { $0.count > columns }
        #expect(wide.isEmpty, "lines wider than \(columns): \(wide)")
        #expect(r.stdout.contains("m-june"))
        // Every factor is still shown, in columns or on a line of its own.
        #expect(r.stdout.contains("recip"))
    }

    @Test func planFitsANarrowTerminal() throws {
        let r = try runner.run(
            ["plan", "data/examples/planning-session.json", "--community", "data/lewisham.json"], environment: ["COLUMNS": "64"])
        #expect(r.status == 0, "\(r.stderr)")
        let wide = r.stdout.split(separator: "\n").filter { $0.count > 64 }
        #expect(wide.isEmpty, "\(wide)")
        #expect(r.stdout.contains("Placements"))
    }

    @Test func longNamesAreShortenedWithAnEllipsis() throws {
        let r = try runner.run(
            ["explain", "--community", Self.smallFile, "--subject", "m-b", "--candidate", "m-a"], environment: ["COLUMNS": "40"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 40 }, "\(r.stdout)")
        let help = try runner.run(
            ["who-can-help", "--community", Self.smallFile, "--requester", "m-b", "--skill", "knitting"], environment: ["COLUMNS": "60"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.split(separator: "\n").allSatisfy { $0.count <= 60 }, "\(help.stdout)")
        #expect(help.stdout.contains("Ann Ainsworth-Fea") && help.stdout.contains("…"), "\(help.stdout)")
    }

    @Test func pipedOutputHasNoTerminalCodes() throws {
        for arguments in [
            ["who-can-help", "--community", Self.castFile, "--requester", "m-arthur", "--skill", "gardening"],
            ["explain", "--community", Self.castFile, "--subject", "m-kathy", "--candidate", "a-art-upstairs"],
            ["network", "--community", Self.castFile],
        ] {
            let r = try runner.run(arguments, environment: ["TERM": "xterm-256color"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!r.stdout.contains("\u{1B}"), "escape codes in \(arguments[0])")
        }
    }

    @Test func countsOfOneAreSingular() throws {
        let explain = try runner.run(["explain", "--community", Self.smallFile, "--subject", "m-b", "--candidate", "a-1"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("1 place left"), "\(explain.stdout)")
        #expect(!explain.stdout.contains("1 places"))
        let one = Community(members: [Member(id: "m-a", name: "A")])
        let network = try runner.run(["network", "--community", try CommandRunner.temporaryFile(try JSONEncoder().encode(one))])
        #expect(network.status == 0, "\(network.stderr)")
        #expect(network.stdout.contains("The network of 1 member\n"), "\(network.stdout)")
        #expect(!network.stdout.contains("1 members"))
    }

    @Test func englishPlurals() {
        #expect(Wording.count(1, "member") == "1 member")
        #expect(Wording.count(0, "member") == "0 members")
        #expect(Wording.count(2, "activity") == "2 activities")
        #expect(Wording.count(3, "day") == "3 days")
        #expect(Wording.count(2, "match") == "2 matches")
        #expect(Wording.count(2, "person") == "2 people")
        #expect(Wording.count(1, "person") == "1 person")
    }
}
