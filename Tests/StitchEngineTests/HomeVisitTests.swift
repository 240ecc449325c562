import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Who comes to the door: a person's preference for the helper's gender at home and for personal
/// help, and the home facts (pets, smoking) that rule out a helper's visit, each a hard
/// constraint counted in `excluded`, shown by `explain`, read from both sides (who can help and
/// where can I give) and kept current by upserts.
@Suite("Who comes to the door")
struct HomeVisitTests {
    static let here = Location(lat: 51.43, lon: -0.02)!
    static let taxonomy = SkillTaxonomy(skills: [
        SkillTaxonomy.Entry(id: "shopping", label: "Shopping"), SkillTaxonomy.Entry(id: "hairdressing", label: "Hairdressing"),
        SkillTaxonomy.Entry(id: "befriending", label: "Befriending", synonyms: ["home visiting"]),
    ])

    static func member(
        _ id: String, offers: [String] = [], needs: [String] = [], gender: Gender? = nil, helperGender: Gender? = nil,
        home: HomeFacts? = nil, limits: VisitLimits? = nil, housebound: Bool = false, lat: Double = 51.43
    ) -> Member {
        Member(
            id: id, offers: offers, needs: needs, location: Location(lat: lat, lon: -0.02)!, travelKm: 5, homeVisits: true,
            housebound: housebound, gender: gender, helperGender: helperGender, home: home, visitLimits: limits)
    }

    static func engine(_ members: [Member]) throws -> Engine {
        try Engine(community: Community(members: members), taxonomy: taxonomy)
    }

    /// Margaret asks for a woman and keeps a cat; the closest helper is a man, the next a woman
    /// allergic to cats, another has not said their gender.
    static let margaret = [
        member("m-margaret", needs: ["hairdressing"], gender: .woman, helperGender: .woman, home: HomeFacts(pets: [.cat])),
        member("m-winston", offers: ["hairdressing"], gender: .man, lat: 51.4301),
        member("m-priya", offers: ["hairdressing"], gender: .woman, limits: VisitLimits(allergies: [.cat]), lat: 51.4302),
        member("m-robin", offers: ["hairdressing"], lat: 51.4303),
        member("m-grace", offers: ["hairdressing"], gender: .woman, limits: VisitLimits(smokeFree: true), lat: 51.44),
    ]

    @Test func personalHelpKeepsToTheGenderAskedAndTheHomeFacts() throws {
        let engine = try Self.engine(Self.margaret)
        let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-margaret", skill: "hairdressing"))
        #expect(ranking.matches.map(\.id) == ["m-grace"])
        #expect(ranking.excluded[.gender] == 2)
        #expect(ranking.excluded[.home] == 1)
        #expect(ranking.matches[0].reasons.contains("A woman, as they asked"))

        let winston = try engine.explain(ExplainQuery(subject: .id("m-margaret"), candidate: "m-winston", skill: "hairdressing"))
        #expect(winston.excludedBy == [.gender])
        #expect(winston.constraints?.contains { $0.constraint == .gender && $0.detail == "Asked for a woman for home visits; this helper is a man" } == true)
        let robin = try engine.explain(ExplainQuery(subject: .id("m-margaret"), candidate: "m-robin", skill: "hairdressing"))
        #expect(robin.constraints?.contains { $0.constraint == .gender && $0.detail == "They asked for a woman; this helper's gender is not recorded" } == true)
        let priya = try engine.explain(ExplainQuery(subject: .id("m-margaret"), candidate: "m-priya", skill: "hairdressing"))
        #expect(priya.excludedBy == [.home])
        #expect(priya.constraints?.contains { $0.constraint == .home && $0.detail == "Allergic to cats; they have a cat at home" } == true)
        #expect(priya.reasons.first == "Excluded: \(ExclusionReason.home.explanation)")
    }

    @Test func theRuleAppliesOnlyAtHomeOrForPersonalHelp() throws {
        var people = Self.margaret
        for i in 1..<people.count { people[i].offers.append("shopping") }
        let engine = try Self.engine(people)
        // Shopping is neither personal help nor at home: everyone helps.
        let shopping = try engine.whoCanHelp(HelpRequest(requester: "m-margaret", skill: "shopping"))
        #expect(shopping.matches.count == 4)
        #expect(shopping.excluded[.gender] == 0 && shopping.excluded[.home] == 0)
        let detail = try engine.explain(ExplainQuery(subject: .id("m-margaret"), candidate: "m-winston", skill: "shopping"))
        #expect(detail.constraints?.contains { $0.constraint == .gender && $0.detail == "Not a home visit or personal help" } == true)
        // Shopping brought home: the rule applies.
        let atHome = try engine.whoCanHelp(HelpRequest(requester: "m-margaret", skill: "shopping", atHome: true))
        #expect(atHome.matches.map(\.id) == ["m-grace"])
        #expect(atHome.excluded[.gender] == 2 && atHome.excluded[.home] == 1)
        // A synonym of a personal-help skill counts as the skill.
        let visiting = try engine.whoCanHelp(HelpRequest(requester: "m-margaret", skill: "home visiting"))
        #expect(visiting.excluded[.gender] == 0, "nobody offers befriending")
    }

