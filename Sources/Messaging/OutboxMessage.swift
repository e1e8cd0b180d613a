import FluentKit
import Foundation
import SQLKit

/// One message waiting for, or done with, delivery. The row is written in the same transaction as the change
/// that causes it, so a message exists exactly when its cause does; the idempotency key keeps one event from
/// making two messages.
public final class OutboxMessage: Model, @unchecked Sendable {
    public static let schema = "outbox_messages"

    public enum Status: String, Sendable, Codable {
        case pending, sent, failed
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "idempotency_key") public var idempotencyKey: String
    @Field(key: "channel") public var channel: String
    @Field(key: "recipient") public var recipient: String
    @OptionalField(key: "recipient_name") public var recipientName: String?
    @Field(key: "subject") public var subject: String
    @Field(key: "text_body") public var textBody: String
    @OptionalField(key: "html_body") public var htmlBody: String?
    @Field(key: "language") public var language: String
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    /// Set while one instance is sending it; after a crash the message is tried again once this has passed.
    @OptionalField(key: "reserved_until") public var reservedUntil: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "transport") public var transport: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?
    /// The files sent with it, as JSON (`[EmailAttachment]`, contents in base64).
    @OptionalField(key: "attachments") var attachmentsJSON: String?

    public init() {}

    public var attachments: [EmailAttachment] {
        attachmentsJSON.flatMap { try? JSONDecoder().decode([EmailAttachment].self, from: Data($0.utf8)) } ?? []
    }
}

struct CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("idempotency_key", .string, .required)
            .field("channel", .string, .required)
            .field("recipient", .string, .required)
            .field("recipient_name", .string)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string)
            .field("language", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("reserved_until", .datetime)
            .field("last_error", .string)
            .field("transport", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .unique(on: "idempotency_key")
            .create()
        // The worker's question, every second: what is pending and due?
        try await (database as! any SQLDatabase).create(index: "outbox_messages_due")
            .on(OutboxMessage.schema).column("status").column("next_attempt_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).delete()
    }
}

/// The messaging part's tables.
public enum MessagingMigrations {
    public static let all: [any Migration] = [CreateOutbox(), AddOutboxAttachments()]
}

struct AddOutboxAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).field("attachments", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).deleteField("attachments").update()
    }
}
