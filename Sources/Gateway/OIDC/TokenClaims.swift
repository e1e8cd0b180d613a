import Foundation
import PersoCore
import JWTKit

/// An OpenID Connect ID token, with the FAS claims beside the standard ones. Times are integer seconds.
struct IDTokenClaims: JWTPayload {
    let iss: String
    let sub: String
    let aud: String
    let exp: Int
    let iat: Int
    let auth_time: Int
    let nonce: String?
    let acr: String
    let amr: [String]
    let sid: String?
    let azp: String
    var at_hash: String?
    var identity: PersonClaims?

    enum CodingKeys: String, CodingKey { case iss, sub, aud, exp, iat, auth_time, nonce, acr, amr, sid, azp, at_hash }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(iss, forKey: .iss)
        try container.encode(sub, forKey: .sub)
        try container.encode(aud, forKey: .aud)
        try container.encode(exp, forKey: .exp)
        try container.encode(iat, forKey: .iat)
        try container.encode(auth_time, forKey: .auth_time)
        try container.encodeIfPresent(nonce, forKey: .nonce)
        try container.encode(acr, forKey: .acr)
        try container.encode(amr, forKey: .amr)
        try container.encodeIfPresent(sid, forKey: .sid)
        try container.encode(azp, forKey: .azp)
        try container.encodeIfPresent(at_hash, forKey: .at_hash)
        try identity?.encode(to: encoder)
    }

    /// The claims as `encode(to:)` writes them, without JSONEncoder (see `JSONObjectWriter`): what is signed.
    var json: String {
        var object = JSONObjectWriter()
        object.add("iss", iss)
        object.add("sub", sub)
        object.add("aud", aud)
        object.add("exp", exp)
        object.add("iat", iat)
        object.add("auth_time", auth_time)
        object.add("nonce", nonce)
        object.add("acr", acr)
        object.add("amr", amr)
        object.add("sid", sid)
        object.add("azp", azp)
        object.add("at_hash", at_hash)
        identity?.write(into: &object)
        return object.json
    }

    /// ID tokens are checked by `IDTokenHint`, which accepts expired ones (a logout may come hours later).
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// The ID token as read back from an `id_token_hint`.
struct IDTokenHint: JWTPayload {
    let iss: String
    let sub: String
    let aud: String
    let sid: String?

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// A JWT access token (RFC 9068). `gid` names the grant, which the server checks is not revoked.
struct AccessTokenClaims: JWTPayload {
    let iss: String
    let sub: String
    let aud: String
    let client_id: String
    let exp: Int
    let iat: Int
    let jti: String
    let scope: String
    let acr: String
    let gid: String

    /// The claims without JSONEncoder (see `JSONObjectWriter`), in the order of the properties: what is signed.
    var json: String {
        var object = JSONObjectWriter()
        object.add("iss", iss)
        object.add("sub", sub)
        object.add("aud", aud)
        object.add("client_id", client_id)
        object.add("exp", exp)
        object.add("iat", iat)
        object.add("jti", jti)
        object.add("scope", scope)
        object.add("acr", acr)
        object.add("gid", gid)
        return object.json
    }

    /// Expiry, issuer and the grant are checked by `TokenService.verifyAccessToken`, against the provider's clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Who the person is, as scopes allow: standard OIDC names and the FAS ones side by side.
struct PersonClaims: Codable, Sendable {
    var egovNRN: String?
    var given_name: String?
    var family_name: String?
    var givenName: String?
    var surname: String?
    var locale: String?
    var prefLanguage: String?
    var email: String?
    var mail: String?
    var roles: [String]?

    /// Everything; `limited(to:)` keeps what a grant's scopes allow.
    init(person: Person, roles: [String]) {
        egovNRN = person.nrn
        (given_name, family_name, givenName, surname) = (person.givenName, person.surname, person.givenName, person.surname)
        (locale, prefLanguage) = (person.preferredLanguage.rawValue, person.preferredLanguage.rawValue)
        (email, mail) = (person.email, person.email)
        self.roles = roles
    }

    /// The claims present, always in the same order.
    func write(into object: inout JSONObjectWriter) {
        object.add("egovNRN", egovNRN)
        object.add("email", email)
        object.add("family_name", family_name)
        object.add("givenName", givenName)
        object.add("given_name", given_name)
        object.add("locale", locale)
        object.add("mail", mail)
        object.add("prefLanguage", prefLanguage)
        object.add("roles", roles)
        object.add("surname", surname)
    }

    /// The same claims with only what these scopes allow.
    func limited(to scopes: Set<String>) -> PersonClaims {
        var claims = self
        if !scopes.contains("egovnrn") { claims.egovNRN = nil }
        if !scopes.contains("profile") {
            (claims.given_name, claims.family_name, claims.givenName, claims.surname) = (nil, nil, nil, nil)
            (claims.locale, claims.prefLanguage) = (nil, nil)
        }
        if !scopes.contains("email") { (claims.email, claims.mail) = (nil, nil) }
        if !scopes.contains("roles") { claims.roles = nil }
        return claims
    }
}

/// The userinfo answer (OIDC Core §5.3.2): the subject, then the claims its scopes allow.
struct UserInfoResponse {
    let sub: String
    let identity: PersonClaims

    var json: String {
        var object = JSONObjectWriter()
        object.add("sub", sub)
        identity.write(into: &object)
        return object.json
    }
}

/// A successful token endpoint answer (RFC 6749 §5.1, OIDC Core §3.1.3.3).
struct TokenResponse: Encodable {
    let access_token: String
    var token_type = "Bearer"
    let expires_in: Int
    let scope: String
    var id_token: String?
    var refresh_token: String?

    /// The answer's JSON, keys sorted as `JSONResponse` sorts them, written directly: JSONEncoder's generic path was
    /// the largest single cost of a token request after the signature (bench/gateway.sh, perf).
    var json: String {
        var fields = [("access_token", JSONText.string(access_token)), ("expires_in", String(expires_in))]
        if let id_token { fields.append(("id_token", JSONText.string(id_token))) }
        if let refresh_token { fields.append(("refresh_token", JSONText.string(refresh_token))) }
        fields += [("scope", JSONText.string(scope)), ("token_type", JSONText.string(token_type))]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
