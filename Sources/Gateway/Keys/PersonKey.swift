import FluentKit
import Foundation
import SQLKit

/// A security-code key a person holds besides the password: e-mail codes, an authenticator app (TOTP) or a
/// token card. One row per person and kind; replacing a key replaces the row's secret.
final class PersonKey: Model, @unchecked Sendable {
    static let schema = "person_keys"

    enum Status: String, Sendable, Codable {
        /// Being enrolled: an authenticator app until its first valid code.
        case pending
        case active
        /// Switched off (a token card unused for too long); a new one can be issued.
        case deactivated
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Field(key: "kind") var kind: KeyIdentifier
    @Field(key: "status") var status: Status
    /// The authenticator app's shared secret (RFC 4226 needs it in the clear to compute codes).
    @OptionalField(key: "totp_secret") var totpSecret: Data?
    /// The last time step whose code was accepted: that code and every earlier one are refused (no replay).
    @OptionalField(key: "totp_last_step") var totpLastStep: Int64?
    /// A token card's salt: each code is stored as SHA-256(salt, position, code).
    @OptionalField(key: "card_salt") var cardSalt: Data?
    /// The position asked last time, never asked twice in a row.
    @OptionalField(key: "card_last_position") var cardLastPosition: Int?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "activated_at") var activatedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    init(personID: UUID, kind: KeyIdentifier, status: Status, createdAt: Date) {
        self.$person.id = personID
        self.kind = kind
        self.status = status
        self.createdAt = createdAt
        if status == .active { activatedAt = createdAt }
    }

    var isActive: Bool { status == .active }
}

/// One of the 24 codes of a token card, hashed.
final class TokenCardCode: Model, @unchecked Sendable {
    static let schema = "token_card_codes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "key_id") var key: PersonKey
    @Field(key: "position") var position: Int
    @Field(key: "code_hash") var codeHash: String

    init() {}

    init(keyID: UUID, position: Int, codeHash: String) {
        self.$key.id = keyID
        self.position = position
        self.codeHash = codeHash
    }
}

/// The second step of a security-code login in progress: who passed the password step, what is asked (the
/// e-mail code's hash, the token card's position), how many tries and sends are used.
final class CodeChallenge: Model, @unchecked Sendable {
    static let schema = "code_challenges"

    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Field(key: "kind") var kind: KeyIdentifier
    @OptionalField(key: "code_hash") var codeHash: String?
    @OptionalField(key: "position") var position: Int?
    @Field(key: "tries") var tries: Int
    @Field(key: "sends") var sends: Int
    @OptionalField(key: "last_sent_at") var lastSentAt: Date?
    @Field(key: "code_expires_at") var codeExpiresAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}

struct CreatePersonKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonKey.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("totp_secret", .data)
            .field("totp_last_step", .int64)
            .field("card_salt", .data)
            .field("card_last_position", .int)
            .field("created_at", .datetime, .required)
            .field("activated_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "person_id", "kind")
            .create()
        try await database.schema(TokenCardCode.schema)
            .id()
            .field("key_id", .uuid, .required, .references(PersonKey.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("code_hash", .string, .required)
            .unique(on: "key_id", "position")
            .create()
        try await database.schema(CodeChallenge.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("code_hash", .string)
            .field("position", .int)
            .field("tries", .int, .required)
            .field("sends", .int, .required)
            .field("last_sent_at", .datetime)
            .field("code_expires_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CodeChallenge.schema).delete()
        try await database.schema(TokenCardCode.schema).delete()
        try await database.schema(PersonKey.schema).delete()
    }
}
