import Foundation
import Hummingbird
import StitchApplication
import StitchEngine
import StitchPlanning

/// `/plan`: a connector's planning session (`plan.allocate`): referrals from an uploaded file
/// (a plan request in JSON, as `stitch plan` reads it, or a CSV) or typed in the form, placed
/// at once in activities with few places. The answer: the placements with their buddies, the
/// referrals left out and why, and each practice's share.
struct PlanPage: Sendable {
    let pages: PageSupport

    struct View: Sendable {
        var fields: Fields
        var fileError: String?
        var fairTotal: Bool
        var options: ChoiceGroupView
        var formErrors: [FormErrorView]
        var hasFormErrors: Bool
        var plan: PlanView?
    }

    struct Fields: Sendable {
        var list, maxPerPerson: FieldView
    }

    struct PlanView: Sendable {
        var planTitle: String
        var planLine: String
        var greedyLine: String
        var assignments: [AssignmentRow]
        var hasAssignments: Bool
        var unassigned: [UnassignedRow]
        var unassignedCount: Int
        var hasUnassigned: Bool
        var practices: [PracticeRow]
    }

    struct AssignmentRow: Sendable {
        var referralID, personID, activityName, score, barWidth, buddyText: String
    }

    struct UnassignedRow: Sendable {
        var referralID, personID, reasonLabel, detail: String
    }

    struct PracticeRow: Sendable {
        var practice: String
        var referrals: Int
        var placed: Int
        var meanScore: String
    }

    func register(on group: RouterGroup<WebRequestContext>) {
        group.get("/plan") { request, context -> Response in
            let account = try pages.require(.plan, request, context)
            // Buddies are suggested unless the box is cleared.
            let form = FormFields(pairs: [("options", "withBuddies")])
            return render(form, errors: FormErrors(), fileError: nil, plan: nil, account: account, context: context)
        }
        group.post("/plan") { request, context -> Response in
            let account = try pages.require(.plan, request, context)
            let form = context.form
            var errors = FormErrors()
            let data: Data
            var rows = ReferralRows()
            if let file = form.files["file"], file.filename.lowercased().hasSuffix(".json") || file.data.first == UInt8(ascii: "{") {
                // A whole plan request, as `stitch plan FILE` reads it.
                data = file.data
            } else {
                if let file = form.files["file"] { rows.addCSV(file.data, filename: file.filename.isEmpty ? "the file" : file.filename) }
                if let problem = rows.problem {
                    errors.add(problem, field: "file")
                    return render(form, errors: errors, fileError: errors.byField["file"], plan: nil, account: account, context: context, status: .badRequest)
                }
                if let list = form.raw("list") { rows.addLines(list) }
                guard !rows.referrals.isEmpty else {
                    errors.add("Give the referrals: choose a file, or type one person's member id a line", field: "list")
                    return render(form, errors: errors, fileError: nil, plan: nil, account: account, context: context, status: .badRequest)
                }
                var request: [String: Any] = [
                    "referrals": rows.json, "withBuddies": form.values("options").contains("withBuddies"),
                    "fairness": form["fairness"] ?? "total",
                ]
                if let most = form["maxPerPerson"] { request["maxPerPerson"] = ParamsJSON.number(most) }
                data = ParamsJSON.data(request)
            }
            let plan: PlanResult
            let referralCount: Int
            do throws(ServiceError) {
                let request = try MethodParams.decode(PlanRequest.self, from: data)
                referralCount = request.referrals.count
                plan = try await pages.service.plan(request)
            } catch {
                Self.add(error, rows: rows, to: &errors)
                return render(
                    form, errors: errors, fileError: errors.byField["file"], plan: nil, account: account, context: context, status: .badRequest)
            }
            pages.accounts.record(AuditEntry(account: account.name, action: .plan, count: referralCount))
            pages.logger.info("plan by \(account.name): \(referralCount) referrals, \(plan.placed) placed")
            return render(form, errors: errors, fileError: nil, plan: Self.view(plan, referrals: referralCount), account: account, context: context)
        }
    }

