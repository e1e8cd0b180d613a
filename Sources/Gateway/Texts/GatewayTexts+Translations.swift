import PersoCore

// French, Dutch and German texts of the gateway, in the wording of the federal CSAM portal where it has one.
extension GatewayTexts {
    static let french = GatewayTexts(
        chooserTitle: "S’identifier à l’administration en ligne",
        chooserLead: "Choisissez votre clé numérique pour vous identifier.",
        chooserForApplication: { "L’application « \($0) » vous demande de vous identifier." },
        identityKeysGroup: "Clé(s) numérique(s) avec l’eID ou identité numérique",
        codeKeysGroup: "Clé(s) numérique(s) avec code de sécurité et nom d’utilisateur + mot de passe",
        keyTooWeak: "Cette application exige une clé numérique plus forte.",
        keyNotYetAvailable: "Pas encore disponible sur cette installation.",
        helpLink: "Aide pour vous identifier",
        noKeyYet: "Pas encore de clé numérique ? Prenez rendez-vous dans un bureau d’enregistrement",
        cancel: "Annuler et retourner à l’application",
        passwordTitle: "S’identifier avec nom d’utilisateur et mot de passe",
        usernameLabel: "Nom d’utilisateur",
        passwordLabel: "Mot de passe",
        submit: "S’identifier",
        wrongCredentials: "Le nom d’utilisateur ou le mot de passe est incorrect.",
        tooManyAttempts: { seconds in
            let minutes = (seconds + 59) / 60
            return seconds < 60 ? "Trop de tentatives échouées. Réessayez dans \(seconds) secondes."
                : minutes == 1 ? "Trop de tentatives échouées. Réessayez dans 1 minute." : "Trop de tentatives échouées. Réessayez dans \(minutes) minutes."
        },
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
            case .keyActivated: "Clé numérique activée"
            case .keyRemoved: "Clé numérique supprimée"
            case .passwordCreated, .passwordChanged: AccountTexts.french.eventName(kind) ?? kind.rawValue
            case .eidNoCertificate, .eidUnreadableCertificate, .eidExpired, .eidNotYetValid, .eidRevoked, .eidUnknownIssuer, .eidSelfSigned,
                 .eidWrongKeyUsage, .eidRevocationUnavailable, .eidUnknownPerson, .eidInvalidNumber, .eidHandoffInvalid:
                CardReaderTexts.french.eventName(kind.cardRefusal!)
            case .personRegistered, .personConsulted, .contactDataChanged, .activationIssued, .activationUsed, .activationRefused, .keysUnlocked, .roleGranted, .roleRevoked:
                OfficeActivityTexts.french.eventName(kind)
            }
        },
        logout: "Se déconnecter",
        loggedOutTitle: "Vous êtes déconnecté",
        loggedOutBody: "Vous avez été déconnecté de la passerelle et de toutes les applications utilisées au cours de cette session.",
        logoutConfirmTitle: "Voulez-vous vous déconnecter ?",
        logoutConfirmBody: { name in
            (name.map { "L’application « \($0) » demande à vous déconnecter. " } ?? "Une page demande à vous déconnecter. ")
                + "La déconnexion met fin à votre session sur la passerelle et dans toutes les applications utilisées avec elle."
        },
        logoutConfirmButton: "Me déconnecter de toutes les applications",
        logoutStay: "Rester connecté",
        next: "Suivant",
        codeKeyFirstStep: "Étape 1 sur 2 : votre nom d’utilisateur et votre mot de passe. Étape 2 : votre code de sécurité.",
        keyNotActivated: "Cette clé numérique n’est pas activée pour votre compte. Choisissez une autre clé, ou activez celle-ci dans « Mes clés numériques ».",
        tokenCardDeactivated: "Votre token a été désactivé parce qu’il n’a pas été utilisé depuis trop longtemps. Connectez-vous avec une autre clé et demandez un nouveau token dans « Mes clés numériques ».",
        noEmailAddress: "Aucune adresse e-mail n’est enregistrée pour votre compte. Choisissez une autre clé ou contactez votre bureau d’enregistrement.",
        codeStepExpired: "Cette étape de l’identification a expiré. Introduisez à nouveau votre nom d’utilisateur et votre mot de passe.",
        codeLabel: "Code de sécurité",
        codeWrong: "Le code de sécurité est incorrect.",
        codeExpired: "Ce code de sécurité a expiré. Demandez un nouveau code.",
        codeAlreadyUsed: "Ce code a déjà été utilisé. Attendez le code suivant dans votre application.",
        codeTriesExhausted: "Trop de codes erronés : ce code n’est plus valable. Demandez un nouveau code.",
        emailCodeSent: { "Nous avons envoyé un code de sécurité de 6 chiffres à \($0). Il est valable 10 minutes." },
        emailCodeResend: "Envoyer un nouveau code",
        emailCodeResendTooSoon: { "Vous pourrez demander un nouveau code dans \($0) secondes." },
        emailCodeTooManySends: "Trop de codes ont été envoyés pour cette identification. Recommencez plus tard.",
        emailCodeSentAgain: "Un nouveau code a été envoyé. Seul le code le plus récent est valable.",
        totpInstructions: "Ouvrez l’application d’authentification sur votre téléphone et introduisez le code de 6 chiffres affiché pour PersoPoint.",
        tokenInstructionsBefore: "Introduisez le code numéro ",
        tokenInstructionsAfter: " de votre token.",
        keysTitle: "Mes clés numériques",
        keysLead: "Les clés avec code de sécurité que vous pouvez utiliser avec votre nom d’utilisateur et mot de passe. Remplacer une clé rend l’ancienne application ou l’ancien token inutilisable.",
        keysNeedStrongerLogin: "Pour activer ou remplacer une clé, connectez-vous avec votre lecteur de carte eID ou itsme.",
        keysStrongerLoginLink: "Se connecter avec une clé plus forte",
        keyStatusActive: "Active",
        keyStatusPending: "En cours d’activation",
        keyStatusDeactivated: "Désactivée",
        keyStatusNone: "Non activée",
        keysActivate: "Activer",
        keysReplace: "Remplacer",
        keysRemove: "Supprimer",
        keysActivatedOn: { "Activée le \($0)" },
        keysLastUsed: { "Dernière utilisation le \($0)" },
        keysBack: "Retour à mes clés numériques",
        keyActivatedNotice: "Votre clé est activée.",
        keyRemovedNotice: "La clé a été supprimée.",
        keysFreshLoginDone: "Vous vous êtes reconnecté : vous pouvez maintenant supprimer la clé.",
        totpEnrolTitle: "Activer le code de sécurité via une application mobile",
        totpEnrolSteps: ["Installez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator).", "Scannez ce code QR avec l’application, ou tapez le secret affiché ci-dessous.", "Introduisez le code de 6 chiffres affiché par l’application, pour confirmer."],
        totpQRTitle: "Code QR à scanner avec votre application d’authentification",
        totpSecretLabel: "Secret à taper si vous ne pouvez pas scanner le code :",
        totpEnrolConfirm: "Activer",
        totpEnrolWrongCode: "Ce code ne correspond pas. Vérifiez l’heure de votre téléphone et introduisez le code suivant.",
        tokenCardTitle: "Votre token",
        tokenCardLead: "Imprimez ce token ou recopiez les codes, et conservez-le en lieu sûr. Les codes ne sont affichés qu’une fois ; votre token précédent ne fonctionne plus."
    )

    static let dutch = GatewayTexts(
        chooserTitle: "Aanmelden bij de online overheid",
        chooserLead: "Kies uw digitale sleutel om u aan te melden.",
        chooserForApplication: { "De toepassing “\($0)” vraagt u om u aan te melden." },
        identityKeysGroup: "Digitale sleutel(s) met eID of digitale identiteit",
        codeKeysGroup: "Digitale sleutel(s) met beveiligingscode en gebruikersnaam + wachtwoord",
        keyTooWeak: "Deze toepassing vereist een sterkere digitale sleutel.",
        keyNotYetAvailable: "Nog niet beschikbaar op deze installatie.",
        helpLink: "Hulp bij het aanmelden",
        noKeyYet: "Nog geen digitale sleutel? Maak een afspraak bij een registratiekantoor",
        cancel: "Annuleren en terugkeren naar de toepassing",
        passwordTitle: "Aanmelden met gebruikersnaam en wachtwoord",
        usernameLabel: "Gebruikersnaam",
        passwordLabel: "Wachtwoord",
        submit: "Aanmelden",
        wrongCredentials: "De gebruikersnaam of het wachtwoord is onjuist.",
        tooManyAttempts: { seconds in
            let minutes = (seconds + 59) / 60
            return seconds < 60 ? "Te veel mislukte pogingen. Probeer het over \(seconds) seconden opnieuw."
                : minutes == 1 ? "Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw." : "Te veel mislukte pogingen. Probeer het over \(minutes) minuten opnieuw."
        },
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
            case .keyActivated: "Digitale sleutel geactiveerd"
            case .keyRemoved: "Digitale sleutel verwijderd"
            case .passwordCreated, .passwordChanged: AccountTexts.dutch.eventName(kind) ?? kind.rawValue
            case .eidNoCertificate, .eidUnreadableCertificate, .eidExpired, .eidNotYetValid, .eidRevoked, .eidUnknownIssuer, .eidSelfSigned,
                 .eidWrongKeyUsage, .eidRevocationUnavailable, .eidUnknownPerson, .eidInvalidNumber, .eidHandoffInvalid:
                CardReaderTexts.dutch.eventName(kind.cardRefusal!)
            case .personRegistered, .personConsulted, .contactDataChanged, .activationIssued, .activationUsed, .activationRefused, .keysUnlocked, .roleGranted, .roleRevoked:
                OfficeActivityTexts.dutch.eventName(kind)
            }
        },
        logout: "Afmelden",
        loggedOutTitle: "U bent afgemeld",
        loggedOutBody: "U bent afgemeld bij de gateway en bij elke toepassing die u in deze sessie gebruikte.",
        logoutConfirmTitle: "Wilt u zich afmelden?",
        logoutConfirmBody: { name in
            (name.map { "De toepassing “\($0)” vraagt om u af te melden. " } ?? "Een pagina vraagt om u af te melden. ")
                + "Afmelden beëindigt uw sessie bij de gateway en in elke toepassing die u ermee gebruikte."
        },
        logoutConfirmButton: "Afmelden bij alle toepassingen",
        logoutStay: "Aangemeld blijven",
        next: "Volgende",
        codeKeyFirstStep: "Stap 1 van 2: uw gebruikersnaam en wachtwoord. Stap 2: uw beveiligingscode.",
        keyNotActivated: "Deze digitale sleutel is niet geactiveerd voor uw account. Kies een andere sleutel, of activeer deze in “Mijn digitale sleutels”.",
        tokenCardDeactivated: "Uw token is gedeactiveerd omdat hij te lang niet gebruikt werd. Meld u aan met een andere sleutel en vraag een nieuwe token aan in “Mijn digitale sleutels”.",
        noEmailAddress: "Er is geen e-mailadres geregistreerd voor uw account. Kies een andere sleutel of neem contact op met uw registratiekantoor.",
        codeStepExpired: "Deze aanmeldstap is verlopen. Geef opnieuw uw gebruikersnaam en wachtwoord in.",
        codeLabel: "Beveiligingscode",
        codeWrong: "De beveiligingscode is onjuist.",
        codeExpired: "Deze beveiligingscode is verlopen. Vraag een nieuwe code aan.",
        codeAlreadyUsed: "Deze code werd al gebruikt. Wacht op de volgende code in uw app.",
        codeTriesExhausted: "Te veel foute codes: deze code is niet meer geldig. Vraag een nieuwe code aan.",
        emailCodeSent: { "We hebben een beveiligingscode van 6 cijfers gestuurd naar \($0). Ze is 10 minuten geldig." },
        emailCodeResend: "Een nieuwe code sturen",
        emailCodeResendTooSoon: { "U kunt over \($0) seconden een nieuwe code aanvragen." },
        emailCodeTooManySends: "Er werden te veel codes verstuurd voor deze aanmelding. Begin later opnieuw.",
        emailCodeSentAgain: "Er is een nieuwe code verstuurd. Alleen de nieuwste code is geldig.",
        totpInstructions: "Open de authenticatie-app op uw telefoon en geef de code van 6 cijfers in die ze voor PersoPoint toont.",
        tokenInstructionsBefore: "Geef code nummer ",
        tokenInstructionsAfter: " van uw token in.",
        keysTitle: "Mijn digitale sleutels",
        keysLead: "De sleutels met beveiligingscode die u samen met uw gebruikersnaam en wachtwoord kunt gebruiken. Een sleutel vervangen maakt de oude app of token onbruikbaar.",
        keysNeedStrongerLogin: "Om een sleutel te activeren of te vervangen, meldt u zich aan met uw eID-kaartlezer of itsme.",
        keysStrongerLoginLink: "Aanmelden met een sterkere sleutel",
        keyStatusActive: "Actief",
        keyStatusPending: "Wordt geactiveerd",
        keyStatusDeactivated: "Gedeactiveerd",
        keyStatusNone: "Niet geactiveerd",
        keysActivate: "Activeren",
        keysReplace: "Vervangen",
        keysRemove: "Verwijderen",
        keysActivatedOn: { "Geactiveerd op \($0)" },
        keysLastUsed: { "Laatst gebruikt op \($0)" },
        keysBack: "Terug naar mijn digitale sleutels",
        keyActivatedNotice: "Uw sleutel is geactiveerd.",
        keyRemovedNotice: "De sleutel is verwijderd.",
        keysFreshLoginDone: "U hebt zich opnieuw aangemeld: u kunt de sleutel nu verwijderen.",
        totpEnrolTitle: "De beveiligingscode via een mobiele app activeren",
        totpEnrolSteps: ["Installeer een authenticatie-app op uw telefoon (bijvoorbeeld FreeOTP, Aegis, Google Authenticator of Microsoft Authenticator).", "Scan deze QR-code met de app, of typ het geheim hieronder.", "Geef de code van 6 cijfers in die de app toont, om te bevestigen."],
        totpQRTitle: "QR-code om te scannen met uw authenticatie-app",
        totpSecretLabel: "Geheim om te typen als u de code niet kunt scannen:",
        totpEnrolConfirm: "Activeren",
        totpEnrolWrongCode: "Deze code klopt niet. Controleer de tijd op uw telefoon en geef de volgende code in.",
        tokenCardTitle: "Uw token",
        tokenCardLead: "Druk deze token af of schrijf de codes over, en bewaar hem op een veilige plaats. De codes worden enkel nu getoond; uw vorige token werkt niet meer."
    )

    static let german = GatewayTexts(
        chooserTitle: "Bei der Online-Verwaltung anmelden",
        chooserLead: "Wählen Sie Ihren digitalen Schlüssel, um sich anzumelden.",
        chooserForApplication: { "Die Anwendung „\($0)“ bittet Sie, sich anzumelden." },
        identityKeysGroup: "Digitale(r) Schlüssel mit eID oder digitaler Identität",
        codeKeysGroup: "Digitale(r) Schlüssel mit Sicherheitscode und Benutzername + Passwort",
        keyTooWeak: "Diese Anwendung erfordert einen stärkeren digitalen Schlüssel.",
        keyNotYetAvailable: "In dieser Installation noch nicht verfügbar.",
        helpLink: "Hilfe bei der Anmeldung",
        noKeyYet: "Noch kein digitaler Schlüssel? Vereinbaren Sie einen Termin bei einem Registrierungsbüro",
        cancel: "Abbrechen und zur Anwendung zurückkehren",
        passwordTitle: "Mit Benutzername und Passwort anmelden",
        usernameLabel: "Benutzername",
        passwordLabel: "Passwort",
        submit: "Anmelden",
        wrongCredentials: "Der Benutzername oder das Passwort ist falsch.",
        tooManyAttempts: { seconds in
            let minutes = (seconds + 59) / 60
            return seconds < 60 ? "Zu viele fehlgeschlagene Versuche. Versuchen Sie es in \(seconds) Sekunden erneut."
                : minutes == 1 ? "Zu viele fehlgeschlagene Versuche. Versuchen Sie es in 1 Minute erneut." : "Zu viele fehlgeschlagene Versuche. Versuchen Sie es in \(minutes) Minuten erneut."
        },
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
            case .keyActivated: "Digitaler Schlüssel aktiviert"
            case .keyRemoved: "Digitaler Schlüssel entfernt"
            case .passwordCreated, .passwordChanged: AccountTexts.german.eventName(kind) ?? kind.rawValue
            case .eidNoCertificate, .eidUnreadableCertificate, .eidExpired, .eidNotYetValid, .eidRevoked, .eidUnknownIssuer, .eidSelfSigned,
                 .eidWrongKeyUsage, .eidRevocationUnavailable, .eidUnknownPerson, .eidInvalidNumber, .eidHandoffInvalid:
                CardReaderTexts.german.eventName(kind.cardRefusal!)
            case .personRegistered, .personConsulted, .contactDataChanged, .activationIssued, .activationUsed, .activationRefused, .keysUnlocked, .roleGranted, .roleRevoked:
                OfficeActivityTexts.german.eventName(kind)
            }
        },
        logout: "Abmelden",
        loggedOutTitle: "Sie sind abgemeldet",
        loggedOutBody: "Sie wurden vom Gateway und von allen Anwendungen abgemeldet, die Sie in dieser Sitzung verwendet haben.",
        logoutConfirmTitle: "Möchten Sie sich abmelden?",
        logoutConfirmBody: { name in
            (name.map { "Die Anwendung „\($0)“ möchte Sie abmelden. " } ?? "Eine Seite möchte Sie abmelden. ")
                + "Die Abmeldung beendet Ihre Sitzung am Gateway und in allen Anwendungen, die Sie damit verwendet haben."
        },
        logoutConfirmButton: "Von allen Anwendungen abmelden",
        logoutStay: "Angemeldet bleiben",
        next: "Weiter",
        codeKeyFirstStep: "Schritt 1 von 2: Ihr Benutzername und Passwort. Schritt 2: Ihr Sicherheitscode.",
        keyNotActivated: "Dieser digitale Schlüssel ist für Ihr Konto nicht aktiviert. Wählen Sie einen anderen Schlüssel oder aktivieren Sie diesen unter „Meine digitalen Schlüssel“.",
        tokenCardDeactivated: "Ihr Token wurde deaktiviert, weil er zu lange nicht benutzt wurde. Melden Sie sich mit einem anderen Schlüssel an und beantragen Sie unter „Meine digitalen Schlüssel“ einen neuen Token.",
        noEmailAddress: "Für Ihr Konto ist keine E-Mail-Adresse registriert. Wählen Sie einen anderen Schlüssel oder wenden Sie sich an Ihr Registrierungsbüro.",
        codeStepExpired: "Dieser Anmeldeschritt ist abgelaufen. Geben Sie Ihren Benutzernamen und Ihr Passwort erneut ein.",
        codeLabel: "Sicherheitscode",
        codeWrong: "Der Sicherheitscode ist falsch.",
        codeExpired: "Dieser Sicherheitscode ist abgelaufen. Fordern Sie einen neuen Code an.",
        codeAlreadyUsed: "Dieser Code wurde bereits verwendet. Warten Sie auf den nächsten Code in Ihrer App.",
        codeTriesExhausted: "Zu viele falsche Codes: Dieser Code gilt nicht mehr. Fordern Sie einen neuen Code an.",
        emailCodeSent: { "Wir haben einen 6-stelligen Sicherheitscode an \($0) gesendet. Er ist 10 Minuten gültig." },
        emailCodeResend: "Neuen Code senden",
        emailCodeResendTooSoon: { "Sie können in \($0) Sekunden einen neuen Code anfordern." },
        emailCodeTooManySends: "Für diese Anmeldung wurden zu viele Codes gesendet. Beginnen Sie später erneut.",
        emailCodeSentAgain: "Ein neuer Code wurde gesendet. Nur der neueste Code ist gültig.",
        totpInstructions: "Öffnen Sie die Authentifizierungs-App auf Ihrem Telefon und geben Sie den 6-stelligen Code ein, den sie für PersoPoint anzeigt.",
        tokenInstructionsBefore: "Geben Sie Code Nummer ",
        tokenInstructionsAfter: " Ihres Tokens ein.",
        keysTitle: "Meine digitalen Schlüssel",
        keysLead: "Die Schlüssel mit Sicherheitscode, die Sie mit Ihrem Benutzernamen und Passwort verwenden können. Wenn Sie einen Schlüssel ersetzen, funktioniert die alte App oder der alte Token nicht mehr.",
        keysNeedStrongerLogin: "Um einen Schlüssel zu aktivieren oder zu ersetzen, melden Sie sich mit Ihrem eID-Kartenleser oder itsme an.",
        keysStrongerLoginLink: "Mit einem stärkeren Schlüssel anmelden",
        keyStatusActive: "Aktiv",
        keyStatusPending: "Wird aktiviert",
        keyStatusDeactivated: "Deaktiviert",
        keyStatusNone: "Nicht aktiviert",
        keysActivate: "Aktivieren",
        keysReplace: "Ersetzen",
        keysRemove: "Entfernen",
        keysActivatedOn: { "Aktiviert am \($0)" },
        keysLastUsed: { "Zuletzt benutzt am \($0)" },
        keysBack: "Zurück zu meinen digitalen Schlüsseln",
        keyActivatedNotice: "Ihr Schlüssel ist aktiviert.",
        keyRemovedNotice: "Der Schlüssel wurde entfernt.",
        keysFreshLoginDone: "Sie haben sich erneut angemeldet: Sie können den Schlüssel jetzt entfernen.",
        totpEnrolTitle: "Sicherheitscode über eine mobile App aktivieren",
        totpEnrolSteps: ["Installieren Sie eine Authentifizierungs-App auf Ihrem Telefon (zum Beispiel FreeOTP, Aegis, Google Authenticator oder Microsoft Authenticator).", "Scannen Sie diesen QR-Code mit der App oder tippen Sie das unten angezeigte Geheimnis ein.", "Geben Sie zur Bestätigung den 6-stelligen Code ein, den die App anzeigt."],
        totpQRTitle: "QR-Code zum Scannen mit Ihrer Authentifizierungs-App",
        totpSecretLabel: "Geheimnis zum Eintippen, wenn Sie den Code nicht scannen können:",
        totpEnrolConfirm: "Aktivieren",
        totpEnrolWrongCode: "Dieser Code stimmt nicht. Prüfen Sie die Uhrzeit Ihres Telefons und geben Sie den nächsten Code ein.",
        tokenCardTitle: "Ihr Token",
        tokenCardLead: "Drucken Sie diesen Token aus oder schreiben Sie die Codes ab, und bewahren Sie ihn sicher auf. Die Codes werden nur jetzt angezeigt; Ihr bisheriger Token funktioniert nicht mehr."
    )
}
