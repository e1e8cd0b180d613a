import PersoCore

/// Words of the gateway's pages (key chooser, login forms, activity, errors); one value per language,
/// checked complete by the compiler.
struct GatewayTexts: Sendable {
    // Key chooser, as on the guide's screenshot.
    let chooserTitle: String
    let chooserLead: String
    /// "Application X asks you to log in" — the argument is the application's name.
    let chooserForApplication: @Sendable (String) -> String
    let identityKeysGroup: String
    let codeKeysGroup: String
    /// Shown on a key the application does not accept because it is not strong enough.
    let keyTooWeak: String
    /// Shown on a key not yet offered by this installation.
    let keyNotYetAvailable: String
    let helpLink: String
    /// For people without any key yet: where the registration offices take appointments.
    let noKeyYet: String
    let cancel: String

    // Username and password.
    let passwordTitle: String
    let usernameLabel: String
    let passwordLabel: String
    let submit: String
    let wrongCredentials: String
    /// After repeated failures; the argument is the number of minutes to wait (at least 1).
    /// The argument is the wait in seconds: said in seconds under a minute (an address held to its rate waits 9 s),
    /// in whole minutes, rounded up, from a minute on.
    let tooManyAttempts: @Sendable (Int) -> String
    /// After 100 consecutive failures: only the registration office or a stronger key helps.
    let keyLocked: String
    let backToKeys: String

    // Errors a person can meet on the way.
    let unknownApplicationTitle: String
    let unknownApplicationBody: String
    let loginExpiredTitle: String
    let loginExpiredBody: String

    // My activity.
    let activityTitle: String
    let activityLead: String
    let activityWhen: String
    let activityWhat: String
    let activityKey: String
    let activityApplication: String
    let activityFrom: String
    let activityNone: String
    let eventNames: @Sendable (AuditKind) -> String
    let logout: String

    // Logout.
    let loggedOutTitle: String
    let loggedOutBody: String
    /// Asked when a logout request does not prove which application sent it (no valid `id_token_hint`).
    let logoutConfirmTitle: String
    /// The argument is the application's name, or nil when the request did not name one.
    let logoutConfirmBody: @Sendable (String?) -> String
    let logoutConfirmButton: String
    let logoutStay: String

    // Security-code keys.
    let next: String
    let codeKeyFirstStep: String
    let keyNotActivated: String
    let tokenCardDeactivated: String
    let noEmailAddress: String
    let codeStepExpired: String
    let codeLabel: String
    let codeWrong: String
    let codeExpired: String
    let codeAlreadyUsed: String
    let codeTriesExhausted: String
    let emailCodeSent: @Sendable (String) -> String
    let emailCodeResend: String
    let emailCodeResendTooSoon: @Sendable (Int) -> String
    let emailCodeTooManySends: String
    let emailCodeSentAgain: String
    let totpInstructions: String
    let tokenInstructionsBefore: String
    let tokenInstructionsAfter: String

    // My digital keys.
    let keysTitle: String
    let keysLead: String
    let keysNeedStrongerLogin: String
    let keysStrongerLoginLink: String
    let keyStatusActive: String
    let keyStatusPending: String
    let keyStatusDeactivated: String
    let keyStatusNone: String
    let keysActivate: String
    let keysReplace: String
    let keysRemove: String
    let keysActivatedOn: @Sendable (String) -> String
    let keysLastUsed: @Sendable (String) -> String
    let keysBack: String
    let keyActivatedNotice: String
    let keyRemovedNotice: String
    let keysFreshLoginDone: String
    let totpEnrolTitle: String
    let totpEnrolSteps: [String]
    let totpQRTitle: String
    let totpSecretLabel: String
    let totpEnrolConfirm: String
    let totpEnrolWrongCode: String
    let tokenCardTitle: String
    let tokenCardLead: String

    static func texts(for language: Language) -> GatewayTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }
}

