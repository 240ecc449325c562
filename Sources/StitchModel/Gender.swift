/// A gender as a person states it: their own (`Member.gender`), or the one they ask for in a
/// helper who comes to their home or gives personal help (`helperGender`).
///
/// Why a small vocabulary: a preference is a hard constraint, and it can only be kept against
/// words that compare. Stitch never infers a gender (from a name or anything else): it holds
/// only what a person says, and a helper with none recorded never meets a preference.
///
/// A word outside the list is refused with the list, never echoed back: the field is
/// special-category-adjacent data.
///
/// ```json
/// "gender": "woman", "helperGender": "woman"
/// ```
public enum Gender: String, CaseIterable, Sendable, Hashable, Codable {
    case woman
    case man
    case nonBinary = "non-binary"

    /// Why a word is refused: the accepted words and what to do, without the word itself.
    public static let refusal =
        "not one of the accepted words \"woman\", \"man\", \"non-binary\"; write one of them, or leave the field out when the person has not said"

    /// The word as a sentence names a person of it: "a woman", "a man", "non-binary".
    public var phrase: String {
        switch self {
        case .woman: "a woman"
        case .man: "a man"
        case .nonBinary: "non-binary"
        }
    }

    /// Reads one of the accepted words in any letter case, with spaces around (a sheet's cell);
    /// JSON takes only the exact words.
    public init?(word: String) {
        self.init(rawValue: String(word.trimmingSpaces).lowercased())
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let word = try? container.decode(String.self), let value = Gender(rawValue: word) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.refusal)
        }
        self = value
    }
}
