import Foundation
import StitchModel

/// Which community each member with no ties yet is closest to, so that a community's picture can
/// show, in its margin, the people a connector could introduce to it.
///
/// A member goes to the community whose main groups (``CommunityProfile/groups``) share most of
/// their own groups; among equals, the one whose centre is nearest, then the lowest number. A
/// member sharing no main group goes to the community with the nearest centre within
/// ``nearbyKilometres``. A member with neither (no shared group, no location) is placed nowhere.
enum IsolatedPlacement {
    /// How far a community's centre may be from a member placed by location alone.
    static let nearbyKilometres = 3.0

    /// The isolated nodes closest to each community, in id order; `members` one per node.
    static func place(network: CommunityNetwork, members: [Member]) -> [[Int]] {
        let profiles = network.profiles
        var placed = [[Int]](repeating: [], count: profiles.count)
        guard members.count == network.graph.nodeCount else { return placed }
        for v in network.communities.isolated {
            let member = members[v]
            let own = Set(member.groups)
            var best: (shared: Int, distance: Double, community: Int)?
            for (c, profile) in profiles.enumerated() {
                let shared = profile.groups.filter(own.contains).count
                let distance =
                    zip(member.location.map { [$0] } ?? [], profile.centre.map { [$0] } ?? []).map(Self.kilometres)
                    .first ?? .infinity
                guard shared > 0 || distance <= Self.nearbyKilometres else { continue }
                let candidate = (shared, distance, c)
                if let current = best {
                    if candidate.0 > current.shared || (candidate.0 == current.shared && candidate.1 < current.distance)
                    {
                        best = candidate
                    }
                } else {
                    best = candidate
                }
            }
            if let best { placed[best.community].append(v) }
        }
        let ids = network.graph.memberIDs
        return placed.map { $0.sorted { ids[$0] < ids[$1] } }
    }

    /// Equirectangular distance in km: exact enough over a few kilometres.
    static func kilometres(_ a: Location, _ b: Location) -> Double {
        let radians = Double.pi / 180
        let x = (a.lon - b.lon) * radians * cos((a.lat + b.lat) / 2 * radians)
        let y = (a.lat - b.lat) * radians
        return 6371 * (x * x + y * y).squareRoot()
    }
}
