import Foundation
@testable import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PersoCore
import Testing
@testable import PersoPointServer

/// An application of another administration, on its own origin, using the gateway as any outside relying party does.
@Suite("An application on another origin")
struct OutsideRelyingPartyTests {
    static let redirect = "https://app.example.be/callback"
    static let postLogout = "https://app.example.be/goodbye"
    static let secret = "outside-app-secret-0123456789-abcdefghijklmnopq"
    static let verifier = String(repeating: "v", count: 43)

    static func register(_ app: PersoPointApp, grants: [String] = ["authorization_code", "refresh_token"]) async throws {
        var registration = ClientRegistry.Registration(clientID: "outside-app", name: "Outside application", authMethod: .clientSecretBasic,
                                                       redirectURIs: [redirect])
        registration.postLogoutURIs = [postLogout]
        registration.grantTypes = grants
        try await app.gateway.clients.add(registration, secret: secret)
    }

    /// The product with the demo people and the outside application registered, a router client and a browser.
    static func withOutsideApplication(clock: TestClock = TestClock(),
                                       _ body: @Sendable (PersoPointApp, any TestClientProtocol, Browser) async throws -> Void) async throws {
        try await withProduct(clock: clock) { app in
            _ = try await app.gateway.seedDemoData()
            try await register(app)
            try await app.makeApplication().test(.router) { client in
                try await body(app, client, Browser(client))
            }
        }
    }

    static func authorize(_ extra: String = "") -> String {
        let challenge = TokenService.challenge(for: verifier)
        return "/fas/oauth2/authorize?response_type=code&client_id=outside-app&redirect_uri="
            + redirect.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            + "&scope=openid+profile&state=s1&nonce=n1&code_challenge=\(challenge)&code_challenge_method=S256" + extra
    }

    static func transaction(of browser: Browser) -> String {
        String(browser.location.dropFirst("/fas/login?tx=".count).prefix { $0 != "&" })
    }

