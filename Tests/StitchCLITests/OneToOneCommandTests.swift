import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Mabel, housebound in Sydenham, referred on the command line: one-to-one support comes first,
/// labelled, with Hazel the befriender and the befrienders left out counted by reason.
@Suite("One-to-one support on the command line")
struct OneToOneCommandTests {
    let runner = CommandRunner()
    static let community = ["--community", "data/lewisham.json"]

    @Test func aHouseboundPersonIsOfferedABefrienderFirst() throws {
        let r = try runner.run(["refer", "--person", "m-mabel", "--json"] + Self.community)
        #expect(r.status == 0, "\(r.stderr)")
        let ranking = try JSONDecoder().decode(Ranking.self, from: Data(r.stdout.utf8))
        let oneToOne = try #require(ranking.oneToOne)
        #expect(oneToOne.first)
        let ids = oneToOne.matches.map(\.id)
        #expect(ids.first == "m-hazel", "\(ids)")
        #expect(!ids.contains("m-rita") && !ids.contains("m-kwame") && !ids.contains("m-ivy"), "\(ids)")
        let hazel = try #require(oneToOne.matches.first)
        #expect(hazel.support == .befriending)
        #expect(hazel.reasons.first == "Befriender, visits at home; DBS checked 2025")
        #expect(oneToOne.excluded[.dbs] >= 1 && oneToOne.excluded[.distance] >= 1 && oneToOne.excluded[.homeVisits] >= 1)

        // The table shows the one-to-one list first, under its own heading, then the activities.
        let table = try runner.run(["refer", "--person", "m-mabel"] + Self.community)
        #expect(table.status == 0, "\(table.stderr)")
        let heading = try #require(table.stdout.range(of: "One-to-one (befriending"))
        let activities = try #require(table.stdout.range(of: "\nActivities\n"))
        #expect(heading.lowerBound < activities.lowerBound, "\(table.stdout)")
        #expect(table.stdout.contains("Housebound: one-to-one support at home comes first"))
        #expect(table.stdout.contains("- Befriender, visits at home; DBS checked 2025"))
    }

    @Test func explainSaysWhyRitaIsLeftOut() throws {
        let r = try runner.run(
            ["explain", "--subject", "m-mabel", "--candidate", "m-rita", "--support", "befriending", "--json"] + Self.community)
        #expect(r.status == 0, "\(r.stderr)")
        let match = try JSONDecoder().decode(Match.self, from: Data(r.stdout.utf8))
        #expect(match.excludedBy == [.dbs])
        #expect(match.support == .befriending)
    }

    @Test func theReferralRecordKeepsItAndTheMessageBackSaysIt() throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("one-to-one-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: db) }
        let load = try runner.run(["demo", "--db", db])
        #expect(load.status == 0, "\(load.stderr)")
        let made = try runner.run(["referral", "create", "--db", db, "--person", "m-mabel", "--id", "r-win", "--json"])
        #expect(made.status == 0, "\(made.stderr)")
        let record = try JSONDecoder().decode(ReferralRecord.self, from: Data(made.stdout.utf8))
        #expect(record.oneToOne.first?.member == "m-hazel")
        #expect(record.oneToOne.first?.support == .befriending)
        let message = try runner.run(["referral", "message", "r-win", "--db", db])
        #expect(message.status == 0, "\(message.stderr)")
        #expect(message.stdout.contains("One-to-one support offered: a befriender (m-hazel)"), "\(message.stdout)")
        #expect(!message.stdout.contains("Hazel"), "the GP's message names no volunteer")
    }
}
