import _CryptoExtras
import Crypto
import Foundation
@testable import Gateway
import JWTKit
import NIOConcurrencyHelpers
import PersoCore
import Testing

/// The gateway as the itsme provider's relying party: its discovery document and keys fetched once, not per login.
@Suite("The gateway keeping the itsme provider's documents")
struct ItsmeProviderDocumentsTests {
    static let issuer = "https://idp.itsme.example/oidc"

    /// The provider as the gateway reaches it: a discovery document, a JWKS it can rotate, and a count of requests.
    final class Provider: BackchannelTransport {
        struct State {
            var keys: [(kid: String, key: ES256PrivateKey)] = []
            /// Published as they are, beside the EC keys.
            var extraKeys: [[String: String]] = []
            var issuer = ItsmeProviderDocumentsTests.issuer
            var requests: [String] = []
        }
        let state = NIOLockedValueBox(State())

        func post(_ url: String, form: [String: String]) async throws -> (status: Int, body: Data) { (404, Data()) }

        func get(_ url: String) async throws -> (status: Int, body: Data) {
            let state = state.withLockedValue { $0.requests.append(url); return $0 }
            switch url {
            case ItsmeProviderDocumentsTests.issuer + "/.well-known/openid-configuration":
                let document = ["issuer": state.issuer, "authorization_endpoint": issuer + "/authorize",
                                "token_endpoint": issuer + "/token", "jwks_uri": issuer + "/jwks"]
                return (200, try JSONSerialization.data(withJSONObject: document))
            case ItsmeProviderDocumentsTests.issuer + "/jwks":
                let keys = state.keys.map { kid, key -> [String: String] in
                    let parameters = key.publicKey.parameters!
                    return ["kty": "EC", "crv": "P-256", "alg": "ES256", "use": "sig", "kid": kid, "x": parameters.x, "y": parameters.y]
                }
                return (200, try JSONSerialization.data(withJSONObject: ["keys": keys + state.extraKeys]))
            default:
                return (404, Data())
            }
        }

        var issuer: String { ItsmeProviderDocumentsTests.issuer }
        func rotate(to kid: String) { state.withLockedValue { $0.keys.append((kid, ES256PrivateKey())) } }
        func count(_ suffix: String) -> Int { state.withLockedValue { $0.requests.filter { $0.hasSuffix(suffix) }.count } }

        func sign(kid: String, subject: String) async throws -> String {
            let key = state.withLockedValue { $0.keys.first { $0.kid == kid }!.key }
            let keys = JWTKeyCollection()
            await keys.add(ecdsa: key, kid: JWKIdentifier(string: kid))
            return try await keys.sign(Claims(sub: subject), kid: JWKIdentifier(string: kid))
        }
    }

    struct Claims: JWTPayload {
        let sub: String
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// A provider that published one key ("k1"), and the gateway's documents of it on a clock the test moves.
    static func providerWithOneKey() -> (Provider, TestClock, ProviderDocuments) {
        let provider = Provider()
        provider.rotate(to: "k1")
        let clock = TestClock()
        return (provider, clock, ProviderDocuments(issuer: issuer, transport: provider, clock: { clock.now }))
    }

    @Test("Twenty logins through itsme cost the provider one discovery request and one key request")
    func documentsAreFetchedOnce() async throws {
        let (provider, clock, documents) = Self.providerWithOneKey()
        for login in 0..<20 {
            let metadata = try await documents.metadata()
            let token = try await provider.sign(kid: "k1", subject: "person-\(login)")
            #expect(try await documents.verify(token, as: Claims.self, keysAt: metadata.jwks_uri).sub == "person-\(login)")
            clock.advance(by: 20)
        }
        #expect(provider.count("/openid-configuration") == 1)
        #expect(provider.count("/jwks") == 1)
        #expect(documents.fetchCounts == (metadata: 1, keys: 1))
    }

