import Crypto
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Messaging
@testable import MobileID
import PersoCore
@testable import PersoPointServer
import Testing

/// The mobile identity service as a relying party and a phone use it: CIBA in poll mode with `private_key_jwt`,
/// the phone's signed answers with number matching and the 5-digit code.
@Suite("A relying party asking a person to confirm on the phone (CIBA)")
struct MobileIDTests {
    static let phone = "+32471234567"
    static let code = "40917"
    static let nrn = "85073003364"

    /// A relying party registered at the service, signing its assertions with its own key.
    struct RelyingParty {
        let id = "ciba-rp"
        let key = ES256PrivateKey()
        let signer = JWTKeyCollection()
        let issuer: String
        private let counter = Counter()

        final class Counter: @unchecked Sendable { var value = 0 }

        struct Assertion: JWTPayload {
            let iss: String, sub: String, aud: String, exp: Int, iat: Int, jti: String
            func verify(using algorithm: some JWTAlgorithm) async throws {}
        }

        var jwks: String {
            let parameters = key.publicKey.parameters!
            return #"{"keys":[{"kty":"EC","crv":"P-256","kid":"rp1","x":"\#(parameters.x)","y":"\#(parameters.y)"}]}"#
        }

        func assertion(now: Date = Date()) async throws -> String {
            counter.value += 1
            let seconds = Int(now.timeIntervalSince1970)
            return try await signer.sign(Assertion(iss: id, sub: id, aud: issuer, exp: seconds + 120, iat: seconds, jti: "jti-\(counter.value)-\(UUID())"),
                                         kid: "rp1")
        }

        func fields(_ extra: [String: String], now: Date = Date()) async throws -> ByteBuffer {
            var fields = extra
            fields["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            fields["client_assertion"] = try await assertion(now: now)
            return form(fields)
        }
    }

    /// The phone: its device key, and calls signed with it as the app page signs them.
    struct Phone {
        let key = P256.Signing.PrivateKey()
        var device: UUID?

        func signed(_ fields: [String: Any], now: Date = Date()) throws -> ByteBuffer {
            var message = fields
            message["device"] = device!.uuidString
            message["time"] = Int(now.timeIntervalSince1970)
            let text = String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self)
            let signature = try key.signature(for: Data(text.utf8)).rawRepresentation
            let body = try JSONSerialization.data(withJSONObject: ["message": text, "signature": SecureRandom.base64URL(signature)])
            return ByteBuffer(data: body)
        }
    }

