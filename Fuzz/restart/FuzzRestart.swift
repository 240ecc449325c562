import Foundation
import StitchApplication
import StitchFuzzSupport
import StitchModel
import StitchRPC
import StitchStore

/// libFuzzer entry point: restart equivalence.
///
/// Each input is read as a short sequence of writes (members, activities, exchanges,
/// attendance, removals, weights, outcomes) with ids and values from small pools, so that they
/// interact. They go to a daemon in process — a dispatcher over a service that stores every
/// write in a SQLite file — started from the scenario community. Once its background rebuild
/// has run, a fixed set of queries is answered by it and by a daemon restarted on the same
/// file; any difference stops the run (libFuzzer records the input as a crash).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var bytes = FuzzBytes(Array(UnsafeRawBufferPointer(start: start, count: count)))
    var lines: [Data] = []
    while !bytes.isAtEnd, lines.count < RestartFixture.maximumWrites {
        lines.append(Data(WriteGenerator.request(&bytes, id: lines.count + 1).utf8))
    }
    RestartFixture.shared.reset()
    let path = RestartFixture.shared.workPath, writes = lines
    FuzzSupport.wait { await RestartFixture.check(writes: writes, path: path) }
    return 0
}

/// The database files: a template holding the scenario community, and the working copy each
/// input starts from (in `/dev/shm` when there is one: every commit is synced).
final class RestartFixture: Sendable {
    /// At most this many writes per input.
    static let maximumWrites = 8

    static let shared = RestartFixture()

    let folder: URL
    let templatePath: String
    let workPath: String

    init() {
        let base =
            FileManager.default.isWritableFile(atPath: "/dev/shm")
            ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        folder = base.appendingPathComponent("stitch-fuzz-restart-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: folder)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            fatalError("fuzz setup: cannot create the database folder")
        }
        templatePath = folder.appendingPathComponent("template.sqlite").path
        workPath = folder.appendingPathComponent("work.sqlite").path
        do {
            let store = try SQLiteCommunityStore(path: templatePath)
            try store.replaceAll(FuzzSupport.community)
        } catch {
            fatalError("fuzz setup: cannot store the scenario community")
        }
        atexit {
            try? FileManager.default.removeItem(at: RestartFixture.shared.folder)
        }
    }

    /// Puts the working database back to the template.
    func reset() {
        let manager = FileManager.default
        for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: workPath + suffix) }
        for suffix in ["", "-wal"] where manager.fileExists(atPath: templatePath + suffix) {
            do {
                try manager.copyItem(atPath: templatePath + suffix, toPath: workPath + suffix)
            } catch {
                fatalError("fuzz setup: cannot copy the template database")
            }
        }
    }

    /// A daemon as `stitch serve` starts one on a database that holds a community.
    static func daemon(path: String) -> (service: StitchService, dispatcher: RPCDispatcher) {
        do {
            let store = try SQLiteCommunityStore(path: path)
            let service = try StitchService(
                community: try store.load(), taxonomy: FuzzSupport.taxonomy, configuration: try store.configuration(),
                outcomes: try store.loadOutcomes(), persistence: store, quietPeriod: .zero)
            return (service, RPCDispatcher(service: service))
        } catch {
            fatalError("a daemon could not start on the stored community: \(type(of: error))")
        }
    }

    /// Applies the writes to a daemon, waits for its rebuild, and compares its answers to the
    /// queries with those of a daemon restarted on the same database.
    static func check(writes: [Data], path: String) async {
        var live: [Data] = []
        do {
            let (service, dispatcher) = daemon(path: path)
            for line in writes {
                let answer = await dispatcher.handle(line: line)
                FuzzSupport.checkAnswer(answer)
                if verbose, let answer {
                    FileHandle.standardError.write(line + Data("\n  -> ".utf8) + answer.prefix(300) + Data("\n".utf8))
                }
            }
            let deadline = ContinuousClock.now + .seconds(60)
            while await service.awaitsRebuild {
                if ContinuousClock.now > deadline { fatalError("a background rebuild did not finish within a minute") }
                try? await Task.sleep(for: .milliseconds(1))
            }
            for query in queries { live.append(await dispatcher.handle(line: Data(query.utf8)) ?? Data()) }
        }
        let restarted = daemon(path: path).dispatcher
        for (index, query) in queries.enumerated() {
            let after = await restarted.handle(line: Data(query.utf8)) ?? Data()
            if canonical(live[index]) != canonical(after) {
                FileHandle.standardError.write(Data("restart difference in query \(index + 1)\n".utf8))
                fatalError("restart equivalence: query \(index + 1) is answered differently after a restart")
            }
        }
    }

    /// `STITCH_FUZZ_VERBOSE` set: each write and the start of its answer go to standard error.
    static let verbose = ProcessInfo.processInfo.environment["STITCH_FUZZ_VERBOSE"] != nil

    /// An answer with its keys sorted.
    static func canonical(_ answer: Data) -> Data {
        guard let object = try? JSONSerialization.jsonObject(with: answer, options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        else { fatalError("an answer is not valid JSON") }
        return data
    }

    /// Queries whose answers depend on what the writes touch.
    static let queries = [
        #"{"jsonrpc":"2.0","id":1,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital","when":[{"day":"tue","start":"10:00","end":"12:00"}]},"limit":10}}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"match.helpers","params":{"request":{"requester":"m-f1","skill":"gardening"},"limit":25,"profile":"referral"}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"match.helpers","params":{"request":{"requester":"m-maud","skill":"befriending"},"limit":10,"profile":"planning"}}"#,
        #"{"jsonrpc":"2.0","id":4,"method":"refer.activities","params":{"referral":{"person":"m-maud"},"limit":10}}"#,
        #"{"jsonrpc":"2.0","id":5,"method":"refer.activities","params":{"referral":{"person":"m-f2","goals":{"connect":1,"beActive":0.5}},"limit":10,"profile":"broker","withBuddy":true}}"#,
        #"{"jsonrpc":"2.0","id":6,"method":"match.opportunities","params":{"member":"m-june","limit":10}}"#,
        #"{"jsonrpc":"2.0","id":7,"method":"match.explain","params":{"subject":"m-arthur","candidate":"m-f1","skill":"gardening"}}"#,
        #"{"jsonrpc":"2.0","id":8,"method":"match.explain","params":{"subject":"m-maud","candidate":"a-knit-natter"}}"#,
        #"{"jsonrpc":"2.0","id":9,"method":"weights.get","params":{"profile":"referral"}}"#,
        #"{"jsonrpc":"2.0","id":10,"method":"network.analyse","params":{}}"#,
        #"{"jsonrpc":"2.0","id":11,"method":"server.health"}"#,
    ]
}

