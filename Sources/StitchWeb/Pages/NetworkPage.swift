import Foundation
import Hummingbird
import StitchApplication
import StitchNetwork

/// `/network`: a connector's overview of the community network (`network.analyse`):
/// communities with their sizes (drawn as bars), areas, groups and skills; the brokers whose
/// ties reach across communities; and the members with no ties yet. Ids only: the analysis
/// names no one.
struct NetworkPage: Sendable {
    let pages: PageSupport

    struct View: Sendable {
        var fields: Fields
        var formErrors: [FormErrorView]
        var hasFormErrors: Bool
        var analysis: AnalysisView?
    }

    struct Fields: Sendable {
        var resolution: FieldView
    }

    struct AnalysisView: Sendable {
        var summaryLine: String
        var communities: [CommunityRow]
        var brokers: [BrokerRow]
        var isolated: [String]
        var isolatedCount: Int
        var hasIsolated: Bool
        /// The overview and the chosen community's picture, as inline SVG (none without Graphviz).
        var overviewSVG: String?
        var communitySVG: String?
        var communityShown: String?
        /// Why there are no pictures, when Graphviz could not draw them.
        var picturesMissing: String?
    }

    struct CommunityRow: Sendable {
        var communityNumber: String
        var communitySize: Int
        var barWidth: String
        var communityArea: String
        var communityGroups: String
        var communitySkills: String
        /// `&resolution=…` when the page was asked at another resolution, so a community's link keeps it.
        var resolutionQuery: String
    }

    struct BrokerRow: Sendable {
        var brokerID: String
        var brokerScore: String
        var barWidth: String
    }

    static let fieldMap = FormErrors.FieldMap(
        paths: [("params.resolution", "resolution"), ("params.pictures.communities[0]", "community")],
        labels: ["resolution": "Resolution", "community": "Community"])

    func register(on group: RouterGroup<WebRequestContext>) {
        group.get("/network") { request, context -> Response in
            let account = try pages.require(.network, request, context)
            let resolution = request.uri.queryParameters.get("resolution").map { $0.trimmingCharacters(in: .whitespaces) }
                .flatMap { $0.isEmpty ? nil : $0 }
            var params: [String: Any] = [:]
            if let resolution { params["resolution"] = ParamsJSON.number(resolution) }
            let community = request.uri.queryParameters.get("community").map { $0.trimmingCharacters(in: .whitespaces) }
                .flatMap { $0.isEmpty ? nil : $0 }
            params["pictures"] = ["overview": true, "communities": community.map { [ParamsJSON.number($0)] } ?? []] as [String: Any]
            var errors = FormErrors()
            var analysis: AnalysisView?
            var status = HTTPResponse.Status.ok
            do throws(ServiceError) {
                let decoded = try MethodParams.decode(MethodParams.Network.self, from: ParamsJSON.data(params))
                let result = try await pages.service.analyseNetwork(decoded)
                analysis = Self.view(result, resolution: resolution)
                if let pictures = result.pictures { await Self.draw(pictures, into: &analysis) }
                pages.accounts.record(AuditEntry(account: account.name, action: .network, count: result.communities.count))
                pages.logger.info("network by \(account.name): \(result.communities.count) communities")
            } catch {
                errors.add(error, map: Self.fieldMap)
                status = .badRequest
            }
            let view = View(
                fields: Fields(
                    resolution: FieldView(
                        "resolution", label: "Resolution (optional)",
                        hint: "1 is the usual; higher finds more, smaller communities, lower fewer, larger ones (0.01 to 100).",
                        value: resolution, error: errors.byField["resolution"], mode: "decimal")),
                formErrors: errors.summary, hasFormErrors: !errors.isEmpty, analysis: analysis)
            return pages.page("network", view, title: "Network", account: account, context: context, path: "/network", status: status)
        }
    }

    /// Renders the pictures as SVG to show inline, off the request's thread (Graphviz runs as a
    /// process); says why when it cannot.
    static func draw(_ pictures: NetworkPictures, into view: inout AnalysisView?) async {
        let rendered = await Task.detached { () -> (String?, (String, String)?, String?) in
            do {
                let overview = try pictures.overview.map { try inlineSVG(GraphvizRenderer.render($0, as: .svg)) }
                let community = try pictures.communities.first.map { ($0.key, try inlineSVG(GraphvizRenderer.render($0.value, as: .svg))) }
                return (overview, community, nil)
            } catch {
                return (nil, nil, "The pictures cannot be drawn here: \(error).")
            }
        }.value
        view?.overviewSVG = rendered.0
        view?.communityShown = rendered.1?.0
        view?.communitySVG = rendered.1?.1
        view?.picturesMissing = rendered.2
    }

    /// Graphviz's SVG from its `<svg>` element on (no XML declaration or doctype inside HTML).
    static func inlineSVG(_ data: Data) -> String {
        let text = String(decoding: data, as: UTF8.self)
        guard let start = text.range(of: "<svg") else { return "" }
        return String(text[start.lowerBound...])
    }

    static func view(_ analysis: NetworkAnalysis, resolution: String? = nil) -> AnalysisView {
        let largest = max(analysis.communities.map(\.size).max() ?? 1, 1)
        let inCommunities = analysis.communities.map(\.size).reduce(0, +)
        let communities = analysis.communities.map { c in
            CommunityRow(
                communityNumber: String(c.id), communitySize: c.size,
                barWidth: Stylesheet.widthClass(Double(c.size) / Double(largest)), communityArea: c.area ?? "not known",
                communityGroups: c.groups.prefix(3).joined(separator: ", "), communitySkills: c.skills.prefix(4).joined(separator: ", "),
                resolutionQuery: resolution.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) }.map { "&resolution=\($0)" } ?? "")
        }
        let brokers = analysis.bridging.prefix(15).map { b in
            BrokerRow(brokerID: b.id, brokerScore: String(format: "%.2f", b.score), barWidth: Stylesheet.widthClass(b.score))
        }
        let reciprocity = Int((analysis.reciprocityIndex * 100).rounded())
        return AnalysisView(
            summaryLine: "\(inCommunities) members in \(analysis.communities.count) communities; \(analysis.isolated.count) with no ties yet. "
                + "\(reciprocity)% of recently active members both gave and received time.",
            communities: communities, brokers: Array(brokers), isolated: analysis.isolated, isolatedCount: analysis.isolated.count,
            hasIsolated: !analysis.isolated.isEmpty)
    }
}
