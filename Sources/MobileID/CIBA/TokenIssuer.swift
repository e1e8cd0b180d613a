import Crypto
import Foundation
import JWTKit
import PersoCore

/// The ID token and access token a collected request gives (OIDC Core §2, CIBA Core §10.1.1), and userinfo's answer.
struct TokenIssuer: Sendable {
    let keys: MobileIDKeys
    let issuer: String
    let clock: @Sendable () -> Date

    static let lifetime: TimeInterval = 600

    /// The person as scopes allow: the national register number (`egovnrn`, as the gateway names it), the names.
    struct PersonClaims: Codable, Sendable {
        var egovNRN: String?
        var given_name: String?
        var family_name: String?
        var locale: String?

        init(_ identity: MobileIdentity, scopes: [String]) {
            if scopes.contains("egovnrn") { egovNRN = identity.nationalNumber }
            if scopes.contains("profile") {
                given_name = identity.givenName
                family_name = identity.surname
                locale = identity.language
            }
        }
    }

    struct IDToken: JWTPayload {
        let iss: String
        let sub: String
        let aud: String
        let exp: Int
        let iat: Int
        let auth_time: Int
        let acr: String
        let amr: [String]
        /// The code flow's `nonce`, repeated as the relying party sent it (OIDC Core §3.1.3.7); none for CIBA.
        var nonce: String?
        let person: PersonClaims

        enum CodingKeys: String, CodingKey { case iss, sub, aud, exp, iat, auth_time, acr, amr, nonce }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(iss, forKey: .iss)
            try container.encode(sub, forKey: .sub)
            try container.encode(aud, forKey: .aud)
            try container.encode(exp, forKey: .exp)
            try container.encode(iat, forKey: .iat)
            try container.encode(auth_time, forKey: .auth_time)
            try container.encode(acr, forKey: .acr)
            try container.encode(amr, forKey: .amr)
            try container.encodeIfPresent(nonce, forKey: .nonce)
            try person.encode(to: encoder)
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            iss = try container.decode(String.self, forKey: .iss)
            sub = try container.decode(String.self, forKey: .sub)
            aud = try container.decode(String.self, forKey: .aud)
            exp = try container.decode(Int.self, forKey: .exp)
            iat = try container.decode(Int.self, forKey: .iat)
            auth_time = try container.decode(Int.self, forKey: .auth_time)
            acr = try container.decode(String.self, forKey: .acr)
            amr = try container.decode([String].self, forKey: .amr)
            nonce = try container.decodeIfPresent(String.self, forKey: .nonce)
            person = try PersonClaims(from: decoder)
        }

        init(iss: String, sub: String, aud: String, exp: Int, iat: Int, auth_time: Int, acr: String, amr: [String], person: PersonClaims) {
            (self.iss, self.sub, self.aud, self.exp, self.iat, self.auth_time, self.acr, self.amr, self.person) =
                (iss, sub, aud, exp, iat, auth_time, acr, amr, person)
        }

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// For userinfo: who, for which client, with which scopes, until when.
    struct AccessToken: JWTPayload {
        let iss: String
        let sub: String
        let aud: String
        let client_id: String
        let scope: String
        let exp: Int
        let iat: Int
        let rid: String

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// The subject: the same person keeps it across enrolments (a new phone is not a new person), and it is not
    /// the national register number itself.
    func subject(of identity: MobileIdentity) -> String {
        SecureRandom.base64URL(SHA256.hash(data: Array((issuer + "\u{0}" + identity.nationalNumber).utf8)))
    }

    func tokens(for request: AuthenticationRequest, identity: MobileIdentity, nonce: String? = nil) async throws -> [String: Any] {
        let loaded = try await keys.current()
        let now = Int(clock().timeIntervalSince1970)
        let exp = now + Int(Self.lifetime)
        let sub = subject(of: identity)
        var idToken = IDToken(
            iss: issuer, sub: sub, aud: request.clientID, exp: exp, iat: now,
            auth_time: Int((request.decidedAt ?? clock()).timeIntervalSince1970), acr: request.acr, amr: request.amr,
            person: PersonClaims(identity, scopes: request.scopes)
        )
        idToken.nonce = nonce
        let access = AccessToken(iss: issuer, sub: sub, aud: issuer, client_id: request.clientID, scope: request.scopes.joined(separator: " "),
                                 exp: exp, iat: now, rid: try request.requireID().uuidString)
        let kid = JWKIdentifier(string: loaded.kid)
        return [
            "access_token": try await loaded.keys.sign(access, kid: kid),
            "token_type": "Bearer",
            "expires_in": Int(Self.lifetime),
            "id_token": try await loaded.keys.sign(idToken, kid: kid),
            "scope": request.scopes.joined(separator: " "),
        ]
    }

    /// The access token's claims, when it is ours, well signed and not expired.
    func verify(accessToken: String) async throws -> AccessToken? {
        let loaded = try await keys.current()
        guard let token = try? await loaded.keys.verify(accessToken, as: AccessToken.self),
              token.iss == issuer, token.exp > Int(clock().timeIntervalSince1970) else { return nil }
        return token
    }
}
