import PersoCore

extension KeyIdentifier {
    static let itsme: KeyIdentifier = "itsme"
}

/// itsme (Level450), as the guide's chooser shows it: the app on the phone, with its key and the 5-digit code.
enum ItsmeProfile {
    static let profile = KeyProfile(identifier: .itsme, level: .level450, amr: ["itsme", "swk", "pin", "mfa"], group: .identity, order: 2) { language in
        switch language {
        case .fr: KeyNames(full: "IDENTIFICATION via itsme", short: "itsme", removeQuestion: "Supprimer cette clé numérique ?")
        case .nl: KeyNames(full: "AANMELDEN via itsme", short: "itsme", removeQuestion: "Deze digitale sleutel verwijderen?")
        case .de: KeyNames(full: "ANMELDEN über itsme", short: "itsme", removeQuestion: "Diesen digitalen Schlüssel entfernen?")
        case .en: KeyNames(full: "LOG IN via itsme", short: "itsme", removeQuestion: "Remove this digital key?")
        }
    }
}
