/// An organisation members belong to and activities are run by: the basis of bonding and bridging.
///
/// Real time banks grow inside institutions (a GP surgery, a mental-health ward, a housing
/// association, a sheltered scheme, a prison, a church), so most people's ties stay inside one or
/// two of them. The kinds below decide who joins and where each group meets.
struct CommunityGroup: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A GP practice whose patients are referred to the time bank.
        case practice
        /// A mental-health trust's ward-based time bank (service users, ages about 20–65).
        case ward
        /// A housing association's tenants (mostly in Bellingham and Downham).
        case housingAssociation
        /// A sheltered-housing scheme: residents 65+ living in one building.
        case shelteredHousing
        /// A prison time bank: members inside exchange only with each other.
        case prison
        /// A church or mosque congregation.
        case faith
        /// A parents' group (ages about 25–45).
        case parents
        /// A youth group (ages 18–25).
        case youth
        /// An open community organisation (a time bank, a charity, volunteers).
        case community
    }

    var id: String
    var name: String
    var kind: Kind
    /// Where it meets, in the Lewisham layout.
    var lat: Double
    var lon: Double
    /// Index of its neighbourhood in ``Neighbourhood/lewisham``.
    var neighbourhood: Int

    /// Every group of a generated Lewisham community. Practices, the ward, the housing association
    /// and the prison are real institutions; the sheltered schemes and small groups are invented.
    static let lewisham: [CommunityGroup] = [
        CommunityGroup(
            id: "gp-rushey-green", name: "Rushey Green Group Practice", kind: .practice, lat: 51.4446, lon: -0.0189,
            neighbourhood: 0),
        CommunityGroup(
            id: "gp-lee", name: "Lee Health Centre", kind: .practice, lat: 51.4560, lon: 0.0100, neighbourhood: 6),
        CommunityGroup(
            id: "gp-deptford", name: "Deptford Medical Centre", kind: .practice, lat: 51.4771, lon: -0.0262,
            neighbourhood: 2),
        CommunityGroup(
            id: "gp-honor-oak", name: "Honor Oak Group Practice", kind: .practice, lat: 51.4527, lon: -0.0466,
            neighbourhood: 9),
        CommunityGroup(
            id: "gp-sydenham", name: "Sydenham Green Group Practice", kind: .practice, lat: 51.4287, lon: -0.0489,
            neighbourhood: 4),
        CommunityGroup(
            id: "gp-downham", name: "Downham Family Medical Practice", kind: .practice, lat: 51.4289, lon: 0.0081,
            neighbourhood: 7),
        CommunityGroup(
            id: "slam-ward", name: "Ladywell Unit ward time bank", kind: .ward, lat: 51.4534, lon: -0.0172,
            neighbourhood: 1),
        CommunityGroup(
            id: "ha-phoenix", name: "Phoenix Community Housing", kind: .housingAssociation, lat: 51.4335, lon: -0.0215,
            neighbourhood: 10),
        CommunityGroup(
            id: "sh-ravensbourne-court", name: "Ravensbourne Court", kind: .shelteredHousing, lat: 51.4412,
            lon: -0.0168, neighbourhood: 0),
        CommunityGroup(
            id: "sh-kirkdale-lodge", name: "Kirkdale Lodge", kind: .shelteredHousing, lat: 51.4318, lon: -0.0604,
            neighbourhood: 4),
        CommunityGroup(
            id: "hmp-belmarsh", name: "HMP Belmarsh time bank", kind: .prison, lat: 51.4964, lon: 0.0907,
            neighbourhood: 1),
        CommunityGroup(
            id: "faith-st-laurence", name: "St Laurence Church", kind: .faith, lat: 51.4441, lon: -0.0196,
            neighbourhood: 0),
        CommunityGroup(
            id: "faith-lewisham-islamic-centre", name: "Lewisham Islamic Centre", kind: .faith, lat: 51.4530,
            lon: -0.0154, neighbourhood: 1),
        CommunityGroup(
            id: "faith-st-pauls-deptford", name: "St Paul's Deptford", kind: .faith, lat: 51.4787, lon: -0.0240,
            neighbourhood: 2),
        CommunityGroup(
            id: "parents-brockley", name: "Brockley Parents Network", kind: .parents, lat: 51.4650, lon: -0.0365,
            neighbourhood: 3),
        CommunityGroup(
            id: "youth-deptford", name: "Deptford Youth Forum", kind: .youth, lat: 51.4773, lon: -0.0283,
            neighbourhood: 2),
        CommunityGroup(
            id: "rgtb", name: "Rushey Green Time Bank", kind: .community, lat: 51.4448, lon: -0.0195, neighbourhood: 0),
        CommunityGroup(
            id: "age-uk-lewisham", name: "Age UK Lewisham and Southwark", kind: .community, lat: 51.4600, lon: -0.0120,
            neighbourhood: 1),
        CommunityGroup(
            id: "sydenham-garden", name: "Sydenham Garden", kind: .community, lat: 51.4318, lon: -0.0580,
            neighbourhood: 4),
        CommunityGroup(
            id: "parks-volunteers", name: "Lewisham Parks Volunteers", kind: .community, lat: 51.4330, lon: -0.0150,
            neighbourhood: 10),
        CommunityGroup(
            id: "lewisham-libraries", name: "Lewisham Libraries", kind: .community, lat: 51.4620, lon: -0.0115,
            neighbourhood: 1),
    ]

    /// The index of a group in ``lewisham`` by id.
    static func index(of id: String) -> Int { lewisham.firstIndex { $0.id == id }! }
}
