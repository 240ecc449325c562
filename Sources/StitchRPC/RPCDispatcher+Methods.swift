import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchPlanning

extension RPCDispatcher {
    /// A request's params: the fields as read, and the bytes they were read from when known.
    struct MethodInput {
        var fields: [String: JSONTree]
        var source: Data?
    }

    /// The params key that carries the token.
    static let authKey = "auth"

    /// Decodes params into a typed value with the application layer's one reader
    /// (``MethodParams/decode(_:from:alsoAllowed:)``), naming the first bad field under `params`.
    ///
    /// From the params' own bytes when the line's reader kept them (one decode); otherwise the
    /// fields, without `auth`, are written out and read back.
    func decode<T: Decodable>(_ type: T.Type, _ params: MethodInput) throws(ServiceError) -> T {
        if let source = params.source { return try MethodParams.decode(type, from: source, alsoAllowed: [Self.authKey]) }
        let data: Data
        do {
            data = try JSONEncoder().encode(params.fields.filter { $0.key != Self.authKey })
        } catch {
            throw ServiceError(.invalidParams, "Invalid params", field: "params", reason: "could not be read")
        }
        return try MethodParams.decode(type, from: data)
    }

    /// Refuses params (other than `auth`) given to a method that takes none.
    static func takesNoParams(_ method: String, _ params: MethodInput) throws(ServiceError) {
        guard let key = params.fields.keys.filter({ $0 != authKey }).min(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        else { return }
        throw ServiceError.invalidParams(
            ValidationError(field: key, reason: "unknown field '\(NearestWord.shown(key))'; \(method) takes no params"))
    }

    /// `read` when the params were read from their plain form, else the params decoded (see
    /// `MethodParams+Plain.swift`).
    private func plain<T: Decodable>(_ read: T?, else type: T.Type, _ params: MethodInput) throws(ServiceError) -> T {
        if let read { return read }
        return try decode(type, params)
    }

    /// The method table: each a thin adapter over the service (the application layer).
    func call(_ method: String, _ params: MethodInput) async -> Result<any Encodable & Sendable, ServiceError> {
        do throws(ServiceError) {
            switch method {
            case "community.load": return .success(try await service.load(decode(MethodParams.Load.self, params)))
            case "member.upsert": return .success(try await service.upsert(member: decode(MethodParams.UpsertMember.self, params).member))
            case "member.remove": return .success(try await service.removeMember(decode(MethodParams.RemoveByID.self, params).id))
            case "activity.upsert": return .success(try await service.upsert(activity: decode(MethodParams.UpsertActivity.self, params).activity))
            case "activity.remove": return .success(try await service.removeActivity(decode(MethodParams.RemoveByID.self, params).id))
            case "exchange.record": return .success(try await service.record(exchange: decode(MethodParams.RecordExchange.self, params).exchange))
            case "attendance.record": return .success(try await service.record(attendance: decode(MethodParams.RecordAttendance.self, params).attendance))
            case "match.helpers":
                return .success(try await service.whoCanHelp(plain(MethodParams.Helpers(plain: params.fields), else: MethodParams.Helpers.self, params)))
            case "match.opportunities": return .success(try await service.opportunities(decode(MethodParams.Opportunities.self, params)))
            case "refer.activities": return .success(try await service.refer(decode(MethodParams.Refer.self, params)))
            case "match.explain":
                return .success(try await service.explain(plain(MethodParams.plainExplain(params.fields), else: ExplainQuery.self, params)))
            case "match.dismiss": return .success(try await service.dismiss(decode(Dismissal.self, params)))
            case "match.undismiss": return .success(try await service.undismiss(decode(MethodParams.Undismiss.self, params)))
            case "match.dismissals": return .success(try await service.listDismissals(decode(MethodParams.Dismissals.self, params)))
            case "match.ask": return .success(try await service.ask(decode(Ask.self, params)))
            case "match.asks": return .success(try await service.listAsks(decode(MethodParams.Asks.self, params)))
            case "pairing.start": return .success(try await service.startPairing(decode(Pairing.self, params)))
            case "pairing.review": return .success(try await service.reviewPairing(decode(MethodParams.PairingReview.self, params)))
            case "pairing.end": return .success(try await service.endPairing(decode(MethodParams.PairingEnd.self, params)))
            case "pairing.list": return .success(try await service.listPairings(decode(MethodParams.Pairings.self, params)))
            case "weights.get": return .success(try await service.weights(decode(MethodParams.Weights.self, params), set: false))
            case "weights.set": return .success(try await service.weights(decode(MethodParams.Weights.self, params), set: true))
            case "weights.calibrate": return .success(try await service.calibrate(decode(MethodParams.Calibrate.self, params)))
            case "weights.learn": return .success(try await service.learnWeights(decode(MethodParams.LearnWeights.self, params)))
            case "weights.fits": return .success(try await service.weightFits(decode(MethodParams.WeightFits.self, params)))
            case "weights.apply": return .success(try await service.applyWeights(decode(MethodParams.ApplyWeights.self, params)))
            case "outcome.record": return .success(try await service.record(outcome: decode(Outcome.self, params)))
            case "server.health":
                try Self.takesNoParams(method, params)
                return .success(await service.snapshot().health)
            case "server.stats":
                try Self.takesNoParams(method, params)
                return .success(statistics.snapshot())
            case "plan.allocate": return .success(try await service.plan(decode(PlanRequest.self, params)))
            case "referral.create": return .success(try await service.createReferral(decode(MethodParams.CreateReferral.self, params)))
            case "referral.update-status":
                return .success(try await service.updateReferralStatus(decode(MethodParams.UpdateReferralStatus.self, params)))
            case "referral.get": return .success(try await service.getReferral(decode(MethodParams.RemoveByID.self, params)))
            case "referral.list": return .success(try await service.listReferrals(decode(MethodParams.ListReferrals.self, params)))
            case "referral.due": return .success(await service.dueReferrals(try decode(MethodParams.DueReferrals.self, params)))
            case "referral.report": return .success(try await service.referralReport(decode(MethodParams.ReferralReport.self, params)))
            case "referral.wellbeing": return .success(try await service.recordWellbeing(decode(MethodParams.RecordWellbeing.self, params)))
            case "referral.message": return .success(try await service.referralMessage(decode(MethodParams.RemoveByID.self, params)))
            case "network.analyse":
                return .success(try await service.analyseNetwork(decode(MethodParams.Network.self, params)))
            case "ledger.record": return .success(try await service.recordLedgerEntry(decode(MethodParams.RecordLedgerEntry.self, params)))
            case "ledger.balances": return .success(try await service.ledgerBalances(decode(MethodParams.LedgerBalances.self, params)))
            case "ledger.account.add": return .success(try await service.addLedgerAccount(decode(MethodParams.AddLedgerAccount.self, params)))
            case "ledger.account.list":
                try Self.takesNoParams(method, params)
                return .success(await service.listLedgerAccounts())
            case "ledger.export": return .success(await service.exportBalances(try decode(MethodParams.ExportBalances.self, params)))
            case "ledger.import": return .success(try await service.importBalances(decode(MethodParams.ImportBalances.self, params)))
            default:
                throw ServiceError(
                    .methodNotFound, "Method not found: \(NearestWord.shown(method))", field: "method",
                    reason: NearestWord.unknown("method", method, among: Self.methodNames))
            }
        } catch {
            return .failure(error)
        }
    }
}
