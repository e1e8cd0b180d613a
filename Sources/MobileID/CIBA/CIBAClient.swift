import FluentKit
import Foundation

/// A relying party registered at the mobile identity service: it authenticates with `private_key_jwt` only (as the
/// real itsme accepts nothing else), with the public keys of its JWKS, and says how it learns of a decision.
final class CIBAClient: Model, @unchecked Sendable {
    static let schema = "mobileid_clients"

    @ID(custom: "client_id", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "jwks") var jwks: String
    @Enum(key: "delivery") var delivery: AuthenticationRequest.Delivery
    @OptionalField(key: "notification_endpoint") var notificationEndpoint: String?
    /// Where the authorisation code flow may send the person back (exact match); none for a CIBA-only client.
    @OptionalField(key: "redirect_uris") var redirectURIs: [String]?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
