import FluentKit
import Foundation

/// A server-side session row. The row is keyed by the SHA-256 of the cookie value, so a copy of the table
/// does not hand out live sessions.
final class SessionRecord: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "data") var data: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "idle_seconds") var idleSeconds: Int

    init() {}

    init(id: String, data: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date, idleSeconds: Int) {
        self.id = id
        self.data = data
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.idleSeconds = idleSeconds
    }
}

struct CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SessionRecord.schema)
            .field("id", .string, .identifier(auto: false))
            .field("data", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("idle_seconds", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionRecord.schema).delete()
    }
}
