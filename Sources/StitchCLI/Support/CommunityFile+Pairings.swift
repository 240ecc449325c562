import StitchApplication
import StitchModel

extension CommunityFile {
    /// The file's pairings as the service keeps them (``StitchService/pairings(of:people:today:)``),
    /// or an error naming each bad one in `source`.
    static func checkedPairings(of file: CommunityFile, source: String) throws -> [Pairing] {
        do {
            return try StitchService.pairings(of: file)
        } catch {
            throw CLIError.invalidInput(file: source, errors: error.errors)
        }
    }
}
