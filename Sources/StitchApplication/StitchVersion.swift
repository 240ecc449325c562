/// Stitch's release version, the one `stitch --version` prints and every interface reports.
///
/// Semantic versioning: the minor part moves when the protocol gains methods or fields, the major
/// part when an answer or a stored record changes shape incompatibly.
public enum StitchVersion {
    /// The version as text, such as "0.9.0".
    public static let current = "0.9.0"
}
