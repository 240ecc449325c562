import Foundation
import StitchEngine
public import StitchModel

/// `outcome.record` and `weights.calibrate`: the outcomes the service keeps, and the weights
/// it fits to them.
///
/// The outcomes are kept in memory in the order recorded, and stored (when there is a store)
/// before a recording is acknowledged, as every write is. An outcome lives as long as the
/// member and the member or activity it names: removing either, or loading a community without
/// them, drops it, in the store and here alike.
extension StitchService {
    /// Records an outcome once its subject is a member and its pair can be explained (so it can
    /// be calibrated from): an unknown subject or candidate answers -32001, as `match.explain` does.
    public func record(outcome: Outcome) throws(ServiceError) -> EmptyResult {
        do {
            _ = try engine.explain(ExplainQuery(subject: .id(outcome.subject), candidate: outcome.candidate))
        } catch {
            if case .invalid = error {
                // A member candidate is explained as a helper for one of the subject's needs.
                let reason = "is a member, so it is a helper for the subject's needs, and the subject lists none"
                throw ServiceError(
                    .invalidParams, "Invalid params: params.candidate: \(reason)", field: "params.candidate", reason: reason)
            }
            throw ServiceError.query(error, engine: engine)
        }
        try store(("outcome.record", { try $0.record(outcome: outcome) }))
        outcomes.append(outcome)
        return EmptyResult()
    }

    /// Fits a profile's weights to the recorded outcomes (``Engine/calibrateWeights(from:profile:minimum:)``),
    /// then applies and stores them as `weights.set` does, and answers them.
    public func calibrate(_ params: MethodParams.Calibrate) throws(ServiceError) -> MethodResults.Calibrated {
        let profile = params.profile ?? .broker
        let fit: WeightCalibration.Fit
        do {
            fit = try engine.calibrateWeights(from: outcomes, profile: profile)
        } catch {
            if case .numerical = error {
                Self.log("weights.calibrate failed for the \(profile.rawValue) profile: \(error.reason)")
                throw ServiceError(.internalError, "Internal error: the weights could not be fitted, so nothing was changed")
            }
            throw ServiceError(
                .invalidParams, "Invalid params: params.\(error.field): \(error.reason)", field: "params.\(error.field)",
                reason: error.reason)
        }
        try reweight(fit.weights, for: profile, storing: "weights.calibrate")
        Self.log("weights.calibrate set the \(profile.rawValue) weights from \(fit.outcomes) outcomes (\(fit.skipped) skipped)")
        return .init(profile: profile, weights: fit.weights, outcomes: fit.outcomes)
    }

    /// Drops the outcomes that no longer resolve (after a removal or a new community).
    func pruneOutcomes() {
        let engine = engine
        outcomes.removeAll {
            !engine.contains(member: $0.subject) || !(engine.contains(member: $0.candidate) || engine.contains(activity: $0.candidate))
        }
    }

    /// The outcomes whose subject is a member of `community` and whose candidate is a member or
    /// an activity of it.
    static func resolvable(_ outcomes: [Outcome], in community: Community) -> [Outcome] {
        guard !outcomes.isEmpty else { return outcomes }
        let members = Set(community.members.map(\.id))
        let activities = Set(community.activities.map(\.id))
        return outcomes.filter {
            members.contains($0.subject) && (members.contains($0.candidate) || activities.contains($0.candidate))
        }
    }
}
