import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Languages, cost limits and DBS checks that expire: each a hard constraint counted in
/// `excluded` and shown by `explain`, language and cost a small part of a factor, each with its
/// reason, and each kept current by member and activity upserts.
@Suite("Languages, cost and DBS checks")
struct LanguageCostDBSTests {
    static let here = Location(lat: 51.43, lon: -0.02)!
    static let taxonomy = SkillTaxonomy(skills: [
        SkillTaxonomy.Entry(id: "shopping", label: "shopping"), SkillTaxonomy.Entry(id: "yoga", label: "yoga"),
    ])

    static func member(_ id: String, offers: [String] = [], languages: [String] = [], interpreter: Bool = false,
                       dbs: DBSCheck? = nil, dbsChecked: Bool = false, maxCost: Double? = nil, interests: [String] = []) -> Member {
        Member(
            id: id, offers: offers, interests: interests, location: here, travelKm: 5, homeVisits: true, languages: languages,
            dbsChecked: dbsChecked, interpreter: interpreter, maxCost: maxCost, dbs: dbs)
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func engine(_ members: [Member], activities: [Activity] = [], today: String = "2026-10-31") throws -> Engine {
        try Engine(
            community: Community(members: members, activities: activities), taxonomy: taxonomy,
            configuration: EngineConfiguration(referenceDate: date(today)))
    }

    // MARK: Languages

    @Test func aHelperSharingNoLanguageIsExcludedAndThePreferredOneCounts() throws {
        let engine = try Self.engine([
            Self.member("m-hodan", languages: ["so"]),
            Self.member("m-abdi", offers: ["shopping"], languages: ["so", "en"]),
            Self.member("m-gordon", offers: ["shopping"], languages: ["en"]),
            Self.member("m-unknown", offers: ["shopping"]),
        ])
        let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping"))
        #expect(ranking.matches.map(\.id).sorted() == ["m-abdi", "m-unknown"])
        #expect(ranking.excluded[.language] == 1)
        let abdi = try #require(ranking.matches.first { $0.id == "m-abdi" })
        #expect(abdi.reasons.contains("Speaks Somali"))
        #expect(abdi.factors.skill == 1)
        // Unknown languages stay neutral: the skill factor is kept whole, no reason given.
        let unknown = try #require(ranking.matches.first { $0.id == "m-unknown" })
        #expect(unknown.factors.skill == 1)
        #expect(!unknown.reasons.contains { $0.hasPrefix("Speaks") })

        let explained = try engine.explain(ExplainQuery(subject: .id("m-hodan"), candidate: "m-gordon", skill: "shopping"))
        #expect(explained.excludedBy == [.language])
        #expect(explained.constraints?.contains { $0.constraint == .language && $0.detail == "No language in common, and no interpreter asked for" } == true)
        #expect(explained.reasons.first == "Excluded: No language in common")
    }

    @Test func anInterpreterKeepsThePairAtASmallerShareOfSkill() throws {
        let people = [
            Self.member("m-hodan", languages: ["so"]), Self.member("m-gordon", offers: ["shopping"], languages: ["en"]),
        ]
        let asked = try Self.engine(people).whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping", interpreter: true))
        let gordon = try #require(asked.matches.first)
        #expect(gordon.id == "m-gordon")
        #expect(abs(gordon.factors.skill - 0.8) < 1e-12)
        #expect(gordon.reasons.contains("No language in common: book an interpreter"))
        // On the record instead of the request: the same.
        var withRecord = people
        withRecord[0].interpreter = true
        #expect(try Self.engine(withRecord).whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping")).matches.map(\.id) == ["m-gordon"])
    }

    @Test func aSharedLanguageThatIsNotThePreferredOneCountsLess() throws {
        let engine = try Self.engine([
            Self.member("m-hodan", languages: ["so", "en"]),
            Self.member("m-abdi", offers: ["shopping"], languages: ["SO"]),
            Self.member("m-gordon", offers: ["shopping"], languages: ["en"]),
        ])
        let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping"))
        #expect(ranking.matches.map(\.id) == ["m-abdi", "m-gordon"])
        #expect(abs(ranking.matches[1].factors.skill - 0.9) < 1e-12)
        // English is the community's language: sharing it is not worth a reason.
        #expect(!ranking.matches[1].reasons.contains { $0.hasPrefix("Speaks") })
    }

    @Test func anActivityHeldInAnotherLanguageIsNotReferredWithoutAnInterpreter() throws {
        let activities = [
            Activity(id: "a-somali", name: "Somali coffee", topics: ["yoga"], location: Self.here, cost: 0, languages: ["so"]),
            Activity(id: "a-english", name: "Yoga", topics: ["yoga"], location: Self.here, languages: ["en"]),
        ]
        let engine = try Self.engine([Self.member("m-hodan", languages: ["so"], interests: ["yoga"])], activities: activities)
        let ranking = try engine.refer(Referral(person: .id("m-hodan")), withBuddy: false)
        #expect(ranking.matches.map(\.id) == ["a-somali"])
        #expect(ranking.excluded[.language] == 1)
        #expect(ranking.matches[0].reasons.contains("Held in Somali"))
        let withInterpreter = try engine.refer(Referral(person: .id("m-hodan"), interpreter: true), withBuddy: false)
        #expect(withInterpreter.matches.map(\.id) == ["a-somali", "a-english"])
    }

    @Test func languageCodesAreRefusedWithTheFieldAndWhatToWrite() throws {
        let json = #"{"id": "m-1", "languages": ["en", "Somali"]}"#
        #expect {
            _ = try JSONDecoder().decode(Member.self, from: Data(json.utf8))
        } throws: { error in
            guard let e = error as? DecodingError else { return false }
            let v = ValidationError(e)
            return v.field == "languages[1]" && v.reason.contains("ISO 639-1") && v.reason.contains("\"so\"")
        }
    }

