import FluentKit
import Foundation

/// A person's username and Argon2id password hash.
public final class PasswordCredential: Model, @unchecked Sendable {
    public static let schema = "password_credentials"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: Person
    /// Stored lower-case; people type it in any case.
    @Field(key: "username") public var username: String
    @Field(key: "phc") public var phc: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public init(personID: UUID, username: String, phc: String, updatedAt: Date) {
        self.$person.id = personID
        self.username = username.lowercased()
        self.phc = phc
        self.updatedAt = updatedAt
    }
}
