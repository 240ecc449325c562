public import StitchModel

extension MethodParams {
    /// Making an account: its name, role and password.
    public struct AddAccount: Decodable, Sendable {
        public var name: String
        public var role: AccountRole
        public var password: String

        public init(name: String, role: AccountRole, password: String) {
            self.name = name
            self.role = role
            self.password = password
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case name, role, password }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            name = try c.decode(String.self, forKey: .name)
            role = try c.decode(AccountRole.self, forKey: .role)
            password = try c.decode(String.self, forKey: .password)
        }
    }

    /// Logging in: a name and a password.
    public struct LogIn: Decodable, Sendable {
        public var name: String
        public var password: String

        public init(name: String, password: String) {
            self.name = name
            self.password = password
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case name, password }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            name = try c.decode(String.self, forKey: .name)
            password = try c.decode(String.self, forKey: .password)
        }
    }
}
