import FluentKit
import Foundation
import PersoCore

/// What one authorisation gave one client: the tokens issued from a code, a refresh chain, or client
/// credentials all belong to one grant. Revoking the grant (code replay, refresh reuse, logout) ends them all.
final class GrantRecord: Model, @unchecked Sendable {
    static let schema = "oidc_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "client_id") var clientID: String
    @OptionalField(key: "person_id") var personID: UUID?
    @Field(key: "scopes") var scopes: [String]
    @OptionalField(key: "sid") var sid: String?
    @Field(key: "acr") var acr: LevelOfAssurance
    @Field(key: "amr") var amr: [String]
    @Field(key: "auth_time") var authTime: Int
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}

/// A single-use authorisation code, stored by its hash.
final class AuthorizationCodeRecord: Model, @unchecked Sendable {
    static let schema = "oidc_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "grant_id") var grantID: UUID
    @Field(key: "redirect_uri") var redirectURI: String
    @OptionalField(key: "code_challenge") var codeChallenge: String?
    @OptionalField(key: "nonce") var nonce: String?
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}

/// A refresh token, stored by its hash. Each use replaces it with a new one; a used one presented again means
/// it was stolen, and the whole family (the grant) is revoked.
final class RefreshTokenRecord: Model, @unchecked Sendable {
    static let schema = "oidc_refresh_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "grant_id") var grantID: UUID
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    /// Set with `usedAt`: the successor token, sealed with this token (only its holder can open it).
    @OptionalField(key: "successor_sealed") var successorSealed: String?

    init() {}
}

/// `jti` values of client assertions already accepted (private_key_jwt), kept until they expire.
final class UsedAssertionRecord: Model, @unchecked Sendable {
    static let schema = "oidc_used_assertions"

    @ID(key: .id) var id: UUID?
    @Field(key: "jti_key") var jtiKey: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
