import ArgumentParser
import Logging
import StitchApplication
import StitchMCP
import StitchModel

/// `stitch mcp`: Stitch's queries as tools for an assistant that speaks the Model Context
/// Protocol, on standard input and output.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Answer an assistant's tool calls over the Model Context Protocol on standard input and output.",
        discussion: """
            The tools are who_can_help, where_can_give, refer_activities, explain_match, plan_allocate and \
            server_health (docs/daemon.md, "MCP"); each answers as its JSON-RPC method does, and none changes \
            anything. The assistant starts this command itself: give it the command line in its configuration. It \
            serves until standard input closes. Standard output carries the protocol; logs go to standard error and \
            name tools and counts only.

            Examples:
              stitch mcp --demo
              stitch mcp --db /var/lib/stitch/stitch.sqlite
              stitch mcp --community my-community.json --no-meaning
            """)

    @OptionGroup var source: CommunitySource
    @Option(help: ArgumentHelp("Skills taxonomy file (JSON).", valueName: "path"))
    var taxonomy: String?
    @OptionGroup var meaning: MeaningOptions
    @OptionGroup var logging: LogLevelOption

    func run() async throws {
        try logging.bootstrap()
        let logger = Logger(label: "stitch.mcp")
        let service = try source.service(taxonomy: taxonomy, meaning: meaning)
        let health = await service.snapshot().health
        for note in health.notes { logger.info("\(note)") }
        let counts = "\(Wording.count(health.members, "member")) and \(Wording.count(health.activities, "activity"))"
        logger.info("serving \(counts) over MCP on standard input and output")
        try await StitchMCPServer.serveStandardIO(service: service, logger: logger)
        logger.info("standard input closed; stopping")
    }
}
