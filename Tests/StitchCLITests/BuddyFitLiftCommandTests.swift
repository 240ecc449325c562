import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Layla's mums' group buddy and Wendy's lift to the choir, as a GP meets them on the command line.
@Suite("Buddy fit and lifts, on the command line")
struct BuddyFitLiftCommandTests {
    let runner = CommandRunner()
    static let community = Fixtures.dataURL("lewisham.json").path

    @Test func theMumsGroupBuddyIsTheMumWhoSharesLaylasExperience() throws {
        let json = try runner.run(["refer", "--person", "m-layla", "--community", Self.community, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let ranking = try JSONDecoder().decode(Ranking.self, from: Data(json.stdout.utf8))
        let mums = try #require(ranking.matches.first { $0.id == "a-mums-morning" })
        #expect(mums.buddy?.id == "m-rania")
        #expect(mums.buddy?.reasons.contains("Also a parent; survived domestic abuse") == true)

        let text = try runner.run(["refer", "--person", "m-layla", "--community", Self.community])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Buddy: m-rania (Rania)"), "\(text.stdout)")
        #expect(text.stdout.contains("Both enjoy baking and knitting"), "\(text.stdout)")
    }

    @Test func wendyReachesTheChoirWithALiftFromDes() throws {
        let json = try runner.run(["refer", "--person", "m-wendy", "--community", Self.community, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let ranking = try JSONDecoder().decode(Ranking.self, from: Data(json.stdout.utf8))
        let choir = try #require(ranking.matches.first { $0.id == "a-blackheath-choir" }, "\(ranking.matches.map(\.id))")
        #expect(choir.lift?.id == "m-des")
        #expect(choir.reasons.contains("With a lift from Des, 600 m away"))
        #expect(json.stdout.contains(#""lift""#), "the JSON names the lift")

        let text = try runner.run(["refer", "--person", "m-wendy", "--community", Self.community])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Lift: m-des (Des): Offers lifts; Lives 600 m from them"), "\(text.stdout)")
    }
}