    /// A service error about `params.referrals[i]…` named by where that referral came from.
    static func add(_ error: ServiceError, rows: ReferralRows, to errors: inout FormErrors) {
        guard let data = error.data else {
            errors.add(FormErrors.plainMessage(error), field: nil)
            return
        }
        let problems = (data.errors?.isEmpty == false ? data.errors!.map { ($0.field, $0.reason) } : [(data.field, data.reason)])
        for (field, reason) in problems.prefix(10) {
            if let index = Self.referralIndex(in: field), index < rows.sources.count {
                let rest = field.components(separatedBy: "]").dropFirst().joined(separator: "]").trimmingCharacters(in: CharacterSet(charactersIn: "."))
                let place = rows.sources[index]
                errors.add(reason, field: place.hasPrefix("line") ? "list" : "file", label: "Referral at \(place)" + (rest.isEmpty ? "" : ", \(rest)"))
            } else if field.hasPrefix("params.maxPerPerson") {
                errors.add(reason, field: "maxPerPerson", label: "Most activities for one person")
            } else {
                let shown = field.hasPrefix("params.") ? String(field.dropFirst(7)) : field
                errors.add(reason, field: "file", label: "In the file, \(shown)")
            }
        }
    }

    /// `3` in `params.referrals[3].person`.
    static func referralIndex(in field: String) -> Int? {
        guard let open = field.range(of: "referrals["), let close = field[open.upperBound...].firstIndex(of: "]") else { return nil }
        return Int(field[open.upperBound..<close])
    }

    static func view(_ plan: PlanResult, referrals: Int) -> PlanView {
        let number = RankingView.number
        let assignments = plan.assignments.map { a in
            AssignmentRow(
                referralID: a.referral, personID: a.person, activityName: (a.activityName.map { "\($0) (\(a.activity))" } ?? a.activity),
                score: number(a.score), barWidth: Stylesheet.widthClass(a.score),
                buddyText: a.buddy.map { id in a.buddyName.map { "\($0) (\(id))" } ?? id } ?? "none")
        }
        let unassigned = plan.unassigned.map { u in
            UnassignedRow(referralID: u.referral, personID: u.person, reasonLabel: Self.label(u.reason), detail: u.detail)
        }
        let practices = plan.practices.map { p in
            PracticeRow(practice: p.practice ?? "(no referrer)", referrals: p.referrals, placed: p.placed, meanScore: p.meanScore.map(number) ?? "–")
        }
        return PlanView(
            planTitle: "The plan: \(plan.placed) of \(referrals) placed",
            planLine: "Total score \(number(plan.totalScore))" + (plan.lowestScore.map { "; the lowest placement scores \(number($0))." } ?? ".")
                + (plan.notFreePlaced > 0
                    ? " \(plan.notFreePlaced) placed where they are free for none of the sessions (marked, at half score): check with them." : ""),
            greedyLine: "Placing people one at a time, in the order given, would have placed \(plan.greedyPlaced) with a total score of \(number(plan.greedyTotalScore)).",
            assignments: assignments, hasAssignments: !assignments.isEmpty, unassigned: unassigned, unassignedCount: unassigned.count,
            hasUnassigned: !unassigned.isEmpty, practices: practices)
    }

    static func label(_ reason: UnassignedReason) -> String {
        switch reason {
        case .noFeasibleActivity: "No activity fits"
        case .placesTaken: "Every fitting place was taken"
        case .practiceShare: "The practice's share was reached"
        }
    }

    private func render(
        _ form: FormFields, errors: FormErrors, fileError: String?, plan: PlanView?, account: Account, context: WebRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let e = errors.byField
        let fields = Fields(
            list: FieldView(
                "list", label: "Or type the referrals", hint: "One a line: the person's member id, then a comma and the referring practice if any. For example: m-maud, gp-downham",
                value: form.raw("list"), error: e["list"]),
            maxPerPerson: FieldView(
                "maxPerPerson", label: "Most activities for one person", value: form["maxPerPerson"] ?? "1", error: e["maxPerPerson"],
                type: "number", mode: "numeric"))
        let options = ChoiceGroupView(
            "options", legend: "Buddies", choices: [("withBuddies", "Suggest a buddy to go along with each person")],
            checked: form.values("options"))
        let view = View(
            fields: fields, fileError: fileError, fairTotal: (form["fairness"] ?? "total") != "maximin", options: options,
            formErrors: errors.summary, hasFormErrors: !errors.isEmpty, plan: plan)
        return pages.page("plan", view, title: "Plan a session", account: account, context: context, path: "/plan", status: status)
    }
}
