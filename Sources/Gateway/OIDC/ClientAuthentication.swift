import Crypto
import FluentKit
import Foundation
import Hummingbird
import JWTKit
import PersoCore

/// Who is calling the token, introspection or revocation endpoint: client_secret_basic, client_secret_post,
/// private_key_jwt (RFC 7523, single-use `jti`), or a public client naming itself. A client is accepted only by the
/// method it registered: a leaked secret of a key-based client, or a secret sent in the body by a client that
/// promised to use the header, is refused.
struct ClientAuthentication: Sendable {
    let database: PersoDatabase
    let registry: ClientRegistry
    let tokenEndpoint: String
    let issuer: String
    let clock: @Sendable () -> Date

    static let assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    /// How far a client's clock may run ahead of ours for `iat` and `nbf`.
    static let clockSkew = 60

    /// Authenticates the caller of `endpoint` (the URL the request was sent to, which an assertion may name as `aud`).
    func authenticate(_ request: Request, form: FormFields, endpoint: String) async throws -> RegisteredClient {
        let basic = request.headers[.authorization].flatMap { AuthorizationHeader.credentials($0, scheme: "Basic") }
        let presented = [basic != nil, form["client_assertion"] != nil, form["client_secret"] != nil].filter { $0 }.count
        // RFC 6749 §2.3: a client uses one authentication method per request.
        guard presented <= 1 else { throw OAuthError.invalidRequest("more than one client authentication method used") }
        let client: RegisteredClient, method: ClientAuthMethod
        if let basic {
            let (id, secret) = try Self.basicCredentials(basic)
            (client, method) = (try await secretClient(id: id, secret: secret), .clientSecretBasic)
        } else if let assertion = form["client_assertion"] {
            guard form["client_assertion_type"] == Self.assertionType else {
                throw OAuthError.invalidClient("unsupported client_assertion_type")
            }
            (client, method) = (try await assertionClient(assertion, claimedID: form["client_id"], endpoint: endpoint), .privateKeyJWT)
        } else {
            guard let id = form["client_id"], !id.isEmpty else { throw OAuthError.invalidClient("client authentication missing") }
            if let secret = form["client_secret"] {
                (client, method) = (try await secretClient(id: id, secret: secret), .clientSecretPost)
            } else {
                guard let found = try await find(id) else { throw OAuthError.invalidClient("client authentication failed") }
                (client, method) = (found, .none)
            }
        }
        guard client.authMethod == method.rawValue else {
            throw OAuthError.invalidClient("this client must authenticate with \(client.authMethod)")
        }
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
        return client
    }

    private func assertionClient(_ assertion: String, claimedID: String?, endpoint: String) async throws -> RegisteredClient {
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
        // RFC 7523 §3: iss = sub = client_id; aud = the token endpoint, the issuer, or the endpoint the assertion is sent
        // to (introspection and revocation clients name theirs); not used before `nbf` nor issued in the future; at
        // most an hour (what common client libraries use); single use.
        let audiences = [tokenEndpoint, issuer, endpoint]
        guard verified.sub == client.clientID, verified.aud.contains(where: audiences.contains),
              verified.exp > now, verified.exp - now <= 3660, let jti = verified.jti, !jti.isEmpty else {
            throw OAuthError.invalidClient("client assertion claims invalid")
        }
        guard (verified.nbf ?? now) <= now + Self.clockSkew, (verified.iat ?? now) <= now + Self.clockSkew else {
            throw OAuthError.invalidClient("client assertion is not valid yet")
        }
        let key = SecureRandom.digest(client.clientID + "\u{0}" + jti)
        do {
            let record = UsedAssertionRecord()
            record.jtiKey = key
            record.expiresAt = Date(timeIntervalSince1970: TimeInterval(verified.exp))
            try await database.writeStatement { db in try await record.create(on: db) }
        } catch where !WriteConflict.isTransient(error) {
            throw OAuthError.invalidClient("client assertion already used")
        }
        return client
    }

    /// The id and secret of `client_secret_basic`, from the header's credentials (after "Basic ").
    static func basicCredentials(_ credentials: Substring) throws -> (String, String) {
        guard let data = Data(base64Encoded: String(credentials)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":") else {
            throw OAuthError.invalidClient("malformed basic credentials")
        }
        // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
        let id = FormFields.decode(text[..<colon]) ?? ""
        let secret = FormFields.decode(text[text.index(after: colon)...]) ?? ""
        return (id, secret)
    }
}

/// The claims of a private_key_jwt client assertion; `aud` may be a string or an array.
struct ClientAssertion: JWTPayload {
    let iss: String
    let sub: String
    let aud: [String]
    let exp: Int
    let nbf: Int?
    let iat: Int?
    let jti: String?

    enum CodingKeys: String, CodingKey { case iss, sub, aud, exp, nbf, iat, jti }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decode(String.self, forKey: .iss)
        sub = try container.decode(String.self, forKey: .sub)
        if let single = try? container.decode(String.self, forKey: .aud) { aud = [single] } else { aud = try container.decode([String].self, forKey: .aud) }
        exp = Int(try container.decode(Double.self, forKey: .exp))
        nbf = try container.decodeIfPresent(Double.self, forKey: .nbf).map { Int($0) }
        iat = try container.decodeIfPresent(Double.self, forKey: .iat).map { Int($0) }
        jti = try container.decodeIfPresent(String.self, forKey: .jti)
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
