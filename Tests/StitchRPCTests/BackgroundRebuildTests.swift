@testable import StitchApplication
import Foundation
import StitchEngine
import StitchModel
@testable import StitchRPC
import StitchTestSupport
import Testing

/// The service rebuilds its engine in the background while writes go on, replays the writes
/// that came in meanwhile, and settles on exactly what a fresh build of its community answers.
@Suite("Background rebuilds")
struct BackgroundRebuildTests {
    @Test func writesDuringARebuildAreReplayedAndAnswersSettleOnAFreshBuild() async throws {
        let taxonomy = try Fixtures.taxonomy
        let service = try StitchService(community: Fixtures.lewisham, taxonomy: taxonomy, quietPeriod: .milliseconds(50))
        let start = await service.community
        let members = start.members
        let today = await service.currentEngine.referenceDate
        var rng = SplitMix64(seed: 7)
        // Enough writes to make a rebuild due (past 256, or the network's policy) more than
        // once, with pauses so that writes also land while a rebuild runs.
        for i in 0..<700 {
            let g = members.randomElement(using: &rng)!, r = members.randomElement(using: &rng)!
            if g.id != r.id {
                _ = try await service.record(exchange: Exchange(id: "bg-\(i)", giver: g.id, receiver: r.id, hours: 1, date: today.adding(days: -Int.random(in: 0...200, using: &rng))))
            }
            if i % 5 == 0 {
                var m = members.randomElement(using: &rng)!
                m.offers.append(["gardening", "shopping", "poetry", "knitting"].randomElement(using: &rng)!)
                _ = try await service.upsert(member: m)
            }
            if i % 7 == 0 {
                _ = try await service.upsert(member: Member(id: "bg-m-\(i)", offers: ["befriending", "walking"], location: g.location))
            }
            if i % 100 == 99 { try await Task.sleep(for: .milliseconds(20)) }
        }
        // Settle: the last rebuild starts once writes pause, and takes over when it is done.
        let deadline = ContinuousClock.now + .seconds(120)
        while await service.awaitsRebuild, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(await service.awaitsRebuild == false)

        let community = await service.community
        #expect(community.exchanges.count == start.exchanges.count + community.exchanges.filter { $0.id?.hasPrefix("bg-") ?? false }.count)
        #expect(community.members.count == members.count + 100)
        let served = await service.currentEngine
        let fresh = try Engine(community: community, taxonomy: taxonomy)
        for q in 0..<40 {
            let person = community.members.randomElement(using: &rng)!
            let request = HelpRequest(requester: person.id, skill: ["gardening", "befriending", "shopping", "lifts"].randomElement(using: &rng)!)
            let a = try served.whoCanHelp(request, limit: 10), b = try fresh.whoCanHelp(request, limit: 10)
            #expect(a.matches.map(\.id) == b.matches.map(\.id), "help \(q)")
            #expect(a.matches.map(\.score) == b.matches.map(\.score), "help \(q)")
            let x = try served.refer(Referral(person: .id(person.id)), limit: 5), y = try fresh.refer(Referral(person: .id(person.id)), limit: 5)
            #expect(x.matches.map(\.id) == y.matches.map(\.id), "refer \(q)")
            #expect(x.matches.map(\.score) == y.matches.map(\.score), "refer \(q)")
            #expect(x.matches.map { $0.buddy?.id } == y.matches.map { $0.buddy?.id }, "refer \(q) buddies")
        }
    }
}
