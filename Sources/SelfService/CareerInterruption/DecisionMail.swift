import Foundation
import Messaging
import PersoCore

/// Tells the person that HR decided on their career interruption: the decision is in the eBox, or waits for the eBox
/// they have not activated yet (the guide's reason for activating one).
struct DecisionMail: Sendable {
    let member: StaffMember
    let inEBox: Bool
    let link: String

    var message: EmailMessage {
        let texts = HRTexts.texts(for: member.language)
        let greeting = AbsenceTexts.texts(for: member.language).mailGreeting(member.givenName)
        let body = inEBox ? texts.decisionMailInEBox : texts.decisionMailActivate
        let text = "\(greeting)\n\n\(body)\n\n\(link)\n\n-- \nPersoSelfService\n"
        let escape: (String) -> String = \.attributeEscaped
        let html = """
        <!DOCTYPE html><html lang="\(member.language.rawValue)"><head><meta charset="utf-8"><title>\(escape(texts.decisionMailSubject))</title></head>
        <body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">
        <p>\(escape(greeting))</p><p>\(escape(body))</p><p><a href="\(escape(link))">\(escape(link))</a></p><p style="color: #555">— PersoSelfService</p>
        </body></html>
        """
        return EmailMessage(to: MailAddress(name: member.fullName, address: member.email), subject: texts.decisionMailSubject, text: text,
                            html: html, language: member.language)
    }
}
