import FluentKit
import Foundation

/// An ES256 key the provider signs tokens with. The newest unretired key signs; retired keys stay published in
/// the JWKS until every token they signed has expired, then they are deleted.
final class SigningKeyRecord: Model, @unchecked Sendable {
    static let schema = "signing_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "kid") var kid: String
    @Field(key: "private_pem") var privatePEM: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "retired_at") var retiredAt: Date?

    init() {}

    init(kid: String, privatePEM: String, createdAt: Date) {
        self.kid = kid
        self.privatePEM = privatePEM
        self.createdAt = createdAt
    }
}