    @Test func aRequestsGenderOverridesTheRecordAndSmokingRulesOutSmokeFreeHelpers() throws {
        var people = Self.margaret
        people[0].home = HomeFacts(pets: [], smoking: true)
        let engine = try Self.engine(people)
        let man = try engine.whoCanHelp(HelpRequest(requester: "m-margaret", skill: "hairdressing", helperGender: .man))
        #expect(man.matches.map(\.id) == ["m-winston"])
        #expect(man.matches[0].reasons.contains("A man, as they asked"))
        let woman = try engine.whoCanHelp(HelpRequest(requester: "m-margaret", skill: "hairdressing"))
        // Priya's cat allergy no longer matters; Grace asks for smoke-free homes.
        #expect(woman.matches.map(\.id) == ["m-priya"])
        #expect(woman.excluded[.home] == 1)
        let grace = try engine.explain(ExplainQuery(subject: .id("m-margaret"), candidate: "m-grace", skill: "hairdressing"))
        #expect(grace.constraints?.contains { $0.constraint == .home && $0.detail == "Asks for smoke-free homes; someone smokes in their home" } == true)
    }

    @Test func withNoPreferenceNobodyIsExcludedForTheirGender() throws {
        var people = Self.margaret
        people[0].helperGender = nil
        people[0].home = nil
        let ranking = try Self.engine(people).whoCanHelp(HelpRequest(requester: "m-margaret", skill: "hairdressing"))
        #expect(ranking.matches.count == 4)
        #expect(ranking.excluded.total == 0)
        #expect(!ranking.matches.contains { $0.reasons.contains { $0.hasSuffix("as they asked") } })
    }

    @Test func theGiverSideKeepsTheSameRule() throws {
        let engine = try Self.engine(Self.margaret)
        let winston = try engine.opportunities(for: "m-winston")
        #expect(!winston.matches.contains { $0.id == "m-margaret" })
        #expect(winston.excluded[.gender] == 1)
        let priya = try engine.opportunities(for: "m-priya")
        #expect(!priya.matches.contains { $0.id == "m-margaret" })
        #expect(priya.excluded[.home] == 1)
        let grace = try engine.opportunities(for: "m-grace")
        let margaret = try #require(grace.matches.first { $0.id == "m-margaret" })
        #expect(margaret.reasons.contains("A woman, as they asked"))
    }

    @Test func upsertsKeepTheFactsCurrent() throws {
        var live = try LiveCommunity(community: Community(members: Self.margaret), taxonomy: Self.taxonomy)
        try live.apply(.upsertMember(Self.member("m-winston", offers: ["hairdressing"], gender: .woman, lat: 51.4301)))
        try live.apply(.upsertMember(Self.member("m-priya", offers: ["hairdressing"], gender: .woman, lat: 51.4302)))
        let ranking = try live.engine.whoCanHelp(HelpRequest(requester: "m-margaret", skill: "hairdressing"))
        #expect(ranking.matches.map(\.id) == ["m-winston", "m-priya", "m-grace"])
        try live.apply(.upsertMember(Self.member("m-margaret", needs: ["hairdressing"], helperGender: .man)))
        let after = try live.engine.whoCanHelp(HelpRequest(requester: "m-margaret", skill: "hairdressing"))
        #expect(after.matches.isEmpty)
        #expect(after.excluded[.gender] == 4)
    }

    @Test func recordsRefuseWordsOutsideTheVocabularyWithoutRepeatingThem() throws {
        for (json, path) in [
            (#"{"id":"m-1","gender":"lady"}"#, "gender"),
            (#"{"id":"m-1","helperGender":"female"}"#, "helperGender"),
            (#"{"id":"m-1","home":{"pets":["cat","ferret"]}}"#, "home.pets[1]"),
            (#"{"id":"m-1","visitLimits":{"allergies":["hamster"]}}"#, "visitLimits.allergies[0]"),
        ] {
            do {
                _ = try JSONDecoder().decode(Member.self, from: Data(json.utf8))
                Issue.record("\(json) was read")
            } catch let DecodingError.dataCorrupted(context) {
                let field = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().dropFirst()
                #expect(String(field) == path, "\(json)")
                #expect(context.debugDescription.contains("accepted"), "\(context.debugDescription)")
                for word in ["lady", "female", "ferret", "hamster"] { #expect(!context.debugDescription.contains(word)) }
            }
        }
        let unknownKey = #"{"id":"m-1","home":{"pets":["cat"],"smoker":true}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Member.self, from: Data(unknownKey.utf8)) }
        let request = #"{"requester":"m-1","skill":"hairdressing","helperGender":"any"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HelpRequest.self, from: Data(request.utf8)) }
    }

    @Test func recordsRoundTrip() throws {
        let member = Self.margaret[0]
        let again = try JSONDecoder().decode(Member.self, from: JSONEncoder().encode(member))
        #expect(again == member)
        let request = HelpRequest(requester: "m-margaret", skill: "hairdressing", helperGender: .nonBinary)
        let text = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
        #expect(text.contains(#""helperGender":"non-binary""#))
        #expect(try JSONDecoder().decode(HelpRequest.self, from: Data(text.utf8)) == request)
    }
}
