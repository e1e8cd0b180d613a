import PersoCore

/// Words of PersoSelfService's pages; one value per language, checked complete by the compiler.
struct SelfServiceTexts: Sendable {
    let name: String
    let navigationLabel: String
    let homeTitle: String
    let welcome: @Sendable (String) -> String
    let organisation: String
    let role: String
    let noOrganisation: String
    let personalDataLink: String
    let personalDataLead: String
    let absencesLink: String
    let absencesLead: String
    let teamLink: String
    /// Shown to managers on the home page: how many requests wait for them.
    let managerWaiting: @Sendable (Int) -> String
    let fileLink: String
    let fileLead: String
    let payslipsLink: String
    let payslipsLead: String
    let hrLink: String
    let hrLead: String
    /// The card linking to the gateway's account area.
    let accountTitle: String
    let accountLead: String
    let myKeysLink: String
    let myActivityLink: String
    let myPasswordLink: String
    let roleNames: @Sendable (String) -> String?

    let personalTitle: String
    let personalLead: String
    let addressLegend: String
    let street: String
    let postalCode: String
    let municipality: String
    let country: String
    let contactLegend: String
    let phone: String
    let phoneHint: String
    let privateEmail: String
    let privateEmailHint: String
    let bankLegend: String
    let iban: String
    let ibanHint: String
    let save: String
    let saved: String
    /// Back from the fresh login a new bank account needs: what was typed is in the form, to check and save.
    let resumedAfterStepUp: String
    /// Said above the form: why the bank account asks for a fresh, strong login.
    let paymentProtection: String
    let nothingChanged: String
    let fixErrors: String
    let pendingEmail: @Sendable (String) -> String
    let developmentLink: String
    let emailConfirmed: @Sendable (String) -> String
    let confirmationInvalid: String
    let historyTitle: String
    let historyNone: String
    let historyWhen: String
    let historyWhat: String
    let historyBefore: String
    let historyAfter: String
    let fieldNames: @Sendable (PersonalField) -> String

    let errorRequiredForAddress: String
    let errorPostalCode: String
    let errorTooLong: String
    let errorPhone: String
    let errorEmail: String
    let errorIBAN: String
    let errorCountry: String

    static func texts(for language: Language) -> SelfServiceTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    func message(_ problem: PersonalDataProblem) -> String {
        switch problem {
        case .requiredForAddress: errorRequiredForAddress
        case .postalCode: errorPostalCode
        case .tooLong: errorTooLong
        case .phone: errorPhone
        case .email: errorEmail
        case .iban: errorIBAN
        case .country: errorCountry
        }
    }

    /// The organisations the demo and the guide know by code; another code is shown as it is.
    func organisationName(_ code: String, language: Language) -> String {
        let names: [String: [Language: String]] = [
            "bosa": [.fr: "SPF Stratégie et Appui (BOSA)", .nl: "FOD Beleid en Ondersteuning (BOSA)",
                     .de: "FÖD Strategie und Unterstützung (BOSA)", .en: "FPS Policy and Support (BOSA)"],
            "finance": [.fr: "SPF Finances", .nl: "FOD Financiën", .de: "FÖD Finanzen", .en: "FPS Finance"],
        ]
        return names[code]?[language] ?? code.uppercased()
    }
}
