import Foundation
import StitchModel

/// A community described in plain words for a connector: who is in it, what they share, where.
///
/// The main groups are the `groups` most of its members belong to (GP practices, housing schemes,
/// churches…), the main skills those most offered or enjoyed (`offers` and `interests`), and the
/// area the nearest Lewisham neighbourhood to its members' mean location (or the coordinates).
///
/// ```swift
/// let profile = CommunityProfile(members: found.members[0].map { community.members[$0] })
/// profile.description
/// // "48 members around Catford, mostly gp-rushey-green (62%) and st-marys-church (21%);
/// //  shared skills: gardening, baking, befriending"
/// ```
public struct CommunityProfile: Sendable, Hashable {
    /// The most common groups, most common first (at most three, each held by at least 10%).
    public let groups: [String]
    /// The most common skills and interests, most common first (at most five).
    public let skills: [String]
    /// The mean location of the members who gave one.
    public let centre: Location?
    /// "around Catford", or "around 51.450, -0.020"; `nil` when nobody gave a location.
    public let area: String?
    /// One sentence for a person.
    public let description: String

    /// Describes a group of members.
    public init(members: [Member]) {
        let n = members.count
        let groupCounts = Self.counts(members.map { Set($0.groups) })
        let groups = groupCounts.filter { Double($0.count) >= 0.1 * Double(n) }.prefix(3)
        let skills = Self.counts(members.map { Set($0.offers + $0.interests) }).filter { $0.count > 1 || n <= 2 }
            .prefix(5)
        let located = members.compactMap(\.location)
        var centre: Location?
        var area: String?
        if !located.isEmpty {
            let lat = located.map(\.lat).reduce(0, +) / Double(located.count)
            let lon = located.map(\.lon).reduce(0, +) / Double(located.count)
            centre = Location(lat: lat, lon: lon)
            if let centre {
                area =
                    Neighbourhood.nearest(to: centre).map { "around \($0.name)" }
                    ?? String(format: "around %.3f, %.3f", centre.lat, centre.lon)
            }
        }
        var sentence = Wording.count(n, "member")
        if let area { sentence += " \(area)" }
        if !groups.isEmpty {
            let parts = groups.map { "\($0.value) (\(Int((100 * Double($0.count) / Double(n)).rounded()))%)" }
            sentence += ", mostly " + Self.list(parts)
        }
        if !skills.isEmpty { sentence += "; shared skills: " + skills.map(\.value).joined(separator: ", ") }
        self.groups = groups.map(\.value)
        self.skills = skills.map(\.value)
        self.centre = centre
        self.area = area
        self.description = sentence
    }

    /// Values by how many members hold them, most first, then alphabetically.
    static func counts(_ sets: [Set<String>]) -> [(value: String, count: Int)] {
        var counts: [String: Int] = [:]
        for set in sets { for value in set { counts[value, default: 0] += 1 } }
        return counts.map { (value: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
