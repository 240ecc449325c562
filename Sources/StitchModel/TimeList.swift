/// A list of times that may mix weekly slots and dated times: a request's `when` and an
/// activity's `schedule`.
///
/// Each entry is read by its form: an object with `day` is weekly (``Slot``); an object with
/// `date`, or an ISO 8601 interval string, is dated (``DatedSlot``). Anything else is refused at
/// its index with every accepted form, so the wire has one list and Swift has two typed ones.
public struct TimeList: Sendable, Hashable, Codable {
    /// The weekly slots, in the order given.
    public var weekly: [Slot]
    /// The dated times, in the order given.
    public var dated: [DatedSlot]

    public init(weekly: [Slot] = [], dated: [DatedSlot] = []) {
        self.weekly = weekly
        self.dated = dated
    }

    /// Every accepted form of an entry, for error messages.
    public static let acceptedForms =
        "expected a weekly time {\"day\": \"tue\", \"start\": \"10:00\", \"end\": \"12:00\"}, a dated time "
        + "{\"date\": \"2026-12-15\", \"start\": \"10:00\", \"end\": \"12:00\"} or an ISO 8601 interval "
        + "\"2026-12-15T10:00/2026-12-15T12:00\""

    public init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        var weekly: [Slot] = []
        var dated: [DatedSlot] = []
        while !list.isAtEnd {
            let entry = try list.decode(Entry.self)
            switch entry {
            case .weekly(let slot): weekly.append(slot)
            case .dated(let slot): dated.append(slot)
            }
        }
        self.weekly = weekly
        self.dated = dated
    }

    /// True when it holds no time.
    public var isEmpty: Bool { weekly.isEmpty && dated.isEmpty }

    /// Weekly first, then dated, as one array of the wire's forms.
    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for slot in weekly { try list.encode(slot) }
        for slot in dated { try list.encode(slot) }
    }

    /// One entry, by its form.
    enum Entry: Decodable {
        case weekly(Slot)
        case dated(DatedSlot)

        init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), (try? single.decode(String.self)) != nil {
                self = .dated(try DatedSlot(from: decoder))
                return
            }
            guard let object = try? decoder.container(keyedBy: AnyCodingKey.self) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: TimeList.acceptedForms))
            }
            let keys = Set(object.allKeys.map(\.stringValue))
            if keys.contains("date") && !keys.contains("day") {
                self = .dated(try DatedSlot(from: decoder))
            } else if keys.contains("day") && !keys.contains("date") {
                self = .weekly(try Slot(from: decoder))
            } else if !keys.contains("date"), keys.contains(where: { !Slot.fieldKeys.contains($0) }) {
                // A misspelt key (`dya`): the weekly reader names it and the key meant.
                self = .weekly(try Slot(from: decoder))
            } else {
                let why = keys.contains("day") ? "give either day (weekly) or date (one day), not both" : "needs a day or a date"
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "\(why); \(TimeList.acceptedForms)"))
            }
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes an optional list of weekly and dated times (``TimeList``), empty when absent or null.
    func decodeTimes(forKey key: Key) throws -> TimeList {
        try decodeIfPresent(TimeList.self, forKey: key) ?? TimeList()
    }
}
