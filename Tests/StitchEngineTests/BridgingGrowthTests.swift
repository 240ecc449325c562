import StitchModel
import StitchTestSupport
import Testing

@testable import StitchEngine

/// Members and activities appended to the engine after its bridging model was built (the daemon's
/// incremental index) read as having no ties, and never index past the model's arrays.
@Suite("Bridging model and members added after it")
struct BridgingGrowthTests {
    static let day = CalendarDate(parsing: "2026-04-01")!

    /// Eight members in a ring of exchanges, one activity attended by members 0 and 4.
    static func model() throws -> SpectralBridging {
        let community = Community(
            members: (0..<8).map { Member(id: "m-\($0)") },
            activities: [Activity(id: "a-0", name: "Club")],
            exchanges: (0..<8).map { Exchange(giver: "m-\($0)", receiver: "m-\(($0 + 1) % 8)", hours: 1, date: day) },
            attendance: [Attendance(member: "m-0", activity: "a-0"), Attendance(member: "m-4", activity: "a-0")])
        return try SpectralBridging(
            community: community, memberIndex: nil, memberCount: 8, attendees: CompressedRows([[0, 4] as [Int32]]),
            referenceDate: day, coAttendanceLimit: 60)
    }

    @Test func anIndexBeyondTheModelIsAFirstTie() throws {
        let model = try Self.model()
        #expect(model.count == 8)
        #expect(model.value(1, 3) > 0 && model.value(1, 3) < 0.95)
        #expect(model.value(1, 8) == 1)
        #expect(model.value(12, 1) == 1)
        #expect(model.value(12, 12) == 0)
        #expect(model.typicalValue(9) == 1)
        #expect(model.isIsolated(100))
    }

    @Test func attendeesAddedSinceTheBuildAreSummedOneByOne() throws {
        let model = try Self.model()
        let before = model.value(2, activity: 0, attendees: [0, 4])
        let pairs = (model.value(2, 0) + model.value(2, 4)) / 2
        // The group's mean resistance is scaled once: never below the mean of the scaled pairs.
        #expect(before >= pairs - 1e-12, "\(before) vs \(pairs)")
        // A newcomer (index 9, unknown to the model) joins: three attendees, the model summed two.
        let after = model.value(2, activity: 0, attendees: [0, 4, 9])
        #expect(abs(after - (2 * before + 1) / 3) < 1e-12)
        // An activity added since the build.
        let new = model.value(2, activity: 5, attendees: [9])
        #expect(new == 1)
        #expect(model.value(11, activity: 0, attendees: [0, 4]) == 1)
    }
}
