import PersoCore

/// Words of the person's account area — my digital keys, my activity, my password — in one catalogue: the area's
/// navigation, the password page, the key-removal question, readable activity lines. One value per language,
/// checked complete by the compiler.
struct AccountTexts: Sendable {
    // My password.
    let passwordTitle: String
    let passwordLead: String
    let rules: [String]
    let yourUsername: @Sendable (String) -> String
    let lastChanged: @Sendable (String) -> String
    let noPasswordYet: String
    let changeHeading: String
    let changeNeedsFreshLogin: String
    let changeLoginButton: String
    let currentPasswordLabel: String
    let newPasswordLabel: String
    let changeSubmit: String
    let createHeading: String
    let resetHeading: String
    let setNeedsStrongLogin: String
    let setLoginButton: String
    let usernameLabel: String
    let usernameHint: String
    let setSubmit: String
    /// The toggle's two labels; the script swaps them.
    let showPassword: String
    let hidePassword: String
    let createdNotice: String
    let changedNotice: String
    let loginTooOld: String
    let usernameInvalid: String
    let usernameTaken: String
    let wrongCurrentPassword: String
    let refusal: @Sendable (PasswordPolicy.Refusal) -> String
    let myKeysLink: String

    // "My digital keys".
    let myPasswordLink: String
    let removeKeyBody: String
    let removeKeyConfirm: String
    let removeKeyKeep: String

    /// The audit events of this page, for "my activity".
    let passwordCreatedEvent: String
    let passwordChangedEvent: String

    // The area's navigation, readable activity lines and the advice when something was not them.
    let areaLabel: String
    let signedInAs: String
    /// "Back to PersoSelfService" — the argument is the application's name.
    let backTo: @Sendable (String) -> String
    let backToPortal: String
    let sharedComputerAdvice: String
    /// "Chrome on Windows"; the arguments are the browser and the system.
    let browserOn: @Sendable (String, String) -> String
    let unknownBrowser: String
    let otherProgram: String
    let gatewayPages: String
    let removedApplication: String
    let newer: String
    let older: String
    /// "Page 2 of 5".
    let pageOf: @Sendable (Int, Int) -> String
    let notMe: String
    let notMeSteps: [String]
    let notMeChangePassword: String
    let notMeKeys: String
    let notMeHelpDesk: String

    static func texts(for language: Language) -> AccountTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    func eventName(_ kind: AuditKind) -> String? {
        switch kind {
        case .passwordCreated: passwordCreatedEvent
        case .passwordChanged: passwordChangedEvent
        default: nil
        }
    }
}

