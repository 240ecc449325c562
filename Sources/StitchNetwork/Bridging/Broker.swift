/// A member whose ties span communities, with their participation coefficient as `score`.
///
/// The protocol's `bridging` list (`network.analyse`) is made of these, best broker first.
public struct Broker: Sendable, Hashable, Codable {
    /// The member's id.
    public var id: String
    /// The participation coefficient, in [0, 1): 0 when every tie stays in one community.
    public var score: Double

    /// A broker with a score.
    public init(id: String, score: Double) {
        self.id = id
        self.score = score
    }
}
