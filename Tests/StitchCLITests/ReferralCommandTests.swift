import Foundation
import StitchTestSupport
import Testing

/// `stitch referral …` as a link worker runs it: each command a new process on the same
/// database, so every step also proves the last one was stored.
@Suite("stitch referral keeps referrals in the database, end to end")
struct ReferralCommandTests {
    @Test func aReferralIsMadeFollowedThroughAndWrittenBack() throws {
        let runner = CommandRunner()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-referral-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/referrals.sqlite"
        #expect(try runner.run(["demo", "--db", db]).status == 0)

        let made = try runner.run([
            "referral", "create", "--db", db, "--person", "m-maud", "--interest", "knitting", "--practice", "g85016", "--role", "gp",
            "--consent", "--date", "2026-11-02", "--by", "Ann", "--limit", "3", "--json",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any])
        #expect(record["id"] as? String == "r-1")
        #expect(record["status"] as? String == "referred")
        let offered = try #require(record["offered"] as? [[String: Any]])
        let first = try #require(offered.first?["activity"] as? String)
        #expect((record["referrer"] as? [String: Any])?["practice"] as? String == "G85016")

        let wrong = try runner.run(["referral", "status", "--db", db, "r-1", "completed", "--date", "2026-11-03"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("can move to contacted, declined or closed, not completed"), "\(wrong.stderr)")
        let typo = try runner.run(["referral", "status", "--db", db, "r-1", "contcted"])
        #expect(typo.stderr.contains("did you mean 'contacted'?"), "\(typo.stderr)")

        #expect(try runner.run(["referral", "status", "--db", db, "r-1", "contacted", "--date", "2026-11-03", "--by", "Ann"]).status == 0)
        #expect(try runner.run(["referral", "status", "--db", db, "r-1", "offered", "--date", "2026-11-05"]).status == 0)
        let due = try runner.run(["referral", "due", "--db", db, "--date", "2026-11-30"])
        #expect(due.stdout.contains("r-1  m-maud  offered since 2026-11-05  call by 2026-11-19: check they went to their first session"), "\(due.stdout)")
        let none = try runner.run(["referral", "due", "--db", db, "--date", "2026-11-06"])
        #expect(none.stdout.contains("Nobody needs a call by 2026-11-06."))

        #expect(try runner.run(["referral", "status", "--db", db, "r-1", "attending", "--date", "2026-11-12", "--activity", first]).status == 0)
        let message = try runner.run(["referral", "message", "--db", db, "r-1"])
        #expect(message.status == 0)
        #expect(message.stdout.contains("Social prescribing referral r-1 for Maud (m-maud), referred on 2 Nov 2026 by gp, G85016."))
        #expect(message.stdout.contains("Now: attending since 12 Nov 2026."))
        #expect(message.stdout.contains("SNOMED CT 871731000000106"))

        let shown = try runner.run(["referral", "show", "--db", db, "r-1"])
        #expect(shown.stdout.contains("2026-11-12 attending at \(first)"), "\(shown.stdout)")
        let listed = try runner.run(["referral", "list", "--db", db, "--practice", "G85016", "--status", "attending", "--json"])
        #expect(listed.stdout.contains(#""id" : "r-1""#), "\(listed.stdout)")
        let unknown = try runner.run(["referral", "show", "--db", db, "r-2"])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown referral id 'r-2'"))
        let file = try runner.run(["referral", "list", "--community", "data/lewisham.json"])
        #expect(file.status != 0 && file.stderr.contains("referrals are kept in a database"))
    }
}

extension ReferralCommandTests {
    @Test func theReportCountsWhatBecameOfReferralsAsTextCSVAndAPicture() throws {
        let runner = CommandRunner()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-report-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/r.sqlite"
        #expect(try runner.run(["demo", "--db", db]).status == 0)
        for (person, practice) in [("m-maud", "G85016"), ("m-arthur", "G85016"), ("m-bee", "Y01234")] {
            let made = try runner.run(["referral", "create", "--db", db, "--person", person, "--practice", practice, "--date", "2026-11-02"])
            #expect(made.status == 0, "\(made.stderr)")
        }
        #expect(try runner.run(["referral", "status", "--db", db, "r-1", "contacted", "--date", "2026-11-04"]).status == 0)
        #expect(try runner.run(["referral", "status", "--db", db, "r-1", "offered", "--date", "2026-11-05"]).status == 0)
        #expect(try runner.run(["referral", "status", "--db", db, "r-2", "contacted", "--date", "2026-11-08"]).status == 0)
        #expect(try runner.run(["referral", "status", "--db", db, "r-2", "declined", "--date", "2026-11-08", "--note", "not now"]).status == 0)

        let report = try runner.run(["referral", "report", "--db", db, "--practice", "G85016", "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        #expect(json["referrals"] as? Int == 2)
        #expect((json["byStatus"] as? [String: Int])?["offered"] == 1)
        #expect((json["byStatus"] as? [String: Int])?["declined"] == 1)
        #expect(json["medianDaysToFirstContact"] as? Double == 4, "2 and 6 days: the median is 4")
        #expect(json["uptake"] as? Double == 0, "one offered, none started")

        let csv = try runner.run(["referral", "report", "--db", db, "--csv"])
        #expect(csv.stdout.hasPrefix("section,key,value\ntotal,referrals,3\n"), "\(csv.stdout)")
        #expect(csv.stdout.contains("practice,Y01234,1\n"))

        let picture = folder + "/status.png"
        let drawn = try runner.run(["referral", "report", "--db", db, "--plot", picture])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let png = try Data(contentsOf: URL(fileURLWithPath: picture))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG file")
    }
}
