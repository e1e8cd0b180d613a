import Foundation
import Messaging
import PersoCore

/// The desk's e-mails to the employee, in the language of the case. They never carry what was asked or answered
/// (it may be personal data): only the reference, the topic, dates, and a link to read it after logging in.
struct CaseMails: Sendable {
    /// `{public URL}/contact`
    let deskURL: String

    func caseLink(_ item: ContactCase) -> String { deskURL + "/cases/" + item.idString }

    func summary(of item: ContactCase, attachments: Int, to address: String) -> EmailMessage {
        let texts = ContactTexts.texts(for: item.language).mail
        let topic = ContactTexts.texts(for: item.language).topicName(item.topic)
        let lines = [
            texts.referenceLine(item.reference), texts.topicLine(topic), texts.askedLine(BelgianTime.minute(item.createdAt)),
            texts.attachmentsLine(attachments), texts.dueLine(BelgianTime.day(item.dueAt)),
        ]
        return message(to: address, name: item.requesterName, subject: texts.summarySubject(item.reference), language: item.language,
                       paragraphs: [texts.summaryIntro] + lines + [texts.followLink], link: caseLink(item), closing: texts.noContent)
    }

    func answered(_ item: ContactCase, link: String, to address: String) -> EmailMessage {
        let texts = ContactTexts.texts(for: item.language).mail
        return message(to: address, name: item.requesterName, subject: texts.answeredSubject(item.reference), language: item.language,
                       paragraphs: [texts.answeredIntro(item.reference), texts.readLink], link: link, closing: texts.noContent)
    }

    func closed(_ item: ContactCase, link: String, to address: String) -> EmailMessage {
        let texts = ContactTexts.texts(for: item.language).mail
        return message(to: address, name: item.requesterName, subject: texts.closedSubject(item.reference), language: item.language,
                       paragraphs: [texts.closedIntro(item.reference), texts.rateLink], link: link + "/rating", closing: texts.reopenRule)
    }

    private func message(to address: String, name: String, subject: String, language: Language, paragraphs: [String], link: String,
                         closing: String) -> EmailMessage {
        let texts = ContactTexts.texts(for: language).mail
        let escape: (String) -> String = \.attributeEscaped
        let text = ([texts.greeting(name)] + paragraphs + [link, texts.mayLogIn, closing]).joined(separator: "\n\n") + "\n\n-- \nPersoContact\n"
        let html = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(escape(subject))</title></head>
        <body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">
        <p>\(escape(texts.greeting(name)))</p>\(paragraphs.map { "<p>\(escape($0))</p>" }.joined())
        <p><a href="\(escape(link))">\(escape(link))</a></p>
        <p>\(escape(texts.mayLogIn))</p><p>\(escape(closing))</p><p style="color: #555">— PersoContact</p>
        </body></html>
        """
        return EmailMessage(to: MailAddress(name: name, address: address), subject: subject, text: text, html: html, language: language)
    }
}
