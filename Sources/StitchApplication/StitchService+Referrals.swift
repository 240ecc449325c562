import Foundation
import StitchEngine
public import StitchModel

/// Referral records: created from a referrer's request (ranked when made, so the record keeps
/// what was offered and why), moved along their lifecycle, listed, followed up, and summed up
/// for the referrer (docs/referrals.md).
///
/// Each creation or change is validated, stored (when the store keeps referrals) and only then
/// kept and answered, as every write is. A referral's reason, needs and notes are health
/// details: answered, stored, never logged.
extension StitchService {
    /// How many activities a new referral is offered when the request does not say.
    public static let defaultOffers = 5

    /// `referral.create`: ranks activities (with buddies) for the referral, then keeps the
    /// record with what was offered, the weights used and its first status, `referred`.
    public func createReferral(_ params: MethodParams.CreateReferral) throws(ServiceError) -> ReferralRecord {
        let input = params.referral
        let id = input.id ?? nextReferralID()
        if let problem = RecordBounds.idProblem(id) {
            throw ServiceError.invalidParams(ValidationError(field: "referral.id", reason: problem))
        }
        guard referrals[id] == nil else {
            throw ServiceError.invalidParams(
                ValidationError(
                    field: "referral.id",
                    reason: "a referral '\(NearestWord.shown(id))' exists already; give a new id, or change its status with referral.update-status"))
        }
        let limit = params.limit ?? Self.defaultOffers
        guard (1...RecordBounds.maximumListLength).contains(limit) else {
            throw ServiceError.invalidParams(ValidationError(field: "limit", reason: "\(limit) is out of range; expected 1 to 1000"))
        }
        var errors: [ValidationError] = []
        RecordBounds.checkText(params.by, field: "by", into: &errors)
        if let problem = errors.first { throw ServiceError.invalidParams(problem) }
        var record = ReferralRecord(
            id: id, person: input.person, referrer: input.referrer, date: input.date ?? Self.today(),
            reason: input.reason, needs: input.needs ?? [], consent: input.consent, goals: input.goals,
            interests: input.interests)
        record.history = [StatusChange(status: .referred, date: record.date, by: params.by)]
        if let problem = record.boundErrors().first {
            throw ServiceError.invalidParams([problem], inside: "referral")
        }
        let ranking: Ranking
        do {
            ranking = try judgedEngine(on: record.date)
                .refer(record.referral, limit: limit, withBuddy: true, profile: .referral)
        } catch {
            throw ServiceError.query(error, engine: engine)
        }
        if input.needs == nil, let reading = ranking.reading {
            record.needs = reading.needs.map(\.need.rawValue)
        }
        record.offered = ranking.matches.map { match in
            OfferedActivity(
                activity: match.id, name: match.name, score: match.score, factors: match.factors.named, reasons: match.reasons,
                buddy: match.buddy?.id)
        }
        record.oneToOne = (ranking.oneToOne?.matches ?? []).compactMap { match in
            match.support.map { support in
                OfferedOneToOne(
                    member: match.id, name: match.name, support: support, score: match.score, factors: match.factors.named, reasons: match.reasons)
            }
        }
        record.weights = .init(profile: ScoringProfile.referral.rawValue, weights: engine.configuration.weights(for: .referral).named)
        try save(record, as: "referral.create")
        return record
    }

    /// `referral.update-status`: moves a referral along its lifecycle (``ReferralStatus/next``),
    /// dated and attributed.
    public func updateReferralStatus(_ params: MethodParams.UpdateReferralStatus) throws(ServiceError) -> ReferralRecord {
        var record = try referral(params.id)
        guard let status = ReferralStatus(spelled: params.status) else {
            throw ServiceError.invalidParams(
                ValidationError(
                    field: "status", reason: NearestWord.unknown("status", params.status, among: ReferralStatus.allCases.map(\.rawValue))))
        }
        var errors: [ValidationError] = []
        RecordBounds.checkText(params.note, field: "note", into: &errors)
        RecordBounds.checkText(params.by, field: "by", into: &errors)
        if let problem = errors.first { throw ServiceError.invalidParams(problem) }
        if let activity = params.activity, !engine.contains(activity: activity) {
            throw ServiceError.query(.unknownActivity(field: "activity", id: activity), engine: engine)
        }
        do {
            try record.move(to: status, on: params.date ?? Self.today(), by: params.by, note: params.note, activity: params.activity)
        } catch {
            throw ServiceError.invalidParams(error)
        }
        try save(record, as: "referral.update-status")
        return record
    }

    /// `referral.get`: the record with its dated status history.
    public func getReferral(_ params: MethodParams.RemoveByID) throws(ServiceError) -> ReferralRecord {
        try referral(params.id)
    }

    /// `referral.list`: the referrals that pass every filter given, oldest first.
    public func listReferrals(_ params: MethodParams.ListReferrals) throws(ServiceError) -> MethodResults.Referrals {
        let status = try params.status.map { text throws(ServiceError) -> ReferralStatus in
            guard let status = ReferralStatus(spelled: text) else {
                throw ServiceError.invalidParams(
                    ValidationError(field: "status", reason: NearestWord.unknown("status", text, among: ReferralStatus.allCases.map(\.rawValue))))
            }
            return status
        }
        let day = params.date ?? Self.today()
        let chosen = try referrals(practice: params.practice, from: params.from, to: params.to).filter { record in
            if let status, record.status != status { return false }
            if params.due, !isDue(record, on: day) { return false }
            return true
        }
        return .init(referrals: chosen.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map(summary))
    }

