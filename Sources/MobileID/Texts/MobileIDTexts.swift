import PersoCore

/// Words of the app on the phone; one value per language, checked complete by the compiler. The page hands the
/// script the words it shows (the CSP allows no inline script, and the script carries no words of its own).
struct MobileIDTexts: Sendable {
    let appTitle: String
    let appLead: String
    let noScript: String
    let notSetUpTitle: String
    let notSetUp: String
    let devPairTitle: String
    let devPairLead: String
    let phoneLabel: String
    let phoneHint: String
    let codeLabel: String
    let codeHint: String
    let setUp: String
    let hello: String
    let idle: String
    let asks: String
    let whichNumber: String
    let checkMessage: String
    let confirm: String
    let refuse: String
    let confirmed: String
    let refused: String
    let wrongNumber: String
    let wrongCode: String
    let locked: String
    let quiet: String
    let expired: String
    let unreachable: String
    let unsupported: String
    let phonesTitle: String
    let thisPhone: String
    let removePhone: String
    let removed: String
    let since: String
    let activityTitle: String
    let outcomeConfirmed: String
    let outcomeRefused: String
    let outcomeExpired: String
    /// Fingerprint or face (WebAuthn), where the phone has it.
    let biometricsOffer: String
    let biometricsOn: String
    let confirmBiometric: String
    let biometricsFailed: String
    /// Text messages from 8836, short enough for one or two SMS.
    let smsLocked: String
    let smsNewPhone: @Sendable (String) -> String

    static func texts(for language: Language) -> MobileIDTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    /// What the script needs, by the key it looks them up with.
    var scriptWords: [(String, String)] {
        [("hello", hello), ("idle", idle), ("asks", asks), ("which-number", whichNumber), ("check-message", checkMessage),
         ("confirmed", confirmed), ("refused", refused), ("wrong-number", wrongNumber), ("wrong-code", wrongCode),
         ("locked", locked), ("quiet", quiet), ("expired", expired), ("unreachable", unreachable), ("unsupported", unsupported),
         ("this-phone", thisPhone), ("remove-phone", removePhone), ("removed", removed), ("since", since),
         ("outcome-confirmed", outcomeConfirmed), ("outcome-refused", outcomeRefused), ("outcome-expired", outcomeExpired),
         ("outcome-cancelled", outcomeExpired),
         ("biometrics-on", biometricsOn), ("biometrics-failed", biometricsFailed)]
    }
}
