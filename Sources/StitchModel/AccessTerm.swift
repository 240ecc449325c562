/// The vocabulary of access needs and access features.
///
/// A person's access need is met only by an activity whose `access` lists the same term, or a
/// term that implies it (see ``implies``). Terms outside this vocabulary are rejected when a
/// community is read, so that a typo never silently drops a need.
public enum AccessTerm: String, CaseIterable, Sendable, Hashable, Codable {
    /// No steps between the street and the activity.
    case stepFree = "step-free"
    /// Wheelchair accessible throughout (implies step-free).
    case wheelchair
    /// On the ground floor (no stairs or lifts needed).
    case groundFloor = "ground-floor"
    /// Reachable without a lift (some people cannot use lifts).
    case noLift = "no-lift"
    /// An induction loop for hearing aids.
    case hearingLoop = "hearing-loop"
    /// A quiet, low-stimulus setting.
    case quiet
    /// Can be done seated.
    case seated
    /// An accessible toilet on site.
    case accessibleToilet = "accessible-toilet"
    /// A Changing Places toilet (implies an accessible toilet).
    case changingPlaces = "changing-places"
    /// British Sign Language interpretation.
    case bsl
    /// Large-print or easy-read materials.
    case largePrint = "large-print"
    /// Dementia-friendly staff and setting.
    case dementiaFriendly = "dementia-friendly"
    /// Accessible parking close by.
    case parking

    /// Terms that an activity offering this term also meets.
    public var implies: [AccessTerm] {
        switch self {
        case .wheelchair: [.stepFree]
        case .groundFloor: [.noLift]
        case .changingPlaces: [.accessibleToilet]
        default: []
        }
    }

    /// Bit position in a compact mask of terms.
    public var bit: UInt32 { UInt32(1) << UInt32(AccessTerm.allCases.firstIndex(of: self)!) }

    /// The mask of every term this feature meets: itself and what it implies.
    public var meetsMask: UInt32 { implies.reduce(bit) { $0 | $1.bit } }

    /// The comma-separated list of known terms, for error messages.
    public static var vocabulary: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public init(from decoder: any Decoder) throws {
        self = try Self.decodeNamed(from: decoder, kind: "access term", ignoringCase: true)
    }
}

extension Sequence where Element == AccessTerm {
    /// The mask of the terms themselves (for needs).
    public var needMask: UInt32 { reduce(0) { $0 | $1.bit } }
    /// The mask of every term met (for an activity's features, with implications).
    public var featureMask: UInt32 { reduce(0) { $0 | $1.meetsMask } }
}
