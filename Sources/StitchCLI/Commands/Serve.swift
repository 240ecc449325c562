import ArgumentParser
import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchRPC
import StitchStore

/// `stitch serve`: the daemon, answering JSON-RPC 2.0 one message per line.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer JSON-RPC 2.0 requests, one per line (see docs/protocol.md).",
        discussion: """
            Responses go to standard output (or the connection), one per line, in order; logs go to standard error and name ids and counts only.

            Examples:
              echo '{"jsonrpc":"2.0","id":1,"method":"server.health"}' | stitch serve --stdio
              stitch serve --stdio --community data/lewisham.json
              stitch serve --socket /run/stitch/stitch.sock --db /var/lib/stitch/stitch.sqlite
              stitch serve --tcp 127.0.0.1:7411
              stitch serve --tcp 0.0.0.0:7411 --token "$STITCH_TOKEN"   (a non-loopback bind needs a token)
            """)

    @Flag(help: "Serve standard input and output.")
    var stdio = false
    @Option(help: ArgumentHelp("Serve a Unix domain socket at this path.", valueName: "path"))
    var socket: String?
    @Option(help: ArgumentHelp("Serve TCP at host:port.", valueName: "host:port"))
    var tcp: String?
    @Option(help: "Require this token in every request's params.auth.")
    var token: String?
    @Option(help: ArgumentHelp("Community file to serve (JSON).", valueName: "path"))
    var community: String?
    @Option(help: ArgumentHelp("Skills taxonomy file (JSON).", valueName: "path"))
    var taxonomy: String?
    @Option(
        help: ArgumentHelp(
            """
            The database that keeps the community: every write is stored there before it is answered. When it is \
            empty, the --community file is imported into it first. (default: $XDG_DATA_HOME/stitch/stitch.sqlite, \
            else ~/.local/share/stitch/stitch.sqlite)
            """,
            valueName: "path"))
    var db: String?
    @Option(help: "The longest request line accepted, in bytes.")
    var maxLineBytes = 1 << 20
    @Option(
        help: ArgumentHelp(
            "Let community.load {\"path\"} read community files under this folder (off by default).", valueName: "dir"))
    var allowLoadPath: String?
    @Option(help: "The largest community file community.load {\"path\"} reads, in bytes.")
    var maxLoadBytes = 256 << 20

    @OptionGroup var meaning: MeaningOptions

    /// What `community.load {"path"}` may read.
    var loadPolicy: LoadPolicy {
        allowLoadPath.map { LoadPolicy.allowing(directory: $0, maximumBytes: maxLoadBytes) } ?? .denied
    }

    func validate() throws {
        let transports = [stdio, socket != nil, tcp != nil].filter { $0 }.count
        guard transports > 0 else { throw ValidationError("choose --stdio, --socket PATH or --tcp HOST:PORT") }
        guard transports == 1 else { throw ValidationError("choose one of --stdio, --socket PATH and --tcp HOST:PORT") }
        guard maxLineBytes >= 1024 else { throw ValidationError("--max-line-bytes must be at least 1024") }
        if let allowLoadPath {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: allowLoadPath, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--allow-load-path \(allowLoadPath) is not a folder; give the folder community files may be loaded from")
            }
        }
        guard maxLoadBytes > 0 else { throw ValidationError("--max-load-bytes must be above 0") }
    }

    func run() async throws {
        let service = try await makeService()
        let dispatcher = RPCDispatcher(service: service, token: token, maximumLineBytes: maxLineBytes)
        try await serve(dispatcher)
    }

    /// The community to serve, kept in the database (`--db`, see docs/daemon.md): the stored one;
    /// or, when the database holds none yet, `--community` (default: the bundled one), imported
    /// into it once. The service stores every write there before answering it.
    func makeService() async throws -> StitchService {
        let taxonomy = try JSONInput.decode(SkillTaxonomy.self, fromFile: try self.taxonomy ?? DataLocator.path(of: "taxonomy.json"))
        let meaningSetup = meaning.setup()
        if let note = meaningSetup.note { log(note) }
        let dbPath = db ?? StoreLocation.defaultPath()
        let store = try SQLiteCommunityStore(path: dbPath, exclusive: true)
        let configuration = try store.configuration()
        if try store.hasCommunity() {
            if community != nil {
                log("the database already holds a community, so --community is ignored (see `stitch import --replace`)")
            }
            let clock = ContinuousClock()
            let start = clock.now
            let stored = try store.load()
            let outcomes = try store.loadOutcomes()
            let read = clock.now
            do {
                let service = try StitchService(
                    community: stored, taxonomy: taxonomy, configuration: configuration, outcomes: outcomes,
                    persistence: store, loadPolicy: loadPolicy, meaning: meaningSetup)
                func seconds(_ d: Duration) -> String { String(format: "%.2f s", Double(d / .milliseconds(1)) / 1000) }
                log(
                    "serving \(stored.members.count) members and \(stored.activities.count) activities from \(dbPath) "
                        + "(read in \(seconds(read - start)), engine built in \(seconds(clock.now - read)))")
                return service
            } catch {
                throw CLIError.invalidInput(file: dbPath, errors: error.errors)
            }
        }
        let path = try community ?? DataLocator.path(of: "lewisham.json")
        let initial = try JSONInput.decode(Community.self, fromFile: path)
        let service: StitchService
        do {
            service = try StitchService(
                community: initial, taxonomy: taxonomy, configuration: configuration, persistence: store, loadPolicy: loadPolicy, meaning: meaningSetup)
        } catch {
            throw CLIError.invalidInput(file: path, errors: error.errors)
        }
        try store.replaceAll(initial)
        log("imported \(path) into the empty database \(dbPath)")
        log("serving \(initial.members.count) members and \(initial.activities.count) activities from \(dbPath)")
        return service
    }

    /// Answers requests on the chosen transport until it closes.
    func serve(_ dispatcher: RPCDispatcher) async throws {
        if socket != nil || tcp != nil {
            try await serveNetwork(dispatcher)
            return
        }
        var reader = LineReader(handle: .standardInput, maximumLineBytes: maxLineBytes)
        while let line = reader.next() {
            let response: Data?
            switch line {
            case .line(let data):
                if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                response = await dispatcher.handle(line: data)
            case .tooLong:
                response = dispatcher.tooLargeResponse()
            }
            if let response {
                FileHandle.standardOutput.write(response + Data([0x0A]))
            }
        }
        log("standard input closed; stopping")
    }

    func log(_ message: String) {
        FileHandle.standardError.write(Data("stitch serve: \(message)\n".utf8))
    }
}

/// Splits a byte stream into lines, skipping (and reporting) lines longer than the limit.
struct LineReader {
    enum Item { case line(Data), tooLong }

    let handle: FileHandle
    let maximumLineBytes: Int
    private var buffer = Data()
    private var skipping = false
    private var finished = false

    init(handle: FileHandle, maximumLineBytes: Int) {
        self.handle = handle
        self.maximumLineBytes = maximumLineBytes
    }

    mutating func next() -> Item? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                if skipping {
                    skipping = false
                    return .tooLong
                }
                return .line(Data(line))
            }
            if buffer.count > maximumLineBytes {
                buffer.removeAll(keepingCapacity: true)
                skipping = true
            }
            if finished {
                if skipping { skipping = false; return .tooLong }
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return .line(buffer)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }
}
