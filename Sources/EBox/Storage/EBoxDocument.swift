import FluentKit
import Foundation
import PersoCore
import SQLKit

/// One document in a person's eBox: who sent it, what it is, when it arrived and when it will be deleted, whether it
/// was read, and for registered mail when it was first opened. Its files are `DocumentFile`s.
final class EBoxDocument: Model, @unchecked Sendable {
    static let schema = "ebox_documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "mailbox_id") var mailboxID: UUID
    @Field(key: "sender_id") var senderID: UUID
    /// The sender's own identifier: publishing twice under it makes one document.
    @Field(key: "message_id") var messageID: String
    @Field(key: "type") var type: String
    @Field(key: "language") var language: Language
    @Field(key: "subject") var subject: String
    @OptionalField(key: "summary") var summary: String?
    /// Lower-cased subject, summary and file names: what the mailbox's search looks in.
    @Field(key: "search_text") var searchText: String
    @Field(key: "registered") var registered: Bool
    @Field(key: "delivered_at") var deliveredAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "read_at") var readAt: Date?
    @OptionalField(key: "archived_at") var archivedAt: Date?
    /// The outbox key of the notice that announced it (at once or in a digest); empty until one is written.
    @OptionalField(key: "notice_key") var noticeKey: String?
    @OptionalField(key: "reminder_key") var reminderKey: String?
    @OptionalField(key: "warning_key") var warningKey: String?

    init() {}

    static let columns = ["id", "mailbox_id", "sender_id", "message_id", "type", "language", "subject", "summary", "search_text",
                          "registered", "delivered_at", "expires_at", "read_at", "archived_at", "notice_key", "reminder_key", "warning_key"]

    /// A stored document from a row of plain SQL (`columns`): the mailbox page reads 25 at a time, and Fluent's own
    /// decoding (reflection over the model) was most of that page's cost.
    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        mailboxID = try row.decode(column: "mailbox_id", as: UUID.self)
        senderID = try row.decode(column: "sender_id", as: UUID.self)
        messageID = try row.decode(column: "message_id", as: String.self)
        type = try row.decode(column: "type", as: String.self)
        language = try row.decode(column: "language", as: Language.self)
        subject = try row.decode(column: "subject", as: String.self)
        summary = try row.decode(column: "summary", as: String?.self)
        searchText = try row.decode(column: "search_text", as: String.self)
        registered = try row.decode(column: "registered", as: Bool.self)
        deliveredAt = try row.decode(column: "delivered_at", as: Date.self)
        expiresAt = try row.decode(column: "expires_at", as: Date.self)
        readAt = try row.decode(column: "read_at", as: Date?.self)
        archivedAt = try row.decode(column: "archived_at", as: Date?.self)
        noticeKey = try row.decode(column: "notice_key", as: String?.self)
        reminderKey = try row.decode(column: "reminder_key", as: String?.self)
        warningKey = try row.decode(column: "warning_key", as: String?.self)
        $id.exists = true
    }
}

/// A file of a document: the main document (part `main`) or an attachment, its content kept once per digest.
final class DocumentFile: Model, @unchecked Sendable {
    static let schema = "ebox_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "document_id") var documentID: UUID
    @Field(key: "part") var part: String
    @Field(key: "position") var position: Int
    @Field(key: "file_name") var fileName: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    /// SHA-256 of the content, base64url without padding (as senders give it); also the blob's address.
    @Field(key: "sha256") var digest: String

    init() {}
}

/// A notice e-mailed to the person about their eBox, so they (and the sender) can see that it went out.
final class SentNotice: Model, @unchecked Sendable {
    static let schema = "ebox_notices"

    enum Kind: String, Codable, Sendable { case verification, newDocument = "new_document", digest, reminder, expiryWarning = "expiry_warning" }

    @ID(key: .id) var id: UUID?
    @Field(key: "nrn") var nationalNumber: String
    @Field(key: "kind") var kind: Kind
    @Field(key: "address") var address: String
    @Field(key: "outbox_key") var outboxKey: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
