import Foundation
import Hummingbird
import StitchApplication
import StitchEngine
import StitchModel

/// `/refer`: a link worker's referral (`refer.activities`). The person is a member (by id) or a
/// new person (a postcode or a location, a birth year, the times they are free, their access
/// needs); what matters to them is the reason in their own words, Five Ways goals and interests.
/// The answer: activities ranked with a buddy each, the reasons, what the rules left out, and a
/// short summary for the GP record.
struct ReferPage: Sendable {
    let pages: PageSupport

    /// The id of a new person in the referral (they are given inline, not stored).
    static let newPersonID = "new-person"
    /// How many activities are suggested.
    static let limit = 5

    struct View: Sendable {
        var fields: Fields
        var access: ChoiceGroupView
        var goals: ChoiceGroupView
        var formErrors: [FormErrorView]
        var hasFormErrors: Bool
        var results: Results?
    }

    struct Fields: Sendable {
        var member, postcode, lat, lon, birthYear, free, reason, interests: FieldView
    }

    struct Results: Sendable {
        var resultsTitle: String
        var resultsLine: String
        var hasReading: Bool
        var readingText: String
        var summary: String
        // The ranking's parts (stored: Mustache reads stored properties only).
        var matches: [RankingView.MatchView]
        var hasMatches: Bool
        var notes: [String]
        var hasNotes: Bool
        var excludedRows: [RankingView.ExcludedView]
        var hasExclusions: Bool
        // One-to-one support (a short list, before the activities when it comes first).
        var hasOneToOneSection: Bool
        var oneToOneFirst: Bool
        var oneToOneWhy: String
        var oneToOne: [OneToOneItem]
        var hasOneToOne: Bool
        var oneToOneExcluded: String
        var hasOneToOneExclusions: Bool

        init(
            resultsTitle: String, resultsLine: String, readingText: String, ranking: RankingView, summary: String,
            oneToOne oneToOneRanking: OneToOneRanking? = nil
        ) {
            self.resultsTitle = resultsTitle
            self.resultsLine = resultsLine
            self.hasReading = !readingText.isEmpty
            self.readingText = readingText
            self.summary = summary
            matches = ranking.matches
            hasMatches = ranking.hasMatches
            notes = ranking.notes
            hasNotes = ranking.hasNotes
            excludedRows = ranking.excludedRows
            hasExclusions = ranking.hasExclusions
            hasOneToOneSection = oneToOneRanking != nil
            oneToOneFirst = oneToOneRanking?.first ?? false
            oneToOneWhy = oneToOneRanking?.why ?? ""
            oneToOne = (oneToOneRanking?.matches ?? []).map { match in
                OneToOneItem(
                    supportLabel: match.reasons.first ?? match.support?.giver ?? "One-to-one", memberName: match.name ?? match.id, memberID: match.id,
                    memberScore: RankingView.number(match.score), memberReasons: match.reasons.dropFirst().prefix(3).joined(separator: "; "))
            }
            hasOneToOne = !oneToOne.isEmpty
            oneToOneExcluded = ExclusionReason.allCases.compactMap { reason in
                let count = oneToOneRanking?.excluded[reason] ?? 0
                return count > 0 ? "\(reason.explanation.lowercased()) \(count)" : nil
            }.joined(separator: ", ")
            hasOneToOneExclusions = !oneToOneExcluded.isEmpty
        }
    }

    /// A member offered for one-to-one support, in the page's short list: the kind (its first
    /// reason, with home visits and DBS, as the label) and the other main reasons.
    struct OneToOneItem: Sendable {
        var supportLabel: String
        var memberName: String
        var memberID: String
        var memberScore: String
        var memberReasons: String
    }

    static let fieldMap = FormErrors.FieldMap(
        paths: [
            ("params.referral.person", "member"), ("params.referral.person.id", "member"),
            ("params.referral.person.postcode", "postcode"), ("params.referral.person.location", "lat"),
            ("params.referral.person.location.lon", "lon"), ("params.referral.person.birthYear", "birthYear"),
            ("params.referral.person.availability", "free"), ("params.referral.person.accessNeeds", "access"),
            ("params.referral.reason", "reason"), ("params.referral.goals", "goals"),
            ("params.referral.interests", "interests"),
        ],
        labels: [
            "member": "Member id", "postcode": "Postcode", "lat": "Latitude", "lon": "Longitude", "birthYear": "Year of birth",
            "free": "Times free", "access": "Access needs", "reason": "Reason", "goals": "Five Ways goals",
            "interests": "Interests",
        ])

