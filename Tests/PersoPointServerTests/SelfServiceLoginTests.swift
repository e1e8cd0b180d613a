import Foundation
@testable import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PersoCore
@testable import PersoPointServer
import RelyingParty
import Testing

/// PersoSelfService at its default level (Level300: password and token card), the demo people, one browser-less client.
func withSelfService<T>(
    clock: TestClock = TestClock(), idle: TimeInterval = 1200, absolute: TimeInterval = 43200,
    _ body: @Sendable (PersoPointApp, any TestClientProtocol) async throws -> T
) async throws -> T {
    let gateway = InProcessGateway()
    return try await withProduct(clock: clock, idle: idle, absolute: absolute, gateway: gateway) { app in
        _ = try await app.gateway.seedDemoData()
        try await app.seedHRRegister()
        return try await app.makeApplication().test(.router) { client in
            gateway.connect(client)
            return try await body(app, client)
        }
    }
}

@Suite("A civil servant opening PersoSelfService")
struct SelfServiceLoginTests {
    let sophie = DemoData.credentials[0]
    let pieter = DemoData.credentials[1]

    @Test("is sent to the gateway, logs in, and comes back to her home page under a new session id")
    func logsInThroughTheGateway() async throws {
        try await withSelfService { _, client in
            let browser = Browser(client)
            let first = try await browser.get("/selfservice?lang=en")
            #expect(first.status == .seeOther)
            #expect(first.headers[.location]?.hasPrefix("/selfservice/login?return=") == true)
            let authorize = try await browser.get(first.headers[.location]!)
            let location = try #require(authorize.headers[.location])
            #expect(location.hasPrefix("http://localhost:8080/fas/oauth2/authorize?"))
            for parameter in ["code_challenge_method=S256", "acr_values=urn:be:fedict:iam:fas:Level300", "nonce=", "state=", "client_id=persoselfservice"] {
                #expect(location.contains(parameter), "\(parameter)")
            }
            let beforeLogin = browser.session
            let home = try await browser.logIn(as: sophie, at: first.headers[.location]!)
            #expect(browser.location == "/selfservice?lang=en", "back to the very page asked for")
            #expect(browser.session != beforeLogin, "the application's session gets a new id")
            #expect(home.status == .ok)
            #expect(home.text.contains("Welcome, Sophie Dubois"))
            #expect(home.text.contains("FPS Policy and Support (BOSA)"))
            #expect(home.text.contains("Employee"))
            #expect(!home.text.contains("manager-notice"))
            #expect(home.text.contains("id=\"account-name\">Sophie Dubois"))
            #expect(home.text.contains("id=\"logout\""))
            #expect(home.text.contains("logs you out after 20 minutes without activity, and after 12 hours in any case"))
            #expect(home.text.contains("role=\"alertdialog\""))
            #expect(home.text.contains("src=\"/selfservice/session-timer.js\""))
            #expect(home.text.contains("data-seconds-left=\"1200\""))
        }
    }

    @Test("a manager sees that he is one")
    func managerSeesIt() async throws {
        try await withSelfService { _, client in
            let home = try await Browser(client).logIn(as: pieter, at: "/selfservice?lang=nl")
            #expect(home.text.contains("id=\"manager-notice\""))
            #expect(home.text.contains("Medewerker, Chef"))
            #expect(home.text.contains("FOD Beleid en Ondersteuning (BOSA)"))
        }
    }

    @Test("the gateway's answer cannot be used twice: a replayed state is refused")
    func replayedStateRefused() async throws {
        try await withSelfService { _, client in
            let browser = Browser(client)
            _ = try await browser.logIn(as: sophie)
            let replay = try await browser.get(browser.callbackURL + "&lang=en")
            #expect(replay.status == .badRequest)
            #expect(replay.text.contains("data-reason=\"unknown_state\""))
            #expect(replay.text.contains("The login could not be completed"))
            // A stranger's browser presenting the same answer gets nowhere either.
            let stranger = try await Browser(client).get(browser.callbackURL)
            #expect(stranger.status == .badRequest)
            #expect(stranger.headers[.location] == nil)
        }
    }

