import StitchEngine
import StitchModel

/// The params of each method, decoded with field paths (see docs/protocol.md).
enum MethodParams {
    struct Load: Decodable {
        var path: String?
        var community: Community?
    }

    struct UpsertMember: Decodable { var member: Member }
    struct UpsertActivity: Decodable { var activity: Activity }
    struct RemoveByID: Decodable { var id: String }
    struct RecordExchange: Decodable { var exchange: Exchange }
    struct RecordAttendance: Decodable { var attendance: Attendance }

    struct Helpers: Decodable {
        var request: HelpRequest
        var limit: Int?
        var profile: ScoringProfile?

        private enum CodingKeys: String, CodingKey { case request, limit, profile }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            request = try c.decode(HelpRequest.self, forKey: .request)
            limit = try c.decodeWholeNumber(forKey: .limit)
            profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
        }
    }

    struct Opportunities: Decodable {
        var member: String
        var limit: Int?
        var profile: ScoringProfile?

        private enum CodingKeys: String, CodingKey { case member, limit, profile }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            member = try c.decode(String.self, forKey: .member)
            limit = try c.decodeWholeNumber(forKey: .limit)
            profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
        }
    }

    struct Refer: Decodable {
        var referral: Referral
        var limit: Int?
        var withBuddy: Bool?
        var profile: ScoringProfile?

        private enum CodingKeys: String, CodingKey { case referral, limit, withBuddy, profile }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            referral = try c.decode(Referral.self, forKey: .referral)
            limit = try c.decodeWholeNumber(forKey: .limit)
            withBuddy = try c.decodeIfPresent(Bool.self, forKey: .withBuddy)
            profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
        }
    }

    struct Network: Decodable {
        var k: Int?

        private enum CodingKeys: String, CodingKey { case k }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            k = try c.decodeWholeNumber(forKey: .k)
            if let k, !(1...50).contains(k) {
                throw DecodingError.dataCorruptedError(forKey: .k, in: c, debugDescription: "must be between 1 and 50")
            }
        }
    }

    struct Weights: Decodable {
        var profile: ScoringProfile?
        var weights: FactorWeights?
    }

    struct Calibrate: Decodable { var profile: ScoringProfile? }
}

/// Results of the write methods.
enum MethodResults {
    struct Loaded: Encodable, Sendable {
        var members: Int
        var activities: Int
        var exchanges: Int
        var attendance: Int
    }

    struct ID: Encodable, Sendable { var id: String }

    struct Balance: Encodable, Sendable {
        var id: String
        var balance: Double
    }

    struct Balances: Encodable, Sendable {
        var giver: Balance
        var receiver: Balance
    }

    struct Weights: Encodable, Sendable {
        var profile: ScoringProfile
        var weights: FactorWeights
    }

    /// `weights.calibrate`: the weights' shape, with the number of outcomes fitted.
    struct Calibrated: Encodable, Sendable {
        var profile: ScoringProfile
        var weights: FactorWeights
        var outcomes: Int
    }

    struct Health: Encodable, Sendable {
        var status: String
        var members: Int
        var activities: Int
        var referenceDate: String
        /// True while writes since the last full build wait for the background rebuild.
        var rebuildPending: Bool
    }
}
