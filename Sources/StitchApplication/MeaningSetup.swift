public import StitchEngine

/// Whether a service matches words by meaning: the model it was given, or why it has none.
///
/// A daemon or command that expected the text model and could not load it still serves, with
/// exact terms as before, and says so in every answer and in `server.health`
/// (``note``); a library user who gives no model gets no note.
public struct MeaningSetup: Sendable {
    /// The model words are matched with, if any.
    public let model: MeaningModel?
    /// Why words are not matched by meaning, for every answer; `nil` when they are, or when no
    /// model was asked for.
    public let note: String?

    /// No model, and no note (a library user who did not ask for one).
    public static let none = MeaningSetup(model: nil, note: nil)

    /// Matching by meaning with `model`.
    public static func on(_ model: MeaningModel) -> MeaningSetup { MeaningSetup(model: model, note: nil) }

    /// No model, for the reason given (the note every answer carries).
    public static func off(because reason: String) -> MeaningSetup {
        MeaningSetup(model: nil, note: "Meaning-based matching is off (\(reason)): only exact terms, synonyms and related skills match")
    }

    private init(model: MeaningModel?, note: String?) {
        self.model = model
        self.note = note
    }
}
