import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// `stitch import` of the files coordinators and link workers already have, run as they would:
/// a TimeOverflow export, a link worker's activity sheet, a volunteer sheet with its own columns,
/// and postcodes in place of coordinates.
@Suite("stitch import of real exports and sheets")
struct RealExportImportTests {
    static func example(_ name: String) -> String { Fixtures.dataURL("examples/\(name)").path }

    @Test func aTimeOverflowExportImportsAndWhoCanHelpFindsTheMemberWhoseOfferMatches() throws {
        let store = try TemporaryStore()
        let r = try CommandRunner().run(["import", Self.example("timeoverflow"), "--db", store.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(timeoverflow): 20 rows, 5 members, 3 exchanges read"), "\(r.stdout)")
        #expect(r.stdout.contains("members: 5 added"), "\(r.stdout)")
        #expect(r.stdout.contains("exchanges: 3 added"), "\(r.stdout)")
        #expect(
            r.stderr.contains(
                "transfers[4].from: 'Lee Time Bank' is not a member (the time bank's own account, or a user no longer active)"
            ))

        let stored = try store.open().load()
        #expect(stored.members.map(\.id) == ["to-1", "to-2", "to-3", "to-4", "to-5"])
        let jean = try #require(stored.members.first { $0.id == "to-5" })
        #expect(jean.name == "Jean Baptiste" && jean.needs == ["gardening", "Someone to tidy my back garden"])
        let maggie = try #require(stored.members.first { $0.id == "to-1" })
        #expect(maggie.offers == ["gardening", "weeding", "Help in your garden"])
        #expect(
            stored.members.first { $0.id == "to-2" }?.needs == [
                "video calls", "Help setting up video calls with my grandchildren",
            ])
        // From pays the time, To earned it: the giver is To.
        #expect(
            stored.exchanges.first
                == Exchange(
                    id: "to-x-20240403161209-2-1", giver: "to-1", receiver: "to-2", hours: 2,
                    skill: "Help in your garden",
                    date: CalendarDate(year: 2024, month: 4, day: 3)))
        #expect(stored.exchanges.map(\.hours) == [2, 1.5, 0.75])

        // The broker's question for Jean's inquiry finds Maggie, whose offer matches it.
        let answer = try CommandRunner().run([
            "who-can-help", "--db", store.path, "--requester", "to-5", "--skill", "gardening", "--json",
        ])
        #expect(answer.status == 0, "\(answer.stderr)")
        let ranking = try #require(try JSONSerialization.jsonObject(with: Data(answer.stdout.utf8)) as? [String: Any])
        let matches = try #require(ranking["matches"] as? [[String: Any]])
        #expect(matches.first?["id"] as? String == "to-1")

        // The same export again changes nothing: members and exchanges are updated by id, not repeated.
        let again = try CommandRunner().run(["import", Self.example("timeoverflow"), "--db", store.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("members: 5 unchanged"), "\(again.stdout)")
        #expect(again.stdout.contains("exchanges: 3 unchanged"), "\(again.stdout)")
        #expect(try store.open().load() == stored)
    }

