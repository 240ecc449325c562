/// A point on the Earth in WGS84 degrees.
public struct Location: Sendable, Hashable, Codable {
    public var lat: Double
    public var lon: Double

    /// Creates a location; `nil` when a coordinate is out of range or not finite.
    public init?(lat: Double, lon: Double) {
        guard lat.isFinite, lon.isFinite, (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
        self.lat = lat
        self.lon = lon
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case lat, lon }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        lat = try c.decode(Double.self, forKey: .lat)
        lon = try c.decode(Double.self, forKey: .lon)
        guard lat.isFinite, (-90...90).contains(lat) else {
            throw DecodingError.dataCorruptedError(forKey: .lat, in: c, debugDescription: "latitude \(lat) is outside -90...90")
        }
        guard lon.isFinite, (-180...180).contains(lon) else {
            throw DecodingError.dataCorruptedError(
                forKey: .lon, in: c, debugDescription: "longitude \(lon) is outside -180...180")
        }
    }
}
