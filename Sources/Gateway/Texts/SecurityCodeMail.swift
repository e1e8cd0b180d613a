import Foundation
import PersoCore

/// The e-mail that carries a login security code, in the person's language. It says what to do if the person
/// did not ask for it, and never contains a link (a code mail with a link teaches people to click phishing).
struct SecurityCodeMail: Sendable {
    let subject: String
    let greeting: @Sendable (String) -> String
    let codeIs: String
    let validity: String
    let notYou: String
    let signature: String

    static func texts(for language: Language) -> SecurityCodeMail {
        switch language {
        case .fr: SecurityCodeMail(
            subject: "Votre code de sécurité PersoPoint", greeting: { "Bonjour \($0)," }, codeIs: "Votre code de sécurité pour vous identifier est :",
            validity: "Ce code est valable 10 minutes et ne peut servir qu’une fois. Ne le communiquez à personne : aucun collaborateur ne vous le demandera jamais.",
            notYou: "Si vous n’avez pas demandé ce code, quelqu’un connaît votre mot de passe : modifiez-le et prévenez votre bureau d’enregistrement.",
            signature: "La passerelle d’authentification PersoPoint")
        case .nl: SecurityCodeMail(
            subject: "Uw PersoPoint-beveiligingscode", greeting: { "Beste \($0)," }, codeIs: "Uw beveiligingscode om u aan te melden is:",
            validity: "Deze code is 10 minuten geldig en kan maar één keer gebruikt worden. Geef hem aan niemand door: geen enkele medewerker zal er ooit naar vragen.",
            notYou: "Hebt u deze code niet aangevraagd, dan kent iemand uw wachtwoord: wijzig het en verwittig uw registratiekantoor.",
            signature: "De PersoPoint-authenticatiegateway")
        case .de: SecurityCodeMail(
            subject: "Ihr PersoPoint-Sicherheitscode", greeting: { "Guten Tag \($0)," }, codeIs: "Ihr Sicherheitscode für die Anmeldung lautet:",
            validity: "Dieser Code ist 10 Minuten gültig und kann nur einmal verwendet werden. Geben Sie ihn niemandem weiter: Kein Mitarbeiter wird Sie jemals danach fragen.",
            notYou: "Wenn Sie diesen Code nicht angefordert haben, kennt jemand Ihr Passwort: Ändern Sie es und benachrichtigen Sie Ihr Registrierungsbüro.",
            signature: "Das PersoPoint-Authentifizierungsgateway")
        case .en: SecurityCodeMail(
            subject: "Your PersoPoint security code", greeting: { "Hello \($0)," }, codeIs: "Your security code to log in is:",
            validity: "This code is valid for 10 minutes and works only once. Never give it to anyone: no member of staff will ever ask you for it.",
            notYou: "If you did not ask for this code, someone knows your password: change it and tell your registration office.",
            signature: "The PersoPoint authentication gateway")
        }
    }

    func text(_ name: String, _ code: String) -> String {
        "\(greeting(name))\n\n\(codeIs)\n\n    \(code)\n\n\(validity)\n\n\(notYou)\n\n-- \n\(signature)\n"
    }

    func html(_ name: String, _ code: String) -> String {
        let escape: (String) -> String = \.attributeEscaped
        return """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(escape(subject))</title></head>
        <body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">
        <p>\(escape(greeting(name)))</p>
        <p>\(escape(codeIs))</p>
        <p style="font-size: 28px; font-weight: bold; letter-spacing: 6px; font-family: monospace">\(escape(code))</p>
        <p>\(escape(validity))</p>
        <p>\(escape(notYou))</p>
        <p style="color: #555">— \(escape(signature))</p>
        </body></html>
        """
    }
}