    // MARK: Cost

    @Test func aFreeOnlyPersonIsNotReferredToAPaidActivityAndCostIsASmallFactor() throws {
        let activities = [
            Activity(id: "a-paid", name: "Paid yoga", topics: ["yoga"], location: Self.here, cost: 6),
            Activity(id: "a-free", name: "Free yoga", topics: ["yoga"], location: Self.here, cost: 0),
            Activity(id: "a-unknown", name: "Yoga of unknown cost", topics: ["yoga"], location: Self.here),
        ]
        let engine = try Self.engine([Self.member("m-precious", maxCost: 0, interests: ["yoga"])], activities: activities)
        let ranking = try engine.refer(Referral(person: .id("m-precious")), withBuddy: false)
        #expect(ranking.matches.map(\.id) == ["a-free", "a-unknown"])
        #expect(ranking.excluded[.cost] == 1)
        #expect(ranking.matches[0].reasons.contains("Free"))
        let explained = try engine.explain(ExplainQuery(subject: .id("m-precious"), candidate: "a-paid"))
        #expect(explained.excludedBy == [.cost])
        #expect(explained.constraints?.contains { $0.constraint == .cost && $0.detail == "£6 a session; can pay up to £0" } == true)

        // The referral's limit wins over the person's own: the paid one is ranked, a little lower.
        let raised = try engine.refer(Referral(person: .id("m-precious"), maxCost: 10), withBuddy: false)
        let paid = try #require(raised.matches.first { $0.id == "a-paid" })
        let free = try #require(raised.matches.first { $0.id == "a-free" })
        #expect(abs(paid.factors.locality - free.factors.locality / (1 + 6.0 / 30)) < 1e-12)
        #expect(paid.score < free.score)
        #expect(paid.reasons.contains("£6 a session"))
    }

    // MARK: DBS checks

