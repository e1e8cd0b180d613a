import Crypto
import FluentKit
import Foundation
import Hummingbird
import JWTKit
import PersoCore

/// Who is calling the token, introspection or revocation endpoint: client_secret_basic, client_secret_post,
/// private_key_jwt (RFC 7523, single-use `jti`), or a public client naming itself.
struct ClientAuthentication: Sendable {
    let database: PersoDatabase
    let registry: ClientRegistry
    let tokenEndpoint: String
    let issuer: String
    let clock: @Sendable () -> Date

    static let assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

    func authenticate(_ request: Request, form: FormFields) async throws -> RegisteredClient {
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("basic ") {
            let (id, secret) = try Self.basicCredentials(authorization)
            return try await secretClient(id: id, secret: secret)
        }
        if let assertion = form["client_assertion"] {
            guard form["client_assertion_type"] == Self.assertionType else {
                throw OAuthError.invalidClient("unsupported client_assertion_type")
            }
            return try await assertionClient(assertion, claimedID: form["client_id"])
        }
        guard let id = form["client_id"], !id.isEmpty else { throw OAuthError.invalidClient("client authentication missing") }
        if let secret = form["client_secret"] {
            return try await secretClient(id: id, secret: secret)
        }
        guard let client = try await find(id), client.isPublic else { throw OAuthError.invalidClient("client authentication failed") }
        return client
    }

    func find(_ clientID: String) async throws -> RegisteredClient? {
        try await registry.find(clientID)
    }

    private func secretClient(id: String, secret: String) async throws -> RegisteredClient {
        guard let client = try await find(id), let expected = client.secretHash,
              SecureRandom.constantTimeEquals(SecureRandom.digest(secret), expected) else {
            throw OAuthError.invalidClient("client authentication failed")
        }
        // A secret client may use either secret method; a key-based or public client may not use a secret.
        guard client.authMethod == ClientAuthMethod.clientSecretBasic.rawValue || client.authMethod == ClientAuthMethod.clientSecretPost.rawValue else {
            throw OAuthError.invalidClient("client authentication method not allowed for this client")
        }
        return client
    }

    private func assertionClient(_ assertion: String, claimedID: String?) async throws -> RegisteredClient {
        let unverified = try? DefaultJWTParser().parse([UInt8](assertion.utf8), as: ClientAssertion.self)
        guard let claims = unverified?.payload, let client = try await find(claims.iss),
              client.authMethod == ClientAuthMethod.privateKeyJWT.rawValue, let jwks = client.jwks,
              claimedID == nil || claimedID == client.clientID else {
            throw OAuthError.invalidClient("client authentication failed")
        }
        let keys = JWTKeyCollection()
        let verified: ClientAssertion
        do {
            try await keys.add(jwksJSON: jwks)
            verified = try await keys.verify(assertion, as: ClientAssertion.self, iteratingKeys: true)
        } catch {
            throw OAuthError.invalidClient("client assertion signature invalid")
        }
        let now = Int(clock().timeIntervalSince1970)
        // RFC 7523 §3: iss = sub = client_id, aud = the token endpoint (the issuer is accepted too), at most an hour
        // (what common client libraries use), single use.
        guard verified.sub == client.clientID, verified.aud.contains(tokenEndpoint) || verified.aud.contains(issuer),
              verified.exp > now, verified.exp - now <= 3660, let jti = verified.jti, !jti.isEmpty else {
            throw OAuthError.invalidClient("client assertion claims invalid")
        }
        let key = SecureRandom.digest(client.clientID + "\u{0}" + jti)
        do {
            let record = UsedAssertionRecord()
            record.jtiKey = key
            record.expiresAt = Date(timeIntervalSince1970: TimeInterval(verified.exp))
            try await record.create(on: database.db)
        } catch {
            throw OAuthError.invalidClient("client assertion already used")
        }
        return client
    }

    static func basicCredentials(_ header: String) throws -> (String, String) {
        guard let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":") else {
            throw OAuthError.invalidClient("malformed basic credentials")
        }
        // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
        let id = String(text[..<colon]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
        let secret = String(text[text.index(after: colon)...]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
        return (id, secret)
    }
}

/// The claims of a private_key_jwt client assertion; `aud` may be a string or an array.
struct ClientAssertion: JWTPayload {
    let iss: String
    let sub: String
    let aud: [String]
    let exp: Int
    let jti: String?

    enum CodingKeys: String, CodingKey { case iss, sub, aud, exp, jti }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decode(String.self, forKey: .iss)
        sub = try container.decode(String.self, forKey: .sub)
        if let single = try? container.decode(String.self, forKey: .aud) { aud = [single] } else { aud = try container.decode([String].self, forKey: .aud) }
        exp = Int(try container.decode(Double.self, forKey: .exp))
        jti = try container.decodeIfPresent(String.self, forKey: .jti)
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
