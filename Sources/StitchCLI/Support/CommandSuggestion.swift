import ArgumentParser
import StitchModel

/// "Did you mean" for a command that does not exist: `stitch giv` is refused with
/// `unknown command 'giv'; did you mean 'give'?` (``NearestWord``), or with every command when
/// none is near, before the argument parser would say only "Unexpected argument 'giv'".
enum CommandSuggestion {
    /// Why `arguments` name no command of `root`'s tree, or `nil` when they do (or when the
    /// parser is better placed to judge them: an option comes first, or the command takes no
    /// subcommands).
    static func refusal(for arguments: [String], root: any ParsableCommand.Type) -> String? {
        var level = Level(root)
        var path = [level.name]
        for argument in arguments {
            guard !level.subcommands.isEmpty, !argument.hasPrefix("-"), argument != "help" else { return nil }
            var next: Level?
            for subcommand in level.subcommands {
                let candidate = Level(subcommand)
                if candidate.names.contains(argument) {
                    next = candidate
                    break
                }
            }
            guard let next else {
                let known = level.subcommands.map { Level($0).name }
                // `unknown command 'giv'`, `unknown stitch admin command 'quarantin'`.
                let kind = path.count > 1 ? "\(path.joined(separator: " ")) command" : "command"
                return NearestWord.unknown(kind, argument, among: known)
            }
            level = next
            path.append(next.name)
        }
        return nil
    }

    /// What the search needs of one command: its name, its aliases and its subcommands.
    private struct Level {
        var name: String
        var names: [String]
        var subcommands: [any ParsableCommand.Type]

        init(_ command: any ParsableCommand.Type) {
            self = Self.of(command)
        }

        private init(name: String, names: [String], subcommands: [any ParsableCommand.Type]) {
            self.name = name
            self.names = names
            self.subcommands = subcommands
        }

        private static func of<Command: ParsableCommand>(_: Command.Type) -> Level {
            let configuration = Command.configuration
            return Level(
                name: Command._commandName, names: [Command._commandName] + configuration.aliases,
                subcommands: configuration.subcommands)
        }
    }
}

extension Stitch {
    /// Runs the command line, first refusing a command that does not exist with the nearest one.
    static func main() async {
        ProcessLogging.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let refusal = CommandSuggestion.refusal(for: arguments, root: Stitch.self) {
            Stitch.exit(withError: ValidationError(refusal))
        }
        await Stitch.main(arguments)
    }
}