    func register(on group: RouterGroup<WebRequestContext>) {
        group.get("/refer") { request, context -> Response in
            let account = try pages.require(.refer, request, context)
            return render(FormFields(), errors: FormErrors(), results: nil, account: account, context: context)
        }
        group.post("/refer") { request, context -> Response in
            let account = try pages.require(.refer, request, context)
            let form = context.form
            var errors = FormErrors()
            guard let data = Self.params(form, errors: &errors) else {
                return render(form, errors: errors, results: nil, account: account, context: context, status: .badRequest)
            }
            let ranking: Ranking
            do throws(ServiceError) {
                let params = try MethodParams.decode(MethodParams.Refer.self, from: data)
                ranking = try await pages.service.refer(params)
            } catch {
                errors.add(error, map: Self.fieldMap)
                return render(form, errors: errors, results: nil, account: account, context: context, status: .badRequest)
            }
            let member = form["member"]
            pages.accounts.record(AuditEntry(account: account.name, action: .refer, person: member, count: ranking.matches.count))
            pages.logger.info("refer by \(account.name): \(member ?? "a new person"), \(ranking.matches.count) activities")
            let results = Self.results(ranking, form: form, account: account)
            return render(form, errors: errors, results: results, account: account, context: context)
        }
    }

    /// The `refer.activities` params from the form, or `nil` with the form's own errors (no
    /// person given, times that cannot be read).
    static func params(_ form: FormFields, errors: inout FormErrors) -> Data? {
        var referral: [String: Any] = [:]
        if let member = form["member"] {
            referral["person"] = member
        } else {
            var person: [String: Any] = ["id": newPersonID]
            if let postcode = form["postcode"] { person["postcode"] = postcode }
            if form["lat"] != nil || form["lon"] != nil {
                person["location"] = ["lat": ParamsJSON.number(form["lat"] ?? ""), "lon": ParamsJSON.number(form["lon"] ?? "")]
            }
            if let year = form["birthYear"] { person["birthYear"] = ParamsJSON.number(year) }
            if let free = form["free"] {
                switch TimesText.slotsJSON(free) {
                case .success(let slots): person["availability"] = slots
                case .failure(let error): errors.add(error.message, field: "free", label: "Times free")
                }
            }
            let access = form.values("access")
            if !access.isEmpty { person["accessNeeds"] = access }
            if person.count == 1 {
                errors.add(
                    "Give the member id of the person referred, or describe a new person: a postcode or a location, "
                        + "and the times they are free", field: "member")
            }
            referral["person"] = person
        }
        let goals = form.values("goals")
        if !goals.isEmpty { referral["goals"] = Dictionary(goals.map { ($0, 1) }, uniquingKeysWith: { a, _ in a }) }
        let interests = ParamsJSON.list(form["interests"])
        if !interests.isEmpty { referral["interests"] = interests }
        if let reason = form["reason"] { referral["reason"] = reason }
        guard errors.isEmpty else { return nil }
        return ParamsJSON.data(["referral": referral, "limit": limit, "withBuddy": true])
    }

    static func results(_ ranking: Ranking, form: FormFields, account: Account) -> Results {
        let view = RankingView(ranking)
        let who = form["member"] ?? "a new person"
        var reading = ""
        if let r = ranking.reading {
            var parts: [String] = []
            if !r.needs.isEmpty { parts.append("needs: " + r.needs.map { "\($0.need.label) (“\($0.words)”)" }.joined(separator: ", ")) }
            if !r.interests.isEmpty { parts.append("interests: " + r.interests.map { "\($0.term) (“\($0.words)”)" }.joined(separator: ", ")) }
            if let goals = r.goals {
                let ways = WellbeingWay.allCases.filter { goals[$0] > 0 }.map(\.displayName)
                if !ways.isEmpty { parts.append("goals: " + ways.joined(separator: ", ")) }
            }
            reading = parts.joined(separator: "; ")
        }
        let count = ranking.matches.count
        return Results(
            resultsTitle: "Activities for \(who)",
            resultsLine: count == 0
                ? "No activity suggested, from \(ranking.considered) looked at."
                : "\(count) \(count == 1 ? "activity" : "activities"), best first, from \(ranking.considered) looked at.",
            readingText: reading, ranking: view,
            summary: summary(ranking, who: who, reason: form["reason"], account: account), oneToOne: ranking.oneToOne)
    }

