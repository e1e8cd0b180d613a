import Foundation
import PersoCore

/// The e-mail that tells a person their username or password changed, in their language: what, when, and what to
/// do if it was not them. Like the code mail it carries no link, so that it cannot teach people to click phishing.
struct PasswordChangeMail: Sendable {
    enum Change: Sendable {
        case created, changed
    }

    let subject: String
    let greeting: @Sendable (String) -> String
    /// The arguments are the username and the date and time (Belgian time).
    let created: @Sendable (String, String) -> String
    let changed: @Sendable (String, String) -> String
    let notYou: String
    let signature: String

    static func texts(for language: Language) -> PasswordChangeMail {
        switch language {
        case .fr: PasswordChangeMail(
            subject: "Votre mot de passe PersoPoint a été modifié", greeting: { "Bonjour \($0)," },
            created: { "Un nom d’utilisateur (\($0)) et un mot de passe ont été créés pour votre compte PersoPoint le \($1)." },
            changed: { "Le mot de passe de votre compte PersoPoint (nom d’utilisateur \($0)) a été modifié le \($1)." },
            notYou: "Si ce n’était pas vous, identifiez-vous sans attendre avec votre eID ou itsme, choisissez un nouveau mot de passe sur la page « Mon mot de passe » de la passerelle, et prévenez votre bureau d’enregistrement.",
            signature: "La passerelle d’authentification PersoPoint")
        case .nl: PasswordChangeMail(
            subject: "Uw PersoPoint-wachtwoord is gewijzigd", greeting: { "Beste \($0)," },
            created: { "Op \($1) zijn een gebruikersnaam (\($0)) en een wachtwoord aangemaakt voor uw PersoPoint-account." },
            changed: { "Het wachtwoord van uw PersoPoint-account (gebruikersnaam \($0)) is gewijzigd op \($1)." },
            notYou: "Was u dit niet, meld u dan meteen aan met uw eID of itsme, kies een nieuw wachtwoord op de pagina “Mijn wachtwoord” van de gateway en verwittig uw registratiekantoor.",
            signature: "De PersoPoint-authenticatiegateway")
        case .de: PasswordChangeMail(
            subject: "Ihr PersoPoint-Passwort wurde geändert", greeting: { "Guten Tag \($0)," },
            created: { "Am \($1) wurden ein Benutzername (\($0)) und ein Passwort für Ihr PersoPoint-Konto erstellt." },
            changed: { "Das Passwort Ihres PersoPoint-Kontos (Benutzername \($0)) wurde am \($1) geändert." },
            notYou: "Wenn Sie das nicht waren, melden Sie sich sofort mit Ihrer eID oder itsme an, wählen Sie auf der Seite „Mein Passwort“ des Gateways ein neues Passwort und benachrichtigen Sie Ihr Registrierungsbüro.",
            signature: "Das PersoPoint-Authentifizierungsgateway")
        case .en: PasswordChangeMail(
            subject: "Your PersoPoint password has changed", greeting: { "Hello \($0)," },
            created: { "A username (\($0)) and a password were created for your PersoPoint account on \($1)." },
            changed: { "The password of your PersoPoint account (username \($0)) was changed on \($1)." },
            notYou: "If this was not you, log in at once with your eID or itsme, choose a new password on the gateway's “My password” page, and tell your registration office.",
            signature: "The PersoPoint authentication gateway")
        }
    }

    private func what(_ change: Change, username: String, at date: Date) -> String {
        let when = MaintenanceNotice.format(date)
        return change == .created ? created(username, when) : changed(username, when)
    }

    func text(_ name: String, _ change: Change, username: String, at date: Date) -> String {
        "\(greeting(name))\n\n\(what(change, username: username, at: date))\n\n\(notYou)\n\n-- \n\(signature)\n"
    }

    func html(_ name: String, _ change: Change, username: String, at date: Date) -> String {
        let escape: (String) -> String = \.attributeEscaped
        return """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(escape(subject))</title></head>
        <body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">
        <p>\(escape(greeting(name)))</p>
        <p>\(escape(what(change, username: username, at: date)))</p>
        <p><strong>\(escape(notYou))</strong></p>
        <p style="color: #555">— \(escape(signature))</p>
        </body></html>
        """
    }
}
