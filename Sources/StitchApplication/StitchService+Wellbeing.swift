import StitchEngine
public import StitchModel

/// `referral.wellbeing`: SWEMWBS and ONS4 recorded on a referral, before and after, for the
/// referral or one of its activities, and answered with the change and its verdict against each
/// measure's minimal important difference (docs/referrals.md, "Measures").
///
/// The answers are health details: stored and answered, never logged.
extension StitchService {
    /// `referral.wellbeing`: validates the scores (item by item, by the model's readers), the
    /// occasion and the activity, records them on the referral, stores the record, and answers
    /// the measurement with its change.
    public func recordWellbeing(_ params: MethodParams.RecordWellbeing) throws(ServiceError) -> MethodResults.WellbeingOutcome {
        var record = try referral(params.id)
        guard let occasion = WellbeingOccasion(rawValue: params.when.lowercased()) else {
            throw ServiceError.invalidParams(
                ValidationError(
                    field: "when", reason: NearestWord.unknown("occasion", params.when, among: WellbeingOccasion.allCases.map(\.rawValue))))
        }
        if let activity = params.activity, !record.offered.contains(where: { $0.activity == activity }),
            !engine.contains(activity: activity)
        {
            throw ServiceError.query(.unknownActivity(field: "activity", id: activity), engine: engine)
        }
        var scores = params.scores
        if scores.date == nil { scores.date = Self.today() }
        let entry: ReferralWellbeing
        do {
            entry = try record.record(wellbeing: scores, when: occasion, activity: params.activity ?? record.chosenActivity)
        } catch {
            throw ServiceError.invalidParams(error)
        }
        try save(record, as: "referral.wellbeing")
        return Self.outcome(of: entry, in: record)
    }

    /// A measurement as answered and written back, with the activity's name when known.
    public static func wellbeingOutcome(of entry: ReferralWellbeing, in record: ReferralRecord) -> MethodResults.WellbeingOutcome {
        outcome(of: entry, in: record)
    }

    static func outcome(of entry: ReferralWellbeing, in record: ReferralRecord) -> MethodResults.WellbeingOutcome {
        let name = entry.activity.flatMap { id in record.offered.first(where: { $0.activity == id })?.name }
        return .init(
            id: record.id, activity: entry.activity, name: name, before: entry.measurement.before, after: entry.measurement.after,
            change: entry.change, text: WellbeingWording.sentence(entry, activityName: name))
    }
}

/// Wellbeing measurements in plain English, for the message back and the CLI: each measure's
/// scores before and after, the change signed so positive is better, and the verdict against the
/// measure's minimal important difference.
enum WellbeingWording {
    /// "Wellbeing at Knit and Natter (2 Nov 2026 to 14 Dec 2026): SWEMWBS 16.88 → 20.73 metric
    /// points, +3.85, improved (the minimal important difference is 3); ONS4 …"
    static func sentence(_ entry: ReferralWellbeing, activityName: String?) -> String {
        let place = (activityName ?? entry.activity).map { " at \($0)" } ?? ""
        let before = entry.measurement.before
        guard let after = entry.measurement.after, let change = entry.change else {
            var taken: [String] = []
            if let s = before.swemwbs { taken.append("SWEMWBS \(number(s.metricScore)) metric points") }
            if let o = before.ons4 {
                taken.append("ONS4 satisfied \(o.satisfied), worthwhile \(o.worthwhile), happy \(o.happy), anxious \(o.anxious)")
            }
            let day = before.date.map { " on \(ReferralMessageWriter.day($0))" } ?? ""
            return "Wellbeing\(place): measured\(day) (\(taken.joined(separator: "; "))); to be measured again at follow-up."
        }
        var span = ""
        if let start = before.date, let end = after.date {
            span = " (\(ReferralMessageWriter.day(start)) to \(ReferralMessageWriter.day(end)))"
        }
        var parts: [String] = []
        if let s = change.swemwbs {
            parts.append(
                "SWEMWBS \(number(s.before)) → \(number(s.after)) metric points, \(signed(s.change)), \(words(s.verdict)) "
                    + "(the minimal important difference is \(number(SWEMWBS.minimalImportantDifference, decimals: 0)))")
        }
        if let o = change.ons4 {
            let items = ONS4.Question.allCases.map { q -> String in
                let item = o[q]
                return "\(q.rawValue) \(item.before) → \(item.after) (\(signed(Double(item.improvement), decimals: 0)), \(words(item.verdict)))"
            }
            parts.append(
                "ONS4 (improvement in points, a fall in anxiety counting as better; the minimal important difference is "
                    + "\(ONS4.minimalImportantDifference)) " + items.joined(separator: ", "))
        }
        if parts.isEmpty { parts.append("no measure was taken both times") }
        return "Wellbeing\(place)\(span): " + parts.joined(separator: "; ") + "."
    }

    static func words(_ verdict: ChangeVerdict) -> String {
        switch verdict {
        case .improved: "improved"
        case .noImportantChange: "no important change"
        case .worsened: "worsened"
        }
    }

    static func number(_ value: Double, decimals: Int = 2) -> String {
        let scale = decimals == 0 ? 1.0 : 100.0
        let rounded = (value * scale).rounded() / scale
        if decimals == 0 { return "\(Int(rounded))" }
        let whole = Int(rounded.magnitude)
        let cents = Int(((rounded.magnitude - Double(whole)) * 100).rounded())
        return (rounded < 0 ? "-" : "") + "\(whole)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    static func signed(_ value: Double, decimals: Int = 2) -> String {
        (value > 0 ? "+" : value < 0 ? "−" : "") + number(value.magnitude, decimals: decimals)
    }
}