    static func prepared(_ app: PersoPointApp, clock: TestClock) async throws -> (RelyingParty, Phone) {
        let rp = RelyingParty(issuer: app.mobileID.issuer)
        await rp.signer.add(ecdsa: rp.key, kid: "rp1")
        try await app.mobileID.registerClient(id: rp.id, name: "Test relying party", jwks: rp.jwks)
        try await app.mobileID.enrol(nationalNumber: nrn, givenName: "Sophie", surname: "Dubois", language: .fr, phone: phone, code: code)
        let number = try #require(PhoneNumber(phone))
        let identity = try #require(try await app.mobileID.identities.identity(phone: number))
        var phone = Phone()
        let raw = [UInt8](phone.key.publicKey.rawRepresentation)
        phone.device = try await app.mobileID.identities.addDevice(
            to: identity, x: SecureRandom.base64URL(raw.prefix(32)), y: SecureRandom.base64URL(raw.suffix(32)), label: "Test phone"
        ).requireID()
        return (rp, phone)
    }

    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:]
    }

    @Test("Sophie taps the number shown on the PC and types her code: the relying party polls, is told to slow down, then collects her ID token once")
    func confirmedWithNumberMatching() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            let (rp, phone) = try await Self.prepared(app, clock: clock)
            try await app.makeApplication().test(.router) { client in
                let discovery = Self.json(try await client.execute(uri: "/mobileid/.well-known/openid-configuration", method: .get))
                #expect(discovery["backchannel_token_delivery_modes_supported"] as? [String] == ["poll", "ping"])
                #expect(discovery["token_endpoint_auth_methods_supported"] as? [String] == ["private_key_jwt"])
                #expect(discovery["backchannel_authentication_endpoint"] as? String == app.mobileID.issuer + "/bc-authorize")

                let opened = try await client.execute(uri: "/mobileid/bc-authorize", method: .post, headers: formHeaders, body: try await rp.fields([
                    "scope": "openid profile egovnrn", "login_hint": Self.phone, "binding_message": "47",
                ], now: clock.now))
                #expect(opened.status == .ok, "\(opened.text)")
                let answer = Self.json(opened)
                let authReqID = try #require(answer["auth_req_id"] as? String)
                #expect(authReqID.count >= 22, "at least 128 bits")
                #expect(answer["expires_in"] as? Int == 120)
                #expect(answer["interval"] as? Int == 5)

                func poll() async throws -> (HTTPResponse.Status, [String: Any]) {
                    let response = try await client.execute(uri: "/mobileid/token", method: .post, headers: formHeaders, body: try await rp.fields([
                        "grant_type": "urn:openid:params:grant-type:ciba", "auth_req_id": authReqID,
                    ], now: clock.now))
                    return (response.status, Self.json(response))
                }
                #expect(try await poll().1["error"] as? String == "authorization_pending")
                #expect(try await poll().1["error"] as? String == "slow_down", "polled again at once")
                clock.advance(by: 11)
                #expect(try await poll().1["error"] as? String == "authorization_pending", "after the grown interval")

                // The phone sees the request, with three numbers, the PC's among them.
                let state = Self.json(try await client.execute(uri: "/mobileid/app/state", method: .post, body: try phone.signed(["action": "state"], now: clock.now)))
                let pending = try #require((state["pending"] as? [[String: Any]])?.first)
                let choices = try #require(pending["choices"] as? [String])
                #expect(choices.count == 3 && choices.contains("47") && Set(choices).count == 3)
                #expect(pending["client"] as? String == "Test relying party")
                let requestID = try #require(pending["id"] as? String)

                let wrongCode = try await client.execute(uri: "/mobileid/app/answer", method: .post, body: try phone.signed([
                    "action": "answer", "request": requestID, "approve": true, "choice": "47", "code": "00000",
                ], now: clock.now))
                #expect(wrongCode.status == .forbidden)
                #expect(Self.json(wrongCode)["remaining"] as? Int == 4)
                let confirmed = try await client.execute(uri: "/mobileid/app/answer", method: .post, body: try phone.signed([
                    "action": "answer", "request": requestID, "approve": true, "choice": "47", "code": Self.code,
                ], now: clock.now))
                #expect(Self.json(confirmed)["result"] as? String == "confirmed")

                clock.advance(by: 16)
                let (status, tokens) = try await poll()
                #expect(status == .ok, "\(tokens)")
                let idToken = try #require(tokens["id_token"] as? String)
                let jwks = try await client.execute(uri: "/mobileid/jwks", method: .get).text
                let keys = JWTKeyCollection()
                try await keys.add(jwksJSON: jwks)
                let claims = try await keys.verify(idToken, as: TokenIssuer.IDToken.self)
                #expect(claims.iss == app.mobileID.issuer)
                #expect(claims.aud == rp.id)
                #expect(claims.acr == "urn:be:fedict:iam:fas:Level450")
                #expect(claims.amr == ["swk", "pin", "mfa"])
                #expect(claims.person.egovNRN == Self.nrn)
                #expect(claims.person.given_name == "Sophie")

                let userinfo = try await client.execute(uri: "/mobileid/userinfo", method: .get,
                                                        headers: [.authorization: "Bearer " + (tokens["access_token"] as? String ?? "")])
                #expect(Self.json(userinfo)["egovNRN"] as? String == Self.nrn)

                clock.advance(by: 16)
                #expect(try await poll().1["error"] as? String == "invalid_grant", "the tokens are collected once")
            }
        }
    }

    @Test("every error a relying party can meet has the CIBA code: unknown phone, bad binding message, expiry, refusal, replayed assertion")
    func errors() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            let (rp, phone) = try await Self.prepared(app, clock: clock)
            try await app.makeApplication().test(.router) { client in
                func authorize(_ fields: [String: String]) async throws -> (HTTPResponse.Status, String?) {
                    let response = try await client.execute(uri: "/mobileid/bc-authorize", method: .post, headers: formHeaders,
                                                            body: try await rp.fields(fields, now: clock.now))
                    return (response.status, Self.json(response)["error"] as? String)
                }
                #expect(try await authorize(["scope": "openid", "login_hint": "+32479999999"]).1 == "unknown_user_id")
                #expect(try await authorize(["scope": "openid", "login_hint": "0470 12"]).1 == "invalid_request")
                #expect(try await authorize(["scope": "openid"]).1 == "invalid_request")
                #expect(try await authorize(["scope": "profile", "login_hint": Self.phone]).1 == "invalid_scope")
                #expect(try await authorize(["scope": "openid", "login_hint": Self.phone, "binding_message": String(repeating: "x", count: 41)]).1
                        == "invalid_binding_message")
                #expect(try await authorize(["scope": "openid", "login_hint": Self.phone, "binding_message": "a\u{0007}b"]).1 == "invalid_binding_message")
                #expect(try await authorize(["scope": "openid", "login_hint": Self.phone, "requested_expiry": "0"]).1 == "invalid_request")
                #expect(try await authorize(["scope": "openid", "login_hint": Self.phone, "acr_values": "urn:be:fedict:iam:fas:Level500"]).1
                        == "invalid_request")

                let unsigned = try await client.execute(uri: "/mobileid/bc-authorize", method: .post, headers: formHeaders,
                                                        body: form(["scope": "openid", "login_hint": Self.phone, "client_id": rp.id]))
                #expect(unsigned.status == .unauthorized && Self.json(unsigned)["error"] as? String == "invalid_client")
                let assertion = try await rp.assertion(now: clock.now)
                let first = try await client.execute(uri: "/mobileid/bc-authorize", method: .post, headers: formHeaders, body: form([
                    "scope": "openid", "login_hint": Self.phone, "requested_expiry": "30",
                    "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion": assertion,
                ]))
                #expect(first.status == .ok)
                let replayed = try await client.execute(uri: "/mobileid/bc-authorize", method: .post, headers: formHeaders, body: form([
                    "scope": "openid", "login_hint": Self.phone,
                    "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion": assertion,
                ]))
                #expect(Self.json(replayed)["error"] as? String == "invalid_client", "an assertion is good once")

                let expiring = try #require(Self.json(first)["auth_req_id"] as? String)
                clock.advance(by: 31)
                let expired = try await client.execute(uri: "/mobileid/token", method: .post, headers: formHeaders, body: try await rp.fields([
                    "grant_type": "urn:openid:params:grant-type:ciba", "auth_req_id": expiring,
                ], now: clock.now))
                #expect(Self.json(expired)["error"] as? String == "expired_token")
                let wrongGrant = try await client.execute(uri: "/mobileid/token", method: .post, headers: formHeaders, body: try await rp.fields([
                    "grant_type": "password", "auth_req_id": expiring,
                ], now: clock.now))
                #expect(Self.json(wrongGrant)["error"] as? String == "unsupported_grant_type")

                // "This wasn't me" on the phone.
                let opened = try await client.execute(uri: "/mobileid/bc-authorize", method: .post, headers: formHeaders,
                                                      body: try await rp.fields(["scope": "openid", "login_hint": Self.phone, "binding_message": "12"], now: clock.now))
                let refusedID = try #require(Self.json(opened)["auth_req_id"] as? String)
                let state = Self.json(try await client.execute(uri: "/mobileid/app/state", method: .post, body: try phone.signed(["action": "state"], now: clock.now)))
                let requestID = try #require((state["pending"] as? [[String: Any]])?.first?["id"] as? String)
                let refused = try await client.execute(uri: "/mobileid/app/answer", method: .post,
                                                       body: try phone.signed(["action": "answer", "request": requestID, "approve": false], now: clock.now))
                #expect(Self.json(refused)["result"] as? String == "refused")
                let denied = try await client.execute(uri: "/mobileid/token", method: .post, headers: formHeaders, body: try await rp.fields([
                    "grant_type": "urn:openid:params:grant-type:ciba", "auth_req_id": refusedID,
                ], now: clock.now))
                let after = Self.json(try await client.execute(uri: "/mobileid/app/state", method: .post, body: try phone.signed(["action": "state"], now: clock.now)))
                let recent = try #require(after["recent"] as? [[String: Any]])
                #expect(recent.first?["outcome"] as? String == "refused", "the refusal is in the person's activity on the phone")
                #expect(recent.contains { $0["outcome"] as? String == "expired" }, "so is the request left to expire")
                #expect(denied.status == .badRequest && Self.json(denied)["error"] as? String == "access_denied", "a token error is a 400 (RFC 6749 §5.2)")
            }
        }
    }

    @Test("the phone is protected: the wrong number refuses, another key's signature is refused, wrong codes lock the app, unanswered requests pause new ones")
    func protections() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            let (rp, phone) = try await Self.prepared(app, clock: clock)
            try await app.makeApplication().test(.router) { client in
                func open(_ binding: String) async throws -> TestResponse {
                    try await client.execute(uri: "/mobileid/bc-authorize", method: .post, headers: formHeaders,
                                             body: try await rp.fields(["scope": "openid", "login_hint": Self.phone, "binding_message": binding], now: clock.now))
                }
                func pendingID() async throws -> String? {
                    let state = Self.json(try await client.execute(uri: "/mobileid/app/state", method: .post, body: try phone.signed(["action": "state"], now: clock.now)))
                    return (state["pending"] as? [[String: Any]])?.first?["id"] as? String
                }
                _ = try await open("47")
                let first = try #require(try await pendingID())
                let decoy = try await client.execute(uri: "/mobileid/app/answer", method: .post, body: try phone.signed([
                    "action": "answer", "request": first, "approve": true, "choice": "99", "code": Self.code,
                ], now: clock.now))
                #expect(Self.json(decoy)["error"] as? String == "wrong_number")
                #expect(try await pendingID() == nil, "the request is refused, not left open")

                var thief = Phone()
                thief.device = phone.device
                let forged = try await client.execute(uri: "/mobileid/app/state", method: .post, body: try thief.signed(["action": "state"], now: clock.now))
                #expect(forged.status == .unauthorized && Self.json(forged)["error"] as? String == "bad_signature")
                let stale = try await client.execute(uri: "/mobileid/app/state", method: .post,
                                                     body: try phone.signed(["action": "state"], now: clock.now.addingTimeInterval(-600)))
                #expect(Self.json(stale)["error"] as? String == "stale")

                _ = try await open("31")
                let second = try #require(try await pendingID())
                for remaining in [4, 3, 2, 1] {
                    let wrong = try await client.execute(uri: "/mobileid/app/answer", method: .post, body: try phone.signed([
                        "action": "answer", "request": second, "approve": true, "choice": "31", "code": "11111",
                    ], now: clock.now))
                    #expect(Self.json(wrong)["remaining"] as? Int == remaining)
                }
                let fifth = try await client.execute(uri: "/mobileid/app/answer", method: .post, body: try phone.signed([
                    "action": "answer", "request": second, "approve": true, "choice": "31", "code": "11111",
                ], now: clock.now))
                #expect(Self.json(fifth)["error"] as? String == "locked")
                // Sophie reads French: the new phone and the lock were both told to her by text message, from the outbox.
                let texts = try await OutboxMessage.query(on: app.database.db).filter(\.$channel == "sms").filter(\.$recipient == Self.phone)
                    .all().map(\.textBody)
                #expect(texts.count == 2, "\(texts)")
                #expect(texts.contains { $0.hasPrefix("PersoPoint : un nouveau téléphone a été configuré pour votre identité mobile (Test phone)") })
                #expect(texts.contains { $0.hasPrefix("PersoPoint : votre application d’identité mobile est bloquée après 5 codes incorrects.") })
                let afterLock = Self.json(try await open("55"))
                #expect(afterLock["error"] as? String == "access_denied", "a locked app takes no request")

                // Enrolling again unlocks; then three requests left unanswered pause the fourth.
                try await app.mobileID.enrol(nationalNumber: Self.nrn, givenName: "Sophie", surname: "Dubois", language: .fr, phone: Self.phone, code: Self.code)
                for _ in 0..<3 { #expect(try await open("20").status == .ok) }
                let bombed = try await open("20")
                #expect(bombed.status == .forbidden && Self.json(bombed)["error"] as? String == "access_denied")
                #expect(Self.json(bombed)["error_description"] as? String ?? "" != "")
            }
        }
    }
}
