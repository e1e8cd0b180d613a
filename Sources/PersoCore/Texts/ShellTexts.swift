/// Words of the web shell every page shares: header, footer, error pages, maintenance.
/// One value per language, built with the memberwise initialiser, so a missing text does not compile.
public struct ShellTexts: Sendable {
    public let siteName: String
    public let skipToContent: String
    public let languageSelectorLabel: String
    public let footerAvailability: String
    public let footerHelp: String
    public let footerHome: String
    /// Names the footer's navigation for screen readers.
    public let footerNavigationLabel: String
    public let footerAccessibility: String
    public let footerPrivacy: String
    public let footerCookies: String
    /// The help desk's contact page.
    public let footerContact: String
    /// What the federal bar says beside its link to belgium.be, as the federal portal words it.
    public let federalBarTagline: String
    public let backToPortal: String

    public let badRequestTitle: String
    public let badRequestBody: String
    public let forbiddenTitle: String
    public let forbiddenBody: String
    public let csrfBody: String
    public let notFoundTitle: String
    public let notFoundBody: String
    public let methodNotAllowedTitle: String
    public let methodNotAllowedBody: String
    public let tooLargeTitle: String
    public let tooLargeBody: String
    public let serverErrorTitle: String
    public let serverErrorBody: String
    public let requestIDLabel: String
    public let unavailableTitle: String

    public let maintenanceTitle: String
    /// Shown during the window; the arguments are the end of the window as local date and time.
    public let maintenanceBody: @Sendable (_ until: String) -> String
    /// Shown ahead of a window; the arguments are its start and end as local date and time.
    public let maintenanceAnnounced: @Sendable (_ from: String, _ until: String) -> String

    public static func texts(for language: Language) -> ShellTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }
}
