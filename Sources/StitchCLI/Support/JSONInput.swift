import Foundation
import StitchModel

/// Reads JSON files and strings, turning every failure into an error that names the field.
enum JSONInput {
    static func decode<T: Decodable>(_ type: T.Type, fromFile path: String) throws -> T {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        return try decode(type, from: data, source: path)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, source: String, prefix: String = "") throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            let v = ValidationError(error, prefix: prefix)
            if case .dataCorrupted(let c) = error, c.codingPath.isEmpty {
                throw CLIError.invalidInput(file: source, errors: [ValidationError(field: "$", reason: "not valid JSON: \(c.underlyingError.map { "\($0)" } ?? c.debugDescription)")])
            }
            throw CLIError.invalidInput(file: source, errors: [v])
        }
    }
}
