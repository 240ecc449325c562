import Foundation
import Hummingbird
import StitchApplication
import StitchEngine
import StitchModel

/// `/help`: a broker's "who can help?" (`match.helpers`): the help wanted in words, when, where
/// (the requester's member id, or a location), a DBS check and home visits; the helpers ranked
/// with their reasons, each with a form to record the exchange once agreed (`exchange.record`,
/// at `/help/exchange`).
struct HelpPage: Sendable {
    let pages: PageSupport

    struct View: Sendable {
        var fields: Fields
        var options: ChoiceGroupView
        var formErrors: [FormErrorView]
        var hasFormErrors: Bool
        var results: Results?
    }

    struct Fields: Sendable {
        var need, when, requester, lat, lon: FieldView
    }

    struct Results: Sendable {
        var resultsTitle: String
        var resultsLine: String
        var canRecord: Bool
        var requesterID: String
        var need: String
        var today: String
        var matches: [RankingView.MatchView]
        var hasMatches: Bool
        var notes: [String]
        var hasNotes: Bool
        var excludedRows: [RankingView.ExcludedView]
        var hasExclusions: Bool
    }

    struct ExchangeView: Sendable {
        var recorded: Bool
        var giverID: String
        var receiverID: String
        var skill: String
        var hours: String
        var date: String?
        var giverBalance: String
        var receiverBalance: String
        var fields: ExchangeFields
        var formErrors: [FormErrorView]
        var hasFormErrors: Bool
    }

    struct ExchangeFields: Sendable {
        var hours, date: FieldView
    }

    static let fieldMap = FormErrors.FieldMap(
        paths: [
            ("params.request.skill", "need"), ("params.request.when", "when"), ("params.request.requester", "requester"),
            ("params.request.location", "lat"), ("params.request.location.lon", "lon"),
        ],
        labels: ["need": "Help needed", "when": "When", "requester": "Requester's member id", "lat": "Latitude", "lon": "Longitude"])

    static let exchangeMap = FormErrors.FieldMap(
        paths: [("params.exchange.hours", "hours"), ("params.exchange.date", "date")], labels: ["hours": "Hours", "date": "Date"])

    func register(on group: RouterGroup<WebRequestContext>) {
        group.get("/help") { request, context -> Response in
            let account = try pages.require(.whoCanHelp, request, context)
            return render(FormFields(), errors: FormErrors(), results: nil, account: account, context: context)
        }
        group.post("/help") { request, context -> Response in
            let account = try pages.require(.whoCanHelp, request, context)
            let form = context.form
            var errors = FormErrors()
            guard let data = Self.params(form, errors: &errors) else {
                return render(form, errors: errors, results: nil, account: account, context: context, status: .badRequest)
            }
            let ranking: Ranking
            do throws(ServiceError) {
                let params = try MethodParams.decode(MethodParams.Helpers.self, from: data)
                ranking = try await pages.service.whoCanHelp(params)
            } catch {
                errors.add(error, map: Self.fieldMap)
                return render(form, errors: errors, results: nil, account: account, context: context, status: .badRequest)
            }
            let requester = form["requester"]
            pages.accounts.record(AuditEntry(account: account.name, action: .whoCanHelp, person: requester, count: ranking.matches.count))
            pages.logger.info("who-can-help by \(account.name): \(requester ?? "a location"), \(ranking.matches.count) helpers")
            let view = RankingView(ranking)
            let count = ranking.matches.count
            let results = Results(
                resultsTitle: "Who can help with “\(form["need"] ?? "")”" + (requester.map { " for \($0)" } ?? ""),
                resultsLine: count == 0
                    ? "Nobody suggested, from \(ranking.considered) members looked at."
                    : "\(count) \(count == 1 ? "member" : "members"), best first, from \(ranking.considered) looked at.",
                canRecord: requester != nil, requesterID: requester ?? "", need: form["need"] ?? "", today: CalendarDateText.today(),
                matches: view.matches, hasMatches: view.hasMatches, notes: view.notes, hasNotes: view.hasNotes,
                excludedRows: view.excludedRows, hasExclusions: view.hasExclusions)
            return render(form, errors: errors, results: results, account: account, context: context)
        }
        group.post("/help/exchange") { request, context -> Response in
            let account = try pages.require(.recordExchange, request, context)
            let form = context.form
            var exchange: [String: Any] = [
                "giver": form["giver"] ?? "", "receiver": form["receiver"] ?? "", "hours": ParamsJSON.number(form["hours"] ?? ""),
            ]
            if let skill = form["skill"] { exchange["skill"] = skill }
            if let date = form["date"] { exchange["date"] = date }
            do throws(ServiceError) {
                let params = try MethodParams.decode(MethodParams.RecordExchange.self, from: ParamsJSON.data(["exchange": exchange]))
                let balances = try await pages.service.record(exchange: params.exchange)
                pages.accounts.record(
                    AuditEntry(account: account.name, action: .recordExchange, person: params.exchange.receiver, related: params.exchange.giver))
                pages.logger.info("exchange recorded by \(account.name): \(params.exchange.giver) to \(params.exchange.receiver)")
                let hours = params.exchange.hours
                let view = ExchangeView(
                    recorded: true, giverID: balances.giver.id, receiverID: balances.receiver.id, skill: params.exchange.skill ?? "",
                    hours: Self.hoursText(hours), date: params.exchange.date?.description,
                    giverBalance: Self.hoursText(balances.giver.balance), receiverBalance: Self.hoursText(balances.receiver.balance),
                    fields: Self.exchangeFields(form, errors: [:]), formErrors: [], hasFormErrors: false)
                return pages.page("exchange", view, title: "Exchange recorded", account: account, context: context, path: "/help")
            } catch {
                var errors = FormErrors()
                errors.add(error, map: Self.exchangeMap)
                let view = ExchangeView(
                    recorded: false, giverID: form["giver"] ?? "", receiverID: form["receiver"] ?? "", skill: form["skill"] ?? "",
                    hours: "", date: nil, giverBalance: "", receiverBalance: "", fields: Self.exchangeFields(form, errors: errors.byField),
                    formErrors: errors.summary, hasFormErrors: true)
                return pages.page(
                    "exchange", view, title: "Record an exchange", account: account, context: context, path: "/help", status: .badRequest)
            }
        }
    }

