public import Foundation
import StitchModel

extension MethodParams {
    /// Reads a use case's input from JSON bytes, strictly (an unknown key is refused with the
    /// nearest known one), naming the first bad field under `params`.
    ///
    /// The one reader of a request's input for every interface: the JSON-RPC transports give it
    /// a request's `params`, the HTTP interface a request's body, the MCP adapter a tool's
    /// arguments, so the same input gets the same answer or the same error everywhere.
    ///
    /// - Parameter alsoAllowed: keys allowed at the top besides the input's own (the JSON-RPC
    ///   transports' `auth`), ignored by the input's reader.
    public static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, alsoAllowed: [String] = []
    ) throws(ServiceError) -> T {
        let decoder = JSONDecoder()
        if !alsoAllowed.isEmpty { decoder.userInfo[RecordKeys.alsoAllowedAtTop] = alsoAllowed }
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw ServiceError.invalidParams(ValidationError(error))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(.invalidParams, "Invalid params", field: "params", reason: "could not be read")
        }
    }
}
