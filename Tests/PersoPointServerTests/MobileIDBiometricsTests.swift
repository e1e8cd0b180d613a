import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import MobileID
import PersoCore
@testable import PersoPointServer
import Testing

/// The phone's fingerprint or face (WebAuthn platform authenticator with user verification), as a browser's
/// authenticator answers: turned on once for the phone, then confirming a request instead of the 5-digit code.
@Suite("A person confirms with the phone's fingerprint or face")
struct MobileIDBiometricsTests {
    /// What the phone's authenticator holds and signs, as WebAuthn Level 2 lays it out.
    struct Authenticator {
        let key = P256.Signing.PrivateKey()
        let rpID = "localhost"
        let origin = "http://localhost:8080"

        func clientData(_ type: String, challenge: String, origin: String? = nil) -> [UInt8] {
            let encoded = SecureRandom.base64URL(Array(challenge.utf8))
            return Array(#"{"type":"\#(type)","challenge":"\#(encoded)","origin":"\#(origin ?? self.origin)","crossOrigin":false}"#.utf8)
        }

        func authenticatorData(flags: UInt8, count: UInt32) -> [UInt8] {
            Array(SHA256.hash(data: Data(rpID.utf8))) + [flags] + withUnsafeBytes(of: count.bigEndian, Array.init)
        }

        func registration(challenge: String) -> [String: String] {
            [
                "credential": SecureRandom.base64URL(Array("credential-1".utf8)),
                "publicKey": SecureRandom.base64URL(Array(key.publicKey.derRepresentation)),
                "clientData": SecureRandom.base64URL(clientData("webauthn.create", challenge: challenge)),
                "authenticatorData": SecureRandom.base64URL(authenticatorData(flags: 0x45, count: 0)),
            ]
        }

        func assertion(request: String, flags: UInt8 = 0x05, count: UInt32, origin: String? = nil) throws -> [String: String] {
            let challenge = PlatformAuthenticator.challenge(forRequest: UUID(uuidString: request)!)
            let client = clientData("webauthn.get", challenge: challenge, origin: origin)
            let data = authenticatorData(flags: flags, count: count)
            let signature = try key.signature(for: Data(data) + Data(SHA256.hash(data: client)))
            return [
                "clientData": SecureRandom.base64URL(client), "authenticatorData": SecureRandom.base64URL(data),
                "signature": SecureRandom.base64URL(Array(signature.derRepresentation)),
            ]
        }
    }

    @Test("Sophie turns on her fingerprint, then confirms a login with it; a tap without verification, another site, a replayed counter are refused")
    func fingerprint() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            let (rp, phone) = try await MobileIDTests.prepared(app, clock: clock)
            let authenticator = Authenticator()
            try await app.makeApplication().test(.router) { client in
                func call(_ path: String, _ fields: [String: Any]) async throws -> (HTTPResponse.Status, [String: Any]) {
                    let response = try await client.execute(uri: path, method: .post, body: try phone.signed(fields, now: clock.now))
                    return (response.status, MobileIDTests.json(response))
                }
                let options = try await call("/mobileid/app/biometrics/options", ["action": "biometrics-options"]).1
                #expect(options["rpId"] as? String == "localhost")
                let challenge = try #require(options["challenge"] as? String)
                let stale = try await call("/mobileid/app/biometrics/register", ["action": "biometrics-register",
                                                                                  "biometric": authenticator.registration(challenge: "another")])
                #expect(stale.1["error"] as? String == "biometrics_refused", "a challenge this service did not give")
                let registered = try await call("/mobileid/app/biometrics/register", ["action": "biometrics-register",
                                                                                       "biometric": authenticator.registration(challenge: challenge)])
                #expect(registered.1["result"] as? String == "biometrics_on", "\(registered)")
                let state = try await call("/mobileid/app/state", ["action": "state"]).1
                #expect((state["biometrics"] as? [String: Any])?["rpId"] as? String == "localhost")

                func open() async throws -> String {
                    let opened = try await client.execute(uri: "/mobileid/bc-authorize", method: .post, headers: formHeaders, body: try await rp.fields([
                        "scope": "openid", "login_hint": MobileIDTests.phone, "binding_message": "47",
                    ], now: clock.now))
                    #expect(opened.status == .ok)
                    let pending = try await call("/mobileid/app/state", ["action": "state"]).1["pending"] as? [[String: Any]]
                    return try #require(pending?.first?["id"] as? String)
                }
                let first = try await open()
                let tapOnly = try await call("/mobileid/app/answer", ["action": "answer", "request": first, "approve": true, "choice": "47",
                                                                      "biometric": try authenticator.assertion(request: first, flags: 0x01, count: 1)])
                #expect(tapOnly.1["error"] as? String == "biometrics_refused", "presence without the fingerprint is not enough")
                let elsewhere = try await call("/mobileid/app/answer", ["action": "answer", "request": first, "approve": true, "choice": "47",
                                                                        "biometric": try authenticator.assertion(request: first, count: 1, origin: "https://evil.example")])
                #expect(elsewhere.1["error"] as? String == "biometrics_refused")
                let confirmed = try await call("/mobileid/app/answer", ["action": "answer", "request": first, "approve": true, "choice": "47",
                                                                        "biometric": try authenticator.assertion(request: first, count: 1)])
                #expect(confirmed.1["result"] as? String == "confirmed", "\(confirmed)")
                let decided = try #require(try await app.mobileID.requests.request(UUID(uuidString: first)!))
                #expect(decided.amr == ["swk", "hwk", "mfa"])

                clock.advance(by: 5)
                let second = try await open()
                let cloned = try await call("/mobileid/app/answer", ["action": "answer", "request": second, "approve": true, "choice": "47",
                                                                     "biometric": try authenticator.assertion(request: second, count: 1)])
                #expect(cloned.1["error"] as? String == "biometrics_refused", "a counter that does not move on: a cloned authenticator")
                let otherRequest = try await call("/mobileid/app/answer", ["action": "answer", "request": second, "approve": true, "choice": "47",
                                                                           "biometric": try authenticator.assertion(request: first, count: 2)])
                #expect(otherRequest.1["error"] as? String == "biometrics_refused", "an assertion made for another request")
                let code = try await call("/mobileid/app/answer", ["action": "answer", "request": second, "approve": true, "choice": "47",
                                                                   "code": MobileIDTests.code])
                #expect(code.1["result"] as? String == "confirmed", "the code still works")
            }
        }
    }
}