extension GatewayTexts {
    static let english = GatewayTexts(
        chooserTitle: "Log in to the online administration",
        chooserLead: "Choose your digital key to identify yourself.",
        chooserForApplication: { "The application “\($0)” asks you to identify yourself." },
        identityKeysGroup: "Digital key(s) with eID or digital identity",
        codeKeysGroup: "Digital key(s) with security code and username + password",
        keyTooWeak: "This application requires a stronger digital key.",
        keyNotYetAvailable: "Not available yet on this installation.",
        helpLink: "Help with logging in",
        noKeyYet: "No digital key yet? Make an appointment at a registration office",
        cancel: "Cancel and go back to the application",
        passwordTitle: "Log in with username and password",
        usernameLabel: "Username",
        passwordLabel: "Password",
        submit: "Log in",
        wrongCredentials: "The username or password is incorrect.",
        tooManyAttempts: { seconds in
            let minutes = (seconds + 59) / 60
            return seconds < 60 ? "Too many failed attempts. Try again in \(seconds) seconds."
                : minutes == 1 ? "Too many failed attempts. Try again in 1 minute." : "Too many failed attempts. Try again in \(minutes) minutes."
        },
        keyLocked: "This key is locked after too many failed attempts. Contact your organisation's registration office, or log in with your eID card reader.",
        backToKeys: "Choose another digital key",
        unknownApplicationTitle: "This login request cannot be accepted",
        unknownApplicationBody: "The application that sent you here is not known to the gateway, or sent an address it did not register. For your safety you were not sent back to it. Go back to the application's home page and try again.",
        loginExpiredTitle: "Your login has expired",
        loginExpiredBody: "This login page is no longer valid. Go back to the application and start again.",
        activityTitle: "My activity",
        activityLead: "Every login to your account over the last 6 months, successful or not. If you do not recognise an entry, change your password and contact your registration office.",
        activityWhen: "When",
        activityWhat: "What",
        activityKey: "Digital key",
        activityApplication: "Application",
        activityFrom: "From",
        activityNone: "No activity in the last 6 months.",
        eventNames: { kind in
            switch kind {
            case .login: "Logged in"
            case .loginFailed: "Failed login"
            case .loginThrottled: "Attempt refused (too many failures)"
            case .sso: "Logged in (existing session)"
            case .stepUp: "Stronger key required"
            case .logout: "Logged out"
            case .tokenIssued: "Access granted to an application"
            case .refreshReuse: "Reused token refused (session ended)"
            case .codeReplay: "Replayed code refused"
            case .keyActivated: "Digital key activated"
            case .keyRemoved: "Digital key removed"
            case .passwordCreated, .passwordChanged: AccountTexts.english.eventName(kind) ?? kind.rawValue
            case .eidNoCertificate, .eidUnreadableCertificate, .eidExpired, .eidNotYetValid, .eidRevoked, .eidUnknownIssuer, .eidSelfSigned,
                 .eidWrongKeyUsage, .eidRevocationUnavailable, .eidUnknownPerson, .eidInvalidNumber, .eidHandoffInvalid:
                CardReaderTexts.english.eventName(kind.cardRefusal!)
            case .personRegistered, .personConsulted, .contactDataChanged, .activationIssued, .activationUsed, .activationRefused, .keysUnlocked, .roleGranted, .roleRevoked:
                OfficeActivityTexts.english.eventName(kind)
            }
        },
        logout: "Log out",
        loggedOutTitle: "You are logged out",
        loggedOutBody: "You have been logged out of the gateway and of every application you used in this session.",
        logoutConfirmTitle: "Do you want to log out?",
        logoutConfirmBody: { name in
            (name.map { "The application “\($0)” asks to log you out. " } ?? "A page asks to log you out. ")
                + "Logging out ends your session at the gateway and in every application you used with it."
        },
        logoutConfirmButton: "Log out of all applications",
        logoutStay: "Stay logged in",
        next: "Next",
        codeKeyFirstStep: "Step 1 of 2: your username and password. Step 2: your security code.",
        keyNotActivated: "This digital key is not activated for your account. Choose another key, or activate this one on “My digital keys”.",
        tokenCardDeactivated: "Your token card has been deactivated because it was not used for too long. Log in with another key and request a new card on “My digital keys”.",
        noEmailAddress: "No e-mail address is registered for your account. Choose another key or contact your registration office.",
        codeStepExpired: "This login step has expired. Enter your username and password again.",
        codeLabel: "Security code",
        codeWrong: "The security code is incorrect.",
        codeExpired: "This security code has expired. Ask for a new code.",
        codeAlreadyUsed: "This code has already been used. Wait for the next code in your app.",
        codeTriesExhausted: "Too many wrong codes: this code no longer works. Ask for a new code.",
        emailCodeSent: { "We sent a 6-digit security code to \($0). It is valid for 10 minutes." },
        emailCodeResend: "Send a new code",
        emailCodeResendTooSoon: { "You can ask for a new code in \($0) seconds." },
        emailCodeTooManySends: "Too many codes have been sent for this login. Start again later.",
        emailCodeSentAgain: "A new code has been sent. Only the newest code is valid.",
        totpInstructions: "Open the authenticator app on your phone and enter the 6-digit code it shows for PersoPoint.",
        tokenInstructionsBefore: "Enter code number ",
        tokenInstructionsAfter: " of your token card.",
        keysTitle: "My digital keys",
        keysLead: "The security-code keys you can use with your username and password. Replacing a key makes the old app or card stop working.",
        keysNeedStrongerLogin: "To activate or replace a key, log in with your eID card reader or itsme.",
        keysStrongerLoginLink: "Log in with a stronger key",
        keyStatusActive: "Active",
        keyStatusPending: "Being activated",
        keyStatusDeactivated: "Deactivated",
        keyStatusNone: "Not activated",
        keysActivate: "Activate",
        keysReplace: "Replace",
        keysRemove: "Remove",
        keysActivatedOn: { "Activated on \($0)" },
        keysLastUsed: { "Last used on \($0)" },
        keysBack: "Back to my digital keys",
        keyActivatedNotice: "Your key is activated.",
        keyRemovedNotice: "The key has been removed.",
        keysFreshLoginDone: "You have logged in again: you can now remove the key.",
        totpEnrolTitle: "Activate the security code via a mobile app",
        totpEnrolSteps: ["Install an authenticator app on your phone (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator).", "Scan this QR code with the app, or type the secret shown below.", "Enter the 6-digit code the app shows, to confirm."],
        totpQRTitle: "QR code to scan with your authenticator app",
        totpSecretLabel: "Secret to type if you cannot scan the code:",
        totpEnrolConfirm: "Activate",
        totpEnrolWrongCode: "This code does not match. Check that your phone's clock is right and enter the next code.",
        tokenCardTitle: "Your token card",
        tokenCardLead: "Print this card or copy the codes, and keep it in a safe place. The codes are shown only now; your previous card no longer works."
    )
}