    /// `referral.due`: who needs a call on `date` (today by default) or before, and why, most
    /// overdue first.
    public func dueReferrals(_ params: MethodParams.DueReferrals) -> MethodResults.Due {
        let day = params.date ?? Self.today()
        let due = referrals.values.filter { isDue($0, on: day) }.map(summary)
        return .init(
            date: day,
            due: due.sorted { ($0.nextCall ?? day, $0.id) < ($1.nextCall ?? day, $1.id) })
    }

    /// `referral.message`: the message back to the referrer, in words and structured, with the
    /// SNOMED CT codes of the events it reports.
    public func referralMessage(_ params: MethodParams.RemoveByID) throws(ServiceError) -> MethodResults.ReferralMessage {
        let record = try referral(params.id)
        return ReferralMessageWriter(record: record, personName: name(of: record.person)).message
    }

    // MARK: Attendance closes the loop

    /// After an attendance: a referral of the member that offered the activity and waits for
    /// them to go (offered, contacted, or did-not-attend) moves to `attending`, by `attendance`.
    /// A referral that cannot be stored is logged (by id) and left as it was: the attendance
    /// itself is stored already.
    func closeTheLoop(on attendance: Attendance) {
        let waiting: Set<ReferralStatus> = [.contacted, .offered, .didNotAttend]
        for var record in referrals.values.sorted(by: { $0.id < $1.id })
        where record.person.id == attendance.member && waiting.contains(record.status)
            && record.offered.contains(where: { $0.activity == attendance.activity })
        {
            let day = max(attendance.date ?? Self.today(), record.history.last?.date ?? record.date)
            if record.status == .contacted {
                // Went before the offer was recorded: the offer happened; record it on the same day.
                try? record.move(to: .offered, on: day, by: "attendance", note: nil)
            }
            guard (try? record.move(to: .attending, on: day, by: "attendance", note: nil, activity: attendance.activity)) != nil
            else { continue }
            do {
                try save(record, as: "referral.attending")
            } catch {
                Self.log("could not move referral \(record.id) to attending after an attendance")
            }
        }
    }

    // MARK: Helpers

    /// The referrals from `practice` (its ODS code) made between `from` and `to`, each filter
    /// only when given; `to` before `from` is refused at `params.to`.
    func referrals(practice: String?, from: CalendarDate?, to: CalendarDate?) throws(ServiceError) -> [ReferralRecord] {
        if let from, let to, to < from {
            throw ServiceError.invalidParams(ValidationError(field: "to", reason: "\(to) is before from (\(from))"))
        }
        return referrals.values.filter { record in
            if let practice, record.referrer?.practice != practice { return false }
            if let from, record.date < from { return false }
            if let to, record.date > to { return false }
            return true
        }
    }

    /// The first of `r-1`, `r-2`, … not in use.
    private func nextReferralID() -> String {
        var number = referrals.count + 1
        while referrals["r-\(number)"] != nil { number += 1 }
        return "r-\(number)"
    }

    func referral(_ id: String) throws(ServiceError) -> ReferralRecord {
        guard let record = referrals[id] else {
            let near = NearestWord.nearest(to: id, among: Array(referrals.keys))
            throw ServiceError(
                .unknownReferral, "Unknown referral id", field: "params.id",
                reason: NearestWord.unknownID("referral", NearestWord.shown(id), nearest: near))
        }
        return record
    }

    /// Stores the record (when the store keeps referrals), then keeps it.
    func save(_ record: ReferralRecord, as name: String) throws(ServiceError) {
        if let store = persistence as? any ReferralPersistence {
            let start = ContinuousClock.now
            do {
                try store.save(referral: record)
                ServiceMetrics.storeWrite(name, duration: .now - start, failed: false)
            } catch {
                ServiceMetrics.storeWrite(name, duration: .now - start, failed: true)
                Self.log("could not store \(name) for referral \(record.id); nothing was changed")
                throw ServiceError(.internalError, "Internal error: the change could not be stored, so nothing was changed")
            }
        }
        referrals[record.id] = record
        // The buddies a referral offers count as asks of them (see `StitchService+Asks.swift`).
        if record.offered.contains(where: { $0.buddy != nil }) { withdrawSnapshot() }
    }

    private func isDue(_ record: ReferralRecord, on day: CalendarDate) -> Bool {
        guard let next = followUp.due(record.status, since: record.history.last?.date ?? record.date) else { return false }
        return next <= day
    }

    private func summary(_ record: ReferralRecord) -> MethodResults.ReferralSummary {
        let since = record.history.last?.date ?? record.date
        let next = followUp.due(record.status, since: since)
        return .init(
            id: record.id, person: record.person.id, date: record.date, practice: record.referrer?.practice, status: record.status,
            since: since, nextCall: next, why: next == nil ? nil : FollowUpPolicy.why(record.status))
    }

    private func name(of person: PersonReference) -> String? {
        switch person {
        case .inline(let member): return member.name
        case .id(let id): return community.members.first(where: { $0.id == id })?.name
        }
    }

    /// Today's date on this machine (UTC): the default day of a referral and its changes.
    nonisolated static func today() -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate(dayNumber: 0)
    }
}

extension FactorScores {
    /// The six factors by name, as the wire writes them.
    var named: [String: Double] {
        [
            "skill": skill, "availability": availability, "locality": locality, "wellbeing": wellbeing, "bridging": bridging,
            "reciprocity": reciprocity,
        ]
    }
}