/// Turns bytes into write requests over small pools of ids and values (mostly valid, some not).
enum WriteGenerator {
    static let members = ["m-june", "m-arthur", "m-maud", "m-sam", "m-vera", "m-f1", "m-f2", "m-f3"]
    static let activities = ["a-knit-natter", "a-allotment", "a-green-gym", "a-f1", "a-f2"]
    static let skills = [
        "gardening", "befriending", "accompanying", "accompany to hospital", "knitting", "poetry", "cooking",
        "dog-walking", "no-such-skill", "",
    ]
    static let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "xyz"]
    static let times = ["09:00", "10:00", "12:00", "13:30", "17:00", "23:59", "24:00", "9"]
    static let dates = ["2026-10-21", "2026-11-02", "2025-01-01", "2026-02-30", "not-a-date"]
    static let numbers = ["0", "0.5", "1", "2", "3", "12", "-1", "1000000", "1e308", "0.1"]
    static let fractions = ["0", "0.1", "0.25", "0.5", "1", "-0.5", "2"]
    static let places = [(51.4452, -0.0209), (51.4548, -0.0172), (51.435, 0.0028), (51.5, -0.1), (91.0, 0.0)]
    /// Postcodes: two spellings of one and one that is only an outward code (refused).
    static let postcodes = ["SE13 6LH", "se136lh", "SE13"]
    static let ways = ["connect", "beActive", "keepLearning", "takeNotice", "give", "nope"]
    static let access = ["step-free", "wheelchair", "ground-floor", "seated", "hearing-loop"]
    static let profiles = ["broker", "referral", "planning", "other"]

    /// One write request (a JSON-RPC line).
    static func request(_ b: inout FuzzBytes, id: Int) -> String {
        let (method, params): (String, String)
        switch b.below(8) {
        case 0: (method, params) = ("member.upsert", #"{"member":\#(member(&b))}"#)
        case 1: (method, params) = ("activity.upsert", #"{"activity":\#(activity(&b))}"#)
        case 2: (method, params) = ("exchange.record", #"{"exchange":\#(exchange(&b))}"#)
        case 3:
            (method, params) = (
                "attendance.record",
                #"{"attendance":{"member":"\#(b.pick(members))","activity":"\#(b.pick(activities))","date":"\#(b.pick(dates))"}}"#
            )
        case 4: (method, params) = ("member.remove", #"{"id":"\#(b.pick(members))"}"#)
        case 5: (method, params) = ("activity.remove", #"{"id":"\#(b.pick(activities))"}"#)
        case 6:
            let names = ["skill", "availability", "locality", "wellbeing", "bridging", "reciprocity"]
            let weights = names.map { #""\#($0)":\#(b.pick(fractions))"# }.joined(separator: ",")
            (method, params) = ("weights.set", #"{"profile":"\#(b.pick(profiles))","weights":{\#(weights)}}"#)
        default:
            let candidate = b.flag() ? b.pick(members) : b.pick(activities)
            var fields = [
                #""subject":"\#(b.pick(members))""#, #""candidate":"\#(candidate)""#, #""accepted":\#(b.flag())"#,
                #""completed":\#(b.flag())"#,
            ]
            if b.flag() { fields.append(#""wellbeingBefore":\#(b.pick(fractions)),"wellbeingAfter":\#(b.pick(fractions))"#) }
            (method, params) = ("outcome.record", "{" + fields.joined(separator: ",") + "}")
        }
        return #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
    }

    static func list(_ b: inout FuzzBytes, _ pool: [String], upTo limit: Int) -> String {
        let items = (0..<b.below(limit + 1)).map { _ in "\"\(b.pick(pool))\"" }
        return "[" + items.joined(separator: ",") + "]"
    }

    static func slots(_ b: inout FuzzBytes, upTo limit: Int) -> String {
        let items = (0..<b.below(limit + 1)).map { _ in
            #"{"day":"\#(b.pick(days))","start":"\#(b.pick(times))","end":"\#(b.pick(times))"}"#
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    static func location(_ b: inout FuzzBytes) -> String {
        let (lat, lon) = b.pick(places)
        return #"{"lat":\#(lat),"lon":\#(lon)}"#
    }

    static func member(_ b: inout FuzzBytes) -> String {
        var fields = [
            #""id":"\#(b.pick(members))""#, #""offers":\#(list(&b, skills, upTo: 3))"#,
            #""interests":\#(list(&b, skills, upTo: 2))"#, #""needs":\#(list(&b, skills, upTo: 2))"#,
            #""availability":\#(slots(&b, upTo: 2))"#,
        ]
        if b.flag() { fields.append(#""name":"Fuzz""#) }
        if b.below(4) != 0 { fields.append(#""location":\#(location(&b))"#) }
        if b.below(4) == 0 { fields.append(#""postcode":"\#(b.pick(postcodes))""#) }
        if b.flag() { fields.append(#""travelKm":\#(b.pick(numbers))"#) }
        if b.flag() { fields.append(#""homeVisits":\#(b.flag())"#) }
        if b.flag() { fields.append(#""wellbeing":{"connect":\#(b.pick(fractions)),"give":\#(b.pick(fractions))}"#) }
        if b.below(4) == 0 { fields.append(#""avoid":["\#(b.pick(members))"]"#) }
        if b.flag() { fields.append(#""groups":\#(list(&b, ["g-one", "g-two", "slam-ward"], upTo: 2))"#) }
        if b.below(4) == 0 { fields.append(#""birthYear":\#(b.pick(["1948", "1990", "2030", "1800"]))"#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func activity(_ b: inout FuzzBytes) -> String {
        var fields = [
            #""id":"\#(b.pick(activities))""#, #""name":"\#(b.pick(["Knit", "Walk", ""]))""#,
            #""topics":\#(list(&b, skills, upTo: 2))"#, #""wellbeing":\#(list(&b, ways, upTo: 2))"#,
            #""schedule":\#(slots(&b, upTo: 2))"#,
        ]
        if b.below(4) != 0 { fields.append(#""location":\#(location(&b))"#) }
        if b.below(4) == 0 { fields.append(#""postcode":"\#(b.pick(postcodes))""#) }
        if b.flag() { fields.append(#""capacity":\#(b.pick(numbers))"#) }
        if b.flag() { fields.append(#""enrolled":\#(b.pick(numbers))"#) }
        if b.flag() { fields.append(#""access":\#(list(&b, access, upTo: 2))"#) }
        if b.flag() { fields.append(#""groups":\#(list(&b, ["g-one", "rgtb"], upTo: 1))"#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func exchange(_ b: inout FuzzBytes) -> String {
        var fields = [
            #""giver":"\#(b.pick(members))""#, #""receiver":"\#(b.pick(members))""#,
            #""hours":\#(b.pick(numbers))"#, #""date":"\#(b.pick(dates))""#,
        ]
        if b.flag() { fields.append(#""id":"\#(b.pick(["x-f1", "x-f2", "x-cast-011"]))""#) }
        if b.flag() { fields.append(#""skill":"\#(b.pick(skills))""#) }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
