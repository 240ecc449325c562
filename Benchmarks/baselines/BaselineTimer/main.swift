// Times who-can-help through the library, in process, for the side-by-side baselines in
// Benchmarks/baselines (see its README).
//
//   StitchBaselineTimer <community.json> <taxonomy.json> <repeats> [bridging weight]
//
// Compiles the community, writes one JSON line (members, build time, weights), then reads one
// request per line on standard input and answers each with one JSON line: its top 10 (ids,
// scores, factors), how many candidates were considered, and the wall-clock time of each of
// `repeats` calls in nanoseconds (after one untimed call). Taking requests one at a time lets the
// driver alternate the two sides request by request, so both see the same load on a shared machine.
import Foundation
import StitchEngine
import StitchModel

struct Answer: Encodable {
    var ids: [String]
    var scores: [Double]
    var factors: [FactorScores]
    var considered: Int
    var nanoseconds: [Int64]
}

struct Header: Encodable {
    var members: Int
    var buildSeconds: Double
    var weights: FactorScores
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("StitchBaselineTimer: \(message)\n".utf8))
    exit(2)
}

func nanoseconds(_ d: Duration) -> Int64 {
    d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
}

let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]

func writeLine(_ value: some Encodable) {
    do {
        FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
    } catch {
        fail("\(error)")
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 4 || arguments.count == 5, let repeats = Int(arguments[3]), repeats > 0 else {
    fail("usage: StitchBaselineTimer <community.json> <taxonomy.json> <repeats> [bridging weight] < requests, one JSON per line")
}
let decoder = JSONDecoder()
var configuration = EngineConfiguration()
var weights = configuration.weights(for: .broker)
if arguments.count == 5 {
    guard let bridging = Double(arguments[4]), bridging >= 0 else { fail("the bridging weight must be a number ≥ 0") }
    weights.bridging = bridging
}
configuration.weights[.broker] = weights

let clock = ContinuousClock()
let engine: Engine
let members: Int
let buildTime: Duration
do {
    let community = try decoder.decode(Community.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    let taxonomy = try decoder.decode(SkillTaxonomy.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[2])))
    members = community.members.count
    let start = clock.now
    engine = try Engine(community: community, taxonomy: taxonomy, configuration: configuration)
    buildTime = clock.now - start
} catch {
    fail("\(error)")
}
writeLine(Header(members: members, buildSeconds: Double(nanoseconds(buildTime)) / 1e9, weights: weights))

while let line = readLine(), !line.isEmpty {
    do {
        let request = try decoder.decode(HelpRequest.self, from: Data(line.utf8))
        let ranking = try engine.whoCanHelp(request, limit: 10)
        var times: [Int64] = []
        times.reserveCapacity(repeats)
        var considered = 0
        for _ in 0..<repeats {
            let start = clock.now
            let again = try engine.whoCanHelp(request, limit: 10)
            times.append(nanoseconds(clock.now - start))
            considered += again.considered
        }
        writeLine(
            Answer(
                ids: ranking.matches.map(\.id), scores: ranking.matches.map(\.score), factors: ranking.matches.map(\.factors),
                considered: considered / repeats, nanoseconds: times))
    } catch {
        fail("\(error)")
    }
}
