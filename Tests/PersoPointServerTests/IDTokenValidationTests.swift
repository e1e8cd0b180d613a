import Crypto
import Foundation
import PersoCore
@testable import Gateway
import JWTKit
@testable import PersoPointServer
import HummingbirdTesting
import RelyingParty
import Testing

/// Tokens the gateway itself signs (its real key, fetched by the relying party over its JWKS), each wrong in one way.
@Suite("PersoSelfService checking the gateway's ID tokens")
struct IDTokenValidationTests {
    static let issuer = "http://localhost:8080/fas/oauth2"
    static let client = "persoselfservice"

    func claims(iss: String = issuer, aud: String = client, exp: Int? = nil, nonce: String? = "n-1",
                acr: LevelOfAssurance = .level300, azp: String = client, now: Date) -> IDTokenClaims {
        let at = Int(now.timeIntervalSince1970)
        return IDTokenClaims(iss: iss, sub: "person-1", aud: aud, exp: exp ?? at + 600, iat: at, auth_time: at, nonce: nonce,
                             acr: acr.acr, amr: ["pwd"], sid: "sid-1", azp: azp)
    }

    func check(_ token: String, validator: IDTokenValidator, required: Int = 300) async -> LoginRefusal? {
        do {
            _ = try await validator.validate(token, nonce: "n-1", required: LevelOfAssurance(rawValue: required)!)
            return nil
        } catch {
            return error
        }
    }

    @Test("a sound token passes; tampered, foreign-key, wrong nonce, issuer, audience, expired or weaker tokens are refused")
    func refusals() async throws {
        let clock = TestClock()
        try await withSelfService(clock: clock) { app, client in
            let keys = app.gateway.signingKeys
            let provider = OpenIDProvider(issuer: Self.issuer, transport: InProcessGatewayFromClient(client), clock: { clock.now })
            let validator = IDTokenValidator(provider: provider, clientID: Self.client, clock: { clock.now })
            let now = clock.now

            let sound = try await keys.sign(claims(now: now))
            #expect(await check(sound, validator: validator) == nil)

            var parts = sound.split(separator: ".").map(String.init)
            let payload = try #require(Data(base64URL: parts[1]))
            let forged = String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "person-1", with: "person-2")
            parts[1] = Data(forged.utf8).base64URLEncoded
            #expect(await check(parts.joined(separator: "."), validator: validator) == .badSignature)

            // Signed by someone else's key that claims the gateway's kid.
            let kid = try await keys.loaded().currentKID
            let stranger = JWTKeyCollection()
            await stranger.add(ecdsa: ES256PrivateKey(), kid: JWKIdentifier(string: String(kid)))
            let foreign = try await stranger.sign(claims(now: now), kid: JWKIdentifier(string: String(kid)))
            #expect(await check(foreign, validator: validator) == .badSignature)

            #expect(await check(try await keys.sign(claims(nonce: "n-2", now: now)), validator: validator) == .wrongNonce)
            #expect(await check(try await keys.sign(claims(nonce: nil, now: now)), validator: validator) == .wrongNonce)
            #expect(await check(try await keys.sign(claims(iss: "https://evil.example/fas/oauth2", now: now)), validator: validator) == .wrongIssuer)
            #expect(await check(try await keys.sign(claims(aud: "persocontact", azp: "persocontact", now: now)), validator: validator) == .wrongAudience)
            #expect(await check(try await keys.sign(claims(azp: "persocontact", now: now)), validator: validator) == .wrongAudience)
            #expect(await check(try await keys.sign(claims(exp: Int(now.timeIntervalSince1970) - 120, now: now)), validator: validator) == .expired)
            #expect(await check(try await keys.sign(claims(acr: .level200, now: now)), validator: validator) == .insufficientLevel)
            #expect(await check(try await keys.sign(claims(acr: .level400, now: now)), validator: validator) == nil, "stronger than required is fine")
        }
    }

    @Test("the keys are cached, and fetched again when the gateway rotates to an unknown kid")
    func keyRotation() async throws {
        let clock = TestClock()
        try await withSelfService(clock: clock) { app, client in
            let keys = app.gateway.signingKeys
            let provider = OpenIDProvider(issuer: Self.issuer, transport: InProcessGatewayFromClient(client), clock: { clock.now })
            let validator = IDTokenValidator(provider: provider, clientID: Self.client, clock: { clock.now })
            #expect(await check(try await keys.sign(claims(now: clock.now)), validator: validator) == nil)
            #expect(await check(try await keys.sign(claims(now: clock.now)), validator: validator) == nil)
            #expect(provider.jwksFetches == 1)
            _ = try await keys.rotate()
            clock.advance(by: 10)
            #expect(await check(try await keys.sign(claims(now: clock.now)), validator: validator) == nil)
            #expect(provider.jwksFetches == 2)
        }
    }
}

/// A transport bound to one router client, for building a relying party by hand in a test.
struct InProcessGatewayFromClient: GatewayTransport {
    let gateway = InProcessGateway()
    init(_ client: any TestClientProtocol) { gateway.connect(client) }
    func send(_ request: GatewayRequest) async throws -> GatewayResponse { try await gateway.send(request) }
}

extension Data {
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }

    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
