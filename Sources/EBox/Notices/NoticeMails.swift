import Foundation
import Messaging
import PersoCore
import Plot

/// The e-mails the eBox sends a person, in the language and format they chose. A notice names the sender and the
/// kind of document, never its subject or content: the mailbox may be read by others, the eBox may not.
struct NoticeMails: Sendable {
    /// The mailbox's address, for the link in every notice.
    let mailboxURL: String

    func code(_ code: String, to address: String, language: Language) -> EmailMessage {
        let texts = EBoxTexts.texts(for: language)
        return EmailMessage(to: MailAddress(name: nil, address: address), subject: texts.codeMailSubject(code),
                            text: texts.codeMailBody(code), html: nil, language: language)
    }

    func newDocument(sender: String, type: String, deletedOn: Date, to mailbox: Mailbox) -> EmailMessage {
        let texts = EBoxTexts.texts(for: mailbox.language)
        return notice(subject: texts.newDocumentSubject,
                      body: texts.newDocumentBody(sender, texts.typeName(type), BelgianTime.day(deletedOn)), to: mailbox)
    }

    func digest(count: Int, to mailbox: Mailbox) -> EmailMessage {
        let texts = EBoxTexts.texts(for: mailbox.language)
        return notice(subject: texts.digestSubject(count), body: texts.digestBody(count), to: mailbox)
    }

    func reminder(sender: String, type: String, deliveredOn: Date, to mailbox: Mailbox) -> EmailMessage {
        let texts = EBoxTexts.texts(for: mailbox.language)
        return notice(subject: texts.reminderSubject,
                      body: texts.reminderBody(sender, texts.typeName(type), BelgianTime.day(deliveredOn)), to: mailbox)
    }

    func expiryWarning(sender: String, type: String, deletedOn: Date, to mailbox: Mailbox) -> EmailMessage {
        let texts = EBoxTexts.texts(for: mailbox.language)
        return notice(subject: texts.warningSubject,
                      body: texts.warningBody(sender, texts.typeName(type), BelgianTime.day(deletedOn)), to: mailbox)
    }

    private func notice(subject: String, body: String, to mailbox: Mailbox) -> EmailMessage {
        let texts = EBoxTexts.texts(for: mailbox.language)
        let text = "\(body)\n\n\(texts.openEBox): \(mailboxURL)\n\n\(texts.mailFooter)"
        let html: String? = switch mailbox.format {
        case .text: nil
        case .html: HTML(
            .attribute(named: "lang", value: mailbox.language.rawValue),
            .body(
                .attribute(named: "style", value: "font-family:sans-serif;max-width:36em"),
                .p(.text(body)),
                .p(.a(.href(mailboxURL), .attribute(named: "style", value: "display:inline-block;padding:.6em 1em;background:#1f4e8c;color:#fff;text-decoration:none"),
                      .text(texts.openEBox))),
                .p(.attribute(named: "style", value: "color:#555;font-size:.9em"), .text(texts.mailFooter))
            )
        ).render()
        }
        return EmailMessage(to: MailAddress(name: nil, address: mailbox.email), subject: subject, text: text, html: html, language: mailbox.language)
    }
}
