import PersoCore

// French, Dutch and German texts of the gateway, in the wording of the federal CSAM portal where it has one.
extension GatewayTexts {
    static let french = GatewayTexts(
        chooserTitle: "S’identifier à l’administration en ligne",
        chooserLead: "Choisissez votre clé numérique pour vous identifier.",
        chooserForApplication: { "L’application « \($0) » vous demande de vous identifier." },
        identityKeysGroup: "Clé(s) numérique(s) avec l’eID ou identité numérique",
        codeKeysGroup: "Clé(s) numérique(s) avec code de sécurité et nom d’utilisateur + mot de passe",
        keyEID: "IDENTIFICATION avec un lecteur de cartes eID",
        keyItsme: "IDENTIFICATION via itsme",
        keyEmail: "IDENTIFICATION avec un code de sécurité envoyé par e-mail",
        keyTOTP: "IDENTIFICATION avec un code de sécurité via une application mobile",
        keyToken: "IDENTIFICATION avec code de sécurité via token",
        keyPassword: "IDENTIFICATION avec nom d’utilisateur et mot de passe",
        keyTooWeak: "Cette application exige une clé numérique plus forte.",
        keyNotYetAvailable: "Pas encore disponible sur cette installation.",
        helpLink: "Aide pour vous identifier",
        cancel: "Annuler et retourner à l’application",
        passwordTitle: "S’identifier avec nom d’utilisateur et mot de passe",
        usernameLabel: "Nom d’utilisateur",
        passwordLabel: "Mot de passe",
        submit: "S’identifier",
        wrongCredentials: "Le nom d’utilisateur ou le mot de passe est incorrect.",
        tooManyAttempts: { $0 == 1 ? "Trop de tentatives échouées. Réessayez dans 1 minute." : "Trop de tentatives échouées. Réessayez dans \($0) minutes." },
        keyLocked: "Cette clé est bloquée après trop de tentatives échouées. Contactez le bureau d’enregistrement de votre organisation, ou connectez-vous avec votre lecteur de carte eID.",
        backToKeys: "Choisir une autre clé numérique",
        unknownApplicationTitle: "Cette demande d’identification ne peut pas être acceptée",
        unknownApplicationBody: "L’application qui vous a envoyé ici n’est pas connue de la passerelle, ou a envoyé une adresse qu’elle n’a pas enregistrée. Pour votre sécurité, vous n’y avez pas été renvoyé. Retournez à la page d’accueil de l’application et réessayez.",
        loginExpiredTitle: "Votre identification a expiré",
        loginExpiredBody: "Cette page d’identification n’est plus valable. Retournez à l’application et recommencez.",
        activityTitle: "Mon activité",
        activityLead: "Toutes les identifications à votre compte au cours des 6 derniers mois, réussies ou non. Si vous ne reconnaissez pas une ligne, modifiez votre mot de passe et contactez votre bureau d’enregistrement.",
        activityWhen: "Quand",
        activityWhat: "Quoi",
        activityKey: "Clé numérique",
        activityApplication: "Application",
        activityFrom: "Provenance",
        activityNone: "Aucune activité au cours des 6 derniers mois.",
        eventNames: { kind in
            switch kind {
            case .login: "Identification réussie"
            case .loginFailed: "Échec de l’identification"
            case .loginThrottled: "Tentative refusée (trop d’échecs)"
            case .sso: "Identification réussie (session existante)"
            case .stepUp: "Clé plus forte exigée"
            case .logout: "Déconnexion"
            case .tokenIssued: "Accès accordé à une application"
            case .refreshReuse: "Jeton réutilisé refusé (session terminée)"
            case .codeReplay: "Code déjà utilisé refusé"
            }
        },
        logout: "Se déconnecter",
        loggedOutTitle: "Vous êtes déconnecté",
        loggedOutBody: "Vous avez été déconnecté de la passerelle et de toutes les applications utilisées au cours de cette session."
    )

