import Foundation
import Hummingbird
import PersoCore

extension KeyIdentifier {
    public static let password: KeyIdentifier = "password"
}

/// Username + password alone (Level200).
struct PasswordKey: DigitalKey {
    let passwords: PasswordCheck

    static let profile = KeyProfile(identifier: .password, level: .level200, amr: ["pwd"], group: .securityCode, order: 4) { language in
        switch language {
        case .fr: KeyNames(full: "IDENTIFICATION avec nom d’utilisateur et mot de passe", short: "Nom d’utilisateur et mot de passe",
                           removeQuestion: "Supprimer cette clé numérique ?")
        case .nl: KeyNames(full: "AANMELDEN met gebruikersnaam en wachtwoord", short: "Gebruikersnaam en wachtwoord",
                           removeQuestion: "Deze digitale sleutel verwijderen?")
        case .de: KeyNames(full: "ANMELDEN mit Benutzername und Passwort", short: "Benutzername und Passwort",
                           removeQuestion: "Diesen digitalen Schlüssel entfernen?")
        case .en: KeyNames(full: "LOG IN with username and password", short: "Username and password", removeQuestion: "Remove this digital key?")
        }
    }

    var profile: KeyProfile { Self.profile }

    func begin(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> Response {
        PasswordForm.response(transaction, key: profile, username: transaction.loginHint ?? "", error: nil, context: context)
    }

    func submit(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome {
        switch try await passwords.check(key: profile.identifier, transaction: transaction, request: request, context: context) {
        case .proven(let personID, _):
            return .proven(personID: personID)
        case .refused(let message, let username):
            return .askAgain(PasswordForm.response(transaction, key: profile, username: username, error: message, context: context))
        }
    }
}