    @Test func anExpiredCheckFailsAndSaysWhen() throws {
        let engine = try Self.engine([
            Self.member("m-hodan"),
            Self.member("m-gordon", offers: ["shopping"], dbs: DBSCheck(checked: Self.date("2022-05-16"), level: .enhanced)),
            Self.member("m-abdi", offers: ["shopping"], dbs: DBSCheck(checked: Self.date("2025-02-03"), level: .enhanced)),
            Self.member("m-ifrah", offers: ["shopping"], dbs: DBSCheck(checked: Self.date("2021-04-12"), level: .standard, updateService: true)),
            Self.member("m-old", offers: ["shopping"], dbsChecked: true),
        ])
        let enhanced = try engine.whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping", requiresDBS: true))
        #expect(enhanced.matches.map(\.id).sorted() == ["m-abdi", "m-old"])
        #expect(enhanced.excluded[.dbs] == 2)
        // Explain asks for no check, but shows the one held, expired.
        let explained = try engine.explain(ExplainQuery(subject: .id("m-hodan"), candidate: "m-gordon", skill: "shopping"))
        #expect(explained.excludedBy == [])
        #expect(explained.constraints?.first { $0.constraint == .dbs }?.detail == "No DBS check required; DBS check expired on 2025-05-16")
        let abdiExplained = try engine.explain(ExplainQuery(subject: .id("m-hodan"), candidate: "m-abdi", skill: "shopping"))
        #expect(abdiExplained.constraints?.first { $0.constraint == .dbs }?.detail
            == "No DBS check required; Holds an enhanced DBS check of 2025-02-03, in date until 2028-02-02")
        let standard = try engine.whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping", dbsLevel: .standard))
        #expect(standard.matches.map(\.id).sorted() == ["m-abdi", "m-ifrah", "m-old"])
        // Judged on the day asked: the day before it expired, Gordon's check still counts.
        let before = try engine.whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping", requiresDBS: true, date: Self.date("2025-05-15")))
        #expect(before.matches.map(\.id).contains("m-gordon"))
        let on = try engine.whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping", requiresDBS: true, date: Self.date("2025-05-16")))
        #expect(!on.matches.map(\.id).contains("m-gordon"))
        #expect(enhanced.matches.first { $0.id == "m-abdi" }?.reasons.contains("Enhanced DBS checked") == true)
    }

    @Test func aCheckOfTwentyNinthFebruaryExpiresOnTheTwentyEighth() throws {
        #expect(DBSCheck(checked: Self.date("2024-02-29"), level: .basic).expiry(afterYears: 3) == Self.date("2027-02-28"))
        #expect(DBSCheck(checked: Self.date("2024-02-29"), level: .basic, updateService: true).expiry(afterYears: 3) == nil)
        let judge = try Self.engine([
            Self.member("m-hodan"),
            Self.member("m-gordon", offers: ["shopping"], dbs: DBSCheck(checked: Self.date("2022-05-16"), level: .enhanced)),
        ])
        var request = HelpRequest(requester: "m-hodan", skill: "shopping", requiresDBS: true)
        request.date = Self.date("2026-01-01")
        let ranking = try judge.whoCanHelp(request)
        #expect(ranking.excluded[.dbs] == 1)
        #expect(judge.dbsExpiring(on: Self.date("2026-01-01")).map(\.expires) == [Self.date("2025-05-16")])
    }

    @Test func expiringChecksAreListedSoonestFirst() throws {
        let engine = try Self.engine([
            Self.member("m-a", dbs: DBSCheck(checked: Self.date("2023-12-20"), level: .enhanced)),  // 20 Dec: within 30 days
            Self.member("m-b", dbs: DBSCheck(checked: Self.date("2022-05-16"), level: .basic)),  // expired
            Self.member("m-c", dbs: DBSCheck(checked: Self.date("2024-03-01"), level: .enhanced)),  // months away
            Self.member("m-d", dbs: DBSCheck(checked: Self.date("2023-12-10"), level: .enhanced, updateService: true)),
            Self.member("m-e", dbsChecked: true),
        ])
        let list = engine.dbsExpiring(on: Self.date("2026-12-07"), within: 30)
        #expect(list == [
            DBSExpiry(member: "m-b", expires: Self.date("2025-05-16"), level: .basic, expired: true),
            DBSExpiry(member: "m-a", expires: Self.date("2026-12-20"), level: .enhanced, expired: false),
        ])
    }

    @Test func checksAreReadInTheirNewAndOldFormsAndWrittenBackTheSame() throws {
        let new = #"{"id": "m-1", "dbs": {"checked": "2024-03-01", "level": "enhanced", "updateService": true}}"#
        let member = try JSONDecoder().decode(Member.self, from: Data(new.utf8))
        #expect(member.dbs == DBSCheck(checked: Self.date("2024-03-01"), level: .enhanced, updateService: true))
        #expect(try JSONDecoder().decode(Member.self, from: JSONEncoder().encode(member)) == member)
        let old = try JSONDecoder().decode(Member.self, from: Data(#"{"id": "m-1", "dbsChecked": true}"#.utf8))
        #expect(old.dbs == .legacy)
        let written = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        #expect(written.contains(#""dbsChecked":true"#) && !written.contains(#""dbs":"#))
        // Given both, `dbs` stands for the check, whatever the old flag says.
        for flag in [true, false] {
            let both = #"{"id": "m-1", "dbsChecked": \#(flag), "dbs": {"checked": "2024-03-01", "level": "basic"}}"#
            #expect(try JSONDecoder().decode(Member.self, from: Data(both.utf8)).dbs == DBSCheck(checked: Self.date("2024-03-01"), level: .basic))
        }
        for (json, field) in [
            (#"{"id": "m-1", "dbs": {"checked": "2024-03-01"}}"#, "dbs.level"),
            (#"{"id": "m-1", "dbs": {"checked": "2024-03-01", "level": "gold"}}"#, "dbs.level"),
        ] {
            #expect(throws: DecodingError.self, "\(field)") { _ = try JSONDecoder().decode(Member.self, from: Data(json.utf8)) }
            do {
                _ = try JSONDecoder().decode(Member.self, from: Data(json.utf8))
            } catch let e as DecodingError {
                #expect(ValidationError(e).field == field)
            }
        }
        let request = try JSONDecoder().decode(HelpRequest.self, from: Data(#"{"location": {"lat": 51.4, "lon": 0}, "skill": "x", "requiresDBS": "standard"}"#.utf8))
        #expect(request.requiresDBS && request.dbsLevel == .standard)
        do {
            _ = try JSONDecoder().decode(HelpRequest.self, from: Data(#"{"location": {"lat": 51.4, "lon": 0}, "skill": "x", "requiresDBS": "gold"}"#.utf8))
            Issue.record("a DBS level 'gold' was read")
        } catch let e as DecodingError {
            let v = ValidationError(e)
            #expect(v.field == "requiresDBS" && v.reason.contains("basic, standard, enhanced"))
        }
    }

    // MARK: Incremental updates

    @Test func upsertsKeepLanguagesCostsAndChecksCurrent() throws {
        var live = try LiveCommunity(
            community: Community(
                members: [Self.member("m-hodan", languages: ["so"]), Self.member("m-gordon", offers: ["shopping"], languages: ["en"])],
                activities: [Activity(id: "a-yoga", name: "Yoga", topics: ["yoga"], location: Self.here, cost: 6)]),
            taxonomy: Self.taxonomy, configuration: EngineConfiguration(referenceDate: Self.date("2026-10-31")))
        #expect(try live.engine.whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping")).matches.isEmpty)
        try live.apply(.upsertMember(Self.member("m-gordon", offers: ["shopping"], languages: ["en", "so"],
                                                  dbs: DBSCheck(checked: Self.date("2022-05-16"), level: .enhanced))))
        #expect(try live.engine.whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping")).matches.map(\.id) == ["m-gordon"])
        #expect(try live.engine.whoCanHelp(HelpRequest(requester: "m-hodan", skill: "shopping", requiresDBS: true)).excluded[.dbs] == 1)
        try live.apply(.upsertMember(Self.member("m-hodan", languages: ["so"], maxCost: 5, interests: ["yoga"])))
        #expect(try live.engine.refer(Referral(person: .id("m-hodan")), withBuddy: false).excluded[.cost] == 1)
        try live.apply(.upsertActivity(Activity(id: "a-yoga", name: "Yoga", topics: ["yoga"], location: Self.here, cost: 4, languages: ["en"])))
        let after = try live.engine.refer(Referral(person: .id("m-hodan")), withBuddy: false)
        #expect(after.excluded[.cost] == 0 && after.excluded[.language] == 1)
    }
}