    /// A few lines for the GP record: the person, the reason given, the top activities with
    /// their buddies and main reasons, and who asked.
    static func summary(_ ranking: Ranking, who: String, reason: String?, account: Account) -> String {
        let date = CalendarDateText.today()
        var lines = ["Social prescribing: activities suggested by Stitch on \(date)", "Person: \(who)"]
        if let reason { lines.append("Reason given: \(reason)") }
        if ranking.matches.isEmpty {
            lines.append("No activity fitted all the rules for this person.")
        } else {
            lines.append("Suggestions, best first:")
            for (i, match) in ranking.matches.prefix(3).enumerated() {
                lines.append("\(i + 1). \(match.name ?? match.id) (\(match.id)), score \(RankingView.number(match.score))")
                if let buddy = match.buddy { lines.append("   Go along with: \(buddy.name ?? buddy.id) (\(buddy.id))") }
                if let lift = match.lift { lines.append("   A lift from: \(lift.name ?? lift.id) (\(lift.id))") }
                if !match.reasons.isEmpty { lines.append("   Why: " + match.reasons.prefix(3).joined(separator: "; ")) }
            }
        }
        if let oneToOne = ranking.oneToOne, !oneToOne.matches.isEmpty {
            lines.append("One-to-one support: " + oneToOne.matches.prefix(3).map { "\($0.support?.giver ?? "One-to-one") \($0.name ?? $0.id) (\($0.id))" }.joined(separator: "; "))
        }
                lines.append("Asked by: \(account.name) (\(account.role.displayName)). Stitch suggests; the person and their link worker decide.")
        return lines.joined(separator: "\n")
    }

    private func render(
        _ form: FormFields, errors: FormErrors, results: Results?, account: Account, context: WebRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let e = errors.byField
        let fields = Fields(
            member: FieldView(
                "member", label: "Member id", hint: "For example m-arthur. Their own times, place and access needs are used.",
                value: form["member"], error: e["member"]),
            postcode: FieldView("postcode", label: "Postcode", hint: "For example SE6 4RU.", value: form["postcode"], error: e["postcode"]),
            lat: FieldView("lat", label: "Latitude", value: form["lat"], error: e["lat"], mode: "decimal"),
            lon: FieldView("lon", label: "Longitude", value: form["lon"], error: e["lon"], mode: "decimal"),
            birthYear: FieldView("birthYear", label: "Year of birth", value: form["birthYear"], error: e["birthYear"], mode: "numeric"),
            free: FieldView(
                "free", label: "Times free", hint: "In words, for example: tue 10-12; thu 2-4pm; weekends 10-4.", value: form["free"],
                error: e["free"]),
            reason: FieldView(
                "reason", label: "Reason, in the person's own words",
                hint: "For example: lonely since his wife died, low mood, used to enjoy woodwork.", value: form.raw("reason"),
                error: e["reason"]),
            interests: FieldView(
                "interests", label: "Interests", hint: "Separated by commas, for example: walking, knitting.",
                value: form["interests"], error: e["interests"]))
        let access = ChoiceGroupView(
            "access", legend: "Access needs", error: e["access"],
            choices: AccessTerm.allCases.map { ($0.rawValue, Self.accessLabel($0)) }, checked: form.values("access"))
        let goals = ChoiceGroupView(
            "goals", legend: "Five Ways to Wellbeing goals",
            hint: "Tick what the person would like more of. With none ticked, their own goals (or the reason) are used.",
            error: e["goals"], choices: WellbeingWay.allCases.map { ($0.rawValue, $0.displayName) }, checked: form.values("goals"))
        let view = View(
            fields: fields, access: access, goals: goals, formErrors: errors.summary, hasFormErrors: !errors.isEmpty, results: results)
        return pages.page("refer", view, title: "Refer someone", account: account, context: context, path: "/refer", status: status)
    }

    /// An access term in words.
    static func accessLabel(_ term: AccessTerm) -> String {
        switch term {
        case .stepFree: "Step-free"
        case .wheelchair: "Wheelchair"
        case .groundFloor: "Ground floor"
        case .noLift: "No lifts"
        case .hearingLoop: "Hearing loop"
        case .quiet: "Quiet setting"
        case .seated: "Seated"
        case .accessibleToilet: "Accessible toilet"
        case .changingPlaces: "Changing Places toilet"
        case .bsl: "British Sign Language"
        case .largePrint: "Large print"
        case .dementiaFriendly: "Dementia-friendly"
        case .parking: "Parking nearby"
        }
    }
}

/// Today's date as `YYYY-MM-DD`, for summaries and the date field's default.
enum CalendarDateText {
    static func today() -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
