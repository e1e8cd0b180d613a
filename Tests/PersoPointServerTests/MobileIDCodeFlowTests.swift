import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
@testable import MobileID
import PersoCore
@testable import PersoPointServer
import Testing

/// The service's authorisation code flow, as an outside relying party (or the gateway in broker mode) uses it: the
/// person types the phone number on the service's page, confirms on the phone, and the relying party redeems the code
/// once, with its PKCE verifier and `private_key_jwt`, for an ID token carrying its nonce.
@Suite("A relying party sending the person to the itsme login page (code flow)")
struct MobileIDCodeFlowTests {
    static let redirect = "https://rp.example.org/callback"

    static func query(_ location: String) -> [String: String] {
        Dictionary(URLComponents(string: location)?.queryItems?.map { ($0.name, $0.value ?? "") } ?? [], uniquingKeysWith: { first, _ in first })
    }

    @Test("Sophie types her number, taps the number on her phone, and the relying party gets her ID token once with its nonce")
    func codeFlow() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            let (rp, phone) = try await MobileIDTests.prepared(app, clock: clock)
            try await app.mobileID.registerClient(id: rp.id, name: "Test relying party", jwks: rp.jwks, redirectURIs: [Self.redirect])
            try await app.makeApplication().test(.router) { client in
                let discovery = MobileIDTests.json(try await client.execute(uri: "/mobileid/.well-known/openid-configuration", method: .get))
                #expect(discovery["authorization_endpoint"] as? String == app.mobileID.issuer + "/authorize")
                #expect((discovery["grant_types_supported"] as? [String])?.contains("authorization_code") == true)

                let browser = Browser(client)
                let verifier = SecureRandom.token(bytes: 32)
                let challenge = SecureRandom.base64URL(SHA256.hash(data: Array(verifier.utf8)))
                let start = try await browser.get("/mobileid/authorize?response_type=code&client_id=\(rp.id)&redirect_uri=\(Self.redirect)"
                    + "&scope=openid%20egovnrn%20profile&state=st-1&nonce=n-42&code_challenge=\(challenge)&code_challenge_method=S256")
                #expect(start.status == .ok)
                #expect(start.text.contains("Test relying party"))
                #expect(start.headers[.contentSecurityPolicy]?.contains("form-action 'self' https://rp.example.org") == true,
                        "the page's forms may end on the relying party's origin")
                let flow = try #require(start.text.firstMatch(of: /name="flow" value="([^"]+)"/).map { String($0.1) })
                let csrf = try #require(start.csrfToken)

