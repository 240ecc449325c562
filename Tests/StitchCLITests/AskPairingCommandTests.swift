import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// `stitch ask` and `stitch pairing` as a broker runs them: each step a new process on the same
/// database, so every step also proves the last one was stored (or, for a refused one, that
/// nothing was).
@Suite("stitch ask and stitch pairing, end to end")
struct AskPairingCommandTests {
    static let runner = CommandRunner()

    /// A fresh database holding the bundled demo community, in a folder removed afterwards.
    static func withDemo(_ body: @escaping @Sendable (String) throws -> Void) async throws {
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "stitch-pairing-\(UUID().uuidString.prefix(8))"
            ).path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let db = folder + "/broker.sqlite"
            let made = try runner.run(["demo", "--db", db])
            #expect(made.status == 0, "\(made.stderr)")
            try body(db)
        }
    }

    /// `stitch pairing list` of the demo as made: its one ongoing pairing, Tunde's lifts for Elsie.
    static let demoPairings = "m-elsie  m-tunde  lifts  2026-10-09 to review 2027-10-08\n"

    /// A command expected to succeed: its standard output.
    @discardableResult
    static func ok(_ arguments: [String]) throws -> String {
        let result = try runner.run(arguments)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// A command expected to be refused: its standard error.
    static func refused(_ arguments: [String]) throws -> String {
        let result = try runner.run(arguments)
        #expect(result.status != 0, "\(arguments.joined(separator: " ")) was not refused: \(result.stdout)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        return result.stderr
    }

    static func ranking(_ arguments: [String]) throws -> Ranking {
        try JSONDecoder().decode(Ranking.self, from: Data(try ok(arguments + ["--json"]).utf8))
    }

    static let shopping = ["who-can-help", "--requester", "m-arthur", "--skill", "shopping", "--limit", "10"]

    @Test func anAskIsKeptListedAndWeighedInTheNextAnswer() async throws {
        try await Self.withDemo { db in
            let before = try Self.ranking(Self.shopping + ["--db", db])
            let asked = try #require(before.matches.first)
            #expect(try Self.ok(["ask", "list", "--db", db, "--candidate", asked.id]) == "No asks\n")

            let recorded = try Self.ok(["ask", "record", "--db", db, "--subject", "m-arthur", "--candidate", asked.id])
            #expect(recorded.hasPrefix("Asked \(asked.id) for m-arthur on "), "\(recorded)")
            let listed = try Self.ok(["ask", "list", "--db", db, "--candidate", asked.id])
            #expect(listed.contains("\(asked.id) for m-arthur  (pending)"), "\(listed)")
            let json = try Self.ok(["ask", "list", "--db", db, "--subject", "m-arthur", "--json"])
            #expect(json.contains(#""candidate" : "\#(asked.id)""#) && json.contains(#""pending" : true"#), "\(json)")

            // The ask is in the load term: the helper asked is less free to be asked again
            // (docs/scoring.md, "Asks in the load term"), and no longer "Not asked much lately".
            let after = try Self.ranking(Self.shopping + ["--db", db])
            let again = try #require(after.matches.first { $0.id == asked.id }, "\(after.matches.map(\.id))")
            #expect(again.factors.reciprocity < asked.factors.reciprocity)
            #expect(again.score < asked.score)
            #expect(!again.reasons.contains("Not asked much lately"), "\(again.reasons)")
            // Nobody else moved.
            for other in after.matches where other.id != asked.id {
                #expect(before.matches.first { $0.id == other.id }?.score == other.score, "\(other.id)")
            }
        }
    }

    @Test func aBadAskIsRefusedWithItsFieldAndNothingIsStored() async throws {
        try await Self.withDemo { db in
            let unknown = try Self.refused([
                "ask", "record", "--db", db, "--subject", "m-arthur", "--candidate", "m-nobody",
            ])
            #expect(
                unknown.contains("candidate: unknown member id 'm-nobody'; give the id of a member in the database"),
                "\(unknown)")
            let typo = try Self.refused(["ask", "record", "--db", db, "--subject", "m-arthr", "--candidate", "m-june"])
            #expect(typo.contains("subject: unknown member id 'm-arthr'; did you mean 'm-arthur'?"), "\(typo)")
            let day = try Self.refused([
                "ask", "record", "--db", db, "--subject", "m-arthur", "--candidate", "m-june", "--date", "2026-02-30",
            ])
            #expect(day.contains("--date: '2026-02-30' is not a date; write YYYY-MM-DD"), "\(day)")
            #expect(try Self.ok(["ask", "list", "--db", db]) == "No asks\n")
        }
    }

    @Test func aPairingStartsIsReviewedListedAndEnds() async throws {
        try await Self.withDemo { db in
            let before = try Self.ranking(Self.shopping + ["--db", db])
            let helper = try #require(before.matches.dropFirst().last, "a helper who is not first").id

            let started = try Self.ok([
                "pairing", "start", "--db", db, "--person", "m-arthur", "--helper", helper, "--kind", "shopping",
                "--start", "2026-11-01",
                "--review", "2099-02-01",
            ])
            #expect(
                started == "Paired \(helper) with m-arthur for shopping from 2026-11-01, review by 2099-02-01\n",
                "\(started)")
            let paired = try Self.ranking(Self.shopping + ["--db", db])
            #expect(paired.matches.first?.id == helper)
            #expect(paired.matches.first?.reasons.first == "Already helps them every week")
            #expect(paired.matches.count == before.matches.count)
            #expect(
                try Self.ok(["pairing", "list", "--db", db, "--person", "m-arthur"])
                    == "m-arthur  \(helper)  shopping  2026-11-01 to review 2099-02-01\n")

            let reviewed = try Self.ok([
                "pairing", "review", "--db", db, "--person", "m-arthur", "--kind", "Shopping", "--review", "2099-05-01",
            ])
            #expect(reviewed.contains("review by 2099-05-01"), "\(reviewed)")
            #expect(
                try Self.ok(["pairing", "list", "--db", db, "--helper", helper, "--json"]).contains(
                    #""review" : "2099-05-01""#))

            #expect(
                try Self.ok(["pairing", "end", "--db", db, "--person", "m-arthur", "--kind", "shopping"])
                    == "Ended the pairing of m-arthur for shopping\n")
            #expect(
                try Self.ok(["pairing", "end", "--db", db, "--person", "m-arthur", "--kind", "shopping"])
                    == "m-arthur had no pairing for shopping: nothing changed\n")
            #expect(try Self.ok(["pairing", "list", "--db", db]) == Self.demoPairings, "only the demo's own pairing is left")
            #expect(try Self.ranking(Self.shopping + ["--db", db]).matches.map(\.id) == before.matches.map(\.id))

            // A pairing whose review day has passed is listed, but no longer puts the helper first.
            try Self.ok([
                "pairing", "start", "--db", db, "--person", "m-arthur", "--helper", helper, "--kind", "shopping",
                "--start", "2026-01-01",
                "--review", "2026-02-01",
            ])
            #expect(try Self.ok(["pairing", "list", "--db", db]).contains("(not in force)"))
            #expect(try Self.ranking(Self.shopping + ["--db", db]).matches.map(\.id) == before.matches.map(\.id))
        }
    }

    @Test func aBadPairingIsRefusedWithItsFieldAndNothingIsStored() async throws {
        try await Self.withDemo { db in
            let start = ["pairing", "start", "--db", db, "--kind", "shopping"]
            let person = try Self.refused(start + ["--person", "m-nobody", "--helper", "m-june"])
            #expect(
                person.contains("person: unknown member id 'm-nobody'; give the id of a member in the database"),
                "\(person)")
            let helper = try Self.refused(start + ["--person", "m-arthur", "--helper", "m-jne"])
            #expect(helper.contains("helper: unknown member id 'm-jne'; did you mean 'm-june'?"), "\(helper)")
            let themself = try Self.refused(start + ["--person", "m-arthur", "--helper", "m-arthur"])
            #expect(
                themself.contains("helper: a person cannot be paired with themself; give another member"), "\(themself)"
            )
            let backwards = try Self.refused(
                start + [
                    "--person", "m-arthur", "--helper", "m-june", "--start", "2027-01-01", "--review", "2026-12-01",
                ])
            #expect(
                backwards.contains("review: 2026-12-01 is before the start, 2027-01-01; give a later day"),
                "\(backwards)")
            let empty = try Self.refused([
                "pairing", "start", "--db", db, "--person", "m-arthur", "--helper", "m-june", "--kind", "  ",
            ])
            #expect(empty.contains("kind: is empty"), "\(empty)")
            let none = try Self.refused([
                "pairing", "review", "--db", db, "--person", "m-arthur", "--kind", "shopping", "--review", "2099-01-01",
            ])
            #expect(none.contains("kind") && none.contains("shopping"), "\(none)")
            let day = try Self.refused([
                "pairing", "review", "--db", db, "--person", "m-arthur", "--kind", "shopping", "--review", "01/02/2027",
            ])
            #expect(day.contains("--review: '01/02/2027' is not a date; write YYYY-MM-DD"), "\(day)")
            #expect(try Self.ok(["pairing", "list", "--db", db]) == Self.demoPairings, "only the demo's own pairing is left")
        }
    }

    /// A buddy pairing made on the command line steers the buddy `stitch refer` suggests, and the
    /// referral `stitch referral create` keeps.
    @Test func aBuddyPairingSteersTheReferralsBuddy() async throws {
        // A member who could go along to one of Maud's activities, but is not today's buddy there.
        let engine = try Fixtures.lewishamEngine
        let first = try engine.refer(Referral(person: .id("m-maud")), limit: 5)
        let activity = try #require(first.matches.first { $0.buddy != nil })
        let eligible = try engine.buddies(for: .id("m-maud"), activity: activity.id, limit: 1000, profile: .referral)
        let buddy = try #require(eligible.matches.last { $0.id != activity.buddy?.id }).id
        try await Self.withDemo { db in
            let refer = ["refer", "--db", db, "--person", "m-maud", "--limit", "5"]
            let before = try Self.ranking(refer)
            #expect(before.matches.first { $0.id == activity.id }?.buddy?.id != buddy)

            let started = try Self.ok([
                "pairing", "start", "--db", db, "--person", "m-maud", "--helper", buddy, "--kind", "buddy",
            ])
            #expect(started.hasPrefix("Paired \(buddy) with m-maud for buddy from "), "\(started)")
            let after = try Self.ranking(refer)
            let steered = try #require(after.matches.first { $0.id == activity.id }?.buddy)
            #expect(steered.id == buddy)
            #expect(steered.reasons.first == "Already goes along with them", "\(steered.reasons)")
            #expect(after.matches.map(\.id) == before.matches.map(\.id))
            #expect(try Self.ok(refer).contains("Already goes along with them"))
            // Explained as her buddy there, they are what the referral proposes.
            let explained = try JSONDecoder().decode(
                Match.self,
                from: Data(
                    try Self.ok([
                        "explain", "--db", db, "--subject", "m-maud", "--candidate", buddy, "--activity", activity.id,
                        "--json",
                    ]).utf8))
            #expect(
                explained.excludedBy == [] && explained.reasons == steered.reasons && explained.score == steered.score)
            let nowhere = try Self.refused([
                "explain", "--db", db, "--subject", "m-maud", "--candidate", buddy, "--activity", "a-nowhere-at-all",
            ])
            #expect(nowhere.contains("activity: unknown activity id 'a-nowhere-at-all'"), "\(nowhere)")

            // The referral kept offers that buddy.
            let record = try Self.ok(["referral", "create", "--db", db, "--person", "m-maud", "--consent"])
            #expect(record.contains("(\(activity.id), score ") && record.contains("buddy \(buddy))"), "\(record)")

            // Ended, the buddy is today's choice again.
            try Self.ok(["pairing", "end", "--db", db, "--person", "m-maud", "--kind", "buddy"])
            #expect(try Self.ranking(refer).matches.first { $0.id == activity.id }?.buddy?.id != buddy)
        }
    }
}