extension AccountTexts {
    static let english = AccountTexts(
        passwordTitle: "My password",
        passwordLead: "Your username and password are the first step of every security-code key (token card, app, e-mail), and log you in alone to applications that accept it.",
        rules: [
            "At least 12 characters and at most 128. Spaces are allowed: a sentence of a few words is easy to remember and hard to guess.",
            "No rule about digits, capitals or signs: length counts, not complexity.",
            "Not a dictionary word, and not your name, username, national register number or birth date.",
            "You may paste it from a password manager.",
        ],
        yourUsername: { "Your username: \($0)" },
        lastChanged: { "Password last changed on \($0)." },
        noPasswordYet: "You have no username and password yet.",
        changeHeading: "Change your password",
        changeNeedsFreshLogin: "To change your password, first log in again with a security code (token card, app or e-mail), your eID or itsme: the login must be less than 5 minutes old.",
        changeLoginButton: "Log in again to change my password",
        currentPasswordLabel: "Current password",
        newPasswordLabel: "New password",
        changeSubmit: "Change my password",
        createHeading: "Create your username and password",
        resetHeading: "Forgot your password? Choose a new username and password",
        setNeedsStrongLogin: "To create or reset your username and password, log in with your eID card reader or itsme: the login must be less than 5 minutes old.",
        setLoginButton: "Log in with eID or itsme",
        usernameLabel: "Username",
        usernameHint: "3 to 64 letters, digits, dots, hyphens or underscores.",
        setSubmit: "Save my username and password",
        showPassword: "Show password",
        hidePassword: "Hide password",
        createdNotice: "Your username and password are saved. We sent you an e-mail to confirm it.",
        changedNotice: "Your password has been changed. We sent you an e-mail to confirm it.",
        loginTooOld: "Your login is more than 5 minutes old. Log in again, then try once more.",
        usernameInvalid: "Choose a username of 3 to 64 characters: letters, digits, dots, hyphens or underscores.",
        usernameTaken: "This username is already taken. Choose another one.",
        wrongCurrentPassword: "Your current password is incorrect.",
        refusal: { reason in
            switch reason {
            case .tooShort: "This password is too short: use at least 12 characters."
            case .tooLong: "This password is too long: use at most 128 characters."
            case .unusableCharacters: "This password contains control characters that cannot be typed. Use letters, digits, spaces and signs."
            case .dictionaryWord: "This password is based on a dictionary word and is easy to guess. Use a few words together, or a longer sentence."
            case .personalData: "This password contains your name, username, national register number or birth date. Choose one that does not."
            case .sameAsOld: "The new password is the same as, or too close to, your current password."
            case .tooSimple: "This password is too simple (repeated characters, sequences or a pattern). Choose a less predictable one."
            case .checkUnavailable: "Your password cannot be checked at the moment. Try again later."
            }
        },
        myKeysLink: "My digital keys",
        myPasswordLink: "My password",
        removeKeyBody: "You will no longer be able to log in with it. To use it again, you will have to activate it again, from a login with your eID or itsme.",
        removeKeyConfirm: "Remove",
        removeKeyKeep: "Keep it",
        passwordCreatedEvent: "Username and password created",
        passwordChangedEvent: "Password changed",
        areaLabel: "My account",
        signedInAs: "Logged in as",
        backTo: { "Back to \($0)" },
        backToPortal: "Back to the portal",
        sharedComputerAdvice: "On a shared or public computer, close every window of your browser now, so that nobody can go back to your pages.",
        browserOn: { "\($0) on \($1)" },
        unknownBrowser: "An unknown browser",
        otherProgram: "A program, not a browser",
        gatewayPages: "My account (this site)",
        removedApplication: "An application no longer registered",
        newer: "Newer",
        older: "Older",
        pageOf: { "Page \($0) of \($1)" },
        notMe: "This wasn't me",
        notMeSteps: [
            "Someone may know your password or hold one of your keys. Act now:",
        ],
        notMeChangePassword: "Change your password",
        notMeKeys: "Remove the keys you no longer hold, and get new ones",
        notMeHelpDesk: "Call the help desk and say which line you do not recognise"
    )

