import Foundation
import Logging
import MCP
public import StitchApplication

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Stitch as an MCP server (the Model Context Protocol): the tools of ``StitchToolbox`` on
/// standard input and output, one JSON-RPC message per line, until standard input closes
/// (`stitch mcp`, docs/daemon.md, "MCP").
///
/// Standard output carries the protocol only; logs go to standard error through swift-log and
/// name tools, counts and error codes, never a person's data.
public enum StitchMCPServer {
    /// What the server tells an assistant about Stitch when it connects.
    public static let instructions = """
        Stitch recommends matches for time banks and social prescribing: who can help with a request \
        (who_can_help), where a member could give (where_can_give), which community activities suit a referred \
        person, each with a member to go along (refer_activities), why a pairing is or is not suggested \
        (explain_match), and a plan for many referrals competing for few places (plan_allocate). Every answer is a \
        ranking with scores, factors and plain-English reasons; people are named by ids such as m-arthur and \
        activities by ids such as a-knit-natter. A broker or a GP decides: present the options and the reasons, not \
        a verdict. The tools only read.
        """

    /// A server offering Stitch's tools over `service`.
    public static func makeServer(service: StitchService, logger: Logger = Logger(label: "stitch.mcp")) async -> Server
    {
        let server = Server(
            name: "stitch", version: StitchVersion.current, title: "Stitch", instructions: instructions,
            capabilities: .init(tools: .init(listChanged: false)))
        await StitchToolbox(service: service, logger: logger).register(on: server)
        return server
    }

    /// Serves `service` on standard input and output until standard input closes and every
    /// request read has been answered.
    public static func serveStandardIO(service: StitchService, logger: Logger = Logger(label: "stitch.mcp"))
        async throws
    {
        // The transport makes both ends non-blocking; a terminal or a shell's pipe gets its own
        // mode back afterwards.
        let modes = [STDIN_FILENO, STDOUT_FILENO].map { ($0, fcntl($0, F_GETFL)) }
        defer { for (fd, mode) in modes where mode >= 0 { _ = fcntl(fd, F_SETFL, mode) } }
        let server = await makeServer(service: service, logger: logger)
        let transport = AnsweringTransport(StdioTransport(logger: logger), logger: logger)
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
        await server.stop()
    }
}
