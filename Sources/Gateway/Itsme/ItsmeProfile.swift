import PersoCore

extension KeyIdentifier {
    static let itsme: KeyIdentifier = "itsme"
}

/// itsme (Level450), as the guide's chooser shows it: the app on the phone, with its key and the 5-digit code.
enum ItsmeProfile {
    /// The gateway's `amr` for one itsme login: "itsme" and what the provider says the phone used (RFC 8176 values
    /// only, so a provider cannot write anything into the gateway's tokens); the key's default when it says nothing.
    static func amr(from provider: [String]) -> [String] {
        let known: Set = ["swk", "hwk", "pin", "mfa", "fpt", "face", "user", "otp", "sms"]
        let kept = provider.filter(known.contains)
        return kept.isEmpty ? profile.amr : ["itsme"] + kept
    }

    static let profile = KeyProfile(identifier: .itsme, level: .level450, amr: ["itsme", "swk", "pin", "mfa"], group: .identity, order: 2) { language in
        switch language {
        case .fr: KeyNames(full: "IDENTIFICATION via itsme", short: "itsme", removeQuestion: "Supprimer cette clé numérique ?")
        case .nl: KeyNames(full: "AANMELDEN via itsme", short: "itsme", removeQuestion: "Deze digitale sleutel verwijderen?")
        case .de: KeyNames(full: "ANMELDEN über itsme", short: "itsme", removeQuestion: "Diesen digitalen Schlüssel entfernen?")
        case .en: KeyNames(full: "LOG IN via itsme", short: "itsme", removeQuestion: "Remove this digital key?")
        }
    }
}
