import Foundation

extension OpenActiveFeedReader {
    /// RPDE: when an item id appears more than once, only its latest version counts (highest
    /// `modified`, then the later position in the page). Returns, for each item, whether it counts.
    static func latestVersions(_ items: [JSONValue]) -> [Bool] {
        var winner: [String: (modified: Double, index: Int)] = [:]
        for (index, item) in items.enumerated() {
            guard let id = item["id"]?.text else { continue }
            let modified = item["modified"]?.number ?? -.infinity
            if let current = winner[id], current.modified > modified { continue }
            winner[id] = (modified, index)
        }
        return items.enumerated().map { index, item in
            guard let id = item["id"]?.text else { return true }
            return winner[id]?.index == index
        }
    }

    /// A short licence name for the attribution: the Creative Commons URLs by name, others as given.
    static func licenceName(_ url: String?) -> String {
        guard let url, !url.isEmpty else { return "licence not stated" }
        let lower = url.lowercased()
        let known = [
            ("/by/4.0", "CC BY 4.0"), ("/by-sa/4.0", "CC BY-SA 4.0"), ("/by/3.0", "CC BY 3.0"),
            ("/zero/1.0", "CC0 1.0"),
            ("open-government-licence", "Open Government Licence"),
        ]
        return known.first { lower.contains($0.0) }?.1 ?? url
    }

    /// A decoding failure in a sentence.
    static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return String(describing: error)
    }
}