    static let dutch = GatewayTexts(
        chooserTitle: "Aanmelden bij de online overheid",
        chooserLead: "Kies uw digitale sleutel om u aan te melden.",
        chooserForApplication: { "De toepassing “\($0)” vraagt u om u aan te melden." },
        identityKeysGroup: "Digitale sleutel(s) met eID of digitale identiteit",
        codeKeysGroup: "Digitale sleutel(s) met beveiligingscode en gebruikersnaam + wachtwoord",
        keyEID: "AANMELDEN met eID-kaartlezer",
        keyItsme: "AANMELDEN via itsme",
        keyEmail: "AANMELDEN met beveiligingscode via e-mail",
        keyTOTP: "AANMELDEN met beveiligingscode via mobiele app",
        keyToken: "AANMELDEN met beveiligingscode via token",
        keyPassword: "AANMELDEN met gebruikersnaam en wachtwoord",
        keyTooWeak: "Deze toepassing vereist een sterkere digitale sleutel.",
        keyNotYetAvailable: "Nog niet beschikbaar op deze installatie.",
        helpLink: "Hulp bij het aanmelden",
        cancel: "Annuleren en terugkeren naar de toepassing",
        passwordTitle: "Aanmelden met gebruikersnaam en wachtwoord",
        usernameLabel: "Gebruikersnaam",
        passwordLabel: "Wachtwoord",
        submit: "Aanmelden",
        wrongCredentials: "De gebruikersnaam of het wachtwoord is onjuist.",
        tooManyAttempts: { $0 == 1 ? "Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw." : "Te veel mislukte pogingen. Probeer het over \($0) minuten opnieuw." },
        keyLocked: "Deze sleutel is geblokkeerd na te veel mislukte pogingen. Neem contact op met het registratiekantoor van uw organisatie, of meld u aan met uw eID-kaartlezer.",
        backToKeys: "Kies een andere digitale sleutel",
        unknownApplicationTitle: "Deze aanmeldingsaanvraag kan niet worden aanvaard",
        unknownApplicationBody: "De toepassing die u hierheen stuurde, is niet gekend bij de gateway, of stuurde een adres dat ze niet heeft geregistreerd. Voor uw veiligheid bent u er niet naar teruggestuurd. Ga terug naar de startpagina van de toepassing en probeer het opnieuw.",
        loginExpiredTitle: "Uw aanmelding is verlopen",
        loginExpiredBody: "Deze aanmeldingspagina is niet meer geldig. Ga terug naar de toepassing en begin opnieuw.",
        activityTitle: "Mijn activiteit",
        activityLead: "Elke aanmelding op uw account in de afgelopen 6 maanden, geslaagd of niet. Herkent u een regel niet, wijzig dan uw wachtwoord en neem contact op met uw registratiekantoor.",
        activityWhen: "Wanneer",
        activityWhat: "Wat",
        activityKey: "Digitale sleutel",
        activityApplication: "Toepassing",
        activityFrom: "Herkomst",
        activityNone: "Geen activiteit in de afgelopen 6 maanden.",
        eventNames: { kind in
            switch kind {
            case .login: "Aangemeld"
            case .loginFailed: "Mislukte aanmelding"
            case .loginThrottled: "Poging geweigerd (te veel mislukkingen)"
            case .sso: "Aangemeld (bestaande sessie)"
            case .stepUp: "Sterkere sleutel vereist"
            case .logout: "Afgemeld"
            case .tokenIssued: "Toegang verleend aan een toepassing"
            case .refreshReuse: "Hergebruikt token geweigerd (sessie beëindigd)"
            case .codeReplay: "Opnieuw gebruikte code geweigerd"
            }
        },
        logout: "Afmelden",
        loggedOutTitle: "U bent afgemeld",
        loggedOutBody: "U bent afgemeld bij de gateway en bij elke toepassing die u in deze sessie gebruikte."
    )

