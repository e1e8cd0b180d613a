import Foundation

/// What the API says of a message: the answer to a publish and to `GET …/messages/{messageId}` (the OpenAPI
/// description's `MessageStatus`). Absent times are written as null, so every field is always there.
struct MessageStatus: Encodable {
    struct File: Encodable {
        let part: String
        let fileName: String
        let mediaType: String
        let size: Int
        let sha256: String
    }

    struct Notice: Encodable {
        /// pending, sent, failed, or digest (waiting for the person's daily summary).
        let status: String
        let sentAt: String?

        enum CodingKeys: String, CodingKey { case status, sentAt }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(status, forKey: .status)
            try container.encode(sentAt, forKey: .sentAt)
        }
    }

    let id: String
    let messageId: String
    let recipient: String
    let type: String
    let registered: Bool
    let deliveredAt: String
    let expiresAt: String
    let readAt: String?
    let firstOpenedAt: String?
    let notice: Notice
    let files: [File]

    init(document: EBoxDocument, files: [File], recipient: String, notice: (status: String, sentAt: Date?)) {
        id = (document.id?.uuidString ?? "").lowercased()
        messageId = document.messageID
        self.recipient = recipient
        type = document.type
        registered = document.registered
        deliveredAt = Self.iso(document.deliveredAt)
        expiresAt = Self.iso(document.expiresAt)
        readAt = document.readAt.map(Self.iso)
        // Only registered mail records its first opening as such (it is what the receipt states).
        firstOpenedAt = document.registered ? readAt : nil
        self.notice = Notice(status: notice.status, sentAt: notice.sentAt.map(Self.iso))
        self.files = files
    }

    /// `2026-11-30T10:00:00Z`.
    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    enum CodingKeys: String, CodingKey { case id, messageId, recipient, type, registered, deliveredAt, expiresAt, readAt, firstOpenedAt, notice, files }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(messageId, forKey: .messageId)
        try container.encode(recipient, forKey: .recipient)
        try container.encode(type, forKey: .type)
        try container.encode(registered, forKey: .registered)
        try container.encode(deliveredAt, forKey: .deliveredAt)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(readAt, forKey: .readAt)
        try container.encode(firstOpenedAt, forKey: .firstOpenedAt)
        try container.encode(notice, forKey: .notice)
        try container.encode(files, forKey: .files)
    }
}
