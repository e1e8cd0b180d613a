import PersoCore

/// An e-mail as the part that causes it writes it: already in the recipient's language, text and HTML.
public struct EmailMessage: Sendable, Equatable {
    public var to: MailAddress
    public var subject: String
    public var text: String
    public var html: String?
    public var language: Language

    public init(to: MailAddress, subject: String, text: String, html: String?, language: Language) {
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.language = language
    }
}
