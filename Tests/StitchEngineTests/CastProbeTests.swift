import Testing
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport

@Test func castProbe() throws {
    let engine = try Engine(community: ScenarioCast.community, taxonomy: Fixtures.taxonomy)
    let r1 = try engine.refer(Referral(person: .id("m-bee"), goals: FiveWays(connect: 1, takeNotice: 1, give: 1)))
    for m in r1.matches { print(m.id, m.score, m.factors, m.reasons, m.buddy?.id ?? "-") }
    print(r1.excluded)
    let r2 = try engine.whoCanHelp(HelpRequest(requester: "m-arthur", skill: "accompany to hospital", when: [Slot(.tue, "10:00", "12:00")!]))
    for m in r2.matches { print(m.id, m.score, m.reasons) }
    print(r2.excluded)
}
