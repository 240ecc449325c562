import Foundation
import StitchModel

/// A few named places to describe where a community lives ("around Catford").
///
/// The centres are the high streets and stations of Lewisham's neighbourhoods, the bundled
/// community's borough; a community whose centre is more than ``nearbyKilometres`` from all of
/// them is described by its coordinates instead.
struct Neighbourhood: Sendable {
    let name: String
    let lat: Double
    let lon: Double

    /// Within this distance of a centre, a community is "around" it.
    static let nearbyKilometres = 1.5

    static let lewisham: [Neighbourhood] = [
        .init(name: "Catford", lat: 51.4449, lon: -0.0203),
        .init(name: "Lewisham", lat: 51.4613, lon: -0.0106),
        .init(name: "Deptford", lat: 51.4780, lon: -0.0260),
        .init(name: "Brockley", lat: 51.4646, lon: -0.0375),
        .init(name: "Sydenham", lat: 51.4272, lon: -0.0542),
        .init(name: "Forest Hill", lat: 51.4393, lon: -0.0530),
        .init(name: "Lee", lat: 51.4545, lon: 0.0125),
        .init(name: "Downham", lat: 51.4280, lon: 0.0070),
        .init(name: "New Cross", lat: 51.4763, lon: -0.0380),
        .init(name: "Honor Oak", lat: 51.4499, lon: -0.0450),
        .init(name: "Bellingham", lat: 51.4329, lon: -0.0197),
        .init(name: "Hither Green", lat: 51.4520, lon: -0.0009),
    ]

    /// The nearest neighbourhood within ``nearbyKilometres`` of `location`, if any.
    static func nearest(to location: Location) -> Neighbourhood? {
        let best = Self.lewisham.min { Self.kilometres($0, location) < Self.kilometres($1, location) }
        guard let best, Self.kilometres(best, location) <= Self.nearbyKilometres else { return nil }
        return best
    }

    /// Equirectangular distance: exact enough over a few kilometres.
    static func kilometres(_ place: Neighbourhood, _ location: Location) -> Double {
        let radians = Double.pi / 180
        let x = (location.lon - place.lon) * radians * cos((location.lat + place.lat) / 2 * radians)
        let y = (location.lat - place.lat) * radians
        return 6371 * (x * x + y * y).squareRoot()
    }
}
