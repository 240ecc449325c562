import Foundation
import StitchImport
import StitchModel
import Testing

@Suite("OpenActive feeds as published")
struct OpenActiveFeedReaderTests {
    let reader = OpenActiveFeedReader()

    @Test func activeNewhamFeedBecomesWeeklyActivities() throws {
        let result = reader.read(try RepositoryFiles.data(RepositoryFiles.newham), source: "Active Newham")
        #expect(result.itemCount == 269)
        #expect(result.deletedCount == 71)
        // 198 live sessions, of which 5 (Tony Carr gym) have null coordinates.
        #expect(result.sessionCount == 193)
        #expect(result.skippedRecords.count == 5)
        #expect(result.skippedRecords.allSatisfy { $0.field == "data.location.geo.latitude" })
        // Newham appends the day and time to session names; without them, 193 sessions are 84 series.
        #expect(result.activities.count == 84)
        let crossfit = try #require(result.activities.first { $0.id == "oa-active-newham-new-crossfit-session" })
        #expect(crossfit.schedule.count >= 4, "one series, several weekly slots: \(crossfit.schedule)")
        let lastWords = result.activities.map { $0.name.split(separator: " ").last!.lowercased() }
        #expect(
            !lastWords.contains { $0.first!.isNumber && ($0.hasSuffix("am") || $0.hasSuffix("pm")) }, "no times left")
        #expect(result.licence == "CC BY 4.0")
    }

    @Test func everyoneActiveFeedBecomesWeeklyActivities() throws {
        let result = reader.read(try RepositoryFiles.data(RepositoryFiles.everyoneActive), source: "Everyone Active")
        #expect(result.itemCount == 500)
        #expect(result.deletedCount == 250)
        #expect(result.skippedRecords.count == 4)  // Camberwell (3) and Cambourne (1) have no geo
        #expect(result.sessionCount == 246)
        #expect((100...130).contains(result.activities.count))
        #expect(result.activities.allSatisfy { $0.organisation == "Everyone Active" })
    }

    @Test(arguments: [(RepositoryFiles.newham, "Active Newham"), (RepositoryFiles.everyoneActive, "Everyone Active")])
    func everyActivityIsSound(path: String, source: String) throws {
        let result = reader.read(try RepositoryFiles.data(path), source: source)
        #expect(Set(result.activities.map(\.id)).count == result.activities.count)
        for activity in result.activities {
            #expect(activity.id.hasPrefix("oa-"))
            #expect(!activity.schedule.isEmpty)
            #expect(activity.schedule.allSatisfy { $0.start < $0.end })
            let location = try #require(activity.location)
            #expect((49.8...58.7).contains(location.lat) && (-6.5...1.8).contains(location.lon), "in Great Britain")
            #expect(!activity.topics.isEmpty)
            #expect(activity.wellbeing.contains(.beActive))
            #expect(activity.attribution == "\(source) via OpenActive, CC BY 4.0")
            if let capacity = activity.capacity { #expect(activity.enrolled <= capacity) }
        }
        let community = Community(activities: result.activities)
        #expect(community.validationErrors().isEmpty)
    }

    @Test func knownNewhamSessionFieldByField() throws {
        let result = reader.read(try RepositoryFiles.data(RepositoryFiles.newham), source: "Active Newham")
        let crossfit = try #require(result.activities.first { $0.id == "oa-active-newham-new-crossfit-open-box" })
        #expect(crossfit.name == "Crossfit Open Box at Newham Leisure Centre")
        #expect(crossfit.organisation == "Active Newham")
        #expect(crossfit.topics == ["crossfit"])
        #expect(crossfit.wellbeing == [.connect, .beActive])
        // 2020-01-06T17:00Z–17:30Z is a Monday, GMT in January.
        #expect(crossfit.schedule == [Slot(.mon, "17:00", "17:30")!])
        #expect(crossfit.location == Location(lat: 51.51872, lon: 0.036202))
        #expect(crossfit.online == false)
        #expect(crossfit.capacity == nil)
        #expect(crossfit.enrolled == 0)
        #expect(crossfit.cost == 0)
        #expect(crossfit.ageMin == nil && crossfit.ageMax == nil)
        #expect(crossfit.groups == ["active-newham"])
        #expect(crossfit.attribution == "Active Newham via OpenActive, CC BY 4.0")
    }

    @Test func knownEveryoneActiveSeriesMergesItsSessions() throws {
        let result = reader.read(try RepositoryFiles.data(RepositoryFiles.everyoneActive), source: "Everyone Active")
        // Two records at Meadowside Leisure Centre, each with occurrences on 6 and 13 January.
        let pump = try #require(result.activities.first { $0.id == "oa-everyone-active-0205-virtual-bodypump" })
        #expect(pump.name == "Virtual BODYPUMP at Meadowside Leisure Centre")
        #expect(pump.topics == ["bodypump"])
        // Ends published as 07:59:59 and 21:44:59 round to the minute.
        #expect(pump.schedule == [Slot(.mon, "07:15", "08:00")!, Slot(.mon, "20:45", "21:45")!])
        #expect(pump.capacity == 20)
        #expect(pump.enrolled == 0)
        #expect(pump.cost == 3.0)
        #expect(pump.ageMin == 16 && pump.ageMax == nil)
        #expect(pump.location == Location(lat: 52.80489, lon: -1.62788))
    }

    @Test func deletedItemsAreSkipped() throws {
        let data = try RepositoryFiles.data(RepositoryFiles.newham)
        let result = reader.read(data, source: "Active Newham")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        let deleted = Set(items.filter { $0["state"] as? String == "deleted" }.compactMap { $0["id"] as? String })
        #expect(deleted.count == 71)
        let skippedIDs = Set(result.issues.compactMap(\.id))
        #expect(skippedIDs.isDisjoint(with: deleted), "deleted items are not issues either")
        #expect(result.sessionCount + result.skippedRecords.count + result.deletedCount == result.itemCount)
    }

    @Test func everyFeedTopicIsInTheTaxonomy() throws {
        let taxonomy = try RepositoryFiles.taxonomy()
        var known = Set<String>()
        for entry in taxonomy.skills {
            known.insert(SkillTaxonomy.normalise(entry.id))
            for synonym in entry.synonyms { known.insert(SkillTaxonomy.normalise(synonym)) }
        }
        for (path, source) in [
            (RepositoryFiles.newham, "Active Newham"), (RepositoryFiles.everyoneActive, "Everyone Active"),
        ] {
            let result = reader.read(try RepositoryFiles.data(path), source: source)
            let topics = Set(result.activities.flatMap(\.topics))
            #expect(
                topics.subtracting(known).isEmpty,
                "topics the taxonomy does not know: \(topics.subtracting(known).sorted())")
        }
    }
}
