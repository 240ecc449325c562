import Foundation

/// Why a tokenizer could not be built from its files.
public struct TokenizerError: Error, CustomStringConvertible, Sendable {
    /// The message, naming the file and what is wrong with it.
    public let description: String
}

/// BERT's tokenizer: the basic tokenizer (clean-up, lower-casing, accent stripping, spacing of
/// Chinese characters, splitting on whitespace and punctuation) followed by WordPiece, as Hugging
/// Face's `tokenizers` runs a `BertNormalizer`, `BertPreTokenizer` and `WordPiece` model, with
/// `[CLS]` and `[SEP]` around the pieces.
///
/// Characters are Unicode scalars throughout, as the reference counts them.
///
/// 1. Clean-up: NUL, U+FFFD and the control, format, private-use and surrogate characters (Cc, Cf,
///    Co, Cs; tab, line feed and carriage return excepted) are dropped; each whitespace character
///    becomes a space.
/// 2. Every CJK ideograph gets a space on each side.
/// 3. Accent stripping (when on; by default it follows lower-casing): canonical decomposition (NFD)
///    and removal of the nonspacing marks (Mn).
/// 4. Lower-casing, each scalar by its own full lower-case mapping.
/// 5. Words are split at whitespace; each punctuation character (ASCII punctuation or a Unicode P*
///    category) is a word of its own.
/// 6. WordPiece: greedy longest match first, from the left, continuation pieces prefixed with `##`;
///    a word longer than `maxCharactersPerWord` or with a part no piece matches is one `[UNK]`.
/// 7. The pieces are cut to `maxLength - 2` and framed as `[CLS] … [SEP]`.
///
/// Before all this, the added tokens of a `tokenizer.json` (`[CLS]`, `[SEP]`, `[UNK]`, `[PAD]`,
/// `[MASK]` for BERT) are found in the raw text, longest first from the left, and stand for their
/// own ids; the text between them goes through the steps above.
public struct WordPieceTokenizer: Sendable {
    /// Each token by its id (an id the vocabulary skips has an empty token).
    public let tokens: [String]
    /// The most ids ``encode(_:)`` returns, `[CLS]` and `[SEP]` included.
    public let maxLength: Int
    /// Whether text is lower-cased.
    public let lowercase: Bool
    /// Whether accents are stripped (NFD, then the Mn marks dropped).
    public let stripAccents: Bool
    /// Whether CJK ideographs are spaced into words of their own.
    public let handleChineseCharacters: Bool
    /// Whether control characters are dropped and whitespace made plain spaces.
    public let cleanText: Bool
    /// The prefix of a piece that continues a word (`##`).
    public let continuationPrefix: String
    /// Words longer than this many characters become `[UNK]` whole.
    public let maxCharactersPerWord: Int
    /// The id of `[CLS]`, which opens every encoding.
    public let classifierID: Int32
    /// The id of `[SEP]`, which closes every encoding.
    public let separatorID: Int32
    /// The id of `[UNK]`, for words WordPiece cannot split.
    public let unknownID: Int32
    /// The id of `[PAD]` (0 for BERT's vocabulary).
    public let paddingID: Int32

    /// Each token's id, keyed by the token's UTF-8 bytes: Swift's `String` compares canonically
    /// equivalent spellings as equal, the reference compares scalars.
    private let pieceIDs: [[UInt8]: Int32]
    private let prefixBytes: [UInt8]
    /// The added tokens matched in the raw text, longest first.
    private let addedTokens: [(bytes: [UInt8], id: Int32)]

    /// A tokenizer over `vocabulary` (token, id).
    ///
    /// - Parameter stripAccents: `nil` follows `lowercase`, as BERT does.
    /// - Throws: ``TokenizerError`` when a special token is missing or `maxLength` leaves no room
    ///   for a piece.
    public init(
        vocabulary: [(token: String, id: Int32)], maxLength: Int, lowercase: Bool = true, stripAccents: Bool? = nil,
        handleChineseCharacters: Bool = true, cleanText: Bool = true, continuationPrefix: String = "##",
        maxCharactersPerWord: Int = 100, unknownToken: String = "[UNK]", addedTokens: [(token: String, id: Int32)] = []
    ) throws {
        var ids: [[UInt8]: Int32] = [:]
        ids.reserveCapacity(vocabulary.count)
        var tokens = [String](repeating: "", count: Int(vocabulary.map(\.id).max() ?? -1) + 1)
        for (token, id) in vocabulary {
            guard id >= 0 else { throw TokenizerError(description: "token \(token) has the negative id \(id)") }
            let bytes = Array(token.utf8)
            if ids[bytes] == nil { ids[bytes] = id }
            tokens[Int(id)] = token
        }
        func id(_ token: String) throws -> Int32 {
            guard let id = ids[Array(token.utf8)] else {
                throw TokenizerError(description: "the vocabulary has no \(token) token")
            }
            return id
        }
        guard maxLength >= 3 else {
            throw TokenizerError(description: "a maximum length of \(maxLength) leaves no room between [CLS] and [SEP]")
        }
        self.pieceIDs = ids
        self.tokens = tokens
        self.maxLength = maxLength
        self.lowercase = lowercase
        self.stripAccents = stripAccents ?? lowercase
        self.handleChineseCharacters = handleChineseCharacters
        self.cleanText = cleanText
        self.continuationPrefix = continuationPrefix
        self.prefixBytes = Array(continuationPrefix.utf8)
        self.addedTokens = addedTokens.filter { !$0.token.isEmpty }.map { (Array($0.token.utf8), $0.id) }
            .sorted { $0.bytes.count > $1.bytes.count }
        self.maxCharactersPerWord = maxCharactersPerWord
        self.classifierID = try id("[CLS]")
        self.separatorID = try id("[SEP]")
        self.unknownID = try id(unknownToken)
        self.paddingID = try id("[PAD]")
    }

