/// The kinds of one-to-one support a referral may offer beside group activities: a member who
/// befriends, who goes along to appointments, or who gives peer support from lived experience.
///
/// This is the one place that names them: each kind is a taxonomy entry (with every entry
/// narrower than it, such as `telephone-befriending` under `befriending`), the Five Ways it
/// serves, and the words a link worker reads (docs/referrals.md).
public enum OneToOneSupport: String, CaseIterable, Sendable, Hashable, Codable {
    case befriending
    case accompanying
    case peerSupport = "peer-support"

    /// The taxonomy entry (data/taxonomy.json) whose members offer this support.
    public var taxonomyID: String { rawValue }

    /// The Five Ways this support serves: befriending connects; going along to appointments
    /// connects and gets a person out and about; peer support connects, and both sides give.
    public var ways: [WellbeingWay] {
        switch self {
        case .befriending: [.connect]
        case .accompanying: [.connect, .beActive]
        case .peerSupport: [.connect, .give]
        }
    }

    /// The mask of ``ways``.
    public var wayBits: UInt8 { ways.reduce(0) { $0 | $1.bit } }

    /// Who gives it, as a link worker says it: "Befriender".
    public var giver: String {
        switch self {
        case .befriending: "Befriender"
        case .accompanying: "Goes along to appointments"
        case .peerSupport: "Peer supporter"
        }
    }

    public init(from decoder: any Decoder) throws {
        self = try Self.decodeNamed(from: decoder, kind: "one-to-one support")
    }
}
