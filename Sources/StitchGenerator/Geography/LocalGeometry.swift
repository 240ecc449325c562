import StitchModel

/// Flat-earth geometry for distances of a few kilometres around a community's centre.
///
/// Over 15 km an equirectangular projection with a fixed scale is accurate to well under 1%,
/// and, unlike `cos`/`asin`, it uses only exactly rounded arithmetic, so generated coordinates
/// and every "is it near?" decision are the same on every machine.
struct LocalGeometry: Sendable {
    /// Metres per degree of latitude.
    static let metresPerDegreeLat = 111_320.0
    /// Metres per degree of longitude at 51.45° N (111 320 × cos 51.45°).
    static let metresPerDegreeLon = 69_370.0

    /// How far the generated community is moved from Lewisham (in degrees), so that it can be
    /// centred anywhere while keeping Lewisham's layout.
    var offsetLat: Double
    var offsetLon: Double

    init(centre: Location) {
        offsetLat = centre.lat - Neighbourhood.lewishamCentre.lat
        offsetLon = centre.lon - Neighbourhood.lewishamCentre.lon
    }

    /// A point `(lat, lon)` of the Lewisham layout moved to the community's centre.
    func place(lat: Double, lon: Double) -> (lat: Double, lon: Double) { (lat + offsetLat, lon + offsetLon) }

    /// Distance in km between two points.
    static func km(_ a: Location, _ b: Location) -> Double {
        km(lat1: a.lat, lon1: a.lon, lat2: b.lat, lon2: b.lon)
    }

    static func km(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Double {
        let dy = (lat2 - lat1) * metresPerDegreeLat
        let dx = (lon2 - lon1) * metresPerDegreeLon
        return (dx * dx + dy * dy).squareRoot() / 1000
    }

    /// A point scattered around `(lat, lon)` with a bell-shaped spread of `sigma` metres in each
    /// direction (bounded at about 4.2 σ), rounded to 5 decimals (about a metre).
    static func scatter(
        lat: Double, lon: Double, sigma: Double, random: inout Xoshiro256StarStar
    ) -> Location {
        let dy = random.bell() * sigma
        let dx = random.bell() * sigma
        return Location(lat: round5(lat + dy / metresPerDegreeLat), lon: round5(lon + dx / metresPerDegreeLon))
            ?? Location(lat: round5(lat), lon: round5(lon))!
    }

    /// Rounds to 5 decimal places.
    static func round5(_ value: Double) -> Double { (value * 100_000).rounded() / 100_000 }
}
