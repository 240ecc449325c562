import Foundation
import StitchApplication
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

@Suite("Referral records: made, followed through, closed by attendance, summed up for the GP")
struct ReferralServiceTests {
    static func service() throws -> StitchService {
        try StitchService(community: ScenarioCast.community, taxonomy: try Fixtures.taxonomy)
    }

    static func params<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try MethodParams.decode(type, from: Data(json.utf8))
    }

    static let create = #"""
        {"referral": {"id": "r-1", "person": "m-maud", "date": "2026-11-02",
          "referrer": {"name": "Dr Okafor", "role": "gp", "practice": "G85016"},
          "reason": "lonely since her husband died", "consent": {"given": true, "date": "2026-11-02"},
          "interests": ["knitting"]}, "limit": 3, "by": "lw-ann"}
        """#

    @Test func aReferralKeepsTheRankingItWasMadeWith() async throws {
        let service = try Self.service()
        let record = try await service.createReferral(Self.params(MethodParams.CreateReferral.self, Self.create))
        let ranking = try await service.refer(
            Self.params(MethodParams.Refer.self, #"{"referral": {"id": "r-1", "person": "m-maud", "interests": ["knitting"], "referrer": "gp", "reason": "lonely since her husband died"}, "limit": 3}"#))
        #expect(!record.offered.isEmpty)
        #expect(record.offered.map(\.activity) == ranking.matches.map(\.id))
        #expect(record.offered.map(\.buddy) == ranking.matches.map { $0.buddy?.id })
        #expect(record.offered.first?.factors.count == 6)
        #expect(record.weights?.profile == "referral")
        #expect(record.status == .referred)
        #expect(record.history == [StatusChange(status: .referred, date: CalendarDate(year: 2026, month: 11, day: 2)!, by: "lw-ann")])
    }

    @Test func aDuplicateIdAnUnknownPersonAndAnUnknownReferralAreRefusedAtTheirFields() async throws {
        let service = try Self.service()
        _ = try await service.createReferral(Self.params(MethodParams.CreateReferral.self, Self.create))
        await #expect(throws: ServiceError.self) { try await service.createReferral(Self.params(MethodParams.CreateReferral.self, Self.create)) }
        do {
            _ = try await service.createReferral(
                Self.params(MethodParams.CreateReferral.self, #"{"referral": {"id": "r-2", "person": "m-mau", "date": "2026-11-02"}}"#))
            Issue.record("an unknown person was accepted")
        } catch let error as ServiceError {
            #expect(error.code == -32001)
            #expect(error.data?.field == "params.referral.person")
            #expect(error.data?.reason.contains("m-maud") == true)
        }
        do {
            _ = try await service.getReferral(Self.params(MethodParams.RemoveByID.self, #"{"id": "r-l"}"#))
            Issue.record("an unknown referral was found")
        } catch let error as ServiceError {
            #expect(error.data?.field == "params.id")
            #expect(error.data?.reason.hasPrefix("unknown referral id 'r-l'") == true)
        }
    }

    @Test func anAttendanceAtAnOfferedActivityMovesTheReferralToAttending() async throws {
        let service = try Self.service()
        let record = try await service.createReferral(Self.params(MethodParams.CreateReferral.self, Self.create))
        let first = try #require(record.offered.first?.activity)
        _ = try await service.updateReferralStatus(
            Self.params(MethodParams.UpdateReferralStatus.self, #"{"id": "r-1", "status": "contacted", "date": "2026-11-04"}"#))
        _ = try await service.updateReferralStatus(
            Self.params(MethodParams.UpdateReferralStatus.self, #"{"id": "r-1", "status": "offered", "date": "2026-11-06"}"#))
        _ = try await service.record(attendance: Attendance(member: "m-maud", activity: first, date: CalendarDate(year: 2026, month: 11, day: 12)))
        let now = try await service.getReferral(Self.params(MethodParams.RemoveByID.self, #"{"id": "r-1"}"#))
        #expect(now.status == .attending)
        #expect(now.history.last?.by == "attendance")
        #expect(now.chosenActivity == first)
        // Another member's attendance, or an activity not offered, moves nothing.
        let due = await service.dueReferrals(MethodParams.DueReferrals(date: CalendarDate(year: 2026, month: 12, day: 31)))
        #expect(due.due.map(\.id) == ["r-1"])
        #expect(due.due.first?.why == FollowUpPolicy.why(.attending))
    }

    @Test func dueListsWhoNeedsACallMostOverdueFirst() async throws {
        let service = try Self.service()
        for (id, date) in [("r-a", "2026-11-02"), ("r-b", "2026-10-01"), ("r-c", "2026-11-20")] {
            _ = try await service.createReferral(
                Self.params(MethodParams.CreateReferral.self, #"{"referral": {"id": "\#(id)", "person": "m-maud", "date": "\#(date)"}}"#))
        }
        let due = await service.dueReferrals(MethodParams.DueReferrals(date: CalendarDate(year: 2026, month: 11, day: 16)))
        #expect(due.due.map(\.id) == ["r-b", "r-a"], "r-c is not due until 27 Nov")
        #expect(due.due.allSatisfy { $0.why == "make first contact" })
        let list = try await service.listReferrals(Self.params(MethodParams.ListReferrals.self, #"{"from": "2026-11-01"}"#))
        #expect(list.referrals.map(\.id) == ["r-a", "r-c"])
        await #expect(throws: ServiceError.self) {
            try await service.listReferrals(Self.params(MethodParams.ListReferrals.self, #"{"status": "lost"}"#))
        }
    }

    @Test func theMessageBackSaysWhatHappenedWithItsCodes() async throws {
        let service = try Self.service()
        _ = try await service.createReferral(Self.params(MethodParams.CreateReferral.self, Self.create))
        _ = try await service.updateReferralStatus(
            Self.params(MethodParams.UpdateReferralStatus.self, #"{"id": "r-1", "status": "contacted", "date": "2026-11-04"}"#))
        _ = try await service.updateReferralStatus(
            Self.params(MethodParams.UpdateReferralStatus.self, #"{"id": "r-1", "status": "declined", "date": "2026-11-05", "note": "prefers to wait until spring"}"#))
        let message = try await service.referralMessage(Self.params(MethodParams.RemoveByID.self, #"{"id": "r-1"}"#))
        #expect(message.text.contains("referred on 2 Nov 2026 by Dr Okafor, gp, G85016"))
        #expect(message.text.contains("Now: declined since 5 Nov 2026 (prefers to wait until spring)."))
        #expect(message.record.codes.map(\.code) == ["871731000000106", "871711000000103"])
        #expect(message.record.codes.last?.date == CalendarDate(year: 2026, month: 11, day: 5))
        #expect(message.record.status == .declined)
    }
}
