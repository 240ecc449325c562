/// Small pieces of plain English shared by every message Stitch writes for people.
public enum Wording {
    /// "1 member", "2 members", "1 activity", "3 activities", "0 people".
    ///
    /// The plural is the English regular one (a consonant then y → ies; s, x, z, ch, sh → es; else s),
    /// or `plural` when given; "person" becomes "people".
    public static func count(_ n: some BinaryInteger, _ singular: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : (plural ?? Self.plural(of: singular)))"
    }

    /// The regular English plural of a noun (the last word of `singular` when it has several).
    public static func plural(of singular: String) -> String {
        if singular.hasSuffix("person") { return singular.dropLast(6) + "people" }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if singular.hasSuffix("y"), let before = singular.dropLast().last, !vowels.contains(before) {
            return singular.dropLast() + "ies"
        }
        for ending in ["s", "x", "z", "ch", "sh"] where singular.hasSuffix(ending) { return singular + "es" }
        return singular + "s"
    }

    /// Items joined as people write a list: "a", "a or b", "a, b or c".
    public static func list(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }
}
