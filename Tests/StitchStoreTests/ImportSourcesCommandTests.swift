import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// `stitch import` of CSV, Open Referral and OpenActive files, run as a person would: the
/// records are added to (or update) the stored community, and the rest of it stays.
@Suite("stitch import of CSV, Open Referral and OpenActive files")
struct ImportSourcesCommandTests {
    /// A database holding a small community with an exchange and an attendance.
    func storeWithCommunity() throws -> TemporaryStore {
        let file = try TemporaryStore()
        let community = try CommandRunner.temporaryFile(
            Data(
                #"""
                {"members": [{"id": "m-a", "offers": ["gardening"]}, {"id": "m-b"}],
                 "activities": [{"id": "a-1", "name": "Walk", "capacity": 10, "enrolled": 1}],
                 "exchanges": [{"giver": "m-a", "receiver": "m-b", "hours": 2}],
                 "attendance": [{"member": "m-b", "activity": "a-1"}]}
                """#.utf8))
        let r = try CommandRunner().run(["import", community, "--db", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        return file
    }

    @Test func csvMembersAreUpsertedAndTheRestOfTheCommunityStays() throws {
        let file = try storeWithCommunity()
        let csv = try CommandRunner.temporaryFile(
            Data(
                """
                ID,Name,Skills,Availability,Lat,Lon,Avoid,Shoe size
                m-a,Ada,cooking; lifts,Mon 10:00-12:00; Wed 14:00-16:00,51.45,-0.02,,9
                m-c,Cy,,Tue 09:00-10:00,,,m-a,8
                m-d,Di,,Mun 10:00-12:00,,,,7
                m-e,Ed,,,,,m-nobody,6

                """.utf8), name: "members.csv")
        let r = try CommandRunner().run(["import", csv, "--db", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(csv-members): 4 rows, 4 members read"), "\(r.stdout)")
        #expect(r.stdout.contains("members: 2 added, 1 updated"), "\(r.stdout)")
        #expect(r.stdout.contains("Added 2, updated 1, unchanged 0, skipped 1: unknown member id (1)"), "\(r.stdout)")
        #expect(r.stdout.contains("Stored in \(file.path): 4 members, 1 activity, 1 exchange, 1 attendance"))
        #expect(r.stderr.contains("header: unknown column 'Shoe size' ignored"))
        // A bad day costs the cell, not the member; an unknown member to avoid costs the member.
        #expect(r.stderr.contains("rows[4].availability: 'Mun' is not a day or a time (did you mean 'mon'?); accepted:"))
        #expect(r.stderr.contains("the cell is left empty (record kept)"))
        #expect(r.stderr.contains("rows[5].avoid[0]: unknown member id 'm-nobody'"))
        let stored = try file.open().load()
        #expect(stored.members.map(\.id) == ["m-a", "m-b", "m-c", "m-d"])
        #expect(stored.members[3].availability.isEmpty)
        #expect(stored.members[0].offers == ["cooking", "lifts"])
        #expect(stored.members[0].availability == [Slot(.mon, "10:00", "12:00")!, Slot(.wed, "14:00", "16:00")!])
        #expect(stored.members[2].avoid == ["m-a"])
        #expect(stored.exchanges == [Exchange(giver: "m-a", receiver: "m-b", hours: 2)])
        #expect(stored.attendance == [Attendance(member: "m-b", activity: "a-1")])
    }

    @Test func csvActivitiesGoIntoAnEmptyDatabase() throws {
        let file = try TemporaryStore()
        let csv = try CommandRunner.temporaryFile(
            Data(
                """
                id,name,topics,wellbeing,schedule,lat,lon,capacity,enrolled,access,cost
                a-walk,Health walk,walking,Be Active,Tue 10:00-11:30,51.45,-0.01,20,4,wheelchair,£2
                a-choir,Choir,singing,connect,Thu 14:00-12:00,51.46,-0.02,,,,
                a-choir,Choir again,singing,connect,Thu 14:00-15:00,51.46,-0.02,,,,

                """.utf8), name: "activities.csv")
        let r = try CommandRunner().run(["import", csv, "--db", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(csv-activities): 3 rows, 2 activities read"), "\(r.stdout)")
        #expect(r.stderr.contains("rows[3].schedule: '14:00-12:00' ends at 12:00 but starts at 14:00"))
        #expect(r.stderr.contains("rows[4].id: duplicate id 'a-choir' (first on row 3)"))
        let stored = try file.open().load()
        #expect(stored.activities.map(\.id) == ["a-walk", "a-choir"])
        #expect(stored.activities[0].access == [.wheelchair] && stored.activities[0].cost == 2)
        #expect(stored.activities[1].name == "Choir" && stored.activities[1].schedule.isEmpty)
    }

    /// Each importer's descriptions are stored and come back from the database as read.
    @Test func importedDescriptionsAreStored() throws {
        let file = try TemporaryStore()
        let csv = try CommandRunner.temporaryFile(
            Data(
                """
                id,name,description
                a-walk,Health walk,"A gentle walk round the park,
                  then tea at the café 🫖 (\\ ""quoted"" / slashed)."

                """.utf8), name: "activities.csv")
        let r = try CommandRunner().run(["import", csv, "--db", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let service = Fixtures.dataURL("openreferral/service_full.json").path
        #expect(try CommandRunner().run(["import", service, "--db", file.path]).status == 0)
        let newham = Fixtures.dataURL("openactive/newham_20200102.json").path
        #expect(try CommandRunner().run(["import", newham, "--db", file.path, "--source", "Active Newham"]).status == 0)
        let stored = try file.open().load().activities
        let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.description) })
        #expect(byID["a-walk"] == #"A gentle walk round the park, then tea at the café 🫖 (\ "quoted" / slashed)."#)
        #expect(
            byID["oruk-ac148810-d857-441c-9679-408f346de14b"]??.hasPrefix(
                "Counselling Services provided by trained professionals. Suitable") == true)
        #expect(
            byID["oa-active-newham-new-crossfit-open-box"]
                == "CrossFit is a training program that builds strength and conditioning through varied and "
                + "challenging workouts.")
    }

    @Test func theOpenReferralExampleServiceIsAddedAsAnActivity() throws {
        let file = try storeWithCommunity()
        let service = Fixtures.dataURL("openreferral/service_full.json").path
        let r = try CommandRunner().run(["import", service, "--db", file.path, "--as-of", "2004-06-01"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(openreferral): 1 record, 1 activity read"), "\(r.stdout)")
        #expect(r.stdout.contains("activities: 1 added"), "\(r.stdout)")
        #expect(
            r.stderr.contains(
                "$[0].service_at_locations[0].location.latitude: latitude 100.0 is outside -90...90; left out (record kept)"
            ))
        let stored = try file.open().load()
        #expect(stored.activities.map(\.id) == ["a-1", "oruk-ac148810-d857-441c-9679-408f346de14b"])
        let counselling = stored.activities[1]
        #expect(counselling.schedule == [Slot(.thu, "10:00", "18:00")!, Slot(.fri, "10:00", "18:00")!])
        #expect(counselling.access == [.wheelchair, .hearingLoop])
        #expect(counselling.attribution == "Example Organization Inc. via Open Referral UK, CC BY-SA 4.0")
        #expect(stored.exchanges.count == 1 && stored.attendance.count == 1)

        // Read again (as of today the example's 2005 schedule has ended): the same id is updated.
        let again = try CommandRunner().run(["import", service, "--db", file.path, "--source", "MyCity Directory"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("activities: 1 updated"), "\(again.stdout)")
        let updated = try file.open().load().activities[1]
        #expect(updated.schedule.isEmpty)
        #expect(updated.attribution == "MyCity Directory via Open Referral UK, CC BY-SA 4.0")
    }

    @Test func anOpenReferralPageAndAnOpenActivePageAreToldApartByTheirContent() throws {
        let file = try TemporaryStore()
        let page = try CommandRunner.temporaryFile(
            Data(
                #"""
                {"total_items": 1, "page_number": 1, "contents": [
                  {"id": "svc-1", "name": "Lunch club", "status": "active",
                   "schedules": [{"id": "s", "freq": "WEEKLY", "byday": "WE", "opens_at": "12:00", "closes_at": "14:00"}],
                   "service_at_locations": [{"id": "sl", "location": {"id": "l", "location_type": "physical",
                     "latitude": 51.46, "longitude": -0.01}}]}]}
                """#.utf8), name: "page.json")
        let r = try CommandRunner().run(["import", page, "--db", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(openreferral)"), "\(r.stdout)")
        #expect(try file.open().load().activities.first?.wellbeing == [.connect])

        let newham = Fixtures.dataURL("openactive/newham_20200102.json").path
        let noSource = try CommandRunner().run(["import", newham, "--db", file.path])
        #expect(noSource.status != 0)
        #expect(noSource.stderr.contains("--source"), "\(noSource.stderr)")
        let oa = try CommandRunner().run(["import", newham, "--db", file.path, "--source", "Active Newham"])
        #expect(oa.status == 0, "\(oa.stderr)")
        #expect(oa.stdout.contains("(openactive): 269 records"), "\(oa.stdout)")
        let stored = try file.open().load()
        #expect(stored.activities.count > 1)
        #expect(
            stored.activities.dropFirst().allSatisfy { $0.attribution?.hasSuffix("via OpenActive, CC BY 4.0") == true })
    }

    @Test func unusableFilesAndOptionsStopTheImportAndStoreNothing() throws {
        let file = try storeWithCommunity()
        let before = try file.open().load()
        let noColumns = try CommandRunner.temporaryFile(Data("name,offers\nAda,cooking\n".utf8), name: "people.csv")
        let missing = try CommandRunner().run(["import", noColumns, "--db", file.path, "--format", "csv-members"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("header: the required column 'id' is missing"), "\(missing.stderr)")
        let either = try CommandRunner.temporaryFile(Data("id,name\nx-1,Ada\n".utf8), name: "either.csv")
        let unclear = try CommandRunner().run(["import", either, "--db", file.path])
        #expect(unclear.status != 0)
        #expect(unclear.stderr.contains("pass --format"), "\(unclear.stderr)")
        let latin1 = try CommandRunner.temporaryFile(Data("id,name\nm-z,Jos".utf8) + Data([0xE9, 0x0A]), name: "m.csv")
        let encoding = try CommandRunner().run(["import", latin1, "--db", file.path, "--format", "csv-members"])
        #expect(encoding.status != 0)
        #expect(encoding.stderr.contains("is not UTF-8 text"), "\(encoding.stderr)")
        let members = try CommandRunner.temporaryFile(Data("id\nm-z\n".utf8), name: "ok.csv")
        let replace = try CommandRunner().run([
            "import", members, "--db", file.path, "--format", "csv-members", "--replace",
        ])
        #expect(replace.status != 0)
        #expect(replace.stderr.contains("--replace would remove 2 members, 1 activity"), "\(replace.stderr)")
        #expect(try file.open().load() == before)
    }
}
