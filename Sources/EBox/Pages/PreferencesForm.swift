import Foundation
import PersoCore

/// What the activation form (and a change of address) typed: consent, address, language, format, frequency.
struct PreferencesForm: Sendable {
    enum Problem { case consent, email }

    var consent = false
    var email = ""
    var language: Language
    var format: NoticeFormat = .html
    var frequency: NoticeFrequency = .each
    var problems: [Problem] = []

    init(language: Language, email: String = "") {
        self.language = language
        self.email = email
    }

    init(fields: FormFields, language fallback: Language, needsConsent: Bool) {
        language = fields["language"].flatMap(Language.init(rawValue:)) ?? fallback
        // Kept a little longer than an address may be, so that one too long is refused rather than cut to fit.
        email = String((fields["email"] ?? "").trimmingCharacters(in: .whitespaces).prefix(320))
        consent = fields["consent"] == "yes"
        format = fields["format"].flatMap(NoticeFormat.init(rawValue:)) ?? .html
        frequency = fields["frequency"].flatMap(NoticeFrequency.init(rawValue:)) ?? .each
        if needsConsent, !consent { problems.append(.consent) }
        if !MailAddress.isPlausible(email) { problems.append(.email) }
    }

    var preferences: Mailboxes.Preferences {
        Mailboxes.Preferences(email: email.lowercased(), language: language, format: format, frequency: frequency)
    }
}
