import StitchModel

/// A neighbourhood of the London Borough of Lewisham where members live and activities meet.
///
/// Real time-bank membership is local: most people live within a walk of their surgery, church
/// or housing scheme, so members are scattered around neighbourhood centres rather than evenly.
/// Centres are the real high streets and stations; `spreadMetres` is the standard deviation of
/// the scatter (about 400–700 m, wider for the larger, leafier areas); `weight` is the share of
/// members, roughly in proportion to population.
struct Neighbourhood: Sendable, Hashable {
    var name: String
    var lat: Double
    var lon: Double
    var spreadMetres: Double
    var weight: Double
    /// The GP practice most of its residents are registered with (a group id).
    var practice: String

    /// Lewisham town centre (the clock tower): the default centre of a generated community.
    static let lewishamCentre = (lat: 51.4613, lon: -0.0106)

    /// The twelve neighbourhoods, with real centre coordinates.
    static let lewisham: [Neighbourhood] = [
        Neighbourhood(
            name: "Catford", lat: 51.4449, lon: -0.0203, spreadMetres: 550, weight: 1.3, practice: "gp-rushey-green"),
        Neighbourhood(name: "Lewisham", lat: 51.4613, lon: -0.0106, spreadMetres: 500, weight: 1.3, practice: "gp-lee"),
        Neighbourhood(
            name: "Deptford", lat: 51.4780, lon: -0.0260, spreadMetres: 500, weight: 1.1, practice: "gp-deptford"),
        Neighbourhood(
            name: "Brockley", lat: 51.4646, lon: -0.0375, spreadMetres: 550, weight: 0.9, practice: "gp-honor-oak"),
        Neighbourhood(
            name: "Sydenham", lat: 51.4272, lon: -0.0542, spreadMetres: 650, weight: 1.0, practice: "gp-sydenham"),
        Neighbourhood(
            name: "Forest Hill", lat: 51.4393, lon: -0.0530, spreadMetres: 600, weight: 0.9, practice: "gp-sydenham"),
        Neighbourhood(name: "Lee", lat: 51.4545, lon: 0.0125, spreadMetres: 650, weight: 0.8, practice: "gp-lee"),
        Neighbourhood(
            name: "Downham", lat: 51.4280, lon: 0.0070, spreadMetres: 700, weight: 0.9, practice: "gp-downham"),
        Neighbourhood(
            name: "New Cross", lat: 51.4763, lon: -0.0380, spreadMetres: 450, weight: 0.9, practice: "gp-deptford"),
        Neighbourhood(
            name: "Honor Oak", lat: 51.4499, lon: -0.0450, spreadMetres: 450, weight: 0.6, practice: "gp-honor-oak"),
        Neighbourhood(
            name: "Bellingham", lat: 51.4329, lon: -0.0197, spreadMetres: 500, weight: 0.8, practice: "gp-downham"),
        Neighbourhood(
            name: "Hither Green", lat: 51.4520, lon: -0.0009, spreadMetres: 500, weight: 0.7,
            practice: "gp-rushey-green"),
    ]
}
