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
        email = String((fields["email"] ?? "").trimmingCharacters(in: .whitespaces).prefix(254))
        consent = fields["consent"] == "yes"
        format = fields["format"].flatMap(NoticeFormat.init(rawValue:)) ?? .html
        frequency = fields["frequency"].flatMap(NoticeFrequency.init(rawValue:)) ?? .each
        if needsConsent, !consent { problems.append(.consent) }
        if !Self.isAddress(email) { problems.append(.email) }
    }

    var preferences: Mailboxes.Preferences {
        Mailboxes.Preferences(email: email.lowercased(), language: language, format: format, frequency: frequency)
    }

    /// One address, no name, no spaces, a dot in the domain: what can receive a notice.
    static func isAddress(_ text: String) -> Bool {
        guard (3...254).contains(text.count), !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" }),
              let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        return !local.isEmpty && local.count <= 64 && domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
            && !domain.contains("@") && MailAddress(parsing: text) != nil
    }
}
