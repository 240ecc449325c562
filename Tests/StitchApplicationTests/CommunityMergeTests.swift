import Foundation
import StitchApplication
import StitchModel
import Testing

/// Merging a file's records into a stored community: added, updated, unchanged, skipped and
/// removed, and a result that is always sound.
@Suite("Merging an import into a stored community")
struct CommunityMergeTests {
    let base = Community(
        members: [Member(id: "m-a", offers: ["gardening"]), Member(id: "m-b")],
        activities: [Activity(id: "a-1", name: "Walk", capacity: 10, enrolled: 8), Activity(id: "a-2", name: "Choir")],
        exchanges: [
            Exchange(id: "x-1", giver: "m-a", receiver: "m-b", hours: 1),
            Exchange(giver: "m-a", receiver: "m-b", hours: 2),
        ],
        attendance: [Attendance(member: "m-b", activity: "a-1")])

    func rows<T>(_ values: [T], from first: Int = 2) -> [IncomingRecord<T>] {
        values.enumerated().map { IncomingRecord($1, list: "rows", index: first + $0) }
    }

    @Test func replacesByIdInPlaceAddsNewOnesLastAndKeepsTheRest() {
        let incoming = IncomingCommunity(
            members: rows([
                Member(id: "m-c", avoid: ["m-a"]), Member(id: "m-a", offers: ["cooking"]), Member(id: "m-b"),
            ]),
            activities: rows([Activity(id: "a-1", name: "Long walk", capacity: 12, enrolled: 8)], from: 5))
        let changes = CommunityMerge.merge(incoming, into: base, mode: .add)
        #expect(changes.skipped.isEmpty)
        #expect(changes[.members] == KindCounts(added: 1, updated: 1, unchanged: 1))
        #expect(changes[.activities] == KindCounts(updated: 1))
        #expect(changes.community.members.map(\.id) == ["m-a", "m-b", "m-c"])
        #expect(changes.community.members[0].offers == ["cooking"])
        #expect(changes.community.activities.map(\.name) == ["Long walk", "Choir"])
        #expect(changes.community.exchanges == base.exchanges && changes.community.attendance == base.attendance)
        #expect(changes.members.map(\.id) == ["m-c", "m-a"], "the unchanged m-b is not written again")
        #expect(changes.community.validationErrors().isEmpty)
    }