    static let french = AccountTexts(
        passwordTitle: "Mon mot de passe",
        passwordLead: "Votre nom d’utilisateur et votre mot de passe sont la première étape de chaque clé à code de sécurité (token, application, e-mail), et vous connectent seuls aux applications qui l’acceptent.",
        rules: [
            "Au moins 12 caractères et au plus 128. Les espaces sont permis : une phrase de quelques mots est facile à retenir et difficile à deviner.",
            "Aucune règle de chiffres, de majuscules ou de signes : c’est la longueur qui compte, pas la complexité.",
            "Pas un mot du dictionnaire, ni votre nom, votre nom d’utilisateur, votre numéro de registre national ou votre date de naissance.",
            "Vous pouvez le coller depuis un gestionnaire de mots de passe.",
        ],
        yourUsername: { "Votre nom d’utilisateur : \($0)" },
        lastChanged: { "Mot de passe modifié pour la dernière fois le \($0)." },
        noPasswordYet: "Vous n’avez pas encore de nom d’utilisateur ni de mot de passe.",
        changeHeading: "Modifier votre mot de passe",
        changeNeedsFreshLogin: "Pour modifier votre mot de passe, identifiez-vous d’abord à nouveau avec un code de sécurité (token, application ou e-mail), votre eID ou itsme : l’identification doit dater de moins de 5 minutes.",
        changeLoginButton: "M’identifier à nouveau pour modifier mon mot de passe",
        currentPasswordLabel: "Mot de passe actuel",
        newPasswordLabel: "Nouveau mot de passe",
        changeSubmit: "Modifier mon mot de passe",
        createHeading: "Créer votre nom d’utilisateur et votre mot de passe",
        resetHeading: "Mot de passe oublié ? Choisissez un nouveau nom d’utilisateur et mot de passe",
        setNeedsStrongLogin: "Pour créer ou réinitialiser votre nom d’utilisateur et votre mot de passe, identifiez-vous avec votre lecteur de carte eID ou itsme : l’identification doit dater de moins de 5 minutes.",
        setLoginButton: "M’identifier avec eID ou itsme",
        usernameLabel: "Nom d’utilisateur",
        usernameHint: "3 à 64 lettres, chiffres, points, traits d’union ou soulignés.",
        setSubmit: "Enregistrer mon nom d’utilisateur et mon mot de passe",
        showPassword: "Afficher le mot de passe",
        hidePassword: "Masquer le mot de passe",
        createdNotice: "Votre nom d’utilisateur et votre mot de passe sont enregistrés. Un e-mail de confirmation vous a été envoyé.",
        changedNotice: "Votre mot de passe a été modifié. Un e-mail de confirmation vous a été envoyé.",
        loginTooOld: "Votre identification date de plus de 5 minutes. Identifiez-vous à nouveau, puis réessayez.",
        usernameInvalid: "Choisissez un nom d’utilisateur de 3 à 64 caractères : lettres, chiffres, points, traits d’union ou soulignés.",
        usernameTaken: "Ce nom d’utilisateur est déjà pris. Choisissez-en un autre.",
        wrongCurrentPassword: "Votre mot de passe actuel est incorrect.",
        refusal: { reason in
            switch reason {
            case .tooShort: "Ce mot de passe est trop court : utilisez au moins 12 caractères."
            case .tooLong: "Ce mot de passe est trop long : utilisez au plus 128 caractères."
            case .unusableCharacters: "Ce mot de passe contient des caractères de contrôle impossibles à taper. Utilisez des lettres, des chiffres, des espaces et des signes."
            case .dictionaryWord: "Ce mot de passe est basé sur un mot du dictionnaire et se devine facilement. Utilisez plusieurs mots ensemble, ou une phrase plus longue."
            case .personalData: "Ce mot de passe contient votre nom, votre nom d’utilisateur, votre numéro de registre national ou votre date de naissance. Choisissez-en un autre."
            case .sameAsOld: "Le nouveau mot de passe est identique ou trop proche de votre mot de passe actuel."
            case .tooSimple: "Ce mot de passe est trop simple (caractères répétés, suites ou motif). Choisissez-en un moins prévisible."
            case .checkUnavailable: "Votre mot de passe ne peut pas être vérifié pour le moment. Réessayez plus tard."
            }
        },
        myKeysLink: "Mes clés numériques",
        myPasswordLink: "Mon mot de passe",
        removeKeyBody: "Vous ne pourrez plus vous identifier avec elle. Pour l’utiliser à nouveau, vous devrez la réactiver, après une identification avec votre eID ou itsme.",
        removeKeyConfirm: "Supprimer",
        removeKeyKeep: "La garder",
        passwordCreatedEvent: "Nom d’utilisateur et mot de passe créés",
        passwordChangedEvent: "Mot de passe modifié",
        areaLabel: "Mon compte",
        signedInAs: "Connecté en tant que",
        backTo: { "Retour à \($0)" },
        backToPortal: "Retour au portail",
        sharedComputerAdvice: "Sur un ordinateur partagé ou public, fermez maintenant toutes les fenêtres de votre navigateur, afin que personne ne puisse revenir sur vos pages.",
        browserOn: { "\($0) sous \($1)" },
        unknownBrowser: "Un navigateur inconnu",
        otherProgram: "Un programme, pas un navigateur",
        gatewayPages: "Mon compte (ce site)",
        removedApplication: "Une application qui n’est plus enregistrée",
        newer: "Plus récent",
        older: "Plus ancien",
        pageOf: { "Page \($0) sur \($1)" },
        notMe: "Ce n’était pas moi",
        notMeSteps: [
            "Quelqu’un connaît peut-être votre mot de passe ou détient une de vos clés. Agissez maintenant :",
        ],
        notMeChangePassword: "Changez votre mot de passe",
        notMeKeys: "Supprimez les clés que vous n’avez plus et demandez-en de nouvelles",
        notMeHelpDesk: "Appelez le helpdesk et indiquez la ligne que vous ne reconnaissez pas"
    )

