import PersoCore

/// Words of the eBox's pages and notices; one value per language, checked complete by the compiler.
struct EBoxTexts: Sendable {
    let name: String
    // Activation
    let activateTitle: String
    let activateLead: String
    /// What activating means, in plain words, one promise per line.
    let consentPoints: [String]
    let consentLabel: String
    let emailLabel: String
    let emailHint: String
    let noticeLanguageLabel: String
    let formatLegend: String
    let formatHTML: String
    let formatText: String
    let frequencyLegend: String
    let frequencyEach: String
    let frequencyDaily: String
    let sendCode: String
    let errorConsent: String
    let errorEmail: String
    let fixErrors: String
    let noNationalNumber: String
    // Verification
    let verifyTitle: String
    let verifyLead: @Sendable (String) -> String
    let codeLabel: String
    let codeHint: String
    let confirm: String
    let wrongCode: @Sendable (Int) -> String
    let codeExpired: String
    let sendNewCode: String
    let codeResent: String
    let tooSoon: String
    let noPendingCode: String
    // Mailbox
    let mailboxTitle: String
    let activated: String
    let addressChanged: @Sendable (String) -> String
    let filtersLegend: String
    let senderLabel: String
    let allSenders: String
    let typeLabel: String
    let allTypes: String
    let searchLabel: String
    let applyFilters: String
    let noDocuments: String
    let archivedTitle: String
    let archivedView: String
    let inboxView: String
    let subjectLabel: String
    let receivedLabel: String
    let deletedOnLabel: String
    let unread: String
    let registered: String
    let expiryWarning: @Sendable (String) -> String
    let downloadAll: String
    let settingsLink: String
    let previousPage: String
    let nextPage: String
    let pageOf: @Sendable (Int, Int) -> String
    let documentCount: @Sendable (Int) -> String
    /// Past `Documents.countedUpTo`, the count says "or more".
    let documentCountAtLeast: @Sendable (Int) -> String
    /// The page's number when the last page is not counted.
    let page: @Sendable (Int) -> String
    // Document
    let readLabel: String
    let registeredNotice: @Sendable (String) -> String
    let filesTitle: String
    let mainDocument: String
    let attachment: String
    let digestLabel: String
    let download: String
    let archive: String
    let unarchive: String
    let archivedNotice: String
    let unarchivedNotice: String
    let backToMailbox: String
    let notFound: String
    // Settings
    let settingsTitle: String
    let currentAddress: @Sendable (String) -> String
    let changeAddressLegend: String
    let newAddressLabel: String
    let changeAddress: String
    let preferencesLegend: String
    let save: String
    let saved: String
    let noticesTitle: String
    let noticesNone: String
    let noticeWhen: String
    let noticeWhat: String
    let noticeTo: String
    let noticeStatus: String
    let noticeKinds: @Sendable (SentNotice.Kind) -> String
    let deliveryPending: String
    let deliverySent: String
    let deliveryFailed: String
    // Mails
    let codeMailSubject: @Sendable (String) -> String
    let codeMailBody: @Sendable (String) -> String
    let newDocumentSubject: String
    let newDocumentBody: @Sendable (_ sender: String, _ type: String, _ deletedOn: String) -> String
    let digestSubject: @Sendable (Int) -> String
    let digestBody: @Sendable (Int) -> String
    let reminderSubject: String
    let reminderBody: @Sendable (_ sender: String, _ type: String, _ deliveredOn: String) -> String
    let warningSubject: String
    let warningBody: @Sendable (_ sender: String, _ type: String, _ deletedOn: String) -> String
    let openEBox: String
    let mailFooter: String
    /// Message types the product knows by code; another code is shown as it is.
    let typeNames: [String: String]

    static func texts(for language: Language) -> EBoxTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    func typeName(_ code: String) -> String {
        typeNames[code] ?? code.replacingOccurrences(of: "_", with: " ")
    }
}
