/// Turns free text into the lowercase-hyphenated form used in Stitch ids.
///
/// Only ASCII letters and digits survive; every other run of characters becomes one hyphen.
/// `"Crossfit Open Box"` becomes `"crossfit-open-box"`, `"Rpm™"` becomes `"rpm"`.
enum Slug {
    static func make(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isDigit = (48...57).contains(v)
            let isUpper = (65...90).contains(v)
            let isLower = (97...122).contains(v)
            if isDigit || isUpper || isLower {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(isUpper ? Unicode.Scalar(v + 32)! : scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "x" : out
    }
}
