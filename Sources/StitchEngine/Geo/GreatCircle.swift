import Foundation
public import StitchModel

/// Great-circle distances on a spherical Earth.
///
/// Points are kept as unit vectors so that a distance is a chord length and one `asin`, and a
/// "within r km" test needs no trigonometry at all: compare the squared chord with a threshold.
public enum GreatCircle {
    /// Mean Earth radius in km (IUGG).
    public static let earthRadiusKm = 6371.0088

    /// The great-circle distance between two locations in km (haversine-equivalent).
    public static func distanceKm(_ a: Location, _ b: Location) -> Double {
        distanceKm(UnitVector(a), UnitVector(b))
    }

    /// The great-circle distance between two unit vectors in km.
    @inline(__always)
    static func distanceKm(_ a: UnitVector, _ b: UnitVector) -> Double {
        let chord = a.chordSquared(to: b).squareRoot()
        return 2 * earthRadiusKm * asin(min(1, chord / 2))
    }

    /// Whether `b` is within `km` of `a`, given `km`'s squared chord: no trigonometry except for
    /// the rare pair within rounding of the limit, which is settled in kilometres so that the
    /// answer is exactly `distanceKm(a, b) <= km`.
    @inline(__always)
    static func within(_ a: UnitVector, _ b: UnitVector, km: Double, chordSquared limit: Double) -> Bool {
        within(a, b, chordSquared: a.chordSquared(to: b), km: km, limit: limit)
    }

    /// ``within(_:_:km:chordSquared:)`` with the pair's squared chord `c2` already measured.
    @inline(__always)
    static func within(_ a: UnitVector, _ b: UnitVector, chordSquared c2: Double, km: Double, limit: Double) -> Bool {
        if c2 < limit * (1 - 1e-9) { return true }
        if c2 > limit * (1 + 1e-9) { return false }
        return distanceKm(a, b) <= km
    }

    /// The squared chord that corresponds to a distance in km: `chordSquared <= threshold` iff within.
    @inline(__always)
    static func chordSquared(forKm km: Double) -> Double {
        let half = min(Double.pi / 2, km / (2 * earthRadiusKm))
        let chord = 2 * sin(half)
        return chord * chord
    }
}

/// A location as a point on the unit sphere.
struct UnitVector: Sendable, Hashable {
    var x: Double
    var y: Double
    var z: Double

    init(x: Double, y: Double, z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }

    init(_ location: Location) {
        let lat = location.lat * .pi / 180, lon = location.lon * .pi / 180
        let c = cos(lat)
        x = c * cos(lon)
        y = c * sin(lon)
        z = sin(lat)
    }

    @inline(__always)
    func chordSquared(to other: UnitVector) -> Double {
        let dx = x - other.x, dy = y - other.y, dz = z - other.z
        return dx * dx + dy * dy + dz * dz
    }
}
