import PersoCore

/// Words of the applications' session: the header, the warning dialog, the "could not be extended" message,
/// the note that says how long a session lasts, and the login failures. One value per language, checked
/// complete by the compiler.
public struct SessionTexts: Sendable {
    public let signedInAs: String
    public let logout: String
    let warningTitle: String
    /// "For security, {application} logs you out automatically after {20 minutes} of inactivity. Click OK…"
    let warningBody: @Sendable (_ application: String, _ idle: String) -> String
    let timeLeft: String
    /// Said to screen readers as the countdown goes on; the argument is the remaining time, spelt out.
    let announcement: @Sendable (_ remaining: String) -> String
    let ok: String
    let expiredTitle: String
    let expiredBody: String
    /// The guide's link: "log in to your application again".
    let loginAgain: @Sendable (_ application: String) -> String
    /// WCAG 2.2.6: how long a session lasts, said on every page.
    let timeoutNote: @Sendable (_ application: String, _ idle: String, _ absolute: String, _ warning: String) -> String
    let draftOffer: String
    let draftRestore: String
    let draftDiscard: String
    let loginFailedTitle: String
    let loginFailedBody: String
    let loginCancelledTitle: String
    let loginCancelledBody: String
    let gatewayUnavailableBody: String
    let tryAgain: String
    let seconds: @Sendable (Int) -> String
    let minutes: @Sendable (Int) -> String
    let hours: @Sendable (Int) -> String

    public static func texts(for language: Language) -> SessionTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    /// A length of time in the largest unit that states it exactly: "20 minutes", "12 hours", "90 seconds".
    func duration(_ seconds: Int) -> String {
        if seconds >= 3600, seconds % 3600 == 0 { return hours(seconds / 3600) }
        if seconds >= 60, seconds % 60 == 0 { return minutes(seconds / 60) }
        return self.seconds(seconds)
    }
}
