import Foundation
import PersoCore

/// One part of a notice: a heading, its paragraphs, then a list when the part enumerates things.
struct NoticeSection: Sendable {
    let heading: String
    let paragraphs: [String]
    let items: [String]
    /// Ends the section with a link to the help desk's contact page (feedback, rights, questions).
    let linksToHelpDesk: Bool

    init(heading: String, paragraphs: [String] = [], items: [String] = [], linksToHelpDesk: Bool = false) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.items = items
        self.linksToHelpDesk = linksToHelpDesk
    }
}

/// Words of the pages the footer links to: the accessibility statement, the privacy notice, the cookie notice and
/// the help desk's contact page. One value per language, checked complete by the compiler.
struct FederalNoticeTexts: Sendable {
    // The accessibility statement.
    let accessibilityTitle: String
    let accessibilityLead: String
    let accessibilitySections: [NoticeSection]

    // The privacy notice. The arguments are how long a session lasts without activity and at most, in words.
    let privacyTitle: String
    let privacyLead: String
    let privacySections: @Sendable (_ idle: String, _ max: String) -> [NoticeSection]

    // The cookie notice: a lead, the table of cookies, then what else is kept in the browser and how to refuse.
    let cookiesTitle: String
    let cookiesLead: String
    let cookieTableCaption: String
    let cookieNameHeader: String
    let cookiePurposeHeader: String
    let cookieLifetimeHeader: String
    let sessionCookiePurpose: String
    let sessionCookieLifetime: @Sendable (_ idle: String, _ max: String) -> String
    let preLoginCookiePurpose: String
    let preLoginCookieLifetime: @Sendable (_ idle: String) -> String
    let languageCookiePurpose: String
    let languageCookieLifetime: String
    let deviceCookiePurpose: String
    let deviceCookieLifetime: String
    let employerCookiePurpose: String
    let employerCookieLifetime: String
    let cookiesSections: [NoticeSection]

    // The help desk's contact page.
    let helpDeskTitle: String
    let helpDeskLead: String
    let helpDeskPhoneLabel: String
    let helpDeskEmailLabel: String
    let helpDeskHoursLabel: String
    /// Shown instead of the details while the operator has not published any: never a made-up number.
    let helpDeskNotPublished: String
    let helpDeskAdvice: [String]
    /// The link from the other notices to the contact page.
    let helpDeskLink: String

    // Durations in words of this language.
    let minutes: @Sendable (Int) -> String
    let hours: @Sendable (Int) -> String

    /// A limit in seconds as people say it: whole hours when it is some, else minutes (rounded up).
    func duration(_ seconds: TimeInterval) -> String {
        let minutes = max(1, Int((seconds / 60).rounded(.up)))
        return minutes >= 60 && minutes % 60 == 0 ? hours(minutes / 60) : self.minutes(minutes)
    }

    static func texts(for language: Language) -> FederalNoticeTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }
}