    /// A lower-casing BERT tokenizer over a `vocab.txt` (one token a line, the id is the line's
    /// index from 0).
    public init(vocabularyFile url: URL, maxLength: Int) throws {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw TokenizerError(description: "\(url.path): cannot read the vocabulary (\(error.localizedDescription))")
        }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var vocabulary: [(token: String, id: Int32)] = []
        vocabulary.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            vocabulary.append((String(decoding: trimmed, as: UTF8.self), Int32(index)))
        }
        do {
            try self.init(vocabulary: vocabulary, maxLength: maxLength)
        } catch let error as TokenizerError {
            throw TokenizerError(description: "\(url.path): \(error.description)")
        }
    }

    /// The tokenizer a Hugging Face `tokenizer.json` describes, which must be a `BertNormalizer`,
    /// a `BertPreTokenizer` and a `WordPiece` model.
    ///
    /// - Parameter maxLength: the most ids an encoding holds; `nil` takes the file's truncation
    ///   length.
    public init(tokenizerFile url: URL, maxLength: Int? = nil) throws {
        func fail(_ reason: String) -> TokenizerError {
            TokenizerError(description: "\(url.path): \(reason)")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        } catch {
            throw fail("cannot read it as JSON (\(error.localizedDescription))")
        }
        guard let root = json as? [String: Any], let model = root["model"] as? [String: Any],
            let vocab = model["vocab"] as? [String: Any]
        else { throw fail("no model.vocab object") }
        guard (model["type"] as? String) == "WordPiece" else {
            throw fail("the model is \(model["type"] ?? "unnamed"), not WordPiece")
        }
        let normalizer = root["normalizer"] as? [String: Any] ?? [:]
        guard (normalizer["type"] as? String) == "BertNormalizer" else {
            throw fail("the normalizer is \(normalizer["type"] ?? "missing"), not BertNormalizer")
        }
        let preTokenizer = root["pre_tokenizer"] as? [String: Any] ?? [:]
        guard (preTokenizer["type"] as? String) == "BertPreTokenizer" else {
            throw fail("the pre-tokenizer is \(preTokenizer["type"] ?? "missing"), not BertPreTokenizer")
        }
        var vocabulary: [(token: String, id: Int32)] = []
        vocabulary.reserveCapacity(vocab.count)
        for (token, value) in vocab {
            guard let id = value as? Int, let id32 = Int32(exactly: id) else {
                throw fail("the id of \(token) is not an integer")
            }
            vocabulary.append((token, id32))
        }
        var added: [(token: String, id: Int32)] = []
        for entry in root["added_tokens"] as? [[String: Any]] ?? [] {
            guard let content = entry["content"] as? String, let id = entry["id"] as? Int, let id32 = Int32(exactly: id) else {
                throw fail("an added token lacks its content or id")
            }
            guard entry["normalized"] as? Bool != true, entry["lstrip"] as? Bool != true, entry["rstrip"] as? Bool != true,
                entry["single_word"] as? Bool != true
            else {
                throw fail("added token \(content) asks for normalisation, stripping or whole-word matching, which is not supported")
            }
            added.append((content, id32))
        }
        let truncation = root["truncation"] as? [String: Any]
        guard let length = maxLength ?? (truncation?["max_length"] as? Int) else {
            throw fail("no truncation length, and none was given")
        }
        do {
            try self.init(
                vocabulary: vocabulary, maxLength: length,
                lowercase: normalizer["lowercase"] as? Bool ?? true,
                stripAccents: normalizer["strip_accents"] as? Bool,
                handleChineseCharacters: normalizer["handle_chinese_chars"] as? Bool ?? true,
                cleanText: normalizer["clean_text"] as? Bool ?? true,
                continuationPrefix: model["continuing_subword_prefix"] as? String ?? "##",
                maxCharactersPerWord: model["max_input_chars_per_word"] as? Int ?? 100,
                unknownToken: model["unk_token"] as? String ?? "[UNK]", addedTokens: added)
        } catch let error as TokenizerError {
            throw fail(error.description)
        }
    }

    /// The ids of `text`: `[CLS]`, its WordPiece ids cut to `maxLength - 2`, `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        var ids: [Int32] = [classifierID]
        let room = maxLength - 2
        segments: for segment in segments(text) {
            switch segment {
            case .added(let id):
                if ids.count - 1 >= room { break segments }
                ids.append(id)
            case .text(let text):
                for word in words(text) {
                    if ids.count - 1 >= room { break segments }
                    appendPieces(of: word, to: &ids)
                }
            }
        }
        if ids.count - 1 > room { ids.removeLast(ids.count - 1 - room) }
        ids.append(separatorID)
        return ids
    }

    /// The WordPiece tokens of `text`, without `[CLS]`, `[SEP]` or truncation.
    public func tokenize(_ text: String) -> [String] {
        var ids: [Int32] = []
        for segment in segments(text) {
            switch segment {
            case .added(let id): ids.append(id)
            case .text(let text): for word in words(text) { appendPieces(of: word, to: &ids) }
            }
        }
        return ids.map { tokens[Int($0)] }
    }

    // MARK: Added tokens

    /// A stretch of raw text, or an added token found in it.
    enum Segment {
        /// Text to normalise and split.
        case text(String)
        /// An added token's id.
        case added(Int32)
    }

    /// `text` cut at the added tokens it holds, matched on its raw UTF-8 bytes (longest first at
    /// each position; UTF-8 is self-synchronising, so a match starts and ends on scalar boundaries).
    func segments(_ text: String) -> [Segment] {
        guard !addedTokens.isEmpty else { return [.text(text)] }
        let bytes = Array(text.utf8)
        var segments: [Segment] = []
        var start = 0
        var position = 0
        while position < bytes.count {
            if let match = addedTokens.first(where: { token in
                token.bytes.count <= bytes.count - position
                    && bytes[position..<position + token.bytes.count].elementsEqual(token.bytes)
            }) {
                if start < position { segments.append(.text(String(decoding: bytes[start..<position], as: UTF8.self))) }
                segments.append(.added(match.id))
                position += match.bytes.count
                start = position
            } else {
                position += 1
            }
        }
        if start < bytes.count { segments.append(.text(String(decoding: bytes[start...], as: UTF8.self))) }
        return segments
    }

    // MARK: The basic tokenizer

    /// `text` normalised and split into words (arrays of scalars).
    func words(_ text: String) -> [[Unicode.Scalar]] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if cleanText {
                if scalar.value == 0 || scalar.value == 0xFFFD || Self.isOther(scalar) { continue }
                if Self.isWhitespace(scalar) {
                    scalars.append(" ")
                    continue
                }
            }
            if handleChineseCharacters, Self.isChineseCharacter(scalar) {
                scalars.append(" ")
                scalars.append(scalar)
                scalars.append(" ")
            } else {
                scalars.append(scalar)
            }
        }
        if stripAccents {
            let decomposed = String(String.UnicodeScalarView(scalars)).decomposedStringWithCanonicalMapping
            scalars = decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        }
        if lowercase {
            var lowered: [Unicode.Scalar] = []
            lowered.reserveCapacity(scalars.count)
            for scalar in scalars {
                if scalar.isASCII {
                    lowered.append(scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar)
                } else {
                    lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
            scalars = lowered
        }
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in scalars {
            if Self.isWhitespace(scalar) {
                if !current.isEmpty { words.append(current) }
                current = []
            } else if Self.isPunctuation(scalar) {
                if !current.isEmpty { words.append(current) }
                current = []
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Categories Cc, Cf, Co and Cs, less tab, line feed and carriage return. Unassigned code
    /// points (Cn) are kept, as the reference keeps them (they end as `[UNK]`).
    static func isOther(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\r": return false
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .privateUse, .surrogate: return true
            default: return false
            }
        }
    }

    /// The Unicode White_Space property, with tab, line feed and carriage return.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\n", "\r", " ": return true
        default: return scalar.properties.isWhitespace
        }
    }

    /// ASCII punctuation and symbols (`!` to `/`, `:` to `@`, `[` to `` ` ``, `{` to `~`), and the
    /// Unicode punctuation categories (Pc, Pd, Ps, Pe, Pi, Pf, Po).
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
            || (123...126).contains(value)
        {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// The CJK Unified Ideographs blocks and their extensions and compatibility blocks, as BERT
    /// lists them.
    static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
            0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }

    // MARK: WordPiece

    /// Appends the WordPiece ids of one word: greedy longest match first.
    func appendPieces(of word: [Unicode.Scalar], to ids: inout [Int32]) {
        if word.count > maxCharactersPerWord {
            ids.append(unknownID)
            return
        }
        // The word's UTF-8 bytes, and where each scalar starts in them.
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        offsets.reserveCapacity(word.count + 1)
        for scalar in word {
            offsets.append(bytes.count)
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        offsets.append(bytes.count)
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while start < end {
                var candidate: [UInt8] = start > 0 ? prefixBytes : []
                candidate.append(contentsOf: bytes[offsets[start]..<offsets[end]])
                if let id = pieceIDs[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                ids.append(unknownID)
                return
            }
            pieces.append(id)
            start = end
        }
        ids.append(contentsOf: pieces)
    }
}