    @Test func leavesOutWhatWouldMakeTheCommunityUnsoundAndKeepsTheStoredVersion() {
        let incoming = IncomingCommunity(
            members: rows([
                Member(id: "m-x", avoid: ["m-nobody"]), Member(id: "m-y", avoid: ["m-x"]),  // orphaned once m-x is out
                Member(id: "m-z", avoid: ["m-z"]),
            ]),
            activities: rows([Activity(id: "a-1", name: "Tiny walk", capacity: 5, enrolled: 8)], from: 5))
        let changes = CommunityMerge.merge(incoming, into: base, mode: .add)
        #expect(changes.community.members.map(\.id) == ["m-a", "m-b"])
        #expect(changes.community.activities.first?.name == "Walk")
        #expect(
            changes.skipped.map { "\($0.fullPath): \($0.reason)" } == [
                "rows[2].avoid[0]: unknown member id 'm-nobody'",
                "rows[4].avoid[0]: a member cannot avoid themself",
                "rows[5].enrolled: 8 enrolled exceeds capacity 5",
                "rows[3].avoid[0]: unknown member id 'm-x'",
            ])
        #expect(changes.total.kept == 0 && !changes.changesStore)
        #expect(changes.skippedCount == 4)
        #expect(
            changes.skippedByReason.map { "\($0.reason) (\($0.count))" } == [
                "unknown member id (2)", "a member cannot avoid themself (1)", "enrolled exceeds capacity (1)",
            ])
    }

    /// A file of exchanges alone goes into a community that has their members; one naming a
    /// member nobody knows is skipped, and the others stay.
    @Test func exchangesAloneJoinTheStoredMembers() {
        let incoming = IncomingCommunity(
            exchanges: [
                IncomingRecord(Exchange(giver: "m-b", receiver: "m-a", hours: 3), list: "exchanges", index: 0),
                IncomingRecord(Exchange(giver: "m-nobody", receiver: "m-a", hours: 1), list: "exchanges", index: 1),
            ],
            attendance: [IncomingRecord(Attendance(member: "m-a", activity: "a-2"), list: "attendance", index: 0)])
        let changes = CommunityMerge.merge(incoming, into: base, mode: .add)
        #expect(changes[.exchanges] == KindCounts(added: 1) && changes[.attendance] == KindCounts(added: 1))
        #expect(changes.exchanges == [Exchange(giver: "m-b", receiver: "m-a", hours: 3)])
        #expect(changes.community.exchanges.count == 3 && changes.community.members == base.members)
        #expect(changes.skipped.map(\.fullPath) == ["exchanges[1].giver"])
    }

    /// Importing the same file twice stores its exchanges and attendance once; two identical
    /// exchanges in a file are two exchanges; a known id with other details is not rewritten.
    @Test func exchangesAndAttendanceAlreadyStoredAreNotStoredTwice() {
        let incoming = IncomingCommunity(
            exchanges: rows([
                Exchange(id: "x-1", giver: "m-a", receiver: "m-b", hours: 1),  // stored as it is
                Exchange(id: "x-1", giver: "m-b", receiver: "m-a", hours: 1),  // the same id again in the file
                Exchange(giver: "m-a", receiver: "m-b", hours: 2),  // stored once...
                Exchange(giver: "m-a", receiver: "m-b", hours: 2),  // ...so this second one is new
            ]) + [IncomingRecord(Exchange(id: "x-2", giver: "m-a", receiver: "m-b", hours: 5), list: "rows", index: 6)],
            attendance: rows([Attendance(member: "m-b", activity: "a-1")], from: 7))
        var stored = base
        stored.exchanges.append(Exchange(id: "x-2", giver: "m-a", receiver: "m-b", hours: 4))
        let changes = CommunityMerge.merge(incoming, into: stored, mode: .add)
        #expect(changes[.exchanges] == KindCounts(added: 1, unchanged: 2))
        #expect(changes[.attendance] == KindCounts(unchanged: 1))
        #expect(changes.exchanges == [Exchange(giver: "m-a", receiver: "m-b", hours: 2)])
        #expect(
            changes.skipped.map(\.group) == [
                "duplicate exchange id", "an exchange with this id is already stored with other details",
            ])
        let again = CommunityMerge.merge(incoming, into: changes.community, mode: .add)
        #expect(!again.changesStore, "a second import of the same file changes nothing")
    }

    @Test func aLaterRepeatOfAnIdInTheFileIsSkippedAndTheFirstKept() {
        let incoming = IncomingCommunity(members: rows([Member(id: "m-q", offers: ["first"]), Member(id: "m-q")]))
        let changes = CommunityMerge.merge(incoming, into: Community(), mode: .add)
        #expect(changes.community.members == [Member(id: "m-q", offers: ["first"])])
        #expect(changes.skipped.map(\.reason) == ["duplicate member id 'm-q' (first at rows[2])"])
    }

    /// Replacing: the file's records alone, counted against what is stored, with what is removed.
    @Test func replacingCountsWhatItRemoves() {
        let incoming = IncomingCommunity(
            members: [IncomingRecord(Member(id: "m-a", offers: ["gardening"]), list: "members", index: 0)],
            activities: [IncomingRecord(Activity(id: "a-3", name: "Yoga"), list: "activities", index: 0)],
            exchanges: [IncomingRecord(Exchange(giver: "m-a", receiver: "m-b", hours: 2), list: "exchanges", index: 0)])
        let changes = CommunityMerge.merge(incoming, into: base, mode: .replace)
        #expect(changes.community.members.map(\.id) == ["m-a"])
        #expect(changes[.members] == KindCounts(unchanged: 1, removed: 1))
        #expect(changes[.activities] == KindCounts(added: 1, removed: 2))
        #expect(changes[.exchanges] == KindCounts(removed: 2), "its exchange names m-b, who is not in the file")
        #expect(changes[.attendance] == KindCounts(removed: 1))
        #expect(
            changes.removes && changes.removed == RecordCounts(members: 1, activities: 2, exchanges: 2, attendance: 1))
        #expect(changes.skipped.map(\.fullPath) == ["exchanges[0].receiver"])
    }

    @Test func reasonsAreGroupedWithoutTheirValues() {
        let reasons = [
            "unknown member id 'm-99'", "birthYear 1800 is out of range; expected 1900 to 2100",
            "end 12:00 is not after start 14:00", "'Mun' is not a day",
        ]
        #expect(
            reasons.map { SkippedRecord(kind: nil, path: nil, reason: $0).group } == [
                "unknown member id", "birthYear is out of range", "end is not after start", "is not a day",
            ])
    }
}
