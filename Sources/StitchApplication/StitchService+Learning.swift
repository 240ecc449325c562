import Foundation
public import StitchEngine
public import StitchModel

/// `weights.learn`, `weights.fits` and `weights.apply`: factor weights learnt from what became of
/// the activities offered on referral records (``OutcomeLearning``), kept under their version,
/// and put in force only when someone asks (docs/scoring.md, "Learning from outcomes").
///
/// A fit changes nothing by itself: `weights.apply {"version"}` sets the profile's weights
/// through the same path as `weights.set`. Logs name versions, profiles and counts only.
extension StitchService {
    /// `weights.learn`: builds one ``OutcomeRow`` per activity offered on the referrals ranked
    /// under the profile whose outcome is known, fits the target, stores the fit and answers it.
    /// Too little data is refused at `params.target`, saying how many more outcomes are needed.
    public func learnWeights(_ params: MethodParams.LearnWeights) throws(ServiceError) -> LearnedFit {
        guard let target = OutcomeTarget(rawValue: params.target.lowercased()) else {
            throw ServiceError.invalidParams(
                ValidationError(
                    field: "target", reason: NearestWord.unknown("target", params.target, among: OutcomeTarget.allCases.map(\.rawValue))))
        }
        let profile = params.profile ?? .referral
        var errors: [ValidationError] = []
        RecordBounds.checkText(params.needs, field: "needs", into: &errors)
        if let problem = errors.first { throw ServiceError.invalidParams(problem) }
        let rows = Self.outcomeRows(referrals.values.sorted { $0.id < $1.id }, profile: profile, needs: params.needs)
        let group = OutcomeGroup(profile: profile, needs: params.needs)
        let fit: LearnedWeights
        do {
            fit = try OutcomeLearning.fit(rows, target: target, group: group, current: engine.configuration.weights(for: profile))
        } catch {
            throw ServiceError(
                .invalidParams, "Invalid params: params.target: \(error.reason)", field: "params.target", reason: error.reason)
        }
        var fits = try storedFits()
        let kept = LearnedFit(learned: fits[fit.version]?.learned ?? Self.today(), applied: fits[fit.version]?.applied, fit: fit)
        try store(fit: kept, as: "weights.learn")
        fits[kept.version] = kept
        learnedFits = fits
        Self.log("weights.learn fitted \(fit.version) for the \(profile.rawValue) profile from \(fit.rows) outcomes")
        return kept
    }

    /// `weights.fits`: the stored fits (of one profile when asked), newest first.
    public func weightFits(_ params: MethodParams.WeightFits) throws(ServiceError) -> MethodResults.WeightFits {
        let fits = try storedFits().values.filter { params.profile == nil || $0.fit.group.profile == params.profile }
        return .init(fits: fits.sorted { ($1.learned, $0.version) < ($0.learned, $1.version) })
    }

    /// `weights.apply`: puts a stored fit's weights in force for its profile (as `weights.set`
    /// does, stored), and notes the day it was applied.
    public func applyWeights(_ params: MethodParams.ApplyWeights) throws(ServiceError) -> MethodResults.AppliedWeights {
        var fits = try storedFits()
        guard var chosen = fits[params.version] else {
            let near = NearestWord.nearest(to: params.version, among: Array(fits.keys))
            let hint = fits.isEmpty ? "; no fit is stored yet: learn one with weights.learn" : "; weights.fits lists them"
            throw ServiceError.invalidParams(
                ValidationError(field: "version", reason: NearestWord.unknownID("fit", NearestWord.shown(params.version), nearest: near) + hint))
        }
        let profile = chosen.fit.group.profile
        let previous = engine.configuration.weights(for: profile)
        try reweight(chosen.fit.weights, for: profile, storing: "weights.apply")
        chosen.applied = Self.today()
        do {
            try store(fit: chosen, as: "weights.apply")
        } catch {
            try? reweight(previous, for: profile, storing: "weights.apply")
            throw error
        }
        fits[chosen.version] = chosen
        learnedFits = fits
        Self.log("weights.apply put \(chosen.version) in force for the \(profile.rawValue) profile")
        return .init(version: chosen.version, profile: profile, weights: engine.configuration.weights(for: profile), previous: previous)
    }

