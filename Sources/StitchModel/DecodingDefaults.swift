extension KeyedDecodingContainer {
    /// Decodes an optional field, falling back to a default when the key is absent or null.
    @inlinable
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key, default value: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(type, forKey: key) ?? value()
    }

    /// Decodes a required non-empty identifier.
    func decodeIdentifier(forKey key: Key) throws -> String {
        let id = try decode(String.self, forKey: key)
        if let problem = RecordBounds.idProblem(id) {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: problem)
        }
        return id
    }

    /// Decodes an optional non-negative finite number.
    func decodeNonNegative(forKey key: Key) throws -> Double? {
        guard let value = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard value.isFinite, value >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(value) must be a non-negative number")
        }
        return value
    }

    /// Decodes an optional whole number, with a clear error naming the field for a fraction
    /// ("must be a whole number") or a value beyond ±10^15 ("is out of range"), rather than the
    /// decoder's generic "not valid JSON" without a field.
    public func decodeWholeNumber(forKey key: Key) throws -> Int? {
        let read: Double?
        do {
            read = try decodeIfPresent(Double.self, forKey: key)
        } catch DecodingError.typeMismatch {
            throw DecodingError.typeMismatch(Int.self, .init(codingPath: codingPath + [key], debugDescription: "expected a whole number"))
        }
        guard let value = read else { return nil }
        guard value.isFinite, abs(value) < 1e15 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "is out of range")
        }
        guard value == value.rounded() else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must be a whole number")
        }
        return Int(value)
    }

    /// Decodes an optional non-negative integer.
    func decodeCount(forKey key: Key) throws -> Int? {
        guard let value = try decodeWholeNumber(forKey: key) else { return nil }
        guard value >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(value) must not be negative")
        }
        return value
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
