import Foundation

/// A cost cell as a link worker's sheet writes it: `2.50`, `£2.50`, `50p`, `Free`, `£2 donation`,
/// `donation`, `£3 (£2 concessions)`.
///
/// The cost is pounds per session. A price alone is that price. Other words are read, and said
/// in a note so that the sheet's meaning is not lost: `Free` (or `no charge`, `none`) is 0; a
/// donation or "pay what you can" with no amount is 0 (nobody has to pay); a donation with an
/// amount is that amount; several amounts give the lowest, as Open Referral's cost options do.
/// A cell with neither an amount nor such a word cannot be read.
///
/// ```swift
/// CSVCost.read("£2 donation")   // (2, "'£2 donation' read as £2.00, a donation")
/// ```
enum CSVCost {
    /// Words that mean nothing has to be paid.
    static let freeWords = ["free", "no charge", "no cost", "none", "nothing", "nil", "gratis"]
    /// Words that mean a payment is asked for but not required.
    static let donationWords = ["donation", "donations", "pay what you can", "pay as you feel", "contribution"]

    /// The cost in pounds and a note when words beyond a plain price were read.
    static func read(_ text: String, field: String) throws(CellError) -> (cost: Double, note: String?) {
        let lower = text.lowercased()
        if let price = Self.plainPrice(lower) { return (price, nil) }
        let amounts = Self.amounts(in: lower)
        let words = OpenReferralVocabulary.words(lower)
        let padded = " \(words) "
        let free = freeWords.contains { padded.contains(" \($0) ") }
        let donation = donationWords.contains { padded.contains(" \($0) ") }
        if var lowest = amounts.min() {
            var why: [String] = []
            if free {
                lowest = 0
                why.append("free for some")
            }
            if donation { why.append("a donation") }
            if amounts.count > 1 { why.append("the lowest of \(amounts.count) amounts") }
            if why.isEmpty { why.append("the amount in it") }
            return (lowest, "'\(text)' read as \(Self.pounds(lowest)), \(why.joined(separator: ", "))")
        }
        if free { return (0, words == "free" ? nil : "'\(text)' read as free (£0.00)") }
        if donation { return (0, "'\(text)' read as free (£0.00): a donation is asked, not a fee") }
        throw CellError(
            field: field,
            reason: "'\(text)' is not a cost; accepted: a price in pounds (2.50, £2.50, 50p), free, "
                + "or a donation (donation, £2 donation)")
    }

    /// `£2.50` → "£2.50".
    static func pounds(_ value: Double) -> String { "£" + String(format: "%.2f", value) }

    /// `2`, `2.50`, `£2.50`, `£ 2` (a negative one too, for the model to refuse), with nothing else.
    private static func plainPrice(_ text: String) -> Double? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.first == "£" { rest = rest.dropFirst().drop(while: { $0 == " " }) }
        return Double(rest)
    }

    /// Every amount in a text: `£2.50`, `2.50`, `3`, `50p` (pence), in pounds. When some are
    /// marked as money (`£3`, `50p`), only those: `over 60s, £3` is £3. A number followed by other
    /// letters (`60s`, `2nd`) is no amount.
    static func amounts(in text: String) -> [Double] {
        let chars = Array(text)
        var out: [Double] = []
        var marked: [Double] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j + 1 < chars.count, chars[j] == ".", chars[j + 1].isASCII, chars[j + 1].isNumber {
                j += 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            }
            guard let value = Double(String(chars[i..<j])), value.isFinite else {
                i = j
                continue
            }
            let pence = j < chars.count && chars[j] == "p" && !(j + 1 < chars.count && chars[j + 1].isLetter)
            var before = i - 1
            while before >= 0, chars[before] == " " { before -= 1 }
            let pound = before >= 0 && chars[before] == "£"
            if pence || pound {
                marked.append(pence ? value / 100 : value)
            } else if !(j < chars.count && chars[j].isLetter) {
                out.append(value)
            }
            i = j
        }
        return marked.isEmpty ? out : marked
    }
}