    static func formAction(_ response: TestResponse) -> String {
        let policy = response.headers[.contentSecurityPolicy] ?? ""
        return policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("form-action") } ?? ""
    }

    /// Logs in with username and password; returns the gateway's answer (a redirect to the application).
    static func logIn(_ browser: Browser, start: String = authorize()) async throws -> TestResponse {
        _ = try await browser.follow(start)
        let tx = transaction(of: browser)
        let page = try await browser.get("/fas/login/password?tx=\(tx)")
        let sophie = DemoData.credentials[0]
        return try await browser.post("/fas/login/password", form: [
            "username": sophie.username, "password": sophie.password, "tx": tx, "_csrf": page.csrfToken ?? "",
        ])
    }

    static func tokens(_ client: any TestClientProtocol, _ fields: [String: String]) async throws -> (HTTPResponse.Status, [String: Any]) {
        let basic = "Basic " + Data("outside-app:\(secret)".utf8).base64EncodedString()
        let response = try await client.executeRequest(uri: "/fas/oauth2/access_token", method: .post,
                                                       headers: formHeaders + [.authorization: basic], body: form(fields))
        let json = (try? JSONSerialization.jsonObject(with: Data(response.text.utf8))) as? [String: Any] ?? [:]
        return (response.status, json)
    }

    static func code(from location: String) -> String {
        URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value ?? ""
    }

    @Test("its person's login pages let their last form return to the application's origin, and no other page does")
    func formsMayReturnToTheApplication() async throws {
        try await Self.withOutsideApplication { app, client, browser in
            let chooser = try await browser.follow(Self.authorize())
            #expect(Self.formAction(chooser) == "form-action 'self' https://app.example.be")
            let tx = Self.transaction(of: browser)
            let page = try await browser.get("/fas/login/password?tx=\(tx)")
            #expect(Self.formAction(page) == "form-action 'self' https://app.example.be")
            let refused = try await browser.post("/fas/login/password", form: [
                "username": "nobody.here", "password": "wrong", "tx": tx, "_csrf": page.csrfToken ?? "",
            ])
            #expect(refused.status == .ok)
            #expect(Self.formAction(refused) == "form-action 'self' https://app.example.be")
            // The rest of the site still posts to itself only.
            #expect(Self.formAction(try await browser.get("/")) == "form-action 'self'")
            #expect(Self.formAction(try await browser.get("/fas/login/password?tx=made-up")) == "form-action 'self'")
        }
    }

    @Test("a return address that cannot be written safely into the policy widens nothing")
    func hostileSources() {
        #expect(ContentSecurityPolicy.source(of: "https://App.Example.be:8443/cb?x=1") == "https://app.example.be:8443")
        #expect(ContentSecurityPolicy.source(of: "be.example.app:/callback") == "be.example.app:")
        #expect(ContentSecurityPolicy.source(of: "https://evil.example;script-src *") == nil)
        #expect(ContentSecurityPolicy.source(of: "http:/no-host") == nil)
        #expect(ContentSecurityPolicy.source(of: "https://[::1]:8443/cb") == "https://[::1]:8443")
    }

    @Test("switching language on the chooser and after a wrong password keeps the login going")
    func languageSwitchKeepsTheLogin() async throws {
        try await Self.withOutsideApplication { app, client, browser in
            let chooser = try await browser.follow(Self.authorize())
            let tx = Self.transaction(of: browser)
            #expect(chooser.text.contains("href=\"/fas/login?tx=\(tx)&amp;lang=nl\""))
            let dutch = try await browser.get("/fas/login?tx=\(tx)&lang=nl")
            #expect(dutch.status == .ok && dutch.htmlLanguage == "nl")
            #expect(dutch.text.contains("id=\"key-password\""), "still the chooser of this login, not 'your login has expired'")
            let page = try await browser.get("/fas/login/password?tx=\(tx)")
            let refused = try await browser.post("/fas/login/password", form: [
                "username": "nobody.here", "password": "wrong", "tx": tx, "_csrf": page.csrfToken ?? "",
            ])
            // The page answering the POST switches language by GET on the key's own address.
            #expect(refused.text.contains("href=\"/fas/login/password?tx=\(tx)&amp;lang=de\""))
            let german = try await browser.get("/fas/login/password?tx=\(tx)&lang=de")
            #expect(german.htmlLanguage == "de" && german.text.contains("name=\"password\""))
        }
    }

    @Test("switching language on the token card's code page shows the same position again")
    func codeStepSurvivesLanguageSwitch() async throws {
        try await Self.withOutsideApplication { app, client, browser in
            _ = try await browser.follow(Self.authorize())
            let tx = Self.transaction(of: browser)
            let page = try await browser.get("/fas/login/token?tx=\(tx)")
            let sophie = DemoData.credentials[0]
            let codePage = try await browser.post("/fas/login/token", form: [
                "username": sophie.username, "password": sophie.password, "tx": tx, "_csrf": page.csrfToken ?? "",
            ])
            func position(_ response: TestResponse) -> Int? {
                guard let marker = response.text.range(of: "id=\"token-position\">") else { return nil }
                return Int(response.text[marker.upperBound...].prefix { $0.isNumber })
            }
            let asked = try #require(position(codePage))
            let french = try await browser.get("/fas/login/token?tx=\(tx)&lang=fr")
            #expect(french.htmlLanguage == "fr")
            #expect(position(french) == asked, "the same challenge, not a new password step")
            let done = try await browser.post("/fas/login/token", form: [
                "step": "code", "code": sophie.tokenCard[asked - 1], "tx": tx, "_csrf": page.csrfToken ?? "",
            ])
            #expect(done.status == .seeOther)
            #expect(done.headers[.location]?.hasPrefix(Self.redirect + "?code=") == true)
        }
    }

    @Test("max_age=0 sends a person who logged in this very second back to the key chooser")
    func maxAgeZero() async throws {
        try await Self.withOutsideApplication { app, client, browser in
            #expect(try await Self.logIn(browser).status == .seeOther)
            let again = try await browser.get(Self.authorize())
            #expect(again.headers[.location]?.hasPrefix(Self.redirect + "?code=") == true, "single sign-on without max_age")
            let fresh = try await browser.get(Self.authorize("&max_age=0"))
            #expect(fresh.headers[.location]?.hasPrefix("/fas/login?tx=") == true)
        }
    }

    @Test("a parameter given twice is refused: by redirect, or by a page when it is the client or its address")
    func repeatedParameters() async throws {
        try await Self.withOutsideApplication { app, client, browser in
            let twice = try await browser.get(Self.authorize("&scope=openid"))
            #expect(twice.status == .seeOther)
            #expect(twice.headers[.location]?.hasPrefix(Self.redirect + "?error=invalid_request") == true)
            let twoClients = try await browser.get(Self.authorize("&client_id=outside-app"))
            #expect(twoClients.status == .badRequest)
            #expect(twoClients.headers[.location] == nil)
            let (status, body) = try await Self.tokens(client, ["grant_type": "authorization_code", "code": "a"])
            #expect(status == .badRequest && body["error"] as? String == "invalid_grant", "one code: a normal refusal")
            let repeated = try await client.executeRequest(
                uri: "/fas/oauth2/access_token", method: .post,
                headers: formHeaders + [.authorization: "Basic " + Data("outside-app:\(Self.secret)".utf8).base64EncodedString()],
                body: ByteBuffer(string: "grant_type=authorization_code&code=a&code=b"))
            #expect(repeated.status == .badRequest && repeated.text.contains("\"invalid_request\""))
        }
    }

    @Test("state and nonce over the limit are refused, never cut")
    func oversizedStateAndNonce() async throws {
        try await Self.withOutsideApplication { app, client, browser in
            let exact = String(repeating: "s", count: AuthorizationRequest.maxStateLength)
            let accepted = try await browser.get(Self.authorize().replacingOccurrences(of: "state=s1", with: "state=\(exact)"))
            #expect(accepted.headers[.location]?.hasPrefix("/fas/login?tx=") == true)
            let long = try await browser.get(Self.authorize().replacingOccurrences(of: "state=s1", with: "state=\(exact)s"))
            #expect(long.headers[.location]?.contains("error=invalid_request") == true)
            #expect(long.headers[.location]?.contains("state=") == false)
            let nonce = String(repeating: "n", count: AuthorizationRequest.maxNonceLength + 1)
            let longNonce = try await browser.get(Self.authorize().replacingOccurrences(of: "nonce=n1", with: "nonce=\(nonce)"))
            #expect(longNonce.headers[.location]?.contains("error=invalid_request") == true)
            let fragment = try await browser.get(Self.authorize("&response_mode=fragment"))
            #expect(fragment.headers[.location]?.hasPrefix(Self.redirect + "?error=invalid_request") == true)
        }
    }

    @Test("a logout link without a valid id_token_hint asks the person first; with one it logs out at once")
    func logoutNeedsConsentOrProof() async throws {
        try await Self.withOutsideApplication { app, client, browser in
            _ = try await Self.logIn(browser)
            let logout = "/fas/oauth2/connect/endSession?client_id=outside-app&state=bye&post_logout_redirect_uri="
                + Self.postLogout.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let asked = try await browser.get(logout)
            #expect(asked.status == .ok && asked.text.contains("id=\"confirm-logout\""))
            #expect(Self.formAction(asked) == "form-action 'self' https://app.example.be")
            let sso = try await browser.get(Self.authorize())
            #expect(sso.headers[.location]?.hasPrefix(Self.redirect + "?code=") == true, "still logged in until confirmed")
            let confirmed = try await browser.post("/fas/logout/confirm", form: [
                "client_id": "outside-app", "post_logout_redirect_uri": Self.postLogout, "state": "bye", "_csrf": asked.csrfToken ?? "",
            ])
            #expect(confirmed.headers[.location] == Self.postLogout + "?state=bye")
            #expect(try await browser.get(Self.authorize()).headers[.location]?.hasPrefix("/fas/login?tx=") == true)

            // With the ID token of this session as hint: at once.
            let second = try await Self.logIn(browser)
            let (_, tokens) = try await Self.tokens(client, ["grant_type": "authorization_code", "code": Self.code(from: second.headers[.location] ?? ""),
                                                             "redirect_uri": Self.redirect, "code_verifier": Self.verifier])
            let idToken = try #require(tokens["id_token"] as? String)
            let direct = try await browser.get("/fas/oauth2/connect/endSession?id_token_hint=\(idToken)&post_logout_redirect_uri="
                + Self.postLogout.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(direct.headers[.location] == Self.postLogout)
        }
    }

    @Test("a refresh retried after its answer was lost gets the same successor; a reuse after that revokes the family")
    func refreshRetry() async throws {
        let clock = TestClock()
        try await Self.withOutsideApplication(clock: clock) { app, client, browser in
            func freshRefreshToken() async throws -> String {
                let login = try await Self.logIn(browser, start: Self.authorize("&prompt=login"))
                let (status, body) = try await Self.tokens(client, ["grant_type": "authorization_code", "code": Self.code(from: login.headers[.location] ?? ""),
                                                                    "redirect_uri": Self.redirect, "code_verifier": Self.verifier])
                #expect(status == .ok)
                return try #require(body["refresh_token"] as? String)
            }
            func refresh(_ token: String) async throws -> (HTTPResponse.Status, String?) {
                let (status, body) = try await Self.tokens(client, ["grant_type": "refresh_token", "refresh_token": token])
                return (status, body["refresh_token"] as? String)
            }

            let first = try await freshRefreshToken()
            let (ok, successor) = try await refresh(first)
            #expect(ok == .ok)
            clock.advance(by: 30)
            let (retried, again) = try await refresh(first)
            #expect(retried == .ok && again == successor, "the lost answer, given again")
            let (next, _) = try await refresh(try #require(successor))
            #expect(next == .ok, "the family lives on")
            let (reused, _) = try await refresh(first)
            #expect(reused == .badRequest, "its successor was used: the old token is stolen")

            let second = try await freshRefreshToken()
            _ = try await refresh(second)
            clock.advance(by: app.gateway.settings.refreshRetryInterval + 1)
            let (late, _) = try await refresh(second)
            #expect(late == .badRequest, "after the retry interval a reuse revokes")
        }
    }

    @Test("a refresh that meets another process's write lock for too long is told to try again (503), loses nothing, and works after")
    func refreshMeetsAnotherProcess() async throws {
        try await Self.withOutsideApplication { app, client, browser in
            let login = try await Self.logIn(browser)
            let (_, issued) = try await Self.tokens(client, ["grant_type": "authorization_code", "code": Self.code(from: login.headers[.location] ?? ""),
                                                             "redirect_uri": Self.redirect, "code_verifier": Self.verifier])
            let token = try #require(issued["refresh_token"] as? String)
            // The CLI or a second instance on the same file holds SQLite's write lock past the 5-second patience.
            guard case .sqlite(let path) = app.database.location else { return }
            let other = try SQLitePreparedConnection(path: path, setUp: "PRAGMA busy_timeout=0")
            defer { other.close() }
            try other.run("BEGIN IMMEDIATE", [])
            let busy = try await client.executeRequest(
                uri: "/fas/oauth2/access_token", method: .post,
                headers: formHeaders + [.authorization: "Basic " + Data("outside-app:\(Self.secret)".utf8).base64EncodedString()],
                body: form(["grant_type": "refresh_token", "refresh_token": token]))
            #expect(busy.status == .serviceUnavailable && busy.headers[.retryAfter] == "1")
            #expect(busy.text.contains("\"temporarily_unavailable\""))
            try other.run("COMMIT", [])
            let (status, body) = try await Self.tokens(client, ["grant_type": "refresh_token", "refresh_token": token])
            #expect(status == .ok && body["refresh_token"] != nil, "the token was not used up by the refused attempt")
        }
    }

    @Test("protocol endpoints answer JSON errors, never a page")
    func protocolErrorsAreJSON() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                let wrongMethod = try await client.executeRequest(uri: "/fas/oauth2/access_token", method: .get, headers: [:], body: nil)
                #expect(wrongMethod.status == .methodNotAllowed)
                #expect(wrongMethod.headers[.allow]?.contains("POST") == true)
                #expect(wrongMethod.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(wrongMethod.text.contains("\"invalid_request\""))
                let unknown = try await client.executeRequest(uri: "/fas/oauth2/no-such-endpoint", method: .get, headers: [:], body: nil)
                #expect(unknown.status == .notFound && unknown.headers[.contentType]?.hasPrefix("application/json") == true)
                let noToken = try await client.executeRequest(uri: "/fas/oauth2/userinfo", method: .get, headers: [:], body: nil)
                #expect(noToken.status == .unauthorized)
                #expect(noToken.headers[.wwwAuthenticate] == "Bearer realm=\"PersoPoint\"")
                #expect(!noToken.text.contains("\"error\""))
            }
        }
    }

    @Test("a command run with another public URL leaves the running server's applications as they are")
    func commandsDoNotReRegister() async throws {
        let location = DatabaseLocation.sqlite(path: TestDatabases.freshSQLitePath())
        let registered = try await withProduct(database: location) { app in
            try await app.gateway.clients.list().first { $0.clientID == "persoselfservice" }?.redirectURIs
        }
        let afterCommand = try await withProduct(database: location, registeringApplications: false, configure: {
            $0.publicURL = URL(string: "http://localhost:9999")!
        }) { app in
            try await app.gateway.clients.list().first { $0.clientID == "persoselfservice" }?.redirectURIs
        }
        #expect(registered != nil)
        #expect(afterCommand == registered)
    }
}
