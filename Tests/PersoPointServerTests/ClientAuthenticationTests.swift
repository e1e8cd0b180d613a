import Crypto
import Foundation
@testable import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Testing
@testable import PersoPointServer

@Suite("An application authenticating with a signed assertion (private_key_jwt)")
struct ClientAuthenticationTests {
    struct Assertion: JWTPayload {
        let iss: String
        let sub: String
        let aud: String
        let exp: Int
        let jti: String
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    @Test("is refused when the audience is not exactly the token endpoint or the issuer, and when replayed")
    func audienceAndReplay() async throws {
        try await withProduct { app in
            let key = ES256PrivateKey()
            let parameters = try #require(key.publicKey.parameters)
            let jwks = #"{"keys":[{"kty":"EC","crv":"P-256","kid":"k1","x":"\#(parameters.x)","y":"\#(parameters.y)"}]}"#
            var registration = ClientRegistry.Registration(clientID: "jwt-app", name: "JWT app", authMethod: .privateKeyJWT, redirectURIs: [])
            registration.grantTypes = ["client_credentials"]
            registration.scopes = ["profile"]
            registration.jwks = jwks
            try await app.gateway.clients.add(registration)
            let signer = JWTKeyCollection()
            await signer.add(ecdsa: key, kid: "k1")
            let exp = Int(Date().timeIntervalSince1970) + 300

            try await app.makeApplication().test(.router) { client in
                func tokenRequest(audience: String, jti: String) async throws -> HTTPResponse.Status {
                    let assertion = try await signer.sign(Assertion(iss: "jwt-app", sub: "jwt-app", aud: audience, exp: exp, jti: jti), kid: "k1")
                    return try await client.execute(
                        uri: "/fas/oauth2/access_token", method: .post, headers: formHeaders,
                        body: form(["grant_type": "client_credentials", "client_assertion": assertion,
                                    "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"])
                    ) { $0.status }
                }
                let endpoint = app.gateway.settings.issuer + "/access_token"
                let empty = try await tokenRequest(audience: "", jti: "a")
                let partial = try await tokenRequest(audience: "http", jti: "b")
                let longer = try await tokenRequest(audience: endpoint + "/other", jti: "c")
                let exact = try await tokenRequest(audience: endpoint, jti: "d")
                let issuer = try await tokenRequest(audience: app.gateway.settings.issuer, jti: "e")
                let replayed = try await tokenRequest(audience: endpoint, jti: "d")
                #expect(empty == .unauthorized)
                #expect(partial == .unauthorized)
                #expect(longer == .unauthorized)
                #expect(exact == .ok)
                #expect(issuer == .ok)
                #expect(replayed == .unauthorized, "a jti is good once")
            }
        }
    }
}
