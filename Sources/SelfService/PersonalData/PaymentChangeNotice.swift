import Foundation
import Messaging
import PersoCore

/// The notice sent to every e-mail address of a person whose salary bank account was changed: payroll fraud starts
/// with a changed account, and the person must hear of it where an intruder cannot hide it. In the language the
/// person was using; it names the account only by its last four characters.
struct PaymentChangeNotice: Sendable {
    let subject: String
    let greeting: @Sendable (String) -> String
    /// The arguments are the date and time, and the last characters of the new account.
    let body: @Sendable (String, String) -> String
    let notYou: String

    static func texts(for language: Language) -> PaymentChangeNotice {
        switch language {
        case .fr: PaymentChangeNotice(
            subject: "Votre compte bancaire a été modifié – PersoSelfService", greeting: { "Bonjour \($0)," },
            body: { "Le \($0), le compte bancaire sur lequel votre salaire est versé a été remplacé par un compte se terminant par \($1)." },
            notYou: "Si ce n’était pas vous, appelez immédiatement le helpdesk et votre service du personnel, puis changez votre mot de passe.")
        case .nl: PaymentChangeNotice(
            subject: "Uw bankrekening werd gewijzigd – PersoSelfService", greeting: { "Beste \($0)," },
            body: { "Op \($0) werd de rekening waarop uw loon wordt gestort vervangen door een rekening die eindigt op \($1)." },
            notYou: "Was u dit niet, bel dan meteen de helpdesk en uw personeelsdienst, en wijzig daarna uw wachtwoord.")
        case .de: PaymentChangeNotice(
            subject: "Ihr Bankkonto wurde geändert – PersoSelfService", greeting: { "Guten Tag \($0)," },
            body: { "Am \($0) wurde das Konto, auf das Ihr Gehalt überwiesen wird, durch ein Konto ersetzt, das auf \($1) endet." },
            notYou: "Wenn Sie das nicht waren, rufen Sie sofort den Helpdesk und Ihre Personalabteilung an und ändern Sie danach Ihr Passwort.")
        case .en: PaymentChangeNotice(
            subject: "Your bank account was changed – PersoSelfService", greeting: { "Hello \($0)," },
            body: { "On \($0), the account your salary is paid into was replaced by an account ending in \($1)." },
            notYou: "If this was not you, call the help desk and your HR department at once, then change your password.")
        }
    }

    func message(to address: String, name: String, at date: Date, iban: String, language: Language) -> EmailMessage {
        let escape: (String) -> String = \.attributeEscaped
        let line = body(MaintenanceNotice.format(date), String(iban.suffix(4)))
        let text = "\(greeting(name))\n\n\(line)\n\n\(notYou)\n\n-- \nPersoSelfService\n"
        let html = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(escape(subject))</title></head>
        <body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">
        <p>\(escape(greeting(name)))</p><p>\(escape(line))</p><p><strong>\(escape(notYou))</strong></p>
        <p style="color: #555">— PersoSelfService</p>
        </body></html>
        """
        return EmailMessage(to: MailAddress(name: name, address: address), subject: subject, text: text, html: html, language: language)
    }
}
