import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StitchApplication
import StitchEngine
import StitchModel
@testable import StitchStore
import StitchTestSupport
import StitchWeb
import Testing

/// The web pages through Hummingbird's test client: logging in, roles, CSRF tokens, and each
/// page answering as the use case it adapts.
@Suite("The web pages: accounts, roles, CSRF and the use cases behind each form")
struct WebPagesTests {
    @Test func everyPageNeedsALoginAndTheCookieIsSecureHttpOnlyStrict() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            for path in ["/", "/refer", "/help", "/network", "/plan"] {
                let page = try await visitor.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.headers[.location]?.hasPrefix("/login") == true, "\(path)")
            }
            let login = try await visitor.get("/login")
            #expect(login.status == .ok)
            #expect(login.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix(WebPages.cookieName) })
            #expect(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "\(cookie)")
            // The stylesheet is public.
            let css = try await visitor.get("/static/stitch.css")
            #expect(css.status == .ok && css.html.contains(".w-50{width:50%}"))
        }
    }

    @Test func aWrongPasswordAndAnUnknownNameGetTheSameAnswer() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            let wrong = try await visitor.logIn("lin", "not the password at all")
            var other = WebVisitor(client)
            let unknown = try await other.logIn("nobody", "not the password at all")
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            let message = unescaped(AccountService.refusal)
            #expect(unescaped(wrong.html).contains(message) && unescaped(unknown.html).contains(message))
            #expect(try await visitor.get("/refer").status == .seeOther)
            let right = try await visitor.logIn("lin", WebFixture.password)
            #expect(right.status == .seeOther)
            #expect(try await visitor.get("/refer").status == .ok)
        }
        let rows = try fixture.auditRows()
        #expect(rows.contains(["lin", "login.refused", "", "", ""]))
        #expect(rows.contains(["", "login.refused", "", "", ""]), "an unknown name is not written down")
        #expect(rows.contains(["lin", "login", "", "", ""]))
        #expect(!rows.joined().joined().contains("nobody"))
    }

    @Test func repeatedFailuresLockTheNameEvenWithTheRightPassword() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            for _ in 0..<fixture.accounts.throttle.maximumFailures {
                _ = try await visitor.logIn("bea", "a wrong password here")
            }
            let locked = try await visitor.logIn("bea", WebFixture.password)
            #expect(locked.status == .unauthorized)
            #expect(locked.html.contains("Too many failed attempts"))
        }
    }

    @Test func eachRoleSeesItsOwnPages() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        let allowed: [String: Set<String>] = [
            "bea": ["/help"], "lin": ["/refer"], "con": ["/network", "/plan"], "ada": ["/refer", "/help", "/network", "/plan"],
        ]
        try await fixture.withPages { client in
            for (name, pages) in allowed {
                var visitor = WebVisitor(client)
                #expect(try await visitor.logIn(name, WebFixture.password).status == .seeOther)
                let home = try await visitor.get("/")
                #expect(home.status == .ok)
                for path in ["/refer", "/help", "/network", "/plan"] {
                    let page = try await visitor.get(path)
                    #expect(page.status == (pages.contains(path) ? .ok : .forbidden), "\(name) \(path)")
                    #expect(home.html.contains("href=\"\(path)\"") == pages.contains(path), "\(name)'s start page and \(path)")
                }
            }
        }
        #expect(try fixture.auditRows().contains(["bea", "refused", "", "", ""]))
    }

    @Test func aFormWithoutTheSessionsTokenIsRefused() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            _ = try await visitor.get("/login")
            // No token: not even a login is taken.
            let noTokenLogin = try await visitor.post("/login", [("name", "lin"), ("password", WebFixture.password)], token: .some(nil))
            #expect(noTokenLogin.status == .forbidden)
            #expect(try await visitor.logIn("lin", WebFixture.password).status == .seeOther)
            _ = try await visitor.get("/refer")
            let fields = [("member", "m-arthur"), ("goals", "connect")]
            let none = try await visitor.post("/refer", fields, token: .some(nil))
            #expect(none.status == .forbidden && none.html.contains("This form has expired"))
            let wrong = try await visitor.post("/refer", fields, token: .some(String(repeating: "0", count: 64)))
            #expect(wrong.status == .forbidden)
            let short = try await visitor.post("/refer", fields, token: .some(String((visitor.token ?? "").dropLast())))
            #expect(short.status == .forbidden)
            let right = try await visitor.post("/refer", fields)
            #expect(right.status == .ok)
            // A token of another session is refused too.
            var other = WebVisitor(client)
            #expect(try await other.logIn("ada", WebFixture.password).status == .seeOther)
            let borrowed = try await other.post("/refer", fields, token: .some(visitor.token))
            #expect(borrowed.status == .forbidden)
        }
    }

    @Test func aReferralAnswersTheSameActivitiesAsTheService() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        let referral = Referral(person: .id("m-arthur"), goals: FiveWays(connect: 1), interests: ["woodwork"], reason: "lonely since his wife died")
        let expected = try await fixture.service.refer(MethodParams.Refer(referral: referral, limit: 5, withBuddy: true))
        #expect(!expected.matches.isEmpty)
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            _ = try await visitor.logIn("lin", WebFixture.password)
            _ = try await visitor.get("/refer")
            let page = try await visitor.post(
                "/refer", [("member", "m-arthur"), ("goals", "connect"), ("interests", "woodwork"), ("reason", "lonely since his wife died")])
            #expect(page.status == .ok)
            #expect(resultIDs(page.html) == expected.matches.map(\.id))
            let buddy = try #require(expected.matches.first?.buddy)
            #expect(page.html.contains("(\(buddy.id), buddy score"))
            #expect(page.html.contains("Summary for the GP record"))
        }
        // The audit line names the person, not the reason.
        let rows = try fixture.auditRows()
        #expect(rows.contains(["lin", "refer", "m-arthur", "", String(expected.matches.count)]))
        let raw = try await fixture.store.pool.read { db in try String.fetchAll(db, sql: "SELECT quote(at) || quote(account) || quote(action) || quote(person) || quote(related) || quote(count) FROM audit_log") }
        #expect(!raw.joined().contains("lonely") && !raw.joined().contains("woodwork"))
    }

    @Test func aHouseboundPersonSeesOneToOneSupportFirstInAShortLabelledList() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        let expected = try await fixture.service.refer(
            MethodParams.Refer(referral: Referral(person: .id("m-mabel")), limit: 5, withBuddy: true))
        let oneToOne = try #require(expected.oneToOne)
        let hazel = try #require(oneToOne.matches.first)
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            _ = try await visitor.logIn("lin", WebFixture.password)
            _ = try await visitor.get("/refer")
            let page = try await visitor.post("/refer", [("member", "m-mabel")])
            #expect(page.status == .ok)
            let html = unescaped(page.html)
            let section = try #require(html.range(of: #"<h3 id="one-to-one-title">One-to-one support</h3>"#))
            let activities = try #require(html.range(of: #"<ol class="results no-print">"#))
            #expect(section.lowerBound < activities.lowerBound, "housebound: one-to-one support comes first")
            #expect(html.contains("<strong>Befriender, visits at home; DBS checked 2025</strong>: Hazel <span class=\"id\">(\(hazel.id), score"))
            #expect(html.contains("Housebound: one-to-one support at home comes first"))
            #expect(html.contains("One-to-one support: Befriender Hazel (m-hazel)"), "the GP summary lists it")
            // The activity list is the same as before: one-to-one results are not numbered with it.
            #expect(resultIDs(page.html) == expected.matches.map(\.id))
        }
    }

    @Test func aNewPersonsTimesAreReadAsTheCLIReadsThem() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        let person = Member(
            id: "new-person", availability: try WeeklyTimeText.slots("tue 10-12; thu 2-4pm"), location: Location(lat: 51.4452, lon: -0.0209),
            accessNeeds: [.stepFree], birthYear: 1950)
        let expected = try await fixture.service.refer(
            MethodParams.Refer(referral: Referral(person: .inline(person), goals: FiveWays(beActive: 1)), limit: 5, withBuddy: true))
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            _ = try await visitor.logIn("lin", WebFixture.password)
            _ = try await visitor.get("/refer")
            let page = try await visitor.post(
                "/refer",
                [("lat", "51.4452"), ("lon", "-0.0209"), ("birthYear", "1950"), ("free", "tue 10-12; thu 2-4pm"), ("access", "step-free"),
                 ("goals", "beActive")])
            #expect(page.status == .ok)
            #expect(resultIDs(page.html) == expected.matches.map(\.id))
            // A time the reader refuses is shown beside its field, naming the piece.
            let bad = try await visitor.post("/refer", [("lat", "51.4452"), ("lon", "-0.0209"), ("free", "wedding 10-12")])
            #expect(bad.status == .badRequest)
            #expect(unescaped(bad.html).contains(#"<p class="field-error" id="free-error"><span class="visually-hidden">Error: </span>Times free: 'wedding' is not a day"#))
        }
    }

    @Test func theServicesErrorsAreShownBesideTheirFields() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            _ = try await visitor.logIn("ada", WebFixture.password)
            _ = try await visitor.get("/refer")
            let unknown = try await visitor.post("/refer", [("member", "m-artur")])
            #expect(unknown.status == .badRequest)
            #expect(unescaped(unknown.html).contains("id=\"member-error\""))
            #expect(unescaped(unknown.html).contains("did you mean 'm-arthur'?"))
            let latitude = try await visitor.post("/refer", [("lat", "north"), ("lon", "-0.02"), ("free", "tue 10-12")])
            #expect(latitude.status == .badRequest)
            #expect(latitude.html.contains("id=\"lat-error\""))
            #expect(latitude.html.contains("Latitude: expected a number"))
            #expect(latitude.html.contains(##"<a href="#lat">"##), "the summary links to the field")
            _ = try await visitor.get("/help")
            let empty = try await visitor.post("/help", [("need", ""), ("requester", "m-arthur")])
            #expect(empty.status == .badRequest)
            #expect(empty.html.contains("id=\"need-error\"") && empty.html.contains("Help needed must not be empty."))
        }
    }

    @Test func whoCanHelpAndRecordingTheExchange() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        let expected = try await fixture.service.whoCanHelp(
            MethodParams.Helpers(request: HelpRequest(requester: "m-arthur", skill: "accompany to hospital", when: try WeeklyTimeText.slots("tue 10-12")), limit: 10))
        let helper = try #require(expected.matches.first).id
        let before = try #require(await fixture.service.currentEngine.balance(of: helper))
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            _ = try await visitor.logIn("bea", WebFixture.password)
            _ = try await visitor.get("/help")
            let page = try await visitor.post("/help", [("need", "accompany to hospital"), ("when", "tue 10-12"), ("requester", "m-arthur")])
            #expect(page.status == .ok)
            #expect(resultIDs(page.html) == expected.matches.map(\.id))
            #expect(page.html.contains(#"name="giver" value="\#(helper)""#))
            let recorded = try await visitor.post(
                "/help/exchange", [("giver", helper), ("receiver", "m-arthur"), ("skill", "accompany to hospital"), ("hours", "2"), ("date", "2026-03-02")])
            #expect(recorded.status == .ok)
            #expect(recorded.html.contains("Exchange recorded"))
            let refused = try await visitor.post("/help/exchange", [("giver", helper), ("receiver", "m-arthur"), ("hours", "-1")])
            #expect(refused.status == .badRequest && refused.html.contains("id=\"hours-error\""))
        }
        let after = try #require(await fixture.service.currentEngine.balance(of: helper))
        #expect(after == before + 2)
        #expect(try fixture.auditRows().contains(["bea", "exchange.record", "m-arthur", helper, ""]))
    }

    @Test func theNetworkAndAPlanningSession() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        let analysis = try await fixture.service.analyseNetwork(MethodParams.Network())
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            _ = try await visitor.logIn("con", WebFixture.password)
            let network = try await visitor.get("/network")
            #expect(network.status == .ok)
            #expect(network.html.contains("\(analysis.communities.count) communities"))
            if let broker = analysis.bridging.first { #expect(network.html.contains("<th scope=\"row\">\(broker.id)</th>")) }
            #expect(network.html.contains("<h2 id=\"picture\">") && network.html.contains("<svg"), "the overview drawn inline")
            #expect(!network.html.contains("<?xml"))
            let one = try await visitor.get("/network?community=1")
            #expect(one.status == .ok && one.html.contains("<h2 id=\"community-picture\">Community 1</h2>"))
            #expect(one.html.components(separatedBy: "<svg").count == 3, "the overview and the community's picture")
            let unknown = try await visitor.get("/network?community=999")
            #expect(unknown.status == .badRequest && unescaped(unknown.html).contains("there is no community 999"))
            let badResolution = try await visitor.get("/network?resolution=0")
            #expect(badResolution.status == .badRequest && badResolution.html.contains("id=\"resolution-error\""))
            let finer = try await visitor.get("/network?resolution=3")
            let finerAnalysis = try await fixture.service.analyseNetwork(MethodParams.Network(resolution: 3))
            #expect(finer.status == .ok && finer.html.contains("\(finerAnalysis.communities.count) communities"))
            #expect(finerAnalysis.communities.count > analysis.communities.count)
            _ = try await visitor.get("/plan")
            let typed = try await visitor.post("/plan", [("list", "m-maud, gp-downham\nm-arthur\nm-nobody"), ("options", "withBuddies"), ("fairness", "total")])
            #expect(typed.status == .badRequest)
            #expect(unescaped(typed.html).contains("Referral at line 3 of the list"))
            let csv = "id,person,referrer\nr-1,m-maud,gp-downham\nr-2,m-arthur,gp-lee\n"
            let planned = try await visitor.postMultipart(
                "/plan", [("options", "withBuddies"), ("fairness", "total"), ("maxPerPerson", "1")], file: ("file", "referrals.csv", csv))
            #expect(planned.status == .ok)
            #expect(planned.html.contains("The plan: "))
            #expect(planned.html.contains("<th scope=\"row\">r-1</th>") || planned.html.contains("Not placed (2)"))
        }
        #expect(try fixture.auditRows().contains { $0[0] == "con" && $0[1] == "plan" && $0[4] == "2" })
    }

    @Test func loggingOutEndsTheSession() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            _ = try await visitor.logIn("ada", WebFixture.password)
            let home = try await visitor.get("/")
            #expect(home.status == .ok)
            let oldCookie = visitor.cookie
            let out = try await visitor.post("/logout", [])
            #expect(out.status == .seeOther)
            visitor.cookie = oldCookie
            #expect(try await visitor.get("/").status == .seeOther, "the old session no longer works")
        }
        #expect(try fixture.auditRows().contains(["ada", "logout", "", "", ""]))
    }

    @Test func aRemovedAccountLosesItsSessionAtTheNextPage() async throws {
        let fixture = try await WebFixture.make()
        defer { fixture.remove() }
        try await fixture.withPages { client in
            var visitor = WebVisitor(client)
            _ = try await visitor.logIn("lin", WebFixture.password)
            #expect(try await visitor.get("/refer").status == .ok)
            _ = try fixture.accounts.remove(name: "lin")
            #expect(try await visitor.get("/refer").status == .seeOther)
        }
    }
}
