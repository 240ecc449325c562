/// An animal kept in a home (`Member.home.pets`) or one a helper is allergic to
/// (`Member.visitLimits.allergies`): a helper allergic to cats cannot visit a home with a cat.
///
/// A small vocabulary, so that the two sides compare; `other-pet` stands for any animal not
/// listed (a helper allergic to `other-pet` cannot visit a home that lists one). A word outside
/// the list is refused with the list.
public enum Pet: String, CaseIterable, Sendable, Hashable, Codable {
    case cat, dog, bird, rabbit, rodent
    case otherPet = "other-pet"

    /// Why a word is refused: the accepted words and what to do.
    public static let refusal =
        "not one of the accepted animals \(allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")); use \"other-pet\" for any other animal"

    /// The animal as a reason names it, plural ("cats") or with an article ("a cat").
    public var plural: String {
        switch self {
        case .cat: "cats"
        case .dog: "dogs"
        case .bird: "birds"
        case .rabbit: "rabbits"
        case .rodent: "small rodents"
        case .otherPet: "some other pets"
        }
    }

    /// "a cat", "a dog", "a pet" (for `other-pet`).
    public var single: String {
        switch self {
        case .cat: "a cat"
        case .dog: "a dog"
        case .bird: "a bird"
        case .rabbit: "a rabbit"
        case .rodent: "a small rodent"
        case .otherPet: "a pet"
        }
    }

    /// The animal's bit in a set of pets packed in a byte.
    public var bit: UInt8 { 1 << UInt8(Self.allCases.firstIndex(of: self)!) }

    /// The pets of a byte made of ``bit``s, in declaration order.
    public static func pets(in bits: UInt8) -> [Pet] { allCases.filter { bits & $0.bit != 0 } }

    /// A list of pets packed in a byte.
    public static func bits<S: Sequence<Pet>>(_ pets: S) -> UInt8 { pets.reduce(0) { $0 | $1.bit } }

    /// Reads one of the accepted words in any letter case, with spaces around (a sheet's cell);
    /// JSON takes only the exact words.
    public init?(word: String) {
        self.init(rawValue: String(word.trimmingSpaces).lowercased())
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let word = try? container.decode(String.self), let value = Pet(rawValue: word) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.refusal)
        }
        self = value
    }
}
