/// One set of answers to the ONS four personal wellbeing questions (ONS4), each a whole number
/// from 0 ("not at all") to 10 ("completely").
///
/// The questions, as the Office for National Statistics asks them in its surveys: how
/// **satisfied** the person is with their life nowadays, how far the things they do are
/// **worthwhile**, how **happy** and how **anxious** they felt yesterday. Each is reported on its
/// own (ONS publishes no combined score). For the first three a higher answer is better; for
/// anxiety a **lower** one is, so every change Stitch reports (``ONS4Change``) is signed so
/// that a positive number is an improvement: `after − before` for the first three,
/// `before − after` for anxiety.
///
/// On the wire: `{"satisfied": 6, "worthwhile": 7, "happy": 5, "anxious": 4}`, all four
/// required, no other key. The questions are Crown copyright, published by ONS under the Open
/// Government Licence (docs/referrals.md, "Measures").
public struct ONS4: Sendable, Hashable, Codable {
    /// One of the four questions, by its ONS short name.
    public enum Question: String, CaseIterable, Sendable, Hashable, Codable {
        case satisfied, worthwhile, happy, anxious

        /// `true` for anxiety, where a lower answer is better.
        public var lowerIsBetter: Bool { self == .anxious }

        public init(from decoder: any Decoder) throws {
            self = try Self.decodeNamed(from: decoder, kind: "ONS4 question")
        }
    }

    /// ONS's threshold bands, which it uses to report how answers spread.
    ///
    /// Life satisfaction, worthwhile and happiness: 0–4 low, 5–6 medium, 7–8 high, 9–10 very
    /// high. Anxiety, where lower is better: 0–1 very low, 2–3 low, 4–5 medium, 6–10 high.
    public enum Band: String, Sendable, Hashable, Codable {
        case veryLow = "very-low"
        case low, medium, high
        case veryHigh = "very-high"
    }

    /// Overall, how satisfied with life nowadays (0–10; higher is better).
    public let satisfied: Int
    /// Overall, how far the things done in life are worthwhile (0–10; higher is better).
    public let worthwhile: Int
    /// Overall, how happy yesterday (0–10; higher is better).
    public let happy: Int
    /// Overall, how anxious yesterday (0–10; **lower** is better).
    public let anxious: Int

    /// The answers a question may take.
    public static let answerRange = 0...10

    /// The improvement, in points on one question, that Stitch counts as important: 1.
    ///
    /// ONS publishes no minimal important difference for its questions. One point is the
    /// smallest change an answer can make, and it is the unit HM Treasury's Green Book wellbeing
    /// guidance (2021) values for life satisfaction (the WELLBY: one point for one person for
    /// one year). It is a convention, not a validated threshold; docs/referrals.md says so.
    public static let minimalImportantDifference = 1

    /// Creates a set of answers, checking each.
    ///
    /// - Throws: ``ValidationErrors`` naming each answer outside 0 to 10 at its question
    ///   (`satisfied`, `anxious`…).
    public init(satisfied: Int, worthwhile: Int, happy: Int, anxious: Int) throws(ValidationErrors) {
        var errors: [ValidationError] = []
        for (question, value) in [
            (Question.satisfied, satisfied), (.worthwhile, worthwhile), (.happy, happy), (.anxious, anxious),
        ] {
            if let problem = Self.answerProblem(question, Double(value)) { errors.append(problem) }
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        self.satisfied = satisfied
        self.worthwhile = worthwhile
        self.happy = happy
        self.anxious = anxious
    }

    /// The answer to `question`.
    public subscript(question: Question) -> Int {
        switch question {
        case .satisfied: satisfied
        case .worthwhile: worthwhile
        case .happy: happy
        case .anxious: anxious
        }
    }

    /// ONS's band of the answer to `question`.
    public func band(_ question: Question) -> Band {
        Self.band(self[question], question: question)
    }

    /// ONS's band of an answer to `question` (0 to 10).
    public static func band(_ answer: Int, question: Question) -> Band {
        if question.lowerIsBetter {
            switch answer {
            case ...1: return .veryLow
            case 2...3: return .low
            case 4...5: return .medium
            default: return .high
            }
        }
        switch answer {
        case ...4: return .low
        case 5...6: return .medium
        case 7...8: return .high
        default: return .veryHigh
        }
    }

    static func answerProblem(_ question: Question, _ value: Double) -> ValidationError? {
        guard !(value == value.rounded() && answerRange.contains(Int(exactly: value) ?? -1)) else { return nil }
        let meaning =
            question.lowerIsBetter
            ? "0 (not at all anxious) to 10 (completely anxious)" : "0 (not at all) to 10 (completely)"
        return .init(
            field: question.rawValue,
            reason:
                "\(question.rawValue) \(RecordBounds.number(value)) is out of range; "
                + "expected a whole number from \(meaning)"
        )
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case satisfied, worthwhile, happy, anxious }

    /// The keys of its JSON object, one per question: any other is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        func answer(_ key: CodingKeys, _ question: Question) throws -> Int {
            guard let value = try c.decodeWholeNumber(forKey: key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: c.codingPath, debugDescription: "is required"))
            }
            if let problem = Self.answerProblem(question, Double(value)) {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: problem.reason)
            }
            return value
        }
        satisfied = try answer(.satisfied, .satisfied)
        worthwhile = try answer(.worthwhile, .worthwhile)
        happy = try answer(.happy, .happy)
        anxious = try answer(.anxious, .anxious)
    }
}
