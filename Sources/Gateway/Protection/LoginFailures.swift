import FluentKit
import Foundation
import SQLKit

/// Consecutive failed attempts against one secret (a username's password, a person's security code) or from
/// one IP address, and what they have led to: a wait, or a lock that only a registration officer lifts.
final class LoginFailureRecord: Model, @unchecked Sendable {
    static let schema = "login_failures"

    @ID(key: .id) var id: UUID?
    /// `password:<username>`, `<key>:<person id>` or `ip:<address>`.
    @Field(key: "subject") var subject: String
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "blocked_until") var blockedUntil: Date?
    @Field(key: "locked") var locked: Bool
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

struct CreateLoginFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginFailureRecord.schema)
            .id()
            .field("subject", .string, .required)
            .field("failures", .int, .required)
            .field("blocked_until", .datetime)
            .field("locked", .bool, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "subject")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginFailureRecord.schema).delete()
    }
}
