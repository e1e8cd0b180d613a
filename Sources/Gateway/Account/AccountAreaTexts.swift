import PersoCore

/// Words of the person's account area (my digital keys, my activity, my password) that all its pages share: the
/// area's navigation, readable activity lines and the advice when something was not them. One value per language.
struct AccountAreaTexts: Sendable {
    let areaLabel: String
    let signedInAs: String
    /// "Back to PersoSelfService" — the argument is the application's name.
    let backTo: @Sendable (String) -> String
    let backToPortal: String
    let sharedComputerAdvice: String
    /// Short names of the keys, for lines of the activity log (the chooser's are calls to action).
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

    static func texts(for language: Language) -> AccountAreaTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    static let english = AccountAreaTexts(
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

    static let french = AccountAreaTexts(
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

    static let dutch = AccountAreaTexts(
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

    static let german = AccountAreaTexts(
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
