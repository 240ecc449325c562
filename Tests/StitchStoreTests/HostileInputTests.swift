import Foundation
import GRDB
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchStore

/// The hostile inputs that once killed the daemon for good, sent to the real `stitch` binary:
/// each is refused with -32602 and its field path, nothing is stored, and the daemon starts
/// and answers afterwards. A stored row that is damaged behind the daemon's back is set aside
/// at start-up, and `stitch admin quarantine` lists and drops it.
@Suite("Hostile inputs are refused and never stop a restart")
struct HostileInputTests {
    /// One run of `stitch serve --stdio --db PATH` answering `requests`, then stopping; on the
    /// bundled demo (stored at the first run) unless `demo` is false.
    static func serve(_ path: String, _ requests: [String], demo: Bool = true) throws
        -> (status: Int32, answers: [[String: Any]], stderr: String)
    {
        let input = Data(requests.map { $0 + "\n" }.joined().utf8)
        let r = try CommandRunner().run(["serve", "--stdio", "--db", path] + (demo ? ["--demo"] : []), input: input)
        let answers = r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        return (r.status, answers, r.stderr)
    }

    static func request(_ id: Int, _ method: String, _ params: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
    }

    static func error(_ answer: [String: Any]) -> (code: Int?, field: String?, reason: String?) {
        let error = answer["error"] as? [String: Any]
        let data = error?["data"] as? [String: Any]
        return (error?["code"] as? Int, data?["field"] as? String, data?["reason"] as? String)
    }

