// Times who-can-help through the library, in process, on a community file and a list of
// requests, for the side-by-side baselines in Benchmarks/baselines (see its README).
//
//   StitchBaselineTimer <community.json> <taxonomy.json> <requests.json> <repeats> [bridging weight]
//
// Writes one JSON object to standard output: how long the engine took to build, and for each
// request its top 10 (ids, scores, factors), how many candidates were considered, and the
// wall-clock time of each of `repeats` calls in nanoseconds (after one untimed call).
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

struct Output: Encodable {
    var members: Int
    var buildSeconds: Double
    var weights: FactorScores
    var answers: [Answer]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("StitchBaselineTimer: \(message)\n".utf8))
    exit(2)
}

func nanoseconds(_ d: Duration) -> Int64 {
    d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
}

let arguments = CommandLine.arguments
guard arguments.count == 5 || arguments.count == 6, let repeats = Int(arguments[4]), repeats > 0 else {
    fail("usage: StitchBaselineTimer <community.json> <taxonomy.json> <requests.json> <repeats> [bridging weight]")
}
let decoder = JSONDecoder()
let community: Community
let taxonomy: SkillTaxonomy
let requests: [HelpRequest]
do {
    community = try decoder.decode(Community.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    taxonomy = try decoder.decode(SkillTaxonomy.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[2])))
    requests = try decoder.decode([HelpRequest].self, from: Data(contentsOf: URL(fileURLWithPath: arguments[3])))
} catch {
    fail("\(error)")
}

var configuration = EngineConfiguration()
var weights = configuration.weights(for: .broker)
if arguments.count == 6 {
    guard let bridging = Double(arguments[5]), bridging >= 0 else { fail("the bridging weight must be a number ≥ 0") }
    weights.bridging = bridging
}
configuration.weights[.broker] = weights

let clock = ContinuousClock()
let buildStart = clock.now
let engine: Engine
do {
    engine = try Engine(community: community, taxonomy: taxonomy, configuration: configuration)
} catch {
    fail("\(error)")
}
let buildTime = clock.now - buildStart

var answers: [Answer] = []
answers.reserveCapacity(requests.count)
do {
    for request in requests {
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
        answers.append(
            Answer(
                ids: ranking.matches.map(\.id), scores: ranking.matches.map(\.score), factors: ranking.matches.map(\.factors),
                considered: considered / repeats, nanoseconds: times))
    }
} catch {
    fail("\(error)")
}

let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
do {
    let output = Output(
        members: community.members.count, buildSeconds: Double(nanoseconds(buildTime)) / 1e9, weights: weights, answers: answers)
    FileHandle.standardOutput.write(try encoder.encode(output))
    FileHandle.standardOutput.write(Data("\n".utf8))
} catch {
    fail("\(error)")
}