    /// The outcome rows of `records` ranked under `profile`: one per activity offered, with its
    /// factors as offered, once the outcome is known.
    ///
    /// - A referral that reached `attending` or `completed` took up the activity those changes
    ///   name (the chosen one when they name none; a referral whose activity is not known is
    ///   left out); its other offers were not taken up.
    /// - A referral `declined` or `closed` without starting took none up; one still open
    ///   (`referred`, `contacted`, `offered`, `did-not-attend`) is left out: its outcome is not known.
    /// - Completion is known once the referral completed (true) or ended without completing
    ///   (`closed`, `declined`, `did-not-attend`: false); while attending it is unknown.
    /// - The wellbeing change is the SWEMWBS change of the measurement of that activity (or of
    ///   the referral as a whole, for the activity taken up).
    /// - With `needs`, the rows of referrals naming that need form its group.
    public static func outcomeRows(_ records: [ReferralRecord], profile: ScoringProfile, needs: String?) -> [OutcomeRow] {
        var rows: [OutcomeRow] = []
        for record in records where record.weights?.profile == profile.rawValue {
            let started = record.history.filter { $0.status == .attending || $0.status == .completed }
            var takenUp: Set<String> = []
            for change in started {
                guard let activity = change.activity ?? record.chosenActivity else { continue }
                takenUp.insert(activity)
            }
            if !started.isEmpty, takenUp.isEmpty { continue }
            if started.isEmpty, record.status != .declined, record.status != .closed { continue }
            let completedAny = record.history.contains { $0.status == .completed }
            let ended: Set<ReferralStatus> = [.closed, .declined, .didNotAttend]
            let group = OutcomeGroup(profile: profile, needs: needs.flatMap { record.needs.contains($0) ? $0 : nil })
            for offer in record.offered {
                guard let factors = Self.factors(offer.factors) else { continue }
                let tookUp = takenUp.contains(offer.activity)
                var completed: Bool?
                if tookUp {
                    let completedHere = record.history.contains {
                        $0.status == .completed && ($0.activity ?? record.chosenActivity) == offer.activity
                    }
                    if completedHere || (completedAny && takenUp.count == 1) {
                        completed = true
                    } else if ended.contains(record.status) || completedAny {
                        completed = false
                    }
                }
                let measured = record.wellbeing.last {
                    $0.change?.swemwbs != nil && ($0.activity == offer.activity || ($0.activity == nil && tookUp))
                }
                rows.append(
                    OutcomeRow(
                        factors: factors, tookUp: tookUp, completed: completed, wellbeingChange: measured?.change?.swemwbs?.change,
                        group: group))
            }
        }
        return rows
    }

    /// The six factors of an offer as recorded, or `nil` when one is missing.
    static func factors(_ named: [String: Double]) -> FactorScores? {
        var scores = FactorScores()
        for factor in Factor.allCases {
            guard let value = named[factor.rawValue] else { return nil }
            scores[factor] = value
        }
        return scores
    }

    /// The stored fits by version, read from the store the first time they are needed.
    func storedFits() throws(ServiceError) -> [String: LearnedFit] {
        if let learnedFits { return learnedFits }
        var fits: [String: LearnedFit] = [:]
        if let store = persistence as? any LearnedWeightsPersistence {
            do {
                for fit in try store.loadFits() { fits[fit.version] = fit }
            } catch {
                Self.log("could not read the stored weight fits")
                throw ServiceError(.internalError, "Internal error: the stored weight fits could not be read")
            }
        }
        learnedFits = fits
        return fits
    }

    /// Stores a fit (when the store keeps fits).
    private func store(fit: LearnedFit, as name: String) throws(ServiceError) {
        guard let store = persistence as? any LearnedWeightsPersistence else { return }
        let start = ContinuousClock.now
        do {
            try store.save(fit: fit)
            ServiceMetrics.storeWrite(name, duration: .now - start, failed: false)
        } catch {
            ServiceMetrics.storeWrite(name, duration: .now - start, failed: true)
            Self.log("could not store \(name) for fit \(fit.version); nothing was changed")
            throw ServiceError(.internalError, "Internal error: the change could not be stored, so nothing was changed")
        }
    }
}