    static let german = GatewayTexts(
        chooserTitle: "Bei der Online-Verwaltung anmelden",
        chooserLead: "Wählen Sie Ihren digitalen Schlüssel, um sich anzumelden.",
        chooserForApplication: { "Die Anwendung „\($0)“ bittet Sie, sich anzumelden." },
        identityKeysGroup: "Digitale(r) Schlüssel mit eID oder digitaler Identität",
        codeKeysGroup: "Digitale(r) Schlüssel mit Sicherheitscode und Benutzername + Passwort",
        keyEID: "ANMELDEN mit eID-Kartenleser",
        keyItsme: "ANMELDEN über itsme",
        keyEmail: "ANMELDEN mit Sicherheitscode per E-Mail",
        keyTOTP: "ANMELDEN mit Sicherheitscode über mobile App",
        keyToken: "ANMELDEN mit Sicherheitscode über Token",
        keyPassword: "ANMELDEN mit Benutzername und Passwort",
        keyTooWeak: "Diese Anwendung erfordert einen stärkeren digitalen Schlüssel.",
        keyNotYetAvailable: "In dieser Installation noch nicht verfügbar.",
        helpLink: "Hilfe bei der Anmeldung",
        cancel: "Abbrechen und zur Anwendung zurückkehren",
        passwordTitle: "Mit Benutzername und Passwort anmelden",
        usernameLabel: "Benutzername",
        passwordLabel: "Passwort",
        submit: "Anmelden",
        wrongCredentials: "Der Benutzername oder das Passwort ist falsch.",
        tooManyAttempts: { $0 == 1 ? "Zu viele fehlgeschlagene Versuche. Versuchen Sie es in 1 Minute erneut." : "Zu viele fehlgeschlagene Versuche. Versuchen Sie es in \($0) Minuten erneut." },
        keyLocked: "Dieser Schlüssel ist nach zu vielen fehlgeschlagenen Versuchen gesperrt. Wenden Sie sich an das Registrierungsbüro Ihrer Organisation oder melden Sie sich mit Ihrem eID-Kartenleser an.",
        backToKeys: "Anderen digitalen Schlüssel wählen",
        unknownApplicationTitle: "Diese Anmeldeanfrage kann nicht angenommen werden",
        unknownApplicationBody: "Die Anwendung, die Sie hierher geschickt hat, ist dem Gateway nicht bekannt oder hat eine Adresse gesendet, die sie nicht registriert hat. Zu Ihrer Sicherheit wurden Sie nicht dorthin zurückgeleitet. Kehren Sie zur Startseite der Anwendung zurück und versuchen Sie es erneut.",
        loginExpiredTitle: "Ihre Anmeldung ist abgelaufen",
        loginExpiredBody: "Diese Anmeldeseite ist nicht mehr gültig. Kehren Sie zur Anwendung zurück und beginnen Sie erneut.",
        activityTitle: "Meine Aktivität",
        activityLead: "Jede Anmeldung bei Ihrem Konto in den letzten 6 Monaten, ob erfolgreich oder nicht. Wenn Sie einen Eintrag nicht wiedererkennen, ändern Sie Ihr Passwort und wenden Sie sich an Ihr Registrierungsbüro.",
        activityWhen: "Wann",
        activityWhat: "Was",
        activityKey: "Digitaler Schlüssel",
        activityApplication: "Anwendung",
        activityFrom: "Herkunft",
        activityNone: "Keine Aktivität in den letzten 6 Monaten.",
        eventNames: { kind in
            switch kind {
            case .login: "Angemeldet"
            case .loginFailed: "Fehlgeschlagene Anmeldung"
            case .loginThrottled: "Versuch abgelehnt (zu viele Fehlschläge)"
            case .sso: "Angemeldet (bestehende Sitzung)"
            case .stepUp: "Stärkerer Schlüssel erforderlich"
            case .logout: "Abgemeldet"
            case .tokenIssued: "Zugriff für eine Anwendung gewährt"
            case .refreshReuse: "Wiederverwendetes Token abgelehnt (Sitzung beendet)"
            case .codeReplay: "Bereits verwendeter Code abgelehnt"
            }
        },
        logout: "Abmelden",
        loggedOutTitle: "Sie sind abgemeldet",
        loggedOutBody: "Sie wurden vom Gateway und von allen Anwendungen abgemeldet, die Sie in dieser Sitzung verwendet haben."
    )
}