    /// `2 hours`, `1.5 hours`, `1 hour`, `-3 hours`.
    static func hoursText(_ value: Double) -> String {
        let number = value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
        return number + (abs(value) == 1 ? " hour" : " hours")
    }

    static func exchangeFields(_ form: FormFields, errors: [String: String]) -> ExchangeFields {
        ExchangeFields(
            hours: FieldView("hours", label: "Hours", value: form["hours"] ?? "1", error: errors["hours"], type: "number", mode: "decimal", step: "0.25"),
            date: FieldView("date", label: "Date", value: form["date"] ?? CalendarDateText.today(), error: errors["date"], type: "date"))
    }

    /// The `match.helpers` params from the form, or `nil` with the form's own errors.
    static func params(_ form: FormFields, errors: inout FormErrors) -> Data? {
        var request: [String: Any] = ["skill": form.raw("need") ?? ""]
        if let requester = form["requester"] { request["requester"] = requester }
        if form["lat"] != nil || form["lon"] != nil {
            request["location"] = ["lat": ParamsJSON.number(form["lat"] ?? ""), "lon": ParamsJSON.number(form["lon"] ?? "")]
        }
        if let when = form["when"] {
            switch TimesText.slotsJSON(when) {
            case .success(let slots): request["when"] = slots
            case .failure(let error): errors.add(error.message, field: "when", label: "When")
            }
        }
        if form.values("options").contains("atHome") { request["atHome"] = true }
        if form.values("options").contains("dbs") { request["requiresDBS"] = true }
        guard errors.isEmpty else { return nil }
        return ParamsJSON.data(["request": request, "limit": 10])
    }

    private func render(
        _ form: FormFields, errors: FormErrors, results: Results?, account: Account, context: WebRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let e = errors.byField
        let fields = Fields(
            need: FieldView(
                "need", label: "Help needed", hint: "In words, for example: a lift to the hospital, help with my garden.", value: form["need"],
                error: e["need"]),
            when: FieldView("when", label: "When (optional)", hint: "For example: tue 10-12.", value: form["when"], error: e["when"]),
            requester: FieldView(
                "requester", label: "Requester's member id", hint: "For example m-arthur.", value: form["requester"], error: e["requester"]),
            lat: FieldView("lat", label: "Latitude", value: form["lat"], error: e["lat"], mode: "decimal"),
            lon: FieldView("lon", label: "Longitude", value: form["lon"], error: e["lon"], mode: "decimal"))
        let options = ChoiceGroupView(
            "options", legend: "Also needed",
            choices: [("atHome", "The helper comes to the requester's home"), ("dbs", "The helper holds an enhanced DBS check")],
            checked: form.values("options"))
        let view = View(fields: fields, options: options, formErrors: errors.summary, hasFormErrors: !errors.isEmpty, results: results)
        return pages.page("help", view, title: "Who can help?", account: account, context: context, path: "/help", status: status)
    }
}
