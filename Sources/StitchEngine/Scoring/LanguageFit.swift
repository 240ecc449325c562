import StitchModel

/// How a person's languages meet those of a helper, a buddy or an activity: the hard constraint
/// `language` and the share of the skill factor it keeps.
///
/// Languages are ISO 639-1 codes packed by ``LanguageCode/packed(_:)``, the person's preferred
/// first. Unknown languages (either side states none) are neutral: nothing is excluded and the
/// skill factor is kept whole.
enum LanguageFit: Equatable {
    /// Either side states no languages.
    case unknown
    /// The other side speaks the person's preferred (first) language.
    case preferred(UInt16)
    /// They share a language, not the person's preferred one.
    case shared(UInt16)
    /// No language in common, and the person accepts an interpreter.
    case interpreter
    /// No language in common: excluded.
    case none

    /// The share of the skill factor kept: help in the person's own language counts in full,
    /// in another shared language a little less, through an interpreter less again.
    static let sharedShare = 0.9
    static let interpreterShare = 0.8

    init<P: Collection<UInt16>, O: Collection<UInt16>>(person: P, other: O, interpreter: Bool) {
        guard let first = person.first, !other.isEmpty else {
            self = .unknown
            return
        }
        if other.contains(first) {
            self = .preferred(first)
        } else if let common = person.first(where: { other.contains($0) }) {
            self = .shared(common)
        } else {
            self = interpreter ? .interpreter : .none
        }
    }

    /// Whether the pair passes the `language` constraint.
    var passes: Bool { self != .none }

    /// The share of the skill factor kept (1 when unknown or the preferred language is shared).
    var share: Double {
        switch self {
        case .unknown, .preferred: 1
        case .shared: Self.sharedShare
        case .interpreter, .none: Self.interpreterShare
        }
    }

    /// The `explain` detail of the constraint.
    var detail: String {
        switch self {
        case .unknown: "Languages not stated on both sides"
        case .preferred(let code), .shared(let code): "Both speak \(LanguageCode.name(of: LanguageCode.code(code)))"
        case .interpreter: "No language in common: with an interpreter"
        case .none: "No language in common, and no interpreter asked for"
        }
    }

    /// The reason shown with a result: the shared preferred language, unless it is the
    /// community's common language (which says nothing), or the need for an interpreter.
    func reason(communityLanguage: UInt16?, verb: String = "Speaks") -> String? {
        switch self {
        case .preferred(let code) where code != communityLanguage:
            "\(verb) \(LanguageCode.name(of: LanguageCode.code(code)))"
        case .interpreter: "No language in common: book an interpreter"
        default: nil
        }
    }
}
