import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport

/// Scenario 7's planning session on the bundled community: 30 referrals from three GP
/// practices and 40 activities with few places left.
///
/// The referrals are ten members of each of three practices (the referrer is the practice):
/// a housebound patient where the practice has one, then its first members. The activities
/// are the 40 at a venue that are most often feasible for them; each keeps its enrolled count
/// and has 0 to 2 places left (seeded), so places are scarce, people compete for the same
/// ones, and a housebound patient has nowhere to go.
enum ScenarioSeven {
    static let practices = ["gp-rushey-green", "gp-lee", "gp-sydenham"]

    struct Session {
        let community: Community
        let engine: Engine
        let referrals: [Referral]
    }

    static let session: Result<Session, any Error> = Result { try ScenarioSeven.make() }

    static func make() throws -> Session {
        let full = try Fixtures.lewisham
        let taxonomy = try Fixtures.taxonomy
        var referrals: [Referral] = []
        for practice in self.practices {
            let members = full.members.filter { $0.active && $0.groups.contains(practice) }
            // A housebound patient where the practice has one, then the first members.
            let chosen = members.filter(\.housebound).prefix(1) + members.filter { !$0.housebound }.prefix(10)
            for m in chosen.prefix(10) {
                referrals.append(Referral(id: "r-\(referrals.count + 1)", person: .id(m.id), referrer: practice))
            }
        }
        // The 40 activities at a venue most often feasible for these people.
        let engine = try Fixtures.lewishamEngine
        let online = Set(full.activities.filter(\.online).map(\.id))
        var counts: [String: Int] = [:]
        for referral in referrals {
            for m in try engine.placements(for: referral, limit: 1000).matches where !online.contains(m.id) {
                counts[m.id, default: 0] += 1
            }
        }
        let kept = Set(counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(40).map(\.key))
        var rng = SplitMix64(seed: 7)
        var community = full
        community.activities = full.activities.filter { kept.contains($0.id) }.map { activity in
            var a = activity
            let left = [0, 0, 0, 1, 1, 2].randomElement(using: &rng)!
            a.capacity = a.enrolled + left
            return a
        }
        community.attendance = full.attendance.filter { kept.contains($0.activity) }
        return Session(
            community: community, engine: try Engine(community: community, taxonomy: taxonomy), referrals: referrals)
    }
}