    @Test func oneTimeOverflowReportAloneNeedsItsUsersReport() throws {
        let store = try TemporaryStore()
        let offers = Self.example("timeoverflow/Offers_2026-03-02.csv")
        let r = try CommandRunner().run(["import", offers, "--db", store.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no users report was given (only offers)"), "\(r.stderr)")
        // The users report alone is members.
        let users = try CommandRunner().run([
            "import", Self.example("timeoverflow/Members_2026-03-02.csv"), "--db", store.path,
        ])
        #expect(users.status == 0, "\(users.stderr)")
        #expect(users.stdout.contains("(timeoverflow): 5 rows, 5 members read"), "\(users.stdout)")
    }

    @Test func aLinkWorkersActivitySheetImportsEveryRow() throws {
        let store = try TemporaryStore()
        let r = try CommandRunner().run([
            "import", Self.example("link-worker-activities.csv"), "--db", store.path, "--postcodes",
            Self.example("postcodes.csv"),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(csv-activities): 6 rows, 6 activities read"), "\(r.stdout)")
        #expect(!r.stdout.contains("Skipped"))
        let stored = try store.open().load()
        #expect(stored.activities.map(\.id) == ["a-lunch", "a-walk", "a-knit", "a-garden", "a-chair", "a-men"])
        let byID = Dictionary(uniqueKeysWithValues: stored.activities.map { ($0.id, $0) })

        let lunch = try #require(byID["a-lunch"])
        #expect(lunch.schedule == [Slot(.tue, "12:30", "14:00")!])
        #expect(lunch.cost == 2 && lunch.access == [.stepFree, .accessibleToilet] && lunch.ageMin == 60)
        #expect(lunch.postcode == Postcode("SE13 6LH") && lunch.location == Location(lat: 51.45672, lon: -0.01109))
        #expect(byID["a-walk"]?.schedule == [Slot(.mon, "10:00", "11:00")!, Slot(.thu, "14:00", "15:00")!])
        #expect(byID["a-walk"]?.cost == 0 && byID["a-walk"]?.access == [.stepFree])
        #expect(byID["a-knit"]?.schedule == [Slot(.wed, "11:00", "13:00")!])
        #expect(byID["a-knit"]?.access == [.wheelchair, .hearingLoop] && byID["a-knit"]?.cost == 1.5)
        #expect(byID["a-garden"]?.schedule == [Slot(.sat, "10:00", "12:00")!, Slot(.wed, "14:00", "16:00")!])
        #expect(byID["a-garden"]?.cost == 0)
        #expect(byID["a-men"]?.schedule == [Slot(.mon, "10:00", "15:00")!, Slot(.thu, "10:00", "15:00")!])
        #expect(byID["a-men"]?.ageMin == 18 && byID["a-men"]?.access == [.groundFloor, .accessibleToilet])

        // An unreadable optional cell is reported with its row, column, value, reason and the
        // forms accepted, and left empty; the activity is kept.
        #expect(byID["a-chair"]?.schedule == [] && byID["a-chair"]?.cost == 3.5)
        #expect(
            r.stderr.contains(
                "rows[6].schedule: column 'Day and time': '2pm' has no end time; write a range, as '2pm-…'"),
            "\(r.stderr)")
        #expect(r.stderr.contains("accepted: days as mon…sun"))
        #expect(r.stderr.contains("the cell is left empty (record kept)"))
        // Costs read from words carry a note.
        #expect(r.stderr.contains("rows[2].cost: '£2 donation' read as £2.00, a donation (record kept)"))
        #expect(r.stderr.contains("rows[5].cost: 'donation' read as free (£0.00): a donation is asked, not a fee"))
        // A postcode the postcode file does not list: reported, the activity kept, its location unknown.
        #expect(byID["a-men"]?.location == nil && byID["a-men"]?.postcode == Postcode("SE6 9ZZ"))
        #expect(r.stderr.contains("rows[7].postcode: 'SE6 9ZZ' is not in postcodes.csv"))
    }

    @Test func aSheetWithItsOwnColumnsIsReadThroughAMappingFile() throws {
        let store = try TemporaryStore()
        let r = try CommandRunner().run([
            "import", Self.example("volunteers.csv"), "--map", Self.example("volunteers-map.json"), "--db", store.path,
            "--postcodes", Self.example("postcodes.csv"),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("(csv-members): 4 rows, 4 members read"), "\(r.stdout)")
        #expect(!r.stderr.contains("unknown column"), "\(r.stderr)")
        let stored = try store.open().load()
        let byID = Dictionary(uniqueKeysWithValues: stored.members.map { ($0.id, $0) })
        let grace = try #require(byID["V-101"])
        #expect(grace.name == "Grace Adeyemi" && grace.offers == ["gardening", "befriending"])
        #expect(grace.availability == [Slot(.mon, "10:00", "12:00")!, Slot(.wed, "14:00", "16:00")!])
        #expect(grace.dbsChecked && !grace.homeVisits && grace.active)
        #expect(grace.location == Location(lat: 51.45672, lon: -0.01109))
        #expect(byID["V-102"]?.homeVisits == true && byID["V-102"]?.dbsChecked == false)
        #expect(byID["V-102"]?.availability == [Slot(.thu, "18:00", "20:00")!])
        #expect(byID["V-103"]?.active == false && byID["V-103"]?.availability == [Slot(.sat, "10:00", "13:00")!])
        // The postcode file lists SE13 9ZX without coordinates (as the ONS does for some).
        #expect(byID["V-104"]?.location == nil)
        #expect(r.stderr.contains("rows[5].postcode: 'SE13 9ZX' has no coordinates in postcodes.csv"))
    }

    @Test func aBadMappingFileIsRefusedWithItsFields() throws {
        let store = try TemporaryStore()
        let map = try CommandRunner.temporaryFile(
            Data(#"{"columns": {"Full name": "fullname"}, "dayz": {}, "days": {"Lun": "moon"}}"#.utf8), name: "map.json"
        )
        let r = try CommandRunner().run(["import", Self.example("volunteers.csv"), "--map", map, "--db", store.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("dayz: is not a key of a mapping file"), "\(r.stderr)")
        #expect(r.stderr.contains("days.Lun: 'moon' is not a day"))
        let unknownTarget = try CommandRunner.temporaryFile(
            Data(#"{"kind": "members", "columns": {"Full name": "fullname"}}"#.utf8), name: "map.json")
        let t = try CommandRunner().run([
            "import", Self.example("volunteers.csv"), "--map", unknownTarget, "--db", store.path,
        ])
        #expect(t.status != 0)
        #expect(t.stderr.contains("'Full name' is mapped to 'fullname', which is not a column"), "\(t.stderr)")
        #expect(try store.open().load().members.isEmpty)
    }

    @Test func aCommunityFilesPostcodesAreLocated() throws {
        let store = try TemporaryStore()
        let community = try CommandRunner.temporaryFile(
            Data(
                #"""
                {"members": [{"id": "m-a", "postcode": "se4 1un"}, {"id": "m-b", "postcode": "SE1 7PB"},
                             {"id": "m-c", "postcode": "SE13 6LH", "location": {"lat": 51.5, "lon": 0}}],
                 "activities": [{"id": "a-1", "name": "Walk", "postcode": "SE12 0BB"}]}
                """#.utf8))
        let r = try CommandRunner().run([
            "import", community, "--db", store.path, "--postcodes", Self.example("postcodes.csv"),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("members[1].postcode: 'SE1 7PB' is not in postcodes.csv"), "\(r.stderr)")
        let stored = try store.open().load()
        #expect(
            stored.members.map(\.location) == [
                Location(lat: 51.46227, lon: -0.03547), nil, Location(lat: 51.5, lon: 0),
            ])
        #expect(stored.members.map(\.postcode) == [Postcode("SE4 1UN"), Postcode("SE1 7PB"), Postcode("SE13 6LH")])
        #expect(stored.activities.first?.location == Location(lat: 51.43124, lon: 0.02018))
    }

    @Test func aPostcodeFileWithoutCoordinatesIsRefused() throws {
        let store = try TemporaryStore()
        let grid = try CommandRunner.temporaryFile(
            Data("Postcode,Positional_quality_indicator,Eastings,Northings\nSE13 6LH,10,538123,175012\n".utf8),
            name: "codepoint.csv")
        let r = try CommandRunner().run([
            "import", Self.example("link-worker-activities.csv"), "--db", store.path, "--postcodes", grid,
        ])
        #expect(r.status != 0)
        #expect(r.stderr.contains("header: names no latitude and longitude columns"), "\(r.stderr)")
        #expect(r.stderr.contains("eastings and northings (as Code-Point Open gives) are not converted"))
    }

    @Test func pluralSkillsInASheetMatchTheTaxonomysSingular() throws {
        let store = try TemporaryStore()
        let csv = try CommandRunner.temporaryFile(
            Data("id,name,offers,needs\nm-a,Ada,Lunch Clubs; Knitting Circles,\nm-b,Bert,,company\n".utf8),
            name: "m.csv")
        let r = try CommandRunner().run(["import", csv, "--db", store.path])
        #expect(r.status == 0, "\(r.stderr)")
        for skill in ["lunch club", "knitting"] {
            let answer = try CommandRunner().run([
                "who-can-help", "--db", store.path, "--requester", "m-b", "--skill", skill, "--json",
            ])
            #expect(answer.status == 0, "\(answer.stderr)")
            let ranking = try #require(
                try JSONSerialization.jsonObject(with: Data(answer.stdout.utf8)) as? [String: Any])
            let ids = (ranking["matches"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids == ["m-a"], "\(skill): \(answer.stdout)")
        }
    }
}
