import Foundation

/// A language as an ISO 639-1 code ("en", "so"), the form `languages` takes on members and
/// activities.
///
/// Why a code and not a name: "Somali", "somali" and "Af-Soomaali" are one language, and two
/// letters compare without a dictionary. A code is two ASCII letters, read without regard to
/// case; ``packed`` folds it into a number the engine compares.
///
/// ```swift
/// LanguageCode.problem("so")       // nil
/// LanguageCode.name(of: "so")      // "Somali"
/// ```
public enum LanguageCode {
    /// Why `text` is not a language code, or `nil` when it is one.
    public static func problem(_ text: String) -> String? {
        packed(text) == nil
            ? "'\(text)' is not an ISO 639-1 language code; write two letters, such as \"en\" for English or \"so\" for Somali"
            : nil
    }

    /// The code as a number in 1…676 (`nil` when it is not two ASCII letters): equal for "SO" and "so".
    public static func packed(_ text: String) -> UInt16? {
        let bytes = text.utf8
        guard bytes.count == 2 else { return nil }
        var value: UInt16 = 0
        for b in bytes {
            let lower = b | 0x20
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) else { return nil }
            value = value * 26 + UInt16(lower - UInt8(ascii: "a"))
        }
        return value + 1
    }

    /// The code of a packed value, in lower case.
    public static func code(_ packed: UInt16) -> String {
        let v = packed - 1
        return String(decoding: [UInt8(ascii: "a") + UInt8(v / 26), UInt8(ascii: "a") + UInt8(v % 26)], as: UTF8.self)
    }

    /// The English name of a language, for reasons ("Speaks Somali"); the code itself for a
    /// language not in the table.
    public static func name(of code: String) -> String {
        names[code.lowercased()] ?? code.lowercased()
    }

    /// The code of a language written by its English name ("Somali", "english"), for sheets
    /// people fill in by hand; `nil` for a name not in the table.
    public static func code(named name: String) -> String? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return byName[wanted]
    }

    private static let byName: [String: String] = Dictionary(
        names.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: { a, _ in a })

    /// English names of the languages most spoken in UK communities (and the rest of the
    /// commoner ISO 639-1 codes).
    static let names: [String: String] = [
        "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian",
        "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German",
        "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
        "fr": "French", "ga": "Irish", "gd": "Scottish Gaelic", "gu": "Gujarati", "ha": "Hausa", "he": "Hebrew", "hi": "Hindi",
        "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "ig": "Igbo", "is": "Icelandic",
        "it": "Italian", "ja": "Japanese", "ka": "Georgian", "kk": "Kazakh", "km": "Khmer", "kn": "Kannada", "ko": "Korean",
        "ku": "Kurdish", "ky": "Kyrgyz", "ln": "Lingala", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
        "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese", "my": "Burmese",
        "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "om": "Oromo", "pa": "Punjabi", "pl": "Polish", "ps": "Pashto",
        "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "rw": "Kinyarwanda", "sd": "Sindhi", "si": "Sinhala",
        "sk": "Slovak", "sl": "Slovenian", "so": "Somali", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish",
        "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "th": "Thai", "ti": "Tigrinya", "tl": "Tagalog", "tr": "Turkish",
        "tw": "Twi", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "xh": "Xhosa", "yi": "Yiddish",
        "yo": "Yoruba", "zh": "Chinese", "zu": "Zulu",
    ]
}

extension RecordBounds {
    /// Checks a list of languages: within the list bounds, and each an ISO 639-1 code.
    public static func checkLanguages(_ codes: [String], field: String, into errors: inout [ValidationError]) {
        checkTexts(codes, field: field, into: &errors)
        for (i, code) in codes.enumerated() {
            if let problem = LanguageCode.problem(code) {
                errors.append(.init(field: "\(field)[\(i)]", reason: problem))
                return
            }
        }
    }
}
