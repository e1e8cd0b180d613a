import PersoCore

/// "My activity"'s words for what a registration office did on the person's account, and who did it.
struct OfficeActivityTexts: Sendable {
    let registered: String
    let consulted: String
    let contactChanged: String
    let activationIssued: String
    let activationUsed: String
    let activationRefused: String
    let unlocked: String
    let roleGranted: String
    let roleRevoked: String
    /// "By the registration office BOSA – Brussels"; the argument is the office's name.
    let byOffice: @Sendable (String) -> String
    let byCommandLine: String

    static func texts(for language: Language) -> OfficeActivityTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    /// The name of an office event; other events are named by their own texts.
    func eventName(_ kind: AuditKind) -> String {
        switch kind {
        case .personRegistered: registered
        case .personConsulted: consulted
        case .contactDataChanged: contactChanged
        case .activationIssued: activationIssued
        case .activationUsed: activationUsed
        case .activationRefused: activationRefused
        case .keysUnlocked: unlocked
        case .roleGranted: roleGranted
        case .roleRevoked: roleRevoked
        default: kind.rawValue
        }
    }

    func by(_ performer: PerformedBy) -> String {
        switch performer {
        case .office(_, let name, _): byOffice(name)
        case .commandLine: byCommandLine
        }
    }

    static let english = OfficeActivityTexts(
        registered: "Registered", consulted: "Account consulted", contactChanged: "Contact data changed",
        activationIssued: "Activation code issued", activationUsed: "Keys activated with the activation code",
        activationRefused: "Wrong activation code", unlocked: "Keys unlocked", roleGranted: "Role granted", roleRevoked: "Role withdrawn",
        byOffice: { "by the registration office \($0)" }, byCommandLine: "by an administrator of PersoPoint"
    )
    static let french = OfficeActivityTexts(
        registered: "Enregistrement", consulted: "Compte consulté", contactChanged: "Coordonnées modifiées",
        activationIssued: "Code d’activation délivré", activationUsed: "Clés activées avec le code d’activation",
        activationRefused: "Code d’activation erroné", unlocked: "Clés débloquées", roleGranted: "Rôle attribué", roleRevoked: "Rôle retiré",
        byOffice: { "par le bureau d’enregistrement \($0)" }, byCommandLine: "par un administrateur de PersoPoint"
    )
    static let dutch = OfficeActivityTexts(
        registered: "Registratie", consulted: "Account geraadpleegd", contactChanged: "Contactgegevens gewijzigd",
        activationIssued: "Activeringscode uitgereikt", activationUsed: "Sleutels geactiveerd met de activeringscode",
        activationRefused: "Verkeerde activeringscode", unlocked: "Sleutels gedeblokkeerd", roleGranted: "Rol toegekend", roleRevoked: "Rol ingetrokken",
        byOffice: { "door het registratiekantoor \($0)" }, byCommandLine: "door een beheerder van PersoPoint"
    )
    static let german = OfficeActivityTexts(
        registered: "Registrierung", consulted: "Konto eingesehen", contactChanged: "Kontaktdaten geändert",
        activationIssued: "Aktivierungscode ausgestellt", activationUsed: "Schlüssel mit dem Aktivierungscode aktiviert",
        activationRefused: "Falscher Aktivierungscode", unlocked: "Schlüssel entsperrt", roleGranted: "Rolle zugewiesen", roleRevoked: "Rolle entzogen",
        byOffice: { "durch das Registrierungsbüro \($0)" }, byCommandLine: "durch einen Administrator von PersoPoint"
    )
}
