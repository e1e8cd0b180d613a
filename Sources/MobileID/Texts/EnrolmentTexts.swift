import PersoCore

/// Words of the eight enrolment steps — the computer's pages, the phone's screens, the text message and the e-mail —
/// one value per language, checked complete by the compiler.
struct EnrolmentTexts: Sendable {
    // The computer's pages
    let title: String
    let lead: String
    let stepOf: @Sendable (Int) -> String
    let stepNames: [String]
    let next: String
    let getAppTitle: String
    let getAppBody: String
    let qrTitle: String
    let detailsTitle: String
    let countryLabel: String
    let countries: @Sendable (CountryCode) -> String
    let phoneLabel: String
    let phoneHint: String
    let emailLabel: String
    let emailHint: String
    let phoneInvalid: String
    let emailInvalid: String
    let contractTitle: String
    let contractFingerprint: @Sendable (String, String) -> String
    let signExplain: String
    let sign: String
    let notSigned: String
    let tokenTitle: String
    let tokenBody: String
    let tokenLabel: String
    let tokenValidUntil: @Sendable (String) -> String
    let tokenNext: String
    let tokenTaken: String
    let tokenExpired: String
    let sessionLost: String
    let startAgain: String
    // The phone's screens
    let phoneTitle: String
    let phoneStepNumber: String
    let phoneStepToken: String
    let tokenHint: String
    let phoneStepSMS: String
    let smsLabel: String
    let smsHint: String
    let resend: String
    let phoneStepCode: String
    let newCodeLabel: String
    let newCodeHint: String
    let repeatCodeLabel: String
    let continueButton: String
    let finishButton: String
    let done: String
    let wrongToken: String
    let tokenSpent: String
    let wrongSMS: String
    let smsExpired: String
    let tooManyTries: String
    let tooManyTexts: String
    let codesDiffer: String
    let weakCode: String
    let codeSent: String
    let startOnComputer: String
    // Messages
    let smsCode: @Sendable (String) -> String
    let mailSubject: String
    let mailBody: @Sendable (_ name: String, _ phone: String) -> String

    static func texts(for language: Language) -> EnrolmentTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    /// What the app's script shows, by the key it looks them up with (the page carries them in hidden elements).
    var scriptWords: [(String, String)] {
        [("sms-hint", smsHint), ("done", done), ("wrong-token", wrongToken), ("token-spent", tokenSpent), ("wrong-sms", wrongSMS),
         ("sms-expired", smsExpired), ("too-many-tries", tooManyTries), ("too-many-texts", tooManyTexts), ("codes-differ", codesDiffer),
         ("weak-code", weakCode), ("code-sent", codeSent), ("bad-phone", phoneInvalid)]
    }
}
