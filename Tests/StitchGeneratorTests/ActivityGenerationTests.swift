import Foundation
import StitchGenerator
import StitchModel
import Testing

@Suite("Generated activities")
struct ActivityGenerationTests {
    @Test func activitiesAreRealisticAndVaried() throws {
        let activities = try Fixtures.medium().activities
        #expect(activities.count == 250)
        for activity in activities {
            #expect((1...2).contains(activity.schedule.count))
            #expect(!activity.topics.isEmpty && !activity.wellbeing.isEmpty && activity.groups.count == 1)
            let capacity = try #require(activity.capacity)
            #expect((8...30).contains(capacity) && activity.enrolled <= capacity)
            #expect(activity.online == (activity.location == nil))
            if let location = activity.location { #expect(Fixtures.km(location, Fixtures.lewishamCentre) < 8) }
            #expect(activity.organisation != nil && activity.attribution == nil)
        }
        #expect((0.03...0.2).contains(Fixtures.share(activities, \.online)))
        let inPerson = activities.filter { !$0.online }
        #expect(Fixtures.share(inPerson) { $0.access.contains(.stepFree) } > 0.6)
        #expect(
            inPerson.contains { !$0.access.contains(.stepFree) && !$0.access.contains(.wheelchair) },
            "some are not step-free")
        #expect(activities.contains { $0.enrolled == $0.capacity }, "some are full")
        #expect(Fixtures.share(activities) { ($0.cost ?? 0) == 0 } > 0.6)
        #expect(Fixtures.share(activities, \.buddyWelcome) > 0.8)
        #expect(activities.contains { $0.ageMin == 55 } || activities.contains { $0.ageMin == 60 })
        #expect(activities.contains { $0.ageMin == 18 })
        #expect(Set(activities.map { $0.name.split(separator: " ").suffix(2).joined() }).count > 30, "many kinds")
        // A few kinds carry a directory's description; each is within the model's bounds.
        let walk = try #require(activities.first { $0.name.contains("Health Walk") })
        #expect(walk.description?.hasPrefix("A free, gentle walk") == true)
        #expect(activities.contains { $0.description == nil })
        #expect(activities.allSatisfy { $0.boundErrors().isEmpty })
    }

    @Test func smallCommunitiesStillGetEveryKind() throws {
        // The first activities cycle through every kind once, so 48 activities cover all 48 kinds.
        let activities = CommunityGenerator(
            configuration: .init(members: 300, activities: 48), taxonomy: try Fixtures.taxonomy()
        )
        .generate().activities
        let kinds = Set(
            activities.map { $0.name.replacingOccurrences(of: " (online)", with: "") }
                .map { $0.components(separatedBy: " at ").first! })
        #expect(kinds.count >= 40)
        for staple in ["walking", "knitting", "choir", "lunch-club", "gardening", "toddler-group", "computer-help"] {
            #expect(activities.contains { $0.topics.contains(staple) }, "\(staple)")
        }
    }
}
