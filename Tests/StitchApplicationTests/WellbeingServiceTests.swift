import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

@Suite("Wellbeing on referral records: recorded before and after, written back, reported by activity")
struct WellbeingServiceTests {
    static func params<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try MethodParams.decode(type, from: Data(json.utf8))
    }

    /// A referral made, contacted, offered and attending its first offer; answers the service
    /// and the activity attended.
    static func attending() async throws -> (StitchService, String) {
        let service = try ReferralServiceTests.service()
        let record = try await service.createReferral(Self.params(MethodParams.CreateReferral.self, ReferralServiceTests.create))
        let activity = try #require(record.offered.first?.activity)
        for (status, day) in [("contacted", "2026-11-03"), ("offered", "2026-11-05")] {
            _ = try await service.updateReferralStatus(
                Self.params(MethodParams.UpdateReferralStatus.self, #"{"id": "r-1", "status": "\#(status)", "date": "\#(day)"}"#))
        }
        _ = try await service.updateReferralStatus(
            Self.params(
                MethodParams.UpdateReferralStatus.self,
                #"{"id": "r-1", "status": "attending", "date": "2026-11-12", "activity": "\#(activity)"}"#))
        return (service, activity)
    }

    static let before = #"""
        {"id": "r-1", "when": "before", "scores": {"date": "2026-11-03", "swemwbs": [2, 2, 3, 2, 3, 2, 3],
         "ons4": {"satisfied": 4, "worthwhile": 5, "happy": 4, "anxious": 7}}}
        """#
    static let after = #"""
        {"id": "r-1", "when": "after", "scores": {"date": "2026-12-20", "swemwbs": [3, 3, 4, 3, 3, 3, 4],
         "ons4": {"satisfied": 6, "worthwhile": 5, "happy": 6, "anxious": 4}}}
        """#

    @Test func beforeAndAfterGiveTheChangeAndItsVerdictAgainstTheMID() async throws {
        let (service, activity) = try await Self.attending()
        let opened = try await service.recordWellbeing(Self.params(MethodParams.RecordWellbeing.self, Self.before))
        #expect(opened.change == nil)
        #expect(opened.activity == activity, "the scores speak to the activity the person chose")
        #expect(opened.text.contains("to be measured again at follow-up"))
        let closed = try await service.recordWellbeing(Self.params(MethodParams.RecordWellbeing.self, Self.after))
        // Raw 17 → 23: 16.88 → 20.73 metric points.
        #expect(closed.change?.swemwbs?.change == 3.85)
        #expect(closed.change?.swemwbs?.verdict == .improved)
        #expect(closed.change?.ons4?.anxious.improvement == 3)
        #expect(closed.change?.ons4?.worthwhile.verdict == .noImportantChange)
        #expect(closed.minimalImportantDifference.swemwbs == 3)
        #expect(closed.text.contains("SWEMWBS 16.88 → 20.73 metric points, +3.85, improved"), "\(closed.text)")

        let record = try await service.getReferral(Self.params(MethodParams.RemoveByID.self, #"{"id": "r-1"}"#))
        #expect(record.wellbeing.count == 1)
        #expect(record.wellbeing.first?.change?.swemwbs?.change == 3.85)

        let message = try await service.referralMessage(Self.params(MethodParams.RemoveByID.self, #"{"id": "r-1"}"#))
        #expect(message.text.contains("SWEMWBS 16.88 → 20.73 metric points, +3.85, improved (the minimal important difference is 3)"))
        #expect(message.record.wellbeing.first?.change?.swemwbs?.verdict == .improved)
        let json = String(decoding: try JSONEncoder().encode(message), as: UTF8.self)
        #expect(json.contains(#""minimalImportantDifference":{"ons4":1,"swemwbs":3}"#) || json.contains(#""minimalImportantDifference":{"swemwbs":3,"ons4":1}"#))

        let report = try await service.referralReport(MethodParams.ReferralReport())
        #expect(report.wellbeing.all.swemwbs.count == 1)
        #expect(report.wellbeing.byActivity.map(\.activity) == [activity])
        #expect(report.wellbeing.byActivity.first?.summary.swemwbs.improved == 1)
    }

    @Test func badScoresAndMisplacedOccasionsAreRefusedAtTheirFields() async throws {
        let (service, _) = try await Self.attending()
        func refusal(_ json: String) async throws -> ServiceError? {
            do {
                _ = try await service.recordWellbeing(Self.params(MethodParams.RecordWellbeing.self, json))
                return nil
            } catch let error as ServiceError {
                return error
            }
        }
        let item = try await refusal(#"{"id": "r-1", "when": "before", "scores": {"swemwbs": [2, 2, 3, 9, 3, 2, 3]}}"#)
        #expect(item?.data?.field == "params.scores.swemwbs[3]")
        #expect(item?.data?.reason.contains("item 4 is 9, out of range") == true)
        let ons = try await refusal(#"{"id": "r-1", "when": "before", "scores": {"ons4": {"satisfied": 4, "worthwhile": 5, "happy": 4, "anxious": 11}}}"#)
        #expect(ons?.data?.field == "params.scores.ons4.anxious")
        let typo = try await refusal(#"{"id": "r-1", "when": "befor", "scores": {"swemwbs": [2, 2, 3, 2, 3, 2, 3]}}"#)
        #expect(typo?.data?.field == "params.when")
        #expect(typo?.data?.reason.contains("did you mean 'before'?") == true)
        let early = try await refusal(#"{"id": "r-1", "when": "after", "scores": {"swemwbs": [2, 2, 3, 2, 3, 2, 3]}}"#)
        #expect(early?.data?.field == "params.when")
        #expect(early?.data?.reason.contains("record when=before first") == true)
        _ = try await service.recordWellbeing(Self.params(MethodParams.RecordWellbeing.self, Self.before))
        let otherMeasure = try await refusal(
            #"{"id": "r-1", "when": "after", "scores": {"date": "2026-12-20", "swemwbs": null, "ons4": null}}"#)
        #expect(otherMeasure?.data?.field == "params.scores.swemwbs")
        let backwards = try await refusal(#"{"id": "r-1", "when": "after", "scores": {"date": "2026-11-01", "swemwbs": [3, 3, 3, 3, 3, 3, 3]}}"#)
        #expect(backwards?.data?.field == "params.scores.date")
        let unknown = try await refusal(#"{"id": "r-9", "when": "before", "scores": {"swemwbs": [3, 3, 3, 3, 3, 3, 3]}}"#)
        #expect(unknown?.code == ServiceError.Code.unknownReferral.rawValue)
        let record = try await service.getReferral(Self.params(MethodParams.RemoveByID.self, #"{"id": "r-1"}"#))
        #expect(record.wellbeing.count == 1 && record.wellbeing[0].measurement.after == nil, "no refusal changed the record")
    }

    @Test func aRecordWithMeasurementsReadsBackAndOneWithoutStillReads() throws {
        let old = #"{"id": "r-1", "person": "m-maud", "date": "2026-11-02", "history": [{"status": "referred", "date": "2026-11-02"}]}"#
        let record = try JSONDecoder().decode(ReferralRecord.self, from: Data(old.utf8))
        #expect(record.wellbeing.isEmpty)
        #expect(!String(decoding: try JSONEncoder().encode(record), as: UTF8.self).contains("wellbeing"))
        var measured = record
        try measured.record(
            wellbeing: WellbeingScores(date: CalendarDate(year: 2026, month: 11, day: 3), swemwbs: try SWEMWBS(items: [2, 2, 3, 2, 3, 2, 3])),
            when: .before, activity: nil)
        try measured.record(
            wellbeing: WellbeingScores(date: CalendarDate(year: 2026, month: 12, day: 3), swemwbs: try SWEMWBS(items: [3, 3, 3, 3, 3, 3, 3])),
            when: .after, activity: "a-knit")
        let again = try JSONDecoder().decode(ReferralRecord.self, from: try JSONEncoder().encode(measured))
        #expect(again == measured)
        #expect(again.wellbeing.first?.activity == "a-knit", "the baseline takes the activity of its follow-up")
        #expect(again.wellbeing.first?.change?.swemwbs?.change == 2.37)
    }
}
