import FluentKit
import Foundation

/// The code the authorisation endpoint hands the relying party (OIDC Core §3.1.2.5) once the phone confirmed: a
/// minute to redeem it, once, by the client it was issued to, at the same redirect URI, with the PKCE verifier.
/// Only its SHA-256 is stored.
final class AuthorizationCode: Model, @unchecked Sendable {
    static let schema = "mobileid_codes"

    @ID(custom: "code_hash", generatedBy: .user) var id: String?
    /// The confirmed request: who, with which scopes, level and `amr`.
    @Field(key: "request_id") var requestID: UUID
    @Field(key: "client_id") var clientID: String
    @Field(key: "redirect_uri") var redirectURI: String
    @OptionalField(key: "nonce") var nonce: String?
    @OptionalField(key: "code_challenge") var codeChallenge: String?
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    static let lifetime: TimeInterval = 60
}
