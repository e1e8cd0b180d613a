import PersoCore

extension KeyIdentifier {
    static let itsme: KeyIdentifier = "itsme"
}

/// itsme (Level450), as the guide's chooser shows it; announced (`AnnouncedKey`) until the mobile identity service
/// comes (issue 15), which replaces this with the key itself.
enum Itsme {
    static let profile = KeyProfile(identifier: .itsme, level: .level450, amr: ["itsme", "mfa"], group: .identity, order: 2) { language in
        switch language {
        case .fr: KeyNames(full: "IDENTIFICATION via itsme", short: "itsme", removeQuestion: "Supprimer cette clé numérique ?")
        case .nl: KeyNames(full: "AANMELDEN via itsme", short: "itsme", removeQuestion: "Deze digitale sleutel verwijderen?")
        case .de: KeyNames(full: "ANMELDEN über itsme", short: "itsme", removeQuestion: "Diesen digitalen Schlüssel entfernen?")
        case .en: KeyNames(full: "LOG IN via itsme", short: "itsme", removeQuestion: "Remove this digital key?")
        }
    }
}
