import Foundation
import StitchTestSupport
import Testing

/// The man page in deploy/man is made by `make man` from the command's own help; this keeps it
/// from falling behind: every command and option the built `stitch` has is in it.
@Suite("The man page names every command and option")
struct ManualTests {
    struct Help: Decodable {
        struct Command: Decodable {
            var commandName: String
            var arguments: [Argument]?
            var subcommands: [Command]?
        }
        struct Argument: Decodable {
            struct Name: Decodable {
                var kind: String
                var name: String
            }
            var names: [Name]?
            var shouldDisplay: Bool
        }
        var command: Command
    }

    @Test func everyCommandAndOptionIsInTheManPage() throws {
        let r = try CommandRunner().run(["--experimental-dump-help"])
        #expect(r.status == 0, "\(r.stderr)")
        let help = try JSONDecoder().decode(Help.self, from: Data(r.stdout.utf8))
        let page = try String(
            contentsOf: Fixtures.root.appendingPathComponent("deploy/man/stitch.1"), encoding: .utf8)
        // `.It Fl -db Ar path`, `.It Fl l , -limit Ar limit`: the long names the page lists.
        let listed = Set(
            page.split(separator: "\n").filter { $0.hasPrefix(".It Fl") }.flatMap { $0.split(separator: " ") }
                .filter { $0.hasPrefix("-") }.map(String.init))
        var missing: [String] = []
        func visit(_ command: Help.Command, path: String) {
            for argument in command.arguments ?? [] where argument.shouldDisplay {
                for name in argument.names ?? [] where name.kind == "long" && !listed.contains("-\(name.name)") {
                    missing.append("\(path) --\(name.name)")
                }
            }
            for sub in command.subcommands ?? [] where sub.commandName != "help" {
                if !page.contains("Em \(sub.commandName)") { missing.append("\(path) \(sub.commandName)") }
                visit(sub, path: path + " " + sub.commandName)
            }
        }
        visit(help.command, path: "stitch")
        #expect(missing.isEmpty, "not in deploy/man/stitch.1 (run `make man`): \(missing)")
    }
}
