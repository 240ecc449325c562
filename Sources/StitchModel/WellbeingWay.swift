/// One of the Five Ways to Wellbeing (Foresight / nef): Connect, Be Active, Keep Learning,
/// Take Notice, Give. Activities are tagged with the ways they serve; people set goals for them.
public enum WellbeingWay: String, CaseIterable, Sendable, Hashable, Codable {
    case connect, beActive, keepLearning, takeNotice, give

    /// The plain-English name used in reasons ("Be Active").
    public var displayName: String {
        switch self {
        case .connect: "Connect"
        case .beActive: "Be Active"
        case .keepLearning: "Keep Learning"
        case .takeNotice: "Take Notice"
        case .give: "Give"
        }
    }

    /// Bit position in a compact mask of ways.
    public var bit: UInt8 {
        switch self {
        case .connect: 1 << 0
        case .beActive: 1 << 1
        case .keepLearning: 1 << 2
        case .takeNotice: 1 << 3
        case .give: 1 << 4
        }
    }

    /// Every way's bit.
    public static let allBits: UInt8 = 0b1_1111

    public init(from decoder: any Decoder) throws {
        self = try Self.decodeNamed(from: decoder, kind: "wellbeing way")
    }
}
