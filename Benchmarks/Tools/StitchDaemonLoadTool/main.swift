import Foundation
import StitchDaemonLoad
import StitchEngine
import StitchModel

// stitch-daemon-load: the daemon's round trip over a Unix socket at 1, 8 and 32 clients.
//
//   STITCH_BENCHMARKS=1 swift run -c release --scratch-path .build-bench stitch-daemon-load \
//       [--members 10000] [--clients 1,8,32] [--requests 16384] [--window 16] [--rounds 3]
//       [--socket PATH --community FILE] [--layers]
//
// Without --socket it serves the seeded community in this process (no database). With
// --socket it drives a running `stitch serve --socket PATH --community FILE` instead, building
// its requests from the same community file. --layers first times the mix without the socket,
// in CPU time: the engine alone and the dispatcher (parse, params, engine, answer) one request
// at a time, then the dispatcher on every core at once.

struct Options {
    var members = 10_000
    var clients = [1, 8, 32]
    var requests = 16_384
    var window = 16
    var rounds = 3
    var socket: String?
    var community: String?
    var layers = false

    init(_ arguments: [String]) {
        var rest = arguments[...]
        func value(_ name: String) -> String {
            guard let v = rest.popFirst() else { Self.fail("\(name) needs a value") }
            return v
        }
        func number(_ name: String) -> Int {
            guard let n = Int(value(name)), n > 0 else { Self.fail("\(name) takes a positive number") }
            return n
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--members": members = number(argument)
            case "--clients":
                clients = value(argument).split(separator: ",").map { Int($0) ?? 0 }
                if clients.contains(where: { $0 < 1 }) { Self.fail("--clients takes positive numbers, e.g. 1,8,32") }
            case "--requests": requests = number(argument)
            case "--window": window = number(argument)
            case "--rounds": rounds = number(argument)
            case "--socket": socket = value(argument)
            case "--community": community = value(argument)
            case "--layers": layers = true
            default: Self.fail("unknown option \(argument)")
            }
        }
        if (socket == nil) != (community == nil) { Self.fail("--socket and --community go together") }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("stitch-daemon-load: \(message)\n".utf8))
        exit(2)
    }
}

/// The mix without the socket: the engine alone, then the dispatcher (parse, params, engine,
/// answer), one request at a time, then the dispatcher on every core at once. CPU time of the
/// process (nothing else runs in it meanwhile), and wall time in brackets (times the cores for
/// the last).
func layers(daemon: InProcessDaemon, mix: DaemonLoadMix) async -> String {
    let count = 4096
    var answers = 0
    for index in 0..<256 { answers &+= mix.ask(daemon.engine, client: 0, index: index) }
    var start = ContinuousClock.now
    var cpu = DaemonLoadClient.now(CLOCK_PROCESS_CPUTIME_ID)
    for index in 0..<count { answers &+= mix.ask(daemon.engine, client: 0, index: index) }
    let engineTime = ContinuousClock.now - start
    let engineCPU = DaemonLoadClient.now(CLOCK_PROCESS_CPUTIME_ID) - cpu
    let lines = (0..<count).map { Data(mix.line(client: 0, index: $0).dropLast()) }
    for line in lines.prefix(256) { _ = await daemon.dispatcher.handle(line: line) }
    var answerBytes = 0
    start = ContinuousClock.now
    cpu = DaemonLoadClient.now(CLOCK_PROCESS_CPUTIME_ID)
    for line in lines { answerBytes += await daemon.dispatcher.handle(line: line)?.count ?? 0 }
    let dispatcherTime = ContinuousClock.now - start
    let dispatcherCPU = DaemonLoadClient.now(CLOCK_PROCESS_CPUTIME_ID) - cpu
    // The same lines on every core at once, as the server runs them, still without the socket.
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    start = ContinuousClock.now
    cpu = DaemonLoadClient.now(CLOCK_PROCESS_CPUTIME_ID)
    await withTaskGroup(of: Void.self) { group in
        for core in 0..<cores {
            group.addTask {
                for line in lines[(core * count / cores)..<((core + 1) * count / cores)] {
                    _ = await daemon.dispatcher.handle(line: line)
                }
            }
        }
    }
    let parallelTime = ContinuousClock.now - start
    let parallelCPU = DaemonLoadClient.now(CLOCK_PROCESS_CPUTIME_ID) - cpu
    func micros(_ d: Duration) -> Double {
        (Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12) / Double(count)
    }
    func micros(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e3 / Double(count) }
    return String(
        format:
            "%d requests of the mix without the socket, CPU µs/request (wall): engine one at a time %.1f (%.1f), dispatcher one at a time %.1f (%.1f), beyond the engine %.1f; dispatcher on %d cores at once %.1f (%.1f) (%d bytes per answer; %d)",
        count, micros(engineCPU), micros(engineTime), micros(dispatcherCPU), micros(dispatcherTime),
        micros(dispatcherCPU) - micros(engineCPU), cores, micros(parallelCPU), micros(parallelTime) * Double(cores),
        answerBytes / count, answers % 10)
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(
        separator: " ") ?? "?"
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let socketPath: String
let mix: DaemonLoadMix
var daemon: InProcessDaemon?
if let socket = options.socket, let file = options.community {
    let community = try JSONDecoder().decode(Community.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
    let engine = try Engine(community: community, taxonomy: DaemonLoadCommunity.taxonomy)
    mix = DaemonLoadMix(community: community, engine: engine)
    socketPath = socket
    print("driving \(socket) (\(community.members.count) members)")
} else {
    let community = DaemonLoadCommunity.seeded(members: options.members)
    let started = try await InProcessDaemon.start(community: community, taxonomy: DaemonLoadCommunity.taxonomy)
    mix = DaemonLoadMix(community: community, engine: started.engine)
    socketPath = started.socketPath
    daemon = started
    print("serving \(options.members) members in process at \(socketPath) (no database)")
}
if options.layers, let daemon {
    // Off the main actor, as the server runs requests (no hop to the main thread per request).
    let line = await Task.detached { await layers(daemon: daemon, mix: mix) }.value
    print(line)
}
print("mix: \(DaemonLoadMix.summary); window \(options.window) per client; \(options.requests) requests per round")
print("clients  round  requests/s   p50 µs   p99 µs  errors  server CPU µs/req  client CPU µs/req  load average")
var nextID = 1
for count in options.clients {
    let clients = try (0..<count).map { _ in try DaemonLoadClient(socketPath: socketPath) }
    let perClient = max(1, options.requests / count)
    // Warm-up: a quarter round, not reported.
    _ = try DaemonLoadRound.run(
        clients: clients, mix: mix, requestsPerClient: max(1, perClient / 4), window: options.window, firstID: nextID)
    nextID += perClient
    for round in 1...max(1, options.rounds) {
        let result = try DaemonLoadRound.run(
            clients: clients, mix: mix, requestsPerClient: perClient, window: options.window, firstID: nextID)
        nextID += perClient
        let line = String(
            format: "%7d  %5d  %10.0f  %7.0f  %7.0f  %6d  %17.1f  %17.1f  ", count, round, result.requestsPerSecond,
            result.latencyMicroseconds(0.5), result.latencyMicroseconds(0.99), result.errors,
            daemon == nil ? .nan : result.serverCPUMicrosecondsPerRequest,
            result.clientCPUSeconds * 1e6 / Double(max(1, result.requests)))
        print(line + loadAverage())
    }
}
await daemon?.stop()
