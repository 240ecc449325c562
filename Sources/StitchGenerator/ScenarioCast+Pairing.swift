public import StitchModel

/// The bundled community's ongoing pairing: Tunde gives Elsie, 84 and housebound, a lift to the
/// shops every Friday, paid by the good will pot (the ledger's `l-cast-004` is the first of
/// them). She needs the same helper each time, so the pairing keeps him first in her answers for
/// lifts ("Already helps them every week") however often he is asked; it is reviewed yearly.
///
/// Pairings are kept beside the community, not in it: they go into the community file's
/// `pairings` (``LewishamCommunity/file(seed:taxonomy:openActive:)``).
extension ScenarioCast {
    /// The cast's ongoing pairings.
    public static var pairings: [Pairing] {
        [Pairing(person: "m-elsie", helper: "m-tunde", kind: "lifts", start: date("2026-10-09"), review: date("2027-10-08"))]
    }
}