    static let health = request(90, "server.health", "{}")
    static let referWithBuddy = request(91, "refer.activities", #"{"referral":{"person":"m-maud"},"limit":5,"profile":"referral"}"#)

    /// After the bad requests, a restart serves: health and a referral with buddies answer.
    static func expectRestartServes(_ path: String, _ context: String) throws {
        let again = try serve(path, [health, referWithBuddy])
        #expect(again.status == 0, "\(context): \(again.stderr)")
        #expect(again.answers.count == 2 && again.answers.allSatisfy { $0["result"] != nil }, "\(context): \(again.answers)")
        #expect(!again.stderr.contains("set aside"), "\(context): nothing bad was stored")
    }

    @Test(arguments: [
        ("activity.upsert", #"{"activity":{"id":"a-x","name":"X","ageMax":900000000000}}"#, "params.activity.ageMax",
         "ageMax 900000000000 is out of range; expected 0 to 130"),
        ("activity.upsert", #"{"activity":{"id":"a-x","name":"X","capacity":2147483648}}"#, "params.activity.capacity",
         "capacity 2147483648 is out of range; expected 0 to 1000000"),
        ("community.load", #"{"community":{"activities":[{"id":"a-x","name":"X","ageMin":2147483648}]}}"#,
         "params.community.activities[0].ageMin", "ageMin 2147483648 is out of range; expected 0 to 130"),
        ("weights.set", #"{"profile":"referral","weights":{"skill":5e-324,"availability":5e-324,"locality":5e-324,"wellbeing":5e-324,"bridging":5e-324,"reciprocity":5e-324}}"#,
         "params.weights.skill", "skill 5e-324 is out of range; expected 0 or 1e-06 to 1000"),
        ("weights.set", #"{"profile":"referral","weights":{"skill":0.2,"availability":0.2,"locality":1e308,"wellbeing":0.2,"bridging":1e308,"reciprocity":0.2}}"#,
         "params.weights.locality", "locality 1e+308 is out of range; expected 0 or 1e-06 to 1000"),
        ("member.upsert", #"{"member":{"id":"m-z\u0000a"}}"#, "params.member.id",
         "an id must not contain control characters (U+0000 to U+001F, U+007F to U+009F)"),
        ("exchange.record", #"{"exchange":{"id":"","giver":"m-maud","receiver":"m-arthur","hours":1}}"#, "params.exchange.id",
         "must not be empty"),
        ("exchange.record", #"{"exchange":{"id":"  ","giver":"m-maud","receiver":"m-arthur","hours":1}}"#, "params.exchange.id",
         "must not be empty"),
        ("weights.get", #"{"profile":"admin"}"#, "params.profile", "unknown profile 'admin'; expected one of broker, referral, planning"),
    ])
    func aHostileRequestIsRefusedAndTheDaemonRestarts(method: String, params: String, field: String, reason: String) throws {
        let file = try TemporaryStore()
        let first = try Self.serve(file.path, [Self.request(1, method, params), Self.referWithBuddy])
        #expect(first.status == 0, "\(first.stderr)")
        let refused = Self.error(try #require(first.answers.first))
        #expect(refused.code == -32602)
        #expect(refused.field == field)
        #expect(refused.reason == reason)
        #expect(first.answers.count == 2 && first.answers[1]["result"] != nil, "the daemon answers on")
        try Self.expectRestartServes(file.path, method)
    }

    /// Two members whose ids differ only after a NUL, and an exchange between them: all refused,
    /// so nothing truncated is stored and the next start loads.
    @Test func idsWithANulAreRefusedAndNothingIsStored() throws {
        let file = try TemporaryStore()
        let first = try Self.serve(file.path, [
            Self.request(1, "member.upsert", #"{"member":{"id":"m-z\u0000a"}}"#),
            Self.request(2, "member.upsert", #"{"member":{"id":"m-z\u0000b"}}"#),
            Self.request(3, "exchange.record", #"{"exchange":{"giver":"m-z\u0000a","receiver":"m-z\u0000b","hours":1}}"#),
        ])
        #expect(first.answers.map { Self.error($0).code } == [-32602, -32602, -32602])
        #expect(first.answers.map { Self.error($0).field } == ["params.member.id", "params.member.id", "params.exchange.giver"])
        #expect(try file.open().load().members.allSatisfy { !$0.id.hasPrefix("m-z") })
        try Self.expectRestartServes(file.path, "NUL ids")
    }

    @Test func aZeroLengthDatabaseIsRefusedWithWhatToDo() throws {
        let file = try TemporaryStore()
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
        let r = try Self.serve(file.path, [Self.health])
        #expect(r.status != 0)
        #expect(r.answers.isEmpty)
        #expect(r.stderr.contains("is empty (0 bytes), so it is not a Stitch database"))
        #expect(r.stderr.contains("remove it"))
    }

    /// `stitch import` of a community file with an activity out of bounds stores the rest.
    @Test func importSkipsARecordOutOfBounds() throws {
        let file = try TemporaryStore()
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-bounds-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: input) }
        try Data(#"{"members":[{"id":"m-a"}],"activities":[{"id":"a-1","name":"Walk"},{"id":"a-2","name":"Big","ageMax":900000000000}]}"#.utf8)
            .write(to: input)
        let r = try CommandRunner().run(["import", input.path, "--db", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("activities[1].ageMax: ageMax 900000000000 is out of range; expected 0 to 130"))
        #expect(try file.open().load().activities.map(\.id) == ["a-1"])
    }

    /// Rows damaged with raw SQL (an activity out of bounds, weights out of bounds, an exchange
    /// that cannot be read): the daemon starts, serves the rest, and says how many it set aside;
    /// the admin command lists them without their contents, and drops one.
    @Test func aDatabaseWithCorruptRowsStartsAndTheAdminCommandListsAndDropsThem() throws {
        let file = try TemporaryStore()
        do {
            let store = try file.open()
            try store.replaceAll(try Fixtures.lewisham)
            try store.pool.write { db in
                try db.execute(
                    sql: "UPDATE activities SET record = json_set(record, '$.ageMax', 900000000000) WHERE id = 'a-allotment'")
                try db.execute(
                    sql: """
                        INSERT INTO weights (profile, skill, availability, locality, wellbeing, bridging, reciprocity)
                        VALUES ('referral', 5e-324, 5e-324, 5e-324, 5e-324, 5e-324, 5e-324)
                        """)
                try db.execute(sql: "UPDATE exchanges SET date = '2026-02-30' WHERE seq = (SELECT min(seq) FROM exchanges)")
            }
        }
        let started = try Self.serve(
            file.path, [Self.health, Self.referWithBuddy, Self.request(2, "weights.get", #"{"profile":"referral"}"#)], demo: false)
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.answers.count == 3 && started.answers.allSatisfy { $0["result"] != nil }, "\(started.answers)")
        #expect(started.stderr.contains("set aside 1 stored record that cannot be served (weights 1)"))
        // The attendance at the set-aside activity is set aside with it.
        #expect(started.stderr.contains("set aside 6 stored records that cannot be served (activities 1, exchanges 1, attendance 4)"))
        #expect(!started.stderr.contains("a-allotment"), "the log names counts, not records")

        let listed = try CommandRunner().run(["admin", "quarantine", "--db", file.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("activities"))
        #expect(listed.stdout.contains("ageMax 900000000000 is out of range; expected 0 to 130"))
        #expect(listed.stdout.contains("weights"))
        #expect(listed.stdout.contains("exchanges"))
        #expect(!listed.stdout.contains("a-allotment"), "keys are shown as hashes")

        let entries = try file.open().quarantineEntries()
        let activity = try #require(entries.first { $0.table == "activities" })
        let dropped = try CommandRunner().run(["admin", "quarantine", "--db", file.path, "--drop", "\(activity.entry)"])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        #expect(dropped.stdout.contains("dropped entry \(activity.entry): activities \(activity.keyHash)"))
        let weights = try #require(entries.first { $0.table == "weights" })
        let repairFile = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-weights-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: repairFile) }
        try Data(#"{"skill":0.3,"availability":0.1,"locality":0.1,"wellbeing":0.3,"bridging":0.1,"reciprocity":0.1}"#.utf8)
            .write(to: repairFile)
        let repaired = try CommandRunner().run(
            ["admin", "quarantine", "--db", file.path, "--repair", "\(weights.entry)", "--json", repairFile.path])
        #expect(repaired.status == 0, "\(repaired.stderr)")

        let store = try file.open()
        #expect(try store.load().activities.allSatisfy { $0.id != "a-allotment" })
        #expect(try store.loadWeights()[.referral]?.skill == 0.3)
        #expect(try store.quarantineEntries().map(\.table) == ["exchanges"])
        try store.pool.write { db in try db.execute(sql: "SELECT 1") }
    }
}
