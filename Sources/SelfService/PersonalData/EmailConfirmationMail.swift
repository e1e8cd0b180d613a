import Foundation
import Messaging
import PersoCore

/// The e-mail that asks a person to confirm a new private address, sent to that address, in the language the
/// person was using. The new address takes effect only through its link.
struct EmailConfirmationMail: Sendable {
    let subject: String
    let greeting: @Sendable (String) -> String
    let body: String
    let validity: String
    let notYou: String

    static func texts(for language: Language) -> EmailConfirmationMail {
        switch language {
        case .fr: EmailConfirmationMail(
            subject: "Confirmez votre adresse e-mail privée – PersoSelfService", greeting: { "Bonjour \($0)," },
            body: "Vous avez indiqué cette adresse comme adresse e-mail privée dans PersoSelfService. Pour la confirmer, ouvrez ce lien :",
            validity: "Le lien est valable 48 heures. Vous devrez peut-être vous identifier.",
            notYou: "Si vous n’avez rien demandé, ignorez ce message : l’adresse ne sera pas enregistrée.")
        case .nl: EmailConfirmationMail(
            subject: "Bevestig uw privé-e-mailadres – PersoSelfService", greeting: { "Beste \($0)," },
            body: "U hebt dit adres opgegeven als privé-e-mailadres in PersoSelfService. Open deze link om het te bevestigen:",
            validity: "De link is 48 uur geldig. Mogelijk moet u zich aanmelden.",
            notYou: "Hebt u niets gevraagd, negeer dan dit bericht: het adres wordt niet opgeslagen.")
        case .de: EmailConfirmationMail(
            subject: "Bestätigen Sie Ihre private E-Mail-Adresse – PersoSelfService", greeting: { "Guten Tag \($0)," },
            body: "Sie haben diese Adresse in PersoSelfService als private E-Mail-Adresse angegeben. Öffnen Sie diesen Link, um sie zu bestätigen:",
            validity: "Der Link ist 48 Stunden gültig. Eventuell müssen Sie sich anmelden.",
            notYou: "Wenn Sie nichts angefordert haben, ignorieren Sie diese Nachricht: Die Adresse wird nicht gespeichert.")
        case .en: EmailConfirmationMail(
            subject: "Confirm your private e-mail address – PersoSelfService", greeting: { "Hello \($0)," },
            body: "You gave this address as your private e-mail address in PersoSelfService. To confirm it, open this link:",
            validity: "The link works for 48 hours. You may be asked to log in.",
            notYou: "If you did not ask for this, ignore this message: the address will not be saved.")
        }
    }

    func message(to address: String, name: String, link: String, language: Language) -> EmailMessage {
        let escape: (String) -> String = \.attributeEscaped
        let text = "\(greeting(name))\n\n\(body)\n\n\(link)\n\n\(validity)\n\n\(notYou)\n\n-- \nPersoSelfService\n"
        let html = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(escape(subject))</title></head>
        <body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">
        <p>\(escape(greeting(name)))</p><p>\(escape(body))</p>
        <p><a href="\(escape(link))">\(escape(link))</a></p>
        <p>\(escape(validity))</p><p>\(escape(notYou))</p><p style="color: #555">— PersoSelfService</p>
        </body></html>
        """
        return EmailMessage(to: MailAddress(name: name, address: address), subject: subject, text: text, html: html, language: language)
    }
}