    @Test("When the provider rotates its key, the next token is checked with the new one; forged key names cannot make the gateway hammer the provider")
    func rotationIsFollowed() async throws {
        let (provider, clock, documents) = Self.providerWithOneKey()
        let jwks = Self.issuer + "/jwks"
        _ = try await documents.verify(try await provider.sign(kid: "k1", subject: "a"), as: Claims.self, keysAt: jwks)

        // A token naming a key nobody published, twice in a row within five seconds: one look at the JWKS at most.
        clock.advance(by: 6)
        let forged = try await Provider().withKey("forged").sign(kid: "forged", subject: "mallory")
        await #expect(throws: (any Error).self) { try await documents.verify(forged, as: Claims.self, keysAt: jwks) }
        await #expect(throws: (any Error).self) { try await documents.verify(forged, as: Claims.self, keysAt: jwks) }
        #expect(provider.count("/jwks") == 2)

        // The provider rotates; the gateway follows as soon as five seconds have passed since its last look.
        provider.rotate(to: "k2")
        clock.advance(by: 6)
        #expect(try await documents.verify(try await provider.sign(kid: "k2", subject: "b"), as: Claims.self, keysAt: jwks).sub == "b")
        #expect(provider.count("/jwks") == 3)
        // The old key is still published, and still good, without another request.
        #expect(try await documents.verify(try await provider.sign(kid: "k1", subject: "c"), as: Claims.self, keysAt: jwks).sub == "c")
        #expect(provider.count("/jwks") == 3)
    }

    @Test("Documents age out: the keys after ten minutes, the discovery document after an hour, and a clock set back does not keep them")
    func documentsExpire() async throws {
        let (provider, clock, documents) = Self.providerWithOneKey()
        let jwks = Self.issuer + "/jwks"
        let token = try await provider.sign(kid: "k1", subject: "a")
        _ = try await documents.metadata()
        _ = try await documents.verify(token, as: Claims.self, keysAt: jwks)
        clock.advance(by: 601)
        _ = try await documents.verify(token, as: Claims.self, keysAt: jwks)
        _ = try await documents.metadata()
        #expect(documents.fetchCounts == (metadata: 1, keys: 2))
        clock.advance(by: 3000)
        _ = try await documents.metadata()
        #expect(documents.fetchCounts.metadata == 2)
        clock.advance(by: -7200)
        _ = try await documents.metadata()
        _ = try await documents.verify(token, as: Claims.self, keysAt: jwks)
        #expect(documents.fetchCounts == (metadata: 3, keys: 3))
    }

    @Test("A provider signing with RSA, as the real itsme does (RS256), is followed as well as one signing with EC")
    func rsaProvider() async throws {
        let (provider, _, documents) = Self.providerWithOneKey()
        let rsa = try Insecure.RSA.PrivateKey(pem: _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation)
        let primitives = try rsa.publicKey.getKeyPrimitives()
        provider.state.withLockedValue {
            $0.extraKeys = [["kty": "RSA", "alg": "RS256", "use": "sig", "kid": "itsme-rsa",
                             "n": SecureRandom.base64URL(Array(primitives.modulus)), "e": SecureRandom.base64URL(Array(primitives.publicExponent))]]
        }
        let signer = JWTKeyCollection()
        await signer.add(rsa: rsa, digestAlgorithm: .sha256, kid: "itsme-rsa")
        let token = try await signer.sign(Claims(sub: "person-rsa"), kid: "itsme-rsa")
        #expect(try await documents.verify(token, as: Claims.self, keysAt: Self.issuer + "/jwks").sub == "person-rsa")
        let ec = try await provider.sign(kid: "k1", subject: "person-ec")
        #expect(try await documents.verify(ec, as: Claims.self, keysAt: Self.issuer + "/jwks").sub == "person-ec")
        #expect(documents.fetchCounts.keys == 1)
    }

    @Test("A discovery document naming another issuer is refused, and not kept")
    func foreignIssuerIsRefused() async throws {
        let provider = Provider()
        provider.state.withLockedValue { $0.issuer = "https://evil.example/oidc" }
        let documents = ProviderDocuments(issuer: Self.issuer, transport: provider, clock: { Date() })
        await #expect(throws: (any Error).self) { try await documents.metadata() }
        await #expect(throws: (any Error).self) { try await documents.metadata() }
        #expect(provider.count("/openid-configuration") == 2)
    }
}

extension ItsmeProviderDocumentsTests.Provider {
    func withKey(_ kid: String) -> Self {
        rotate(to: kid)
        return self
    }
}