    @Test("a person who cancels at the gateway is told so, in her language")
    func cancelled() async throws {
        try await withSelfService { _, client in
            let browser = Browser(client)
            _ = try await browser.follow("/selfservice?lang=fr")
            let transaction = String(browser.location.dropFirst("/fas/login?tx=".count).prefix { $0 != "&" })
            let back = try await browser.get("/fas/login/cancel?tx=\(transaction)")
            let page = try await browser.follow(try #require(back.headers[.location]))
            #expect(page.status == .ok)
            #expect(page.text.contains("Connexion annulée"))
        }
    }

    @Test("logging out ends the session at the gateway too and comes back to the portal")
    func logout() async throws {
        try await withSelfService { _, client in
            let browser = Browser(client)
            let home = try await browser.logIn(as: sophie)
            let token = try #require(home.csrfToken)
            let out = try await browser.post("/selfservice/logout", form: ["_csrf": token])
            let endSession = try #require(out.headers[.location])
            #expect(endSession.hasPrefix("http://localhost:8080/fas/oauth2/connect/endSession?id_token_hint="))
            let gateway = try await browser.get(endSession)
            #expect(gateway.headers[.location]?.hasPrefix("http://localhost:8080/") == true)
            let again = try await browser.get("/selfservice")
            #expect(again.status == .seeOther)
            #expect(again.headers[.location]?.hasPrefix("/selfservice/login") == true)
        }
    }
}

@Suite("The 20-minute session of PersoSelfService, enforced by the server")
struct SelfServiceSessionTests {
    let sophie = DemoData.credentials[0]
    static let background: HTTPFields = [SessionMiddleware.backgroundHeader: "1"]

    func status(_ browser: Browser) async throws -> (HTTPResponse.Status, [String: Any]) {
        let response = try await browser.get("/selfservice/session", headers: Self.background)
        return (response.status, (try? JSONSerialization.jsonObject(with: Data(response.text.utf8))) as? [String: Any] ?? [:])
    }

    func extend(_ browser: Browser, csrf: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        let response = try await browser.post("/selfservice/session/extend", headers: [CSRFMiddleware.headerName: csrf])
        return (response.status, (try? JSONSerialization.jsonObject(with: Data(response.text.utf8))) as? [String: Any] ?? [:])
    }

    @Test("the timer's own requests never count as activity; OK extends to the full 20 minutes")
    func backgroundAndExtend() async throws {
        let clock = TestClock()
        try await withSelfService(clock: clock) { _, client in
            let browser = Browser(client)
            let home = try await browser.logIn(as: sophie)
            let csrf = try #require(home.csrfToken)
            clock.advance(by: 15 * 60)
            let (checked, body) = try await status(browser)
            #expect(checked == .ok)
            #expect(body["secondsLeft"] as? Int == 300)
            clock.advance(by: 4 * 60)
            let (extended, after) = try await extend(browser, csrf: csrf)
            #expect(extended == .ok)
            #expect(after["secondsLeft"] as? Int == 1200)
            clock.advance(by: 19 * 60)
            #expect(try await browser.get("/selfservice").status == .ok, "still logged in 19 minutes after OK")
        }
    }

    @Test("past the idle limit, pages, status and extension are refused whatever the page does")
    func idleLimit() async throws {
        let clock = TestClock()
        try await withSelfService(clock: clock) { _, client in
            let browser = Browser(client)
            let home = try await browser.logIn(as: sophie)
            let csrf = try #require(home.csrfToken)
            clock.advance(by: 10 * 60)
            _ = try await status(browser)
            clock.advance(by: 10 * 60 + 1)
            let (checked, body) = try await status(browser)
            #expect(checked == .unauthorized)
            #expect(body["error"] as? String == "session_expired")
            let (extended, _) = try await extend(browser, csrf: csrf)
            #expect(extended == .unauthorized || extended == .forbidden)
            let page = try await browser.get("/selfservice/personal")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/selfservice/login?return=%2Fselfservice%2Fpersonal")
        }
    }

    @Test("the absolute limit cannot be pushed back: near it OK is refused, past it everything is")
    func absoluteLimit() async throws {
        let clock = TestClock()
        try await withSelfService(clock: clock, absolute: 3000) { _, client in
            let browser = Browser(client)
            let home = try await browser.logIn(as: sophie)
            let csrf = try #require(home.csrfToken)
            clock.advance(by: 1000)
            #expect(try await extend(browser, csrf: csrf).0 == .ok)
            clock.advance(by: 1000)
            let (ok, body) = try await extend(browser, csrf: csrf)
            #expect(ok == .ok)
            #expect(body["secondsLeft"] as? Int == 1000 && body["absoluteLimit"] as? Bool == true)
            clock.advance(by: 950)
            let (refused, reason) = try await extend(browser, csrf: csrf)
            #expect(refused == .conflict)
            #expect(reason["error"] as? String == "absolute_limit_reached")
            clock.advance(by: 51)
            #expect(try await status(browser).0 == .unauthorized)
            #expect(try await browser.get("/selfservice").status == .seeOther)
        }
    }
}
