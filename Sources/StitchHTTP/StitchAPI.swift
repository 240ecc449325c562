import Foundation
import OpenAPIRuntime
import StitchApplication
import StitchEngine
import StitchModel
import StitchPlanning

/// The operations of the HTTP interface: the protocol generated from openapi.yaml, each a thin
/// adapter over ``StitchService``, exactly as the JSON-RPC method its operation names.
///
/// A body is read by the application layer's one reader, `MethodParams.decode(_:from:)`, from the
/// body's JSON: an action's body is the method's params, a record's body is read as the params'
/// record (`params.member`), so the same input gets the same error over either protocol.
struct StitchAPI: APIProtocol {
    let service: StitchService
    let statistics: RequestStatistics

    // MARK: Server

    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        .ok(.init(body: .json(try Self.json(await service.snapshot().health))))
    }

    func stats(_ input: Operations.Stats.Input) async throws -> Operations.Stats.Output {
        .ok(.init(body: .json(try Self.json(statistics.snapshot()))))
    }

    // MARK: Records

    func loadCommunity(_ input: Operations.LoadCommunity.Input) async throws -> Operations.LoadCommunity.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.Load.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.load(params)))))
    }

    func upsertMember(_ input: Operations.UpsertMember.Input) async throws -> Operations.UpsertMember.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.UpsertMember.self, body, as: "member")
        try Self.check(params.member.id, matches: input.path.id, at: "params.member.id")
        return .ok(.init(body: .json(try Self.json(try await service.upsert(member: params.member)))))
    }

    func removeMember(_ input: Operations.RemoveMember.Input) async throws -> Operations.RemoveMember.Output {
        .ok(.init(body: .json(try Self.json(try await service.removeMember(input.path.id)))))
    }

    func upsertActivity(_ input: Operations.UpsertActivity.Input) async throws -> Operations.UpsertActivity.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.UpsertActivity.self, body, as: "activity")
        try Self.check(params.activity.id, matches: input.path.id, at: "params.activity.id")
        return .ok(.init(body: .json(try Self.json(try await service.upsert(activity: params.activity)))))
    }

    func removeActivity(_ input: Operations.RemoveActivity.Input) async throws -> Operations.RemoveActivity.Output {
        .ok(.init(body: .json(try Self.json(try await service.removeActivity(input.path.id)))))
    }

    func recordExchange(_ input: Operations.RecordExchange.Input) async throws -> Operations.RecordExchange.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.RecordExchange.self, body, as: "exchange")
        return .ok(.init(body: .json(try Self.json(try await service.record(exchange: params.exchange)))))
    }

    // MARK: Ledger

    func recordLedgerEntry(_ input: Operations.RecordLedgerEntry.Input) async throws -> Operations.RecordLedgerEntry.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.RecordLedgerEntry.self, body, as: "entry")
        return .ok(.init(body: .json(try Self.json(try await service.recordLedgerEntry(params)))))
    }

    func ledgerBalances(_ input: Operations.LedgerBalances.Input) async throws -> Operations.LedgerBalances.Output {
        let params: MethodParams.LedgerBalances
        switch input.body {
        case .json(let body)?: params = try Self.read(MethodParams.LedgerBalances.self, body)
        case nil: params = MethodParams.LedgerBalances()
        }
        return .ok(.init(body: .json(try Self.json(try await service.ledgerBalances(params)))))
    }

    func listLedgerAccounts(_ input: Operations.ListLedgerAccounts.Input) async throws -> Operations.ListLedgerAccounts.Output {
        .ok(.init(body: .json(try Self.json(await service.listLedgerAccounts()))))
    }

    func addLedgerAccount(_ input: Operations.AddLedgerAccount.Input) async throws -> Operations.AddLedgerAccount.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.AddLedgerAccount.self, body, as: "account")
        return .ok(.init(body: .json(try Self.json(try await service.addLedgerAccount(params)))))
    }

    func exportBalances(_ input: Operations.ExportBalances.Input) async throws -> Operations.ExportBalances.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.ExportBalances.self, body)
        return .ok(.init(body: .json(try Self.json(await service.exportBalances(params)))))
    }

    func importBalances(_ input: Operations.ImportBalances.Input) async throws -> Operations.ImportBalances.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.ImportBalances.self, body, as: "transfer")
        return .ok(.init(body: .json(try Self.json(try await service.importBalances(params)))))
    }

    func recordAttendance(_ input: Operations.RecordAttendance.Input) async throws -> Operations.RecordAttendance.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.RecordAttendance.self, body, as: "attendance")
        return .ok(.init(body: .json(try Self.json(try await service.record(attendance: params.attendance)))))
    }

    func recordOutcome(_ input: Operations.RecordOutcome.Input) async throws -> Operations.RecordOutcome.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let outcome = try Self.read(Outcome.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.record(outcome: outcome)))))
    }

    // MARK: Matching

    func whoCanHelp(_ input: Operations.WhoCanHelp.Input) async throws -> Operations.WhoCanHelp.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.Helpers.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.whoCanHelp(params)))))
    }

    func opportunities(_ input: Operations.Opportunities.Input) async throws -> Operations.Opportunities.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.Opportunities.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.opportunities(params)))))
    }

    func referActivities(_ input: Operations.ReferActivities.Input) async throws -> Operations.ReferActivities.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.Refer.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.refer(params)))))
    }

    func explain(_ input: Operations.Explain.Input) async throws -> Operations.Explain.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let query = try Self.read(ExplainQuery.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.explain(query)))))
    }

    func dismissMatch(_ input: Operations.DismissMatch.Input) async throws -> Operations.DismissMatch.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let dismissal = try Self.read(Dismissal.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.dismiss(dismissal)))))
    }

    func undismissMatch(_ input: Operations.UndismissMatch.Input) async throws -> Operations.UndismissMatch.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.Undismiss.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.undismiss(params)))))
    }

    func listDismissals(_ input: Operations.ListDismissals.Input) async throws -> Operations.ListDismissals.Output {
        let params: MethodParams.Dismissals
        switch input.body {
        case .json(let body)?: params = try Self.read(MethodParams.Dismissals.self, body)
        case nil: params = MethodParams.Dismissals()
        }
        return .ok(.init(body: .json(try Self.json(try await service.listDismissals(params)))))
    }

    func askHelper(_ input: Operations.AskHelper.Input) async throws -> Operations.AskHelper.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let ask = try Self.read(Ask.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.ask(ask)))))
    }

    func listAsks(_ input: Operations.ListAsks.Input) async throws -> Operations.ListAsks.Output {
        let params: MethodParams.Asks
        switch input.body {
        case .json(let body)?: params = try Self.read(MethodParams.Asks.self, body)
        case nil: params = MethodParams.Asks()
        }
        return .ok(.init(body: .json(try Self.json(try await service.listAsks(params)))))
    }

    func startPairing(_ input: Operations.StartPairing.Input) async throws -> Operations.StartPairing.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let pairing = try Self.read(Pairing.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.startPairing(pairing)))))
    }

    func reviewPairing(_ input: Operations.ReviewPairing.Input) async throws -> Operations.ReviewPairing.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.PairingReview.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.reviewPairing(params)))))
    }

    func endPairing(_ input: Operations.EndPairing.Input) async throws -> Operations.EndPairing.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.PairingEnd.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.endPairing(params)))))
    }

    func listPairings(_ input: Operations.ListPairings.Input) async throws -> Operations.ListPairings.Output {
        let params: MethodParams.Pairings
        switch input.body {
        case .json(let body)?: params = try Self.read(MethodParams.Pairings.self, body)
        case nil: params = MethodParams.Pairings()
        }
        return .ok(.init(body: .json(try Self.json(try await service.listPairings(params)))))
    }

    // MARK: Planning

    func plan(_ input: Operations.Plan.Input) async throws -> Operations.Plan.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let request = try Self.read(PlanRequest.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.plan(request)))))
    }

    func analyseNetwork(_ input: Operations.AnalyseNetwork.Input) async throws -> Operations.AnalyseNetwork.Output {
        let params: MethodParams.Network
        switch input.body {
        case .json(let body)?: params = try Self.read(MethodParams.Network.self, body)
        case nil: params = try MethodParams.decode(MethodParams.Network.self, from: Data("{}".utf8))
        }
        return .ok(.init(body: .json(try Self.json(try await service.analyseNetwork(params)))))
    }

    // MARK: Weights

    func getWeights(_ input: Operations.GetWeights.Input) async throws -> Operations.GetWeights.Output {
        var fields: [String: String] = [:]
        if let profile = input.query.profile { fields["profile"] = profile.rawValue }
        let params = try MethodParams.decode(MethodParams.Weights.self, from: try JSONEncoder().encode(fields))
        return .ok(.init(body: .json(try Self.json(try await service.weights(params, set: false)))))
    }

    func setWeights(_ input: Operations.SetWeights.Input) async throws -> Operations.SetWeights.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.Weights.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.weights(params, set: true)))))
    }

    func calibrateWeights(_ input: Operations.CalibrateWeights.Input) async throws -> Operations.CalibrateWeights.Output {
        let params: MethodParams.Calibrate
        switch input.body {
        case .json(let body)?: params = try Self.read(MethodParams.Calibrate.self, body)
        case nil: params = try MethodParams.decode(MethodParams.Calibrate.self, from: Data("{}".utf8))
        }
        return .ok(.init(body: .json(try Self.json(try await service.calibrate(params)))))
    }

    func learnWeights(_ input: Operations.LearnWeights.Input) async throws -> Operations.LearnWeights.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.LearnWeights.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.learnWeights(params)))))
    }

    func weightFits(_ input: Operations.WeightFits.Input) async throws -> Operations.WeightFits.Output {
        var fields: [String: String] = [:]
        if let profile = input.query.profile { fields["profile"] = profile.rawValue }
        let params = try MethodParams.decode(MethodParams.WeightFits.self, from: try JSONEncoder().encode(fields))
        return .ok(.init(body: .json(try Self.json(try await service.weightFits(params)))))
    }

    func applyWeights(_ input: Operations.ApplyWeights.Input) async throws -> Operations.ApplyWeights.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.ApplyWeights.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.applyWeights(params)))))
    }

    // MARK: Referrals

    func createReferral(_ input: Operations.CreateReferral.Input) async throws -> Operations.CreateReferral.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        let params = try Self.read(MethodParams.CreateReferral.self, body)
        return .ok(.init(body: .json(try Self.json(try await service.createReferral(params)))))
    }

    func listReferrals(_ input: Operations.ListReferrals.Input) async throws -> Operations.ListReferrals.Output {
        let params: MethodParams.ListReferrals
        switch input.body {
        case .json(let body)?: params = try Self.read(MethodParams.ListReferrals.self, body)
        case nil: params = MethodParams.ListReferrals()
        }
        return .ok(.init(body: .json(try Self.json(try await service.listReferrals(params)))))
    }

    func dueReferrals(_ input: Operations.DueReferrals.Input) async throws -> Operations.DueReferrals.Output {
        var fields: [String: String] = [:]
        if let date = input.query.date { fields["date"] = date }
        let params = try MethodParams.decode(MethodParams.DueReferrals.self, from: try JSONEncoder().encode(fields))
        return .ok(.init(body: .json(try Self.json(await service.dueReferrals(params)))))
    }

    func referralReport(_ input: Operations.ReferralReport.Input) async throws -> Operations.ReferralReport.Output {
        let params: MethodParams.ReferralReport
        switch input.body {
        case .json(let body)?: params = try Self.read(MethodParams.ReferralReport.self, body)
        case nil: params = MethodParams.ReferralReport()
        }
        return .ok(.init(body: .json(try Self.json(try await service.referralReport(params)))))
    }

    func getReferral(_ input: Operations.GetReferral.Input) async throws -> Operations.GetReferral.Output {
        .ok(.init(body: .json(try Self.json(try await service.getReferral(MethodParams.RemoveByID(id: input.path.id))))))
    }

    func updateReferralStatus(_ input: Operations.UpdateReferralStatus.Input) async throws -> Operations.UpdateReferralStatus.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        var fields = body.value
        if fields["id"] != nil {
            throw ServiceError.invalidParams(ValidationError(field: "id", reason: "unknown field 'id'; the referral's id is in the path"))
        }
        fields["id"] = input.path.id
        let params = try Self.read(MethodParams.UpdateReferralStatus.self, try OpenAPIObjectContainer(unvalidatedValue: fields))
        return .ok(.init(body: .json(try Self.json(try await service.updateReferralStatus(params)))))
    }

    func recordWellbeing(_ input: Operations.RecordWellbeing.Input) async throws -> Operations.RecordWellbeing.Output {
        guard case .json(let body) = input.body else { throw Self.unsupportedBody }
        var fields = body.value
        if fields["id"] != nil {
            throw ServiceError.invalidParams(ValidationError(field: "id", reason: "unknown field 'id'; the referral's id is in the path"))
        }
        fields["id"] = input.path.id
        let params = try Self.read(MethodParams.RecordWellbeing.self, try OpenAPIObjectContainer(unvalidatedValue: fields))
        return .ok(.init(body: .json(try Self.json(try await service.recordWellbeing(params)))))
    }

    func referralMessage(_ input: Operations.ReferralMessage.Input) async throws -> Operations.ReferralMessage.Output {
        .ok(.init(body: .json(try Self.json(try await service.referralMessage(MethodParams.RemoveByID(id: input.path.id))))))
    }

    // MARK: Reading and writing bodies

    /// The error for a body in a form the operation does not take (the generated enums may gain
    /// content types the handlers do not know yet).
    static let unsupportedBody = ServiceError(
        .invalidRequest, "Invalid request: the body must be JSON (Content-Type: application/json)", field: "body",
        reason: "must be JSON")

    /// The body read as the params `T` (the body is `params` itself), or, with `wrapper`, as
    /// `params.<wrapper>` (a record's body).
    static func read<T: Decodable>(
        _ type: T.Type, _ body: OpenAPIObjectContainer, as wrapper: String? = nil
    ) throws(ServiceError) -> T {
        let data: Data
        do {
            data = try JSONEncoder().encode(body)
        } catch {
            throw ServiceError(.invalidParams, "Invalid params", field: "params", reason: "could not be read")
        }
        guard let wrapper else { return try MethodParams.decode(type, from: data) }
        var wrapped = Data("{\"\(wrapper)\":".utf8)
        wrapped.append(data)
        wrapped.append(UInt8(ascii: "}"))
        return try MethodParams.decode(type, from: wrapped)
    }

    /// Refuses a record whose id is not the id in its path.
    static func check(_ id: String, matches pathID: String, at field: String) throws(ServiceError) {
        guard id != pathID else { return }
        let reason = "the id '\(NearestWord.shown(id))' is not the id in the path ('\(NearestWord.shown(pathID))'); send the record to its own path"
        throw ServiceError(.invalidParams, "Invalid params: \(field): \(reason)", field: field, reason: reason)
    }

    /// An answer as the JSON the JSON-RPC method writes (sorted keys), carried to the generated
    /// response as plain JSON.
    static func json(_ value: some Encodable) throws -> OpenAPIObjectContainer {
        let data = try encoder.encode(value)
        return try JSONDecoder().decode(OpenAPIObjectContainer.self, from: data)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