                let unknown = try await browser.post("/mobileid/authorize", form: ["flow": flow, "phone": "+32479000000", "_csrf": csrf])
                #expect(unknown.status == .unprocessableContent && unknown.text.contains("phone-error"))
                let sent = try await browser.post("/mobileid/authorize", form: ["flow": flow, "phone": "0471 23 45 67", "_csrf": csrf])
                #expect(sent.status == .seeOther)
                let waiting = try await browser.get(try #require(sent.headers[.location]))
                let number = try #require(waiting.text.firstMatch(of: /id="match-number"[^>]*>(\d\d)</).map { String($0.1) })
                let status = try await browser.get("/mobileid/authorize/status?flow=\(flow)")
                #expect(MobileIDTests.json(status)["state"] as? String == "pending")

                let state = MobileIDTests.json(try await client.execute(uri: "/mobileid/app/state", method: .post, body: try phone.signed(["action": "state"], now: clock.now)))
                let pending = try #require((state["pending"] as? [[String: Any]])?.first)
                #expect((pending["choices"] as? [String])?.contains(number) == true)
                let confirmed = try await client.execute(uri: "/mobileid/app/answer", method: .post, body: try phone.signed([
                    "action": "answer", "request": pending["id"] as! String, "approve": true, "choice": number, "code": MobileIDTests.code,
                ], now: clock.now))
                #expect(MobileIDTests.json(confirmed)["result"] as? String == "confirmed")

                let back = try await browser.post("/mobileid/authorize/continue", form: ["flow": flow, "_csrf": csrf])
                #expect(back.status == .seeOther)
                let location = try #require(back.headers[.location])
                #expect(location.hasPrefix(Self.redirect + "?"))
                let answer = Self.query(location)
                #expect(answer["state"] == "st-1" && answer["iss"] == app.mobileID.issuer)
                let code = try #require(answer["code"])

                func redeem(_ code: String, verifier: String, redirect: String = Self.redirect) async throws -> (HTTPResponse.Status, [String: Any]) {
                    let response = try await client.execute(uri: "/mobileid/token", method: .post, headers: formHeaders, body: try await rp.fields([
                        "grant_type": "authorization_code", "code": code, "redirect_uri": redirect, "code_verifier": verifier,
                    ], now: clock.now))
                    return (response.status, MobileIDTests.json(response))
                }
                let (tokenStatus, tokens) = try await redeem(code, verifier: verifier)
                #expect(tokenStatus == .ok, "\(tokens)")
                let idToken = try #require(tokens["id_token"] as? String)
                let keys = JWTKeyCollection()
                let jwks = try await client.execute(uri: "/mobileid/jwks", method: .get)
                try await keys.add(jwksJSON: String(buffer: jwks.body))
                let claims = try await keys.verify(idToken, as: TokenIssuer.IDToken.self)
                #expect(claims.nonce == "n-42" && claims.aud == rp.id && claims.person.egovNRN == MobileIDTests.nrn)
                #expect(claims.acr == LevelOfAssurance.level450.acr && claims.amr.contains("pin"))
                #expect(try await redeem(code, verifier: verifier).1["error"] as? String == "invalid_grant", "a code works once")
            }
        }
    }

    @Test("What the code flow refuses: an unregistered redirect URI (shown, never sent), the wrong response type or scope, a cancelled login, a made-up code")
    func refusals() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            let (rp, _) = try await MobileIDTests.prepared(app, clock: clock)
            try await app.mobileID.registerClient(id: rp.id, name: "Test relying party", jwks: rp.jwks, redirectURIs: [Self.redirect])
            try await app.makeApplication().test(.router) { client in
                let browser = Browser(client)
                let stranger = try await browser.get("/mobileid/authorize?response_type=code&client_id=\(rp.id)&redirect_uri=https://evil.example/cb&scope=openid")
                #expect(stranger.status == .badRequest && stranger.headers[.location] == nil)
                let noClient = try await browser.get("/mobileid/authorize?response_type=code&client_id=nobody&redirect_uri=\(Self.redirect)&scope=openid")
                #expect(noClient.status == .badRequest)
                let token = try await browser.get("/mobileid/authorize?response_type=token&client_id=\(rp.id)&redirect_uri=\(Self.redirect)&scope=openid&state=s")
                #expect(token.status == .seeOther && Self.query(token.headers[.location] ?? "")["error"] == "unsupported_response_type")
                let badScope = try await browser.get("/mobileid/authorize?response_type=code&client_id=\(rp.id)&redirect_uri=\(Self.redirect)&scope=email")
                #expect(Self.query(badScope.headers[.location] ?? "")["error"] == "invalid_scope")

                let start = try await browser.get("/mobileid/authorize?response_type=code&client_id=\(rp.id)&redirect_uri=\(Self.redirect)&scope=openid&state=c1")
                let flow = try #require(start.text.firstMatch(of: /name="flow" value="([^"]+)"/).map { String($0.1) })
                let cancelled = try await browser.post("/mobileid/authorize/cancel", form: ["flow": flow, "_csrf": try #require(start.csrfToken)])
                let answer = Self.query(cancelled.headers[.location] ?? "")
                #expect(answer["error"] == "access_denied" && answer["state"] == "c1")

                let forged = try await client.execute(uri: "/mobileid/token", method: .post, headers: formHeaders, body: try await rp.fields([
                    "grant_type": "authorization_code", "code": "made-up", "redirect_uri": Self.redirect, "code_verifier": String(repeating: "a", count: 43),
                ], now: clock.now))
                #expect(MobileIDTests.json(forged)["error"] as? String == "invalid_grant")
            }
        }
    }
}
