import Foundation
import PersoCore

/// An e-mail as the part that causes it writes it: already in the recipient's language, text and HTML.
public struct EmailMessage: Sendable, Equatable {
    public var to: MailAddress
    public var subject: String
    public var text: String
    public var html: String?
    public var language: Language
    /// Files sent with the message (an appointment's calendar entry); small, since they wait in the outbox's row.
    public var attachments: [EmailAttachment]

    public init(to: MailAddress, subject: String, text: String, html: String?, language: Language, attachments: [EmailAttachment] = []) {
        self.attachments = attachments
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.language = language
    }
}

/// A file sent with an e-mail.
public struct EmailAttachment: Sendable, Equatable, Codable {
    public var filename: String
    /// The MIME type, with its parameters (`text/calendar; method=REQUEST`).
    public var contentType: String
    public var content: Data

    public init(filename: String, contentType: String, content: Data) {
        self.filename = filename
        self.contentType = contentType
        self.content = content
    }
}
