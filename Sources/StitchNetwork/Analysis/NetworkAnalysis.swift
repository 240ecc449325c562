/// The answer of `network.analyse`: communities, brokers, isolated members and the reciprocity
/// index, in the protocol's shape.
///
/// ```json
/// {"communities": [{"id": 0, "members": ["m-ada", …], "size": 48, "description": "48 members around Catford, …",
///                   "groups": ["gp-rushey-green"], "skills": ["gardening"], "area": "around Catford",
///                   "centre": {"lat": 51.445, "lon": -0.02}}],
///  "bridging": [{"id": "m-june", "score": 0.71}],
///  "isolated": ["m-ruth"],
///  "reciprocityIndex": 0.42,
///  "eigenvalues": [0, 0.012, …],
///  "k": 6}
/// ```
public struct NetworkAnalysis: Sendable, Hashable, Codable {
    /// Communities, largest first.
    public var communities: [CommunitySummary]
    /// Brokers (members whose ties span communities), best first, with their participation coefficient.
    public var bridging: [Broker]
    /// Members with no ties, in id order.
    public var isolated: [String]
    /// The share of recently active members who both gave and received.
    public var reciprocityIndex: Double
    /// The smallest normalized-Laplacian eigenvalues of the clustered part, ascending.
    public var eigenvalues: [Double]
    /// The number of communities found by spectral clustering (the others are small components).
    public var k: Int

    /// An analysis from its parts.
    public init(
        communities: [CommunitySummary], bridging: [Broker], isolated: [String], reciprocityIndex: Double,
        eigenvalues: [Double], k: Int
    ) {
        self.communities = communities
        self.bridging = bridging
        self.isolated = isolated
        self.reciprocityIndex = reciprocityIndex
        self.eigenvalues = eigenvalues
        self.k = k
    }
}
