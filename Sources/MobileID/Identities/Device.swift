import Crypto
import FluentKit
import Foundation
import PersoCore

/// A phone holding the app: the public half of the P-256 key the app page made with WebCrypto (the private half is
/// non-extractable and never leaves the phone's browser). Every confirmation is signed with it.
final class Device: Model, @unchecked Sendable {
    static let schema = "mobileid_devices"

    @ID(key: .id) var id: UUID?
    @Field(key: "identity_id") var identityID: UUID
    /// The public key's coordinates, base64url as in a JWK.
    @Field(key: "public_x") var publicX: String
    @Field(key: "public_y") var publicY: String
    /// What the phone's browser says it is, so that the person recognises it in the list of phones.
    @Field(key: "label") var label: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    /// The phone's fingerprint or face (WebAuthn platform authenticator), when the person turned it on: the
    /// credential's id, its P-256 public key (SPKI, base64url), its signature counter, and the challenge of a
    /// registration in progress.
    @OptionalField(key: "webauthn_credential") var biometricCredential: String?
    @OptionalField(key: "webauthn_public_key") var biometricPublicKey: String?
    @OptionalField(key: "webauthn_sign_count") var biometricSignCount: Int?
    @OptionalField(key: "webauthn_challenge") var biometricChallenge: String?

    init() {}

    var publicKey: P256.Signing.PublicKey? {
        guard let x = Base64URL.decode(publicX), let y = Base64URL.decode(publicY), x.count == 32, y.count == 32 else { return nil }
        return try? P256.Signing.PublicKey(rawRepresentation: x + y)
    }
}