    static let dutch = AccountTexts(
        passwordTitle: "Mijn wachtwoord",
        passwordLead: "Uw gebruikersnaam en wachtwoord zijn de eerste stap van elke sleutel met beveiligingscode (token, app, e-mail), en melden u alleen aan bij toepassingen die dat aanvaarden.",
        rules: [
            "Minstens 12 en hoogstens 128 tekens. Spaties mogen: een zin van enkele woorden is makkelijk te onthouden en moeilijk te raden.",
            "Geen regels over cijfers, hoofdletters of tekens: de lengte telt, niet de complexiteit.",
            "Geen woord uit het woordenboek, en niet uw naam, gebruikersnaam, rijksregisternummer of geboortedatum.",
            "U mag het plakken vanuit een wachtwoordbeheerder.",
        ],
        yourUsername: { "Uw gebruikersnaam: \($0)" },
        lastChanged: { "Wachtwoord laatst gewijzigd op \($0)." },
        noPasswordYet: "U hebt nog geen gebruikersnaam en wachtwoord.",
        changeHeading: "Uw wachtwoord wijzigen",
        changeNeedsFreshLogin: "Om uw wachtwoord te wijzigen, meldt u zich eerst opnieuw aan met een beveiligingscode (token, app of e-mail), uw eID of itsme: de aanmelding moet minder dan 5 minuten oud zijn.",
        changeLoginButton: "Opnieuw aanmelden om mijn wachtwoord te wijzigen",
        currentPasswordLabel: "Huidig wachtwoord",
        newPasswordLabel: "Nieuw wachtwoord",
        changeSubmit: "Mijn wachtwoord wijzigen",
        createHeading: "Uw gebruikersnaam en wachtwoord aanmaken",
        resetHeading: "Wachtwoord vergeten? Kies een nieuwe gebruikersnaam en een nieuw wachtwoord",
        setNeedsStrongLogin: "Om uw gebruikersnaam en wachtwoord aan te maken of opnieuw in te stellen, meldt u zich aan met uw eID-kaartlezer of itsme: de aanmelding moet minder dan 5 minuten oud zijn.",
        setLoginButton: "Aanmelden met eID of itsme",
        usernameLabel: "Gebruikersnaam",
        usernameHint: "3 tot 64 letters, cijfers, punten, koppeltekens of onderstrepingstekens.",
        setSubmit: "Mijn gebruikersnaam en wachtwoord opslaan",
        showPassword: "Wachtwoord tonen",
        hidePassword: "Wachtwoord verbergen",
        createdNotice: "Uw gebruikersnaam en wachtwoord zijn opgeslagen. U hebt een bevestigingsmail gekregen.",
        changedNotice: "Uw wachtwoord is gewijzigd. U hebt een bevestigingsmail gekregen.",
        loginTooOld: "Uw aanmelding is meer dan 5 minuten oud. Meld u opnieuw aan en probeer het dan nog eens.",
        usernameInvalid: "Kies een gebruikersnaam van 3 tot 64 tekens: letters, cijfers, punten, koppeltekens of onderstrepingstekens.",
        usernameTaken: "Deze gebruikersnaam is al in gebruik. Kies een andere.",
        wrongCurrentPassword: "Uw huidige wachtwoord is onjuist.",
        refusal: { reason in
            switch reason {
            case .tooShort: "Dit wachtwoord is te kort: gebruik minstens 12 tekens."
            case .tooLong: "Dit wachtwoord is te lang: gebruik hoogstens 128 tekens."
            case .unusableCharacters: "Dit wachtwoord bevat stuurtekens die niet te typen zijn. Gebruik letters, cijfers, spaties en tekens."
            case .dictionaryWord: "Dit wachtwoord is gebaseerd op een woord uit het woordenboek en is makkelijk te raden. Gebruik enkele woorden samen, of een langere zin."
            case .personalData: "Dit wachtwoord bevat uw naam, gebruikersnaam, rijksregisternummer of geboortedatum. Kies een ander."
            case .sameAsOld: "Het nieuwe wachtwoord is gelijk aan of lijkt te veel op uw huidige wachtwoord."
            case .tooSimple: "Dit wachtwoord is te eenvoudig (herhaalde tekens, reeksen of een patroon). Kies een minder voorspelbaar wachtwoord."
            case .checkUnavailable: "Uw wachtwoord kan momenteel niet worden gecontroleerd. Probeer het later opnieuw."
            }
        },
        myKeysLink: "Mijn digitale sleutels",
        myPasswordLink: "Mijn wachtwoord",
        removeKeyBody: "U kunt er zich dan niet meer mee aanmelden. Om hem opnieuw te gebruiken, moet u hem opnieuw activeren, na een aanmelding met uw eID of itsme.",
        removeKeyConfirm: "Verwijderen",
        removeKeyKeep: "Behouden",
        passwordCreatedEvent: "Gebruikersnaam en wachtwoord aangemaakt",
        passwordChangedEvent: "Wachtwoord gewijzigd",
        areaLabel: "Mijn account",
        signedInAs: "Aangemeld als",
        backTo: { "Terug naar \($0)" },
        backToPortal: "Terug naar het portaal",
        sharedComputerAdvice: "Op een gedeelde of openbare computer sluit u nu alle vensters van uw browser, zodat niemand naar uw pagina’s kan terugkeren.",
        browserOn: { "\($0) op \($1)" },
        unknownBrowser: "Een onbekende browser",
        otherProgram: "Een programma, geen browser",
        gatewayPages: "Mijn account (deze site)",
        removedApplication: "Een toepassing die niet meer geregistreerd is",
        newer: "Recenter",
        older: "Ouder",
        pageOf: { "Pagina \($0) van \($1)" },
        notMe: "Dit was ik niet",
        notMeSteps: [
            "Misschien kent iemand uw wachtwoord of heeft iemand een van uw sleutels. Doe nu het volgende:",
        ],
        notMeChangePassword: "Wijzig uw wachtwoord",
        notMeKeys: "Verwijder de sleutels die u niet meer hebt en vraag nieuwe aan",
        notMeHelpDesk: "Bel de helpdesk en zeg welke regel u niet herkent"
    )

