import Foundation
import StitchImport
import StitchModel
import Testing

@Suite("Upserting a source into a community")
struct CommunityUpsertTests {
    let base = Community(
        members: [Member(id: "m-a", offers: ["gardening"]), Member(id: "m-b")],
        activities: [Activity(id: "a-1", name: "Walk", capacity: 10, enrolled: 8), Activity(id: "a-2", name: "Choir")],
        exchanges: [Exchange(giver: "m-a", receiver: "m-b", hours: 2)],
        attendance: [Attendance(member: "m-b", activity: "a-1")])

    @Test func replacesByIdInPlaceAddsNewOnesLastAndKeepsTheRest() {
        let source = SourceImport(
            list: "rows",
            members: [
                ImportedRecord(Member(id: "m-c", avoid: ["m-a"]), index: 2),
                ImportedRecord(Member(id: "m-a", offers: ["cooking"]), index: 3),
            ],
            activities: [ImportedRecord(Activity(id: "a-1", name: "Long walk", capacity: 12, enrolled: 8), index: 4)])
        let merged = CommunityUpsert.merge(source, into: base)
        #expect(merged.issues.isEmpty)
        #expect(merged.added == 1 && merged.updated == 2)
        #expect(merged.community.members.map(\.id) == ["m-a", "m-b", "m-c"])
        #expect(merged.community.members[0].offers == ["cooking"])
        #expect(merged.community.activities.map(\.name) == ["Long walk", "Choir"])
        #expect(merged.community.exchanges == base.exchanges)
        #expect(merged.community.attendance == base.attendance)
        #expect(merged.community.validationErrors().isEmpty)
    }

    @Test func leavesOutWhatWouldMakeTheCommunityUnsoundAndKeepsTheStoredVersion() {
        let source = SourceImport(
            list: "rows",
            members: [
                ImportedRecord(Member(id: "m-x", avoid: ["m-nobody"]), index: 2),
                ImportedRecord(Member(id: "m-y", avoid: ["m-x"]), index: 3),  // orphaned once m-x is left out
                ImportedRecord(Member(id: "m-z", avoid: ["m-z"]), index: 4),
            ],
            activities: [ImportedRecord(Activity(id: "a-1", name: "Tiny walk", capacity: 5), index: 5)])
        // a-1 has 8 enrolled in the stored version: 5 places would overfill it.
        var overfull = source
        overfull.activities[0].value.enrolled = 8
        let merged = CommunityUpsert.merge(overfull, into: base)
        #expect(merged.community.members.map(\.id) == ["m-a", "m-b"])
        #expect(merged.community.activities.first?.name == "Walk")
        #expect(
            merged.issues.map(\.description) == [
                "rows[2] (m-x) avoid[0]: unknown member id 'm-nobody'; record skipped",
                "rows[4] (m-z) avoid[0]: a member cannot avoid themself; record skipped",
                "rows[5] (a-1) enrolled: 8 enrolled exceeds capacity 5; record skipped",
                "rows[3] (m-y) avoid[0]: unknown member id 'm-x'; record skipped",
            ])
        #expect(merged.added == 0 && merged.updated == 0)
        #expect(merged.community.validationErrors().isEmpty)
    }
}
