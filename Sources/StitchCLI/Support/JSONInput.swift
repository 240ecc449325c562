import Foundation
import StitchApplication
import StitchModel

/// Reads JSON files and strings strictly (``JSONDocument``), turning every failure into an
/// error that names the place: a line and column when the text is not JSON
/// (`plan.json:12:5: not valid JSON: a trailing comma before '}': remove the comma`), else the
/// field (`referrals[0].goal: unknown field 'goal'; did you mean 'goals'?`).
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
            return try JSONDocument.decode(type, from: data, prefix: prefix)
        } catch {
            switch error {
            case .notJSON(let problem): throw CLIError.notJSON(file: source, problem)
            case .invalid(let error): throw CLIError.invalidInput(file: source, errors: [error])
            }
        }
    }
}
