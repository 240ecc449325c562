import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// A broker's "not this one" in the engine: every job leaves the dismissed candidate out for that
/// subject (counted under `dismissed`), `explain` says who, when and why, and a dismissal lapses
/// after its `until`.
@Suite("Dismissals in every job")
struct DismissalTests {
    static let day = CalendarDate(year: 2026, month: 12, day: 7)!
    static let request = HelpRequest(requester: "m-arthur", skill: "accompany to hospital")

    @Test func aDismissedHelperNoLongerComesBackFirstUntilItLapses() throws {
        let engine = try Fixtures.lewishamEngine
        let before = try engine.whoCanHelp(Self.request, limit: 5)
        let first = try #require(before.matches.first?.id)
        let dismissal = Dismissal(
            subject: "m-arthur", candidate: first, reason: "did not get on", until: CalendarDate(year: 2027, month: 3, day: 1),
            date: Self.day)
        let judged = engine.judgingDismissals([dismissal], on: Self.day)
        let after = try judged.whoCanHelp(Self.request, limit: 5)
        #expect(!after.matches.contains { $0.id == first })
        #expect(after.excluded[.dismissed] == 1)
        #expect(after.considered == before.considered)
        #expect(after.matches.first?.id == before.matches.dropFirst().first?.id)
        // Only for that subject: someone else asking still gets them.
        let other = try judged.whoCanHelp(HelpRequest(requester: "m-vera", skill: "accompany to hospital"), limit: 1000)
        #expect(other.excluded[.dismissed] == 0)
        // The day after `until`, and without it, they come back first.
        let lapsed = engine.judgingDismissals([dismissal], on: CalendarDate(year: 2027, month: 3, day: 2)!)
        #expect(try lapsed.whoCanHelp(Self.request, limit: 5).matches.first?.id == first)
        #expect(try engine.judgingDismissals([dismissal], on: CalendarDate(year: 2027, month: 3, day: 1)!).whoCanHelp(Self.request, limit: 5).matches.first?.id != first)

        let explained = try judged.explain(ExplainQuery(subject: .id("m-arthur"), candidate: first, skill: "accompany to hospital"))
        #expect(explained.excludedBy == [.dismissed])
        #expect(explained.reasons.first == "Excluded: Dismissed by the broker on 2026-12-07: did not get on (until 2027-03-01)")
    }

    @Test func referralsOpportunitiesAndPlacementsLeaveOutWhatWasDismissed() throws {
        let engine = try Fixtures.lewishamEngine
        let referral = Referral(person: .id("m-maud"), goals: FiveWays(connect: 1))
        let best = try #require(try engine.refer(referral, limit: 3).matches.first?.id)
        let judged = engine.judgingDismissals([Dismissal(subject: "m-maud", candidate: best, date: Self.day)], on: Self.day)
        let refer = try judged.refer(referral, limit: 3)
        #expect(!refer.matches.contains { $0.id == best })
        #expect(refer.excluded[.dismissed] == 1)
        #expect(!(try judged.placements(for: referral, limit: 1000).matches.contains { $0.id == best }))
        let why = try judged.explain(ExplainQuery(subject: .id("m-maud"), candidate: best))
        #expect(why.reasons.first == "Excluded: Dismissed by the broker on 2026-12-07")

        let chances = try engine.opportunities(for: "m-june", limit: 3)
        let chance = try #require(chances.matches.first?.id)
        let gone = try engine.judgingDismissals([Dismissal(subject: "m-june", candidate: chance)], on: Self.day).opportunities(for: "m-june", limit: 3)
        #expect(!gone.matches.contains { $0.id == chance })
        #expect(gone.excluded[.dismissed] == 1)
    }

    /// A member dismissed for a person is never suggested to go along with them, in a referral
    /// or when a plan asks for buddies; anyone else's buddies are as before.
    @Test func aDismissedMemberIsNeverTheirBuddy() throws {
        let engine = try Fixtures.lewishamEngine
        let referral = Referral(person: .id("m-maud"), goals: FiveWays(connect: 1))
        let before = try engine.refer(referral, limit: 5)
        let withBuddy = try #require(before.matches.first { $0.buddy != nil })
        let buddy = try #require(withBuddy.buddy?.id)
        let judged = engine.judgingDismissals([Dismissal(subject: "m-maud", candidate: buddy, date: Self.day)], on: Self.day)
        let after = try judged.refer(referral, limit: 5)
        #expect(after.matches.map(\.id) == before.matches.map(\.id), "a dismissed member changes the buddies, not the activities")
        #expect(!after.matches.contains { $0.buddy?.id == buddy })
        let same = try #require(after.matches.first { $0.id == withBuddy.id })
        #expect(same.buddy?.id != buddy)
        let listed = try judged.buddies(for: .id("m-maud"), activity: withBuddy.id, limit: 1000)
        #expect(!listed.matches.contains { $0.id == buddy })
        #expect(listed.excluded[.dismissed] == 1)
        let other = try judged.buddies(for: .id("m-vera"), activity: withBuddy.id, limit: 1000)
        #expect(other.excluded[.dismissed] == 0)
    }

    @Test func aDismissalIsReadStrictly() throws {
        let good = try JSONDecoder().decode(
            Dismissal.self, from: Data(#"{"subject":"m-arthur","candidate":"m-tom","reason":"r","until":"2027-01-01"}"#.utf8))
        #expect(good.until == CalendarDate(year: 2027, month: 1, day: 1))
        for bad in [
            #"{"subject":"m-arthur","candidate":"m-arthur"}"#, #"{"subject":"m-arthur","candidate":"m-tom","why":"x"}"#,
            #"{"subject":"m-arthur","candidate":"m-tom","until":"2027-02-30"}"#,
            #"{"subject":"m-arthur","candidate":"m-tom","date":"2027-01-02","until":"2027-01-01"}"#,
        ] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Dismissal.self, from: Data(bad.utf8)) }
        }
    }
}
