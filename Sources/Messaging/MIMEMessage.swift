import Foundation
import PersoCore

/// An e-mail as it goes over the wire (RFC 5322 with MIME): UTF-8 headers as RFC 2047 encoded words, the text
/// and HTML bodies as `multipart/alternative` in base64, CRLF line ends, no line over 78 characters.
struct MIMEMessage: Sendable {
    let from: MailAddress
    let to: MailAddress
    let subject: String
    let text: String
    let html: String?
    let language: String
    let attachments: [EmailAttachment]
    /// The same for every try of one outbox message, so that a receiver can recognise a repeated delivery.
    let messageID: String
    let date: Date
    let boundary: String

    init(email: OutboxMessage, from: MailAddress, date: Date, boundary: String = "=_persopoint_" + SecureRandom.token(bytes: 12)) {
        self.from = from
        to = MailAddress(name: email.recipientName, address: email.recipient)
        subject = email.subject
        text = email.textBody
        html = email.htmlBody
        language = email.language
        attachments = email.attachments
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "persopoint"
        messageID = "<\(SecureRandom.digest(email.idempotencyKey).prefix(32))@\(domain)>"
        self.date = date
        self.boundary = boundary
    }

    var rendered: String {
        var lines = [
            "From: \(Self.header(from))",
            "To: \(Self.header(to))",
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Language: \(language)",
            // RFC 3834: an automatic message; out-of-office replies should not answer it.
            "Auto-Submitted: auto-generated",
        ]
        // Text and HTML are alternatives of one body; files go beside that body in a multipart/mixed around it.
        var body: [String]
        if let html {
            let inner = attachments.isEmpty ? boundary : boundary + "_alt"
            body = ["Content-Type: multipart/alternative; boundary=\"\(inner)\"", ""]
            if attachments.isEmpty { body.append("This is a MIME message in text and HTML.") }
            body += ["--\(inner)"] + Self.part("text/plain", text)
            body += ["--\(inner)"] + Self.part("text/html", html)
            body += ["--\(inner)--", ""]
        } else {
            body = Self.part("text/plain", text)
        }
        if attachments.isEmpty {
            lines += body
        } else {
            lines += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "This is a MIME message with attachments."]
            lines += ["--\(boundary)"] + body
            for attachment in attachments {
                lines += ["--\(boundary)"] + Self.file(attachment)
            }
            lines += ["--\(boundary)--", ""]
        }
        return lines.joined(separator: "\r\n")
    }

    private static func part(_ type: String, _ body: String) -> [String] {
        let normalised = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(normalised.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", "", encoded]
    }

    private static func file(_ attachment: EmailAttachment) -> [String] {
        let name = attachment.filename.filter { $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) }
        return [
            // Folded (RFC 5322 §2.2.3): a calendar's type with its parameters and the name run past 78 characters.
            "Content-Type: \(attachment.contentType);", " name=\"\(name)\"",
            "Content-Disposition: attachment; filename=\"\(name)\"",
            "Content-Transfer-Encoding: base64", "",
            attachment.content.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]),
        ]
    }

    static func header(_ address: MailAddress) -> String {
        guard let name = address.name, !name.isEmpty else { return "<\(address.address)>" }
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 && !"\"\\".unicodeScalars.contains($0) }
        return "\(plain ? "\"\(name)\"" : encodedWords(name)) <\(address.address)>"
    }

    /// RFC 2047 `=?utf-8?b?…?=` words when the text is not plain ASCII, each at most 75 characters, split on
    /// character boundaries so that no word carries half a letter.
    static func encodedWords(_ text: String) -> String {
        let clean = text.filter { !$0.isNewline }
        if clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) && clean.count <= 900 { return clean }
        var words: [String] = []
        var chunk = ""
        for character in clean {
            // 45 bytes of UTF-8 become 60 base64 characters: 72 with the =?utf-8?b? ?= frame.
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?b?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