    static let german = AccountTexts(
        passwordTitle: "Mein Passwort",
        passwordLead: "Ihr Benutzername und Ihr Passwort sind der erste Schritt jedes Schlüssels mit Sicherheitscode (Token, App, E-Mail) und melden Sie allein bei Anwendungen an, die das zulassen.",
        rules: [
            "Mindestens 12 und höchstens 128 Zeichen. Leerzeichen sind erlaubt: Ein Satz aus einigen Wörtern ist leicht zu merken und schwer zu erraten.",
            "Keine Regeln zu Ziffern, Großbuchstaben oder Sonderzeichen: Es zählt die Länge, nicht die Komplexität.",
            "Kein Wort aus dem Wörterbuch und weder Ihr Name, Ihr Benutzername, Ihre Nationalregisternummer noch Ihr Geburtsdatum.",
            "Sie dürfen es aus einem Passwortmanager einfügen.",
        ],
        yourUsername: { "Ihr Benutzername: \($0)" },
        lastChanged: { "Passwort zuletzt geändert am \($0)." },
        noPasswordYet: "Sie haben noch keinen Benutzernamen und kein Passwort.",
        changeHeading: "Ihr Passwort ändern",
        changeNeedsFreshLogin: "Um Ihr Passwort zu ändern, melden Sie sich zuerst erneut mit einem Sicherheitscode (Token, App oder E-Mail), Ihrer eID oder itsme an: Die Anmeldung darf höchstens 5 Minuten zurückliegen.",
        changeLoginButton: "Erneut anmelden, um mein Passwort zu ändern",
        currentPasswordLabel: "Aktuelles Passwort",
        newPasswordLabel: "Neues Passwort",
        changeSubmit: "Mein Passwort ändern",
        createHeading: "Ihren Benutzernamen und Ihr Passwort erstellen",
        resetHeading: "Passwort vergessen? Wählen Sie einen neuen Benutzernamen und ein neues Passwort",
        setNeedsStrongLogin: "Um Ihren Benutzernamen und Ihr Passwort zu erstellen oder neu festzulegen, melden Sie sich mit Ihrem eID-Kartenleser oder itsme an: Die Anmeldung darf höchstens 5 Minuten zurückliegen.",
        setLoginButton: "Mit eID oder itsme anmelden",
        usernameLabel: "Benutzername",
        usernameHint: "3 bis 64 Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.",
        setSubmit: "Benutzernamen und Passwort speichern",
        showPassword: "Passwort anzeigen",
        hidePassword: "Passwort verbergen",
        createdNotice: "Ihr Benutzername und Ihr Passwort sind gespeichert. Sie haben eine Bestätigung per E-Mail erhalten.",
        changedNotice: "Ihr Passwort wurde geändert. Sie haben eine Bestätigung per E-Mail erhalten.",
        loginTooOld: "Ihre Anmeldung liegt mehr als 5 Minuten zurück. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.",
        usernameInvalid: "Wählen Sie einen Benutzernamen aus 3 bis 64 Zeichen: Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.",
        usernameTaken: "Dieser Benutzername ist bereits vergeben. Wählen Sie einen anderen.",
        wrongCurrentPassword: "Ihr aktuelles Passwort ist falsch.",
        refusal: { reason in
            switch reason {
            case .tooShort: "Dieses Passwort ist zu kurz: Verwenden Sie mindestens 12 Zeichen."
            case .tooLong: "Dieses Passwort ist zu lang: Verwenden Sie höchstens 128 Zeichen."
            case .unusableCharacters: "Dieses Passwort enthält Steuerzeichen, die sich nicht eintippen lassen. Verwenden Sie Buchstaben, Ziffern, Leerzeichen und Sonderzeichen."
            case .dictionaryWord: "Dieses Passwort beruht auf einem Wörterbuchwort und ist leicht zu erraten. Verwenden Sie mehrere Wörter zusammen oder einen längeren Satz."
            case .personalData: "Dieses Passwort enthält Ihren Namen, Benutzernamen, Ihre Nationalregisternummer oder Ihr Geburtsdatum. Wählen Sie ein anderes."
            case .sameAsOld: "Das neue Passwort ist gleich oder zu ähnlich wie Ihr aktuelles Passwort."
            case .tooSimple: "Dieses Passwort ist zu einfach (wiederholte Zeichen, Folgen oder ein Muster). Wählen Sie ein weniger vorhersehbares."
            case .checkUnavailable: "Ihr Passwort kann im Moment nicht geprüft werden. Versuchen Sie es später erneut."
            }
        },
        myKeysLink: "Meine digitalen Schlüssel",
        myPasswordLink: "Mein Passwort",
        removeKeyBody: "Sie können sich dann nicht mehr damit anmelden. Um ihn wieder zu verwenden, müssen Sie ihn nach einer Anmeldung mit Ihrer eID oder itsme erneut aktivieren.",
        removeKeyConfirm: "Entfernen",
        removeKeyKeep: "Behalten",
        passwordCreatedEvent: "Benutzername und Passwort erstellt",
        passwordChangedEvent: "Passwort geändert",
        areaLabel: "Mein Konto",
        signedInAs: "Angemeldet als",
        backTo: { "Zurück zu \($0)" },
        backToPortal: "Zurück zum Portal",
        sharedComputerAdvice: "An einem gemeinsam genutzten oder öffentlichen Computer schließen Sie jetzt alle Fenster Ihres Browsers, damit niemand zu Ihren Seiten zurückkehren kann.",
        browserOn: { "\($0) unter \($1)" },
        unknownBrowser: "Ein unbekannter Browser",
        otherProgram: "Ein Programm, kein Browser",
        gatewayPages: "Mein Konto (diese Website)",
        removedApplication: "Eine nicht mehr registrierte Anwendung",
        newer: "Neuere",
        older: "Ältere",
        pageOf: { "Seite \($0) von \($1)" },
        notMe: "Das war ich nicht",
        notMeSteps: [
            "Vielleicht kennt jemand Ihr Passwort oder besitzt einen Ihrer Schlüssel. Handeln Sie jetzt:",
        ],
        notMeChangePassword: "Ändern Sie Ihr Passwort",
        notMeKeys: "Entfernen Sie die Schlüssel, die Sie nicht mehr haben, und beantragen Sie neue",
        notMeHelpDesk: "Rufen Sie den Helpdesk an und nennen Sie die Zeile, die Sie nicht erkennen"
    )
}
