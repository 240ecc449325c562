import Testing

@testable import StitchText

/// The tokenizer's rules on a small vocabulary.
@Suite("WordPiece tokenizer")
struct WordPieceTokenizerTests {
    private static let tokenizer: WordPieceTokenizer = {
        let tokens = [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "cafe", "help", "!", ",", "garden", "##ing", "中",
            "'", "s",
        ]
        return try! WordPieceTokenizer(
            vocabulary: tokens.enumerated().map { ($0.element, Int32($0.offset)) }, maxLength: 8, maxCharactersPerWord: 12)
    }()

    @Test("greedy longest match first with ## continuations")
    func pieces() {
        #expect(Self.tokenizer.tokenize("unaffable gardening") == ["un", "##aff", "##able", "garden", "##ing"])
    }

    @Test("lower-casing, accent stripping and punctuation splitting")
    func normalisation() {
        #expect(Self.tokenizer.tokenize("CAFÉ,Help!") == ["cafe", ",", "help", "!"])
        #expect(Self.tokenizer.tokenize("Cafe\u{0301}'s") == ["cafe", "'", "s"])
    }

    @Test("control characters are dropped, CJK ideographs spaced, unknown words one [UNK]")
    func unknowns() {
        #expect(Self.tokenizer.tokenize("gar\u{0007}den中help") == ["garden", "中", "help"])
        #expect(Self.tokenizer.tokenize("unknowable") == ["[UNK]"])
        #expect(Self.tokenizer.tokenize("gardeninggardening") == ["[UNK]"])
    }

    @Test("encodings are framed and cut to the maximum length")
    func framing() {
        let ids = Self.tokenizer.encode("help help help help help help help help")
        #expect(ids == [2, 8, 8, 8, 8, 8, 8, 3])
        #expect(Self.tokenizer.encode("") == [2, 3])
    }
}
