import StitchApplication

/// One JSON-RPC 2.0 response: a result or an error, with the request's id.
struct RPCResponse: Encodable {
    let jsonrpc = "2.0"
    let id: RPCID
    let result: (any Encodable & Sendable)?
    let error: ServiceError?

    private enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(jsonrpc, forKey: .jsonrpc)
        try c.encode(id, forKey: .id)
        if let error {
            try c.encode(error, forKey: .error)
        } else if let result {
            try c.encode(result, forKey: .result)
        } else {
            try c.encode(EmptyResult(), forKey: .result)
        }
    }
}
