import Foundation
import JWTKit
import PersoCore

/// Checks a gateway access token (an RFC 9068 JWT) presented to an application's API: signature by the gateway's
/// published key, issuer, lifetime. What the token may do is then the API's business (`scopes`, `clientID`).
/// A revoked token stays valid here until it expires (minutes); an API that needs more asks introspection.
public struct AccessTokenVerifier: Sendable {
    let provider: OpenIDProvider
    let clock: @Sendable () -> Date
    let allowedSkew: TimeInterval = 60

    public init(provider: OpenIDProvider, clock: @escaping @Sendable () -> Date) {
        self.provider = provider
        self.clock = clock
    }

    /// What an API needs to know of a valid token.
    public struct Bearer: Sendable {
        public let clientID: String
        public let subject: String
        public let scopes: Set<String>
    }

    struct Claims: JWTPayload {
        let iss: String
        let sub: String
        let client_id: String
        let exp: Int
        let iat: Int
        let scope: String?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// The bearer of a valid token, or nil for anything else (malformed, forged, expired, another issuer, an ID token).
    public func verify(_ token: String) async -> Bearer? {
        guard token.utf8.count <= 8 * 1024, Self.type(of: token) == "at+jwt",
              let claims = try? await provider.verify(token, as: Claims.self), claims.iss == provider.issuer else { return nil }
        let now = clock().timeIntervalSince1970
        guard TimeInterval(claims.exp) > now - allowedSkew, TimeInterval(claims.iat) <= now + allowedSkew else { return nil }
        return Bearer(clientID: claims.client_id, subject: claims.sub,
                      scopes: Set((claims.scope ?? "").split(separator: " ").map(String.init)))
    }

    /// The `typ` of a compact JWS's protected header: an access token says `at+jwt` (RFC 9068 §2.1).
    static func type(of token: String) -> String? {
        guard let dot = token.firstIndex(of: "."), let header = Base64URL.decode(String(token[..<dot])).map({ Data($0) }),
              let object = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else { return nil }
        return object["typ"] as? String
    }
}
