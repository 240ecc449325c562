import ArgumentParser
import Foundation
import Logging
import StitchApplication
import StitchEngine
import StitchModel
import StitchRPC
import StitchServer
import StitchStore
import Synchronization

/// `stitch serve`: the daemon, answering JSON-RPC 2.0 one message per line.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer JSON-RPC 2.0 requests, one per line (see docs/protocol.md).",
        discussion: """
            Responses go to standard output (or the connection), one per line, in order; logs go to standard error and name ids and counts only.

            Examples:
              echo '{"jsonrpc":"2.0","id":1,"method":"server.health"}' | stitch serve --stdio
              stitch serve --stdio --demo --db demo.sqlite
              stitch serve --socket /run/stitch/stitch.sock --db /var/lib/stitch/stitch.sqlite
              openssl rand -hex 32 > ~/.stitch-token && chmod 600 ~/.stitch-token
              stitch serve --tcp 127.0.0.1:7411 --token-file ~/.stitch-token
              STITCH_TOKEN="$(cat ~/.stitch-token)" stitch serve --tcp 0.0.0.0:7411
              stitch serve --http 127.0.0.1:7412 --token-file ~/.stitch-token

            TCP and HTTP need a token of at least 32 bytes (every JSON-RPC request then carries it in params.auth,             every HTTP API request in an Authorization: Bearer header), from --token-file PATH or the STITCH_TOKEN             environment variable; never on the command line, where any local user could read it. Loopback TCP or             HTTP without a token needs --insecure-loopback.
            """)

    @Flag(help: "Serve standard input and output.")
    var stdio = false
    @Option(help: ArgumentHelp("Serve a Unix domain socket at this path.", valueName: "path"))
    var socket: String?
    @Option(help: ArgumentHelp("Serve TCP at host:port.", valueName: "host:port"))
    var tcp: String?
    @Option(
        help: ArgumentHelp(
            "Serve HTTP at host:port: the JSON API under /api (docs/openapi.yaml) and the web pages; alone or beside --socket or --tcp.",
            valueName: "host:port"))
    var http: String?
    @Option(help: "The largest HTTP request body accepted, in bytes.")
    var maxBodyBytes = 1 << 20
    @Option(help: .hidden)
    var token: String?
    @Option(
        help: ArgumentHelp(
            "Require the token in this file (at least 32 bytes; mode 0600) in every request's params.auth. "
                + "Or set STITCH_TOKEN.",
            valueName: "path"))
    var tokenFile: String?
    @Flag(help: "Serve loopback TCP without a token (any local user could then read and change all data).")
    var insecureLoopback = false
    @Option(help: ArgumentHelp("Community file to store in the database when it holds none (JSON).", valueName: "path"))
    var community: String?
    @Flag(
        help: """
            Serve the bundled demo community (fictional people): stored into the database when it is new or empty, \
            served again when it holds the demo; a database holding other records is refused.
            """)
    var demo = false
    @Option(help: ArgumentHelp("Skills taxonomy file (JSON).", valueName: "path"))
    var taxonomy: String?
    @Option(
        help: ArgumentHelp(
            """
            The database that keeps the community: every write is stored there before it is answered. A new \
            database starts empty (or with the --community file, or the demo with --demo). \
            (default: \(StoreLocation.defaultDescription))
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

    @Option(
        help: ArgumentHelp(
            "When each referral status needs a call: a JSON file such as {\"referred\": {\"days\": 5, \"working\": true}} (docs/referrals.md).",
            valueName: "path"))
    var followUp: String?

    @OptionGroup var meaning: MeaningOptions
    @OptionGroup var logging: LogLevelOption

    /// What `community.load {"path"}` may read.
    var loadPolicy: LoadPolicy {
        allowLoadPath.map { LoadPolicy.allowing(directory: $0, maximumBytes: maxLoadBytes) } ?? .denied
    }
    @Option(help: "The most requests in one batch.")
    var maxBatch = RPCDispatcher.defaultMaximumBatch
    @Option(help: "The most connections open at once (--socket, --tcp); one more is refused.")
    var maxConnections = LineServer.Configuration.defaultMaximumConnections
    @Option(help: ArgumentHelp("Close a connection silent for this many seconds (0: never).", valueName: "seconds"))
    var idleTimeout = 300.0

    func validate() throws {
        let transports = [stdio, socket != nil, tcp != nil].filter { $0 }.count
        guard transports > 0 || http != nil else {
            throw ValidationError("choose --stdio, --socket PATH, --tcp HOST:PORT or --http HOST:PORT")
        }
        if stdio, transports > 1 || http != nil {
            throw ValidationError("--stdio serves alone: choose --stdio, or any of --socket PATH, --tcp HOST:PORT and --http HOST:PORT")
        }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024") }
        if demo, community != nil { throw ValidationError("give --community FILE or --demo, not both") }
        guard maxLineBytes >= 1024 else { throw ValidationError("--max-line-bytes must be at least 1024") }
        if let allowLoadPath {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: allowLoadPath, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--allow-load-path \(allowLoadPath) is not a folder; give the folder community files may be loaded from")
            }
        }
        guard maxLoadBytes > 0 else { throw ValidationError("--max-load-bytes must be above 0") }
        guard maxBatch >= 1 else { throw ValidationError("--max-batch must be at least 1") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        guard idleTimeout >= 0, idleTimeout.isFinite else { throw ValidationError("--idle-timeout must be 0 or more seconds") }
        if token != nil {
            throw ValidationError(
                "--token is not accepted: any local user can read a command line. Put the token in a file readable "
                    + "only by you and give --token-file PATH, or set the STITCH_TOKEN environment variable "
                    + "(make one with `openssl rand -hex 32`)")
        }
    }

    /// The shortest token accepted, in bytes.
    static let minimumTokenBytes = 32

    func run() async throws {
        try logging.bootstrap()
        let token = try readToken()
        let (service, store, vectors) = try await makeService()
        vectors?.start()
        let dispatcher = RPCDispatcher(
            service: service, token: token, maximumLineBytes: maxLineBytes, maximumBatch: maxBatch,
            statistics: RequestStatistics())
        do {
            try await serve(dispatcher, token: token, store: store, vectors: vectors)
        } catch {
            closeStore(store, vectors: vectors)
            throw error
        }
        closeStore(store, vectors: vectors)
    }

    /// The token from `--token-file` or `STITCH_TOKEN` (not both), at least 32 bytes; `nil` when
    /// neither is given. A set but empty or short `STITCH_TOKEN` is refused, never taken as "no token".
    func readToken() throws -> String? {
        let environment = ProcessInfo.processInfo.environment["STITCH_TOKEN"]
        let howTo = "make one with `openssl rand -hex 32`"
        let token: String
        let source: String
        switch (tokenFile, environment) {
        case (nil, nil):
            return nil
        case (.some, .some):
            throw CLIError.usage("give the token one way: --token-file PATH or STITCH_TOKEN, not both")
        case (let path?, nil):
            var info = stat()
            guard stat(path, &info) == 0, let data = FileManager.default.contents(atPath: path) else {
                throw CLIError.usage("cannot read the token file \(path)")
            }
            guard info.st_mode & 0o077 == 0 else {
                throw CLIError.usage(
                    "the token file \(path) can be read by other users: make it private with `chmod 600 \(path)`")
            }
            token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            source = "the token in \(path)"
        case (nil, let value?):
            token = value
            source = "STITCH_TOKEN"
        }
        guard token.utf8.count >= Self.minimumTokenBytes else {
            throw CLIError.usage(
                "\(source) is too short (\(token.utf8.count) bytes): a token must be at least \(Self.minimumTokenBytes) bytes; \(howTo)")
        }
        return token
    }

    /// The follow-up intervals: the `--follow-up` file's, over the defaults.
    func followUpPolicy() throws -> FollowUpPolicy {
        guard let followUp else { return .standard }
        return try JSONInput.decode(FollowUpPolicy.self, fromFile: followUp)
    }

    /// Closes the store so SQLite folds its write-ahead log into the database file, once the
    /// text vectors embedded since the last save are kept.
    func closeStore(_ store: SQLiteCommunityStore, vectors: TextVectorKeeper?) {
        vectors?.stop()
        do {
            try store.closeAndCheckpoint()
            log("database closed")
        } catch {
            log("could not close the database cleanly: \(error)")
        }
    }

    /// The community to serve, kept in the database (`--db`, see docs/daemon.md): the stored one;
    /// or, when the database holds none yet, the `--community` file or (`--demo`) the bundled
    /// demo, stored into it once; or nothing, for a new database, which starts empty. The
    /// service stores every write there before answering it. The text vectors kept in the
    /// database for the model are loaded first, so only new texts are embedded.
    func makeService() async throws -> (StitchService, SQLiteCommunityStore, TextVectorKeeper?) {
        let taxonomy = try JSONInput.decode(SkillTaxonomy.self, fromFile: try self.taxonomy ?? DataLocator.path(of: "taxonomy.json"))
        let meaningSetup = meaning.setup()
        if let note = meaningSetup.note { log(note) }
        let followUp = try followUpPolicy()
        let dbPath = db ?? StoreLocation.defaultPath()
        let store = try SQLiteCommunityStore(path: dbPath, exclusive: true)
        if demo, try !store.holdsDemo() {
            let counts = try store.counts()
            if counts.members + counts.activities + counts.exchanges + counts.attendance > 0 {
                throw CLIError.usage(
                    "\(dbPath) holds \(Import.describe(counts)), not the demo: --demo stores the demo only into a new "
                        + "or empty database. Serve this one without --demo, or give the demo a database of its own "
                        + "with --db PATH")
            }
        }
        let vectors = (meaningSetup.model?.embedder as? TextModelEmbedder).flatMap { embedder in
            TextVectorKeeper(store: store, embedder: embedder) { log($0) }
        }
        vectors?.preload()
        let configuration = try store.configuration()
        let initialPath: String?
        if demo {
            initialPath = try store.holdsDemo() ? nil : try DataLocator.path(of: "lewisham.json")
        } else if try store.hasCommunity() {
            if community != nil {
                log("the database already holds a community, so --community is ignored (see `stitch import --replace`)")
            }
            initialPath = nil
        } else {
            initialPath = community
        }
        guard let path = initialPath else {
            let clock = ContinuousClock()
            let start = clock.now
            let stored = try store.load()
            let outcomes = try store.loadOutcomes()
            let referrals = try store.loadReferrals()
            let dismissals = try store.loadDismissals()
            let asks = try store.loadAsks(), pairings = try store.loadPairings()
            let read = clock.now
            do {
                let service = try StitchService(
                    community: stored, taxonomy: taxonomy, configuration: configuration, outcomes: outcomes,
                    persistence: store, loadPolicy: loadPolicy, meaning: meaningSetup, referrals: referrals,
                    followUp: followUp, dismissals: dismissals, asks: asks, pairings: pairings)
                func seconds(_ d: Duration) -> String { String(format: "%.2f s", Double(d / .milliseconds(1)) / 1000) }
                log(
                    "serving \(Wording.count(stored.members.count, "member")) and \(Wording.count(stored.activities.count, "activity")) from \(dbPath) "
                        + "(read in \(seconds(read - start)), engine built in \(seconds(clock.now - read)))")
                if stored.members.isEmpty, stored.activities.isEmpty {
                    log(
                        "the database is empty: stop the daemon and import your community with `stitch import FILE "
                            + "--db \(dbPath)` (or send community.load), or start with --demo to try the bundled demo")
                }
                return (service, store, vectors)
            } catch {
                throw CLIError.invalidInput(file: dbPath, errors: error.errors)
            }
        }
        let file = try JSONInput.decode(CommunityFile.self, fromFile: path)
        let initial = file.community
        let dismissals = demo ? try DemoDismissals.read() : []
        let pairings = try CommunityFile.checkedPairings(of: file, source: path)
        let service: StitchService
        do {
            service = try StitchService(
                community: initial, taxonomy: taxonomy, configuration: configuration, persistence: store, loadPolicy: loadPolicy,
                meaning: meaningSetup, followUp: followUp, dismissals: dismissals, pairings: pairings)
        } catch {
            throw CLIError.invalidInput(file: path, errors: error.errors)
        }
        try store.replaceAll(initial, progress: nil, demo: demo, pairings: pairings)
        for dismissal in dismissals { try store.save(dismissal: dismissal) }
        log(demo ? "stored the demo community (fictional people) in the empty database \(dbPath)" : "imported \(path) into the empty database \(dbPath)")
        log("serving \(Wording.count(initial.members.count, "member")) and \(Wording.count(initial.activities.count, "activity")) from \(dbPath)")
        return (service, store, vectors)
    }

    /// Answers requests on the chosen transport until it closes.
    func serve(_ dispatcher: RPCDispatcher, token: String?, store: SQLiteCommunityStore, vectors: TextVectorKeeper?) async throws {
        if socket != nil || tcp != nil || http != nil {
            try await serveNetwork(dispatcher, service: dispatcher.service, token: token, store: store)
            return
        }
        let stop = StdioStop { self.closeStore(store, vectors: vectors) }
        var reader = LineReader(handle: .standardInput, maximumLineBytes: maxLineBytes)
        while let line = reader.next() {
            guard stop.beginLine() else { stop.waitForExit() }
            defer { stop.endLine() }
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
        // Unless a signal's stop is already under way, this stop is the one that closes the store.
        guard stop.claim() else { stop.waitForExit() }
        log("standard input closed; stopping")
    }

    /// One line for the operator (ids and counts only, never personal data), at `info`.
    func log(_ message: String) {
        Logger(label: "stitch.serve").info("\(message)")
    }
}

/// Stops `stitch serve --stdio` cleanly on SIGTERM or SIGINT: once the line being answered (if
/// any) is answered, `finish` runs (closing the store, which folds its log) and the process
/// exits with status 0. Without this the signal would end the process with the log unfolded.
final class StdioStop: Sendable {
    private enum State: Int {
        case waiting, answering, stopRequested
    }

    private let state = Atomic<Int>(State.waiting.rawValue)
    private let finishing = Atomic<Bool>(false)
    private let finish: @Sendable () -> Void
    /// Kept for the process's life; set once, in `init`.
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []

    init(finish: @escaping @Sendable () -> Void) {
        self.finish = finish
        self.sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.signalled() }
            source.resume()
            return source
        }
    }

    /// Before answering a line; `false` once a stop was asked for (the process is exiting).
    func beginLine() -> Bool {
        self.state.compareExchange(
            expected: State.waiting.rawValue, desired: State.answering.rawValue, ordering: .sequentiallyConsistent
        ).exchanged
    }

    /// After a line's answer is written: stops now if a signal came meanwhile.
    func endLine() {
        let back = self.state.compareExchange(
            expected: State.answering.rawValue, desired: State.waiting.rawValue, ordering: .sequentiallyConsistent)
        if !back.exchanged { self.stopNow() }
    }

    private func signalled() {
        // Waiting for input: stop at once. Answering: stop after the answer. Retried when the
        // line ends in between.
        while true {
            let waiting = self.state.compareExchange(
                expected: State.waiting.rawValue, desired: State.stopRequested.rawValue, ordering: .sequentiallyConsistent)
            if waiting.exchanged {
                self.stopNow()
                return
            }
            if waiting.original == State.stopRequested.rawValue { return }
            let answering = self.state.compareExchange(
                expected: State.answering.rawValue, desired: State.stopRequested.rawValue, ordering: .sequentiallyConsistent)
            if answering.exchanged || answering.original == State.stopRequested.rawValue { return }
        }
    }

    /// Takes the one right to finish; `false` when the other side (a signal, or the end of the
    /// input) already has it.
    func claim() -> Bool {
        !self.finishing.exchange(true, ordering: .sequentiallyConsistent)
    }

    /// Blocks for good: the stop under way ends the process.
    func waitForExit() -> Never {
        while true { pause() }
    }

    private func stopNow() {
        guard self.claim() else { return }
        self.finish()
        exit(0)
    }
}

/// Splits a byte stream into lines, skipping (and reporting) lines longer than the limit.
///
/// Linear in the input: each byte is searched for a newline once (with `memchr`), and the bytes
/// consumed are dropped only when the buffer is refilled.
struct LineReader {
    enum Item { case line(Data), tooLong }

    let handle: FileHandle
    let maximumLineBytes: Int
    private var buffer = Data()
    /// Where the unread bytes start in `buffer`.
    private var start = 0
    /// How many unread bytes have been searched for a newline already.
    private var scanned = 0
    private var skipping = false
    private var finished = false

    init(handle: FileHandle, maximumLineBytes: Int) {
        self.handle = handle
        self.maximumLineBytes = maximumLineBytes
    }

    mutating func next() -> Item? {
        while true {
            if let newline = firstNewline() {
                let line = buffer[(buffer.startIndex + start)..<(buffer.startIndex + newline)]
                start = newline + 1
                scanned = 0
                if skipping {
                    skipping = false
                    return .tooLong
                }
                return .line(Data(line))
            }
            scanned = buffer.count - start
            if buffer.count - start > maximumLineBytes {
                drop()
                buffer.removeAll(keepingCapacity: true)
                scanned = 0
                skipping = true
            }
            if finished {
                if skipping { skipping = false; return .tooLong }
                guard buffer.count > start else { return nil }
                defer { drop(); buffer.removeAll() }
                return .line(Data(buffer[(buffer.startIndex + start)...]))
            }
            let chunk = handle.availableData
            if chunk.isEmpty {
                finished = true
            } else {
                drop()
                buffer.append(chunk)
            }
        }
    }

    /// Forgets the bytes already consumed.
    private mutating func drop() {
        guard start > 0 else { return }
        buffer.removeSubrange(buffer.startIndex..<(buffer.startIndex + start))
        start = 0
    }

    /// The offset in `buffer` of the first newline not yet searched for, if any.
    private func firstNewline() -> Int? {
        let from = start + scanned
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress,
                let found = memchr(base + from, 0x0A, raw.count - from)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }
}
