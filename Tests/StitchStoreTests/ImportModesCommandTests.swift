import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// `stitch import` adds to what is stored, writes nothing it cannot keep, and says so.
@Suite("stitch import adds, replaces only when told, and says what it did")
struct ImportModesCommandTests {
    /// A database holding two members, an activity and an exchange.
    func storeWithMembers() throws -> TemporaryStore {
        let file = try TemporaryStore()
        let community = try CommandRunner.temporaryFile(
            Data(
                #"""
                {"members": [{"id": "m-a", "offers": ["gardening"]}, {"id": "m-b", "needs": ["gardening"]}],
                 "activities": [{"id": "a-1", "name": "Walk"}],
                 "exchanges": [{"id": "x-1", "giver": "m-a", "receiver": "m-b", "hours": 1}]}
                """#.utf8))
        let r = try CommandRunner().run(["import", community, "--db", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        return file
    }

    /// A file of exchanges and attendance goes into a database holding their members; one naming
    /// nobody known is skipped, with the reason counted; the same file again changes nothing.
    @Test func aFileOfExchangesAloneIsAdded() throws {
        let file = try storeWithMembers()
        let exchanges = try CommandRunner.temporaryFile(
            Data(
                #"""
                {"exchanges": [{"giver": "m-b", "receiver": "m-a", "hours": 2},
                               {"id": "x-1", "giver": "m-a", "receiver": "m-b", "hours": 1},
                               {"giver": "m-nobody", "receiver": "m-a", "hours": 1}],
                 "attendance": [{"member": "m-b", "activity": "a-1", "date": "2026-03-01"}]}
                """#.utf8))
        let r = try CommandRunner().run(["import", exchanges, "--db", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("exchanges: 1 added, 1 unchanged"), "\(r.stdout)")
        #expect(r.stdout.contains("Added 2, updated 0, unchanged 1, skipped 1: unknown member id (1)"), "\(r.stdout)")
        #expect(r.stderr.contains("exchanges[2].giver: unknown member id 'm-nobody'"))
        let stored = try file.open().load()
        #expect(stored.members.map(\.id) == ["m-a", "m-b"])
        #expect(stored.exchanges.count == 2 && stored.attendance.count == 1)

        let again = try CommandRunner().run(["import", exchanges, "--db", file.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Added 0, updated 0, unchanged 3"), "\(again.stdout)")
        #expect(try file.open().load() == stored, "nothing is stored twice")
    }

    /// A member and an activity already stored are updated in place, a new one added.
    @Test func aCommunityFileUpdatesAndAddsByID() throws {
        let file = try storeWithMembers()
        let more = try CommandRunner.temporaryFile(
            Data(#"{"members": [{"id": "m-a", "offers": ["cooking"]}, {"id": "m-c", "avoid": ["m-b"]}]}"#.utf8))
        let r = try CommandRunner().run(["import", more, "--db", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("members: 1 added, 1 updated"), "\(r.stdout)")
        let stored = try file.open().load()
        #expect(stored.members.map(\.id) == ["m-a", "m-b", "m-c"])
        #expect(stored.members[0].offers == ["cooking"] && stored.exchanges.count == 1 && stored.activities.count == 1)
    }

    /// A missing or unreadable file, or one whose every record is skipped, exits non-zero and
    /// leaves no database behind.
    @Test func nothingIsWrittenBeforeTheInputIsKnownGood() throws {
        let folder = try TemporaryStore()
        let missing = try CommandRunner().run(["import", folder.folder.path + "/absent.json", "--db", folder.path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot read"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path), "no empty database is left behind")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "-lock"))

        let bad = try CommandRunner.temporaryFile(
            Data("id,name,avoid\nm-a,Ada,m-nobody\nm-b,Bo,m-nobody2\n".utf8), name: "members.csv")
        let skipped = try CommandRunner().run(["import", bad, "--db", folder.path])
        #expect(skipped.status != 0, "nothing stored is a failure: \(skipped.stdout)")
        #expect(skipped.stdout.contains("skipped 2"), "\(skipped.stdout)")
        #expect(skipped.stderr.contains("nothing from \(bad) was stored"), "\(skipped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))

        let exchangesOnly = try CommandRunner.temporaryFile(
            Data(#"{"exchanges": [{"giver": "m-a", "receiver": "m-b", "hours": 1}]}"#.utf8))
        let orphans = try CommandRunner().run(["import", exchangesOnly, "--db", folder.path])
        #expect(orphans.status != 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    /// `--dry-run` reports what would change and writes nothing, to a new database or a stored one.
    @Test func aDryRunWritesNothing() throws {
        let fresh = try TemporaryStore()
        let lewisham = Fixtures.dataURL("lewisham.json").path
        let new = try CommandRunner().run(["import", lewisham, "--db", fresh.path, "--dry-run"])
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout.contains("members: \(try Fixtures.lewisham.members.count) added"), "\(new.stdout)")
        #expect(new.stdout.contains("Dry run: nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: fresh.path))

        let file = try storeWithMembers()
        let before = try file.open().load()
        let csv = try CommandRunner.temporaryFile(
            Data("id,name,offers\nm-a,Ada,cooking\nm-b,,\nm-d,Di,\nm-e,Ed,\n".utf8), name: "members.csv")
        let dry = try CommandRunner().run(["import", csv, "--db", file.path, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("members: 2 added, 2 updated"), "\(dry.stdout)")
        #expect(try file.open().load() == before)
        let replace = try CommandRunner().run(["import", csv, "--db", file.path, "--dry-run", "--replace"])
        #expect(replace.status == 0, "\(replace.stderr)")
        #expect(
            replace.stdout.contains("removes 0 members, 1 activity, 1 exchange, 0 attendance"), "\(replace.stdout)")
        #expect(try file.open().load() == before)
    }
}
