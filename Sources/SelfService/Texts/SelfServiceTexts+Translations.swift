extension SelfServiceTexts {
    static let french = SelfServiceTexts(
        name: "PersoSelfService",
        navigationLabel: "Menu de PersoSelfService",
        homeTitle: "Accueil",
        welcome: { "Bienvenue, \($0)" },
        organisation: "Organisation",
        role: "Rôle",
        noOrganisation: "Aucune organisation n’est enregistrée pour vous.",
        managerNotice: "Vous êtes chef : les demandes de votre équipe à approuver apparaîtront ici.",
        personalDataLink: "Mes données personnelles",
        personalDataLead: "Consultez et modifiez votre adresse, votre téléphone, votre e-mail privé et votre compte bancaire.",
        accountTitle: "Vos clés numériques et vos connexions",
        accountLead: "Sur la passerelle d’authentification : activez ou retirez vos clés, voyez chaque connexion à votre compte, changez votre mot de passe.",
        myKeysLink: "Mes clés numériques",
        myActivityLink: "Mon activité",
        myPasswordLink: "Mon mot de passe",
        roleNames: { ["employee": "Collaborateur", "manager": "Chef", "hr_officer": "Gestionnaire RH", "case_handler": "Gestionnaire de dossiers", "registration_officer": "Agent d’enregistrement"][$0] },
        personalTitle: "Mes données personnelles",
        personalLead: "Les modifications sont enregistrées avec leur date. Une nouvelle adresse e-mail privée ne prend effet qu’après confirmation par le lien que nous vous envoyons.",
        addressLegend: "Adresse",
        street: "Rue et numéro",
        postalCode: "Code postal",
        municipality: "Commune",
        country: "Pays (code à deux lettres)",
        contactLegend: "Contact",
        phone: "Téléphone",
        phoneHint: "Par exemple +32 2 740 74 74",
        privateEmail: "E-mail privé",
        privateEmailHint: "Un lien de confirmation sera envoyé à cette adresse.",
        bankLegend: "Compte bancaire",
        iban: "IBAN",
        ibanHint: "Par exemple BE68 5390 0754 7034",
        save: "Enregistrer",
        saved: "Vos modifications ont été enregistrées.",
        resumedAfterStepUp: "Vous vous êtes identifié à nouveau. Vos modifications sont toujours là : vérifiez-les, puis enregistrez.",
        paymentProtection: "Pour changer de compte bancaire, vous devez vous être identifié depuis moins de 5 minutes avec une application d’authentification, itsme ou votre carte eID. Une notification est envoyée à chacune de vos adresses e-mail.",
        nothingChanged: "Rien n’a changé.",
        fixErrors: "Certaines données ne sont pas valables. Corrigez les champs indiqués.",
        pendingEmail: { "La nouvelle adresse \($0) attend votre confirmation : cliquez sur le lien que nous vous avons envoyé." },
        developmentLink: "Mode développement — le lien envoyé :",
        emailConfirmed: { "Votre adresse e-mail privée est désormais \($0)." },
        confirmationInvalid: "Ce lien de confirmation n’est pas valable ou a expiré. Indiquez à nouveau votre adresse pour en recevoir un nouveau.",
        historyTitle: "Historique des modifications",
        historyNone: "Aucune modification pour l’instant.",
        historyWhen: "Date",
        historyWhat: "Donnée",
        historyBefore: "Avant",
        historyAfter: "Après",
        fieldNames: { field in
            switch field {
            case .street: "Rue et numéro"
            case .postalCode: "Code postal"
            case .municipality: "Commune"
            case .country: "Pays"
            case .phone: "Téléphone"
            case .privateEmail: "E-mail privé"
            case .iban: "IBAN"
            }
        },
        errorRequiredForAddress: "Une adresse a besoin de la rue, du code postal et de la commune.",
        errorPostalCode: "Ce code postal n’est pas valable (en Belgique : quatre chiffres).",
        errorTooLong: "Ce texte est trop long.",
        errorPhone: "Ce numéro de téléphone n’est pas valable (8 à 15 chiffres, + au début pour l’international).",
        errorEmail: "Cette adresse e-mail n’est pas valable.",
        errorIBAN: "Cet IBAN n’est pas valable : vérifiez les chiffres.",
        errorCountry: "Indiquez le pays par son code à deux lettres (BE, FR, NL…)."
    )

    static let dutch = SelfServiceTexts(
        name: "PersoSelfService",
        navigationLabel: "Menu van PersoSelfService",
        homeTitle: "Startpagina",
        welcome: { "Welkom, \($0)" },
        organisation: "Organisatie",
        role: "Rol",
        noOrganisation: "Er is geen organisatie voor u geregistreerd.",
        managerNotice: "U bent chef: de aanvragen van uw team die u moet goedkeuren, verschijnen hier.",
        personalDataLink: "Mijn persoonsgegevens",
        personalDataLead: "Bekijk en wijzig uw adres, telefoon, privé-e-mail en bankrekening.",
        accountTitle: "Uw digitale sleutels en aanmeldingen",
        accountLead: "Op de authenticatiegateway: activeer of verwijder uw sleutels, bekijk elke aanmelding op uw account, wijzig uw wachtwoord.",
        myKeysLink: "Mijn digitale sleutels",
        myActivityLink: "Mijn activiteit",
        myPasswordLink: "Mijn wachtwoord",
        roleNames: { ["employee": "Medewerker", "manager": "Chef", "hr_officer": "HR-beheerder", "case_handler": "Dossierbeheerder", "registration_officer": "Registratiebeambte"][$0] },
        personalTitle: "Mijn persoonsgegevens",
        personalLead: "Wijzigingen worden met hun datum bewaard. Een nieuw privé-e-mailadres geldt pas nadat u het bevestigt via de link die we u sturen.",
        addressLegend: "Adres",
        street: "Straat en nummer",
        postalCode: "Postcode",
        municipality: "Gemeente",
        country: "Land (code van twee letters)",
        contactLegend: "Contact",
        phone: "Telefoon",
        phoneHint: "Bijvoorbeeld +32 2 740 74 74",
        privateEmail: "Privé-e-mail",
        privateEmailHint: "Naar dit adres wordt een bevestigingslink gestuurd.",
        bankLegend: "Bankrekening",
        iban: "IBAN",
        ibanHint: "Bijvoorbeeld BE68 5390 0754 7034",
        save: "Opslaan",
        saved: "Uw wijzigingen zijn opgeslagen.",
        resumedAfterStepUp: "U hebt zich opnieuw aangemeld. Uw wijzigingen staan er nog: controleer ze en sla ze op.",
        paymentProtection: "Om uw bankrekening te wijzigen moet u zich minder dan 5 minuten geleden hebben aangemeld met een authenticatie-app, itsme of uw eID-kaart. Er gaat een melding naar elk van uw e-mailadressen.",
        nothingChanged: "Er is niets gewijzigd.",
        fixErrors: "Sommige gegevens zijn niet geldig. Verbeter de aangeduide velden.",
        pendingEmail: { "Het nieuwe adres \($0) wacht op uw bevestiging: klik op de link die we u stuurden." },
        developmentLink: "Ontwikkelmodus — de verstuurde link:",
        emailConfirmed: { "Uw privé-e-mailadres is voortaan \($0)." },
        confirmationInvalid: "Deze bevestigingslink is niet geldig of verlopen. Geef uw adres opnieuw op om een nieuwe te ontvangen.",
        historyTitle: "Geschiedenis van de wijzigingen",
        historyNone: "Nog geen wijzigingen.",
        historyWhen: "Datum",
        historyWhat: "Gegeven",
        historyBefore: "Voor",
        historyAfter: "Na",
        fieldNames: { field in
            switch field {
            case .street: "Straat en nummer"
            case .postalCode: "Postcode"
            case .municipality: "Gemeente"
            case .country: "Land"
            case .phone: "Telefoon"
            case .privateEmail: "Privé-e-mail"
            case .iban: "IBAN"
            }
        },
        errorRequiredForAddress: "Een adres heeft een straat, een postcode en een gemeente nodig.",
        errorPostalCode: "Deze postcode is niet geldig (in België: vier cijfers).",
        errorTooLong: "Deze tekst is te lang.",
        errorPhone: "Dit telefoonnummer is niet geldig (8 tot 15 cijfers, + vooraan voor internationaal).",
        errorEmail: "Dit e-mailadres is niet geldig.",
        errorIBAN: "Dit IBAN is niet geldig: controleer de cijfers.",
        errorCountry: "Geef het land op met zijn code van twee letters (BE, FR, NL…)."
    )

    static let german = SelfServiceTexts(
        name: "PersoSelfService",
        navigationLabel: "Menü von PersoSelfService",
        homeTitle: "Startseite",
        welcome: { "Willkommen, \($0)" },
        organisation: "Organisation",
        role: "Rolle",
        noOrganisation: "Für Sie ist keine Organisation registriert.",
        managerNotice: "Sie sind Vorgesetzte(r): Die zu genehmigenden Anträge Ihres Teams erscheinen hier.",
        personalDataLink: "Meine persönlichen Daten",
        personalDataLead: "Sehen und ändern Sie Ihre Adresse, Ihr Telefon, Ihre private E-Mail und Ihr Bankkonto.",
        accountTitle: "Ihre digitalen Schlüssel und Anmeldungen",
        accountLead: "Am Authentifizierungs-Gateway: Schlüssel aktivieren oder entfernen, jede Anmeldung an Ihrem Konto sehen, Ihr Passwort ändern.",
        myKeysLink: "Meine digitalen Schlüssel",
        myActivityLink: "Meine Aktivität",
        myPasswordLink: "Mein Passwort",
        roleNames: { ["employee": "Mitarbeiter(in)", "manager": "Vorgesetzte(r)", "hr_officer": "Personalsachbearbeiter(in)", "case_handler": "Sachbearbeiter(in)", "registration_officer": "Registrierungsbeamte(r)"][$0] },
        personalTitle: "Meine persönlichen Daten",
        personalLead: "Änderungen werden mit Datum gespeichert. Eine neue private E-Mail-Adresse gilt erst, wenn Sie sie über den Link bestätigen, den wir Ihnen senden.",
        addressLegend: "Adresse",
        street: "Straße und Hausnummer",
        postalCode: "Postleitzahl",
        municipality: "Gemeinde",
        country: "Land (Code aus zwei Buchstaben)",
        contactLegend: "Kontakt",
        phone: "Telefon",
        phoneHint: "Zum Beispiel +32 2 740 74 74",
        privateEmail: "Private E-Mail",
        privateEmailHint: "An diese Adresse wird ein Bestätigungslink gesendet.",
        bankLegend: "Bankkonto",
        iban: "IBAN",
        ibanHint: "Zum Beispiel BE68 5390 0754 7034",
        save: "Speichern",
        saved: "Ihre Änderungen wurden gespeichert.",
        resumedAfterStepUp: "Sie haben sich erneut angemeldet. Ihre Änderungen sind noch da: Prüfen Sie sie und speichern Sie.",
        paymentProtection: "Um Ihr Bankkonto zu ändern, müssen Sie sich vor weniger als 5 Minuten mit einer Authentifizierungs-App, itsme oder Ihrer eID-Karte angemeldet haben. Eine Benachrichtigung geht an jede Ihrer E-Mail-Adressen.",
        nothingChanged: "Es wurde nichts geändert.",
        fixErrors: "Einige Angaben sind nicht gültig. Bitte korrigieren Sie die markierten Felder.",
        pendingEmail: { "Die neue Adresse \($0) wartet auf Ihre Bestätigung: Klicken Sie auf den Link, den wir Ihnen gesendet haben." },
        developmentLink: "Entwicklungsmodus – der gesendete Link:",
        emailConfirmed: { "Ihre private E-Mail-Adresse ist jetzt \($0)." },
        confirmationInvalid: "Dieser Bestätigungslink ist ungültig oder abgelaufen. Geben Sie Ihre Adresse erneut ein, um einen neuen zu erhalten.",
        historyTitle: "Verlauf der Änderungen",
        historyNone: "Noch keine Änderungen.",
        historyWhen: "Datum",
        historyWhat: "Angabe",
        historyBefore: "Vorher",
        historyAfter: "Nachher",
        fieldNames: { field in
            switch field {
            case .street: "Straße und Hausnummer"
            case .postalCode: "Postleitzahl"
            case .municipality: "Gemeinde"
            case .country: "Land"
            case .phone: "Telefon"
            case .privateEmail: "Private E-Mail"
            case .iban: "IBAN"
            }
        },
        errorRequiredForAddress: "Eine Adresse braucht Straße, Postleitzahl und Gemeinde.",
        errorPostalCode: "Diese Postleitzahl ist ungültig (in Belgien: vier Ziffern).",
        errorTooLong: "Dieser Text ist zu lang.",
        errorPhone: "Diese Telefonnummer ist ungültig (8 bis 15 Ziffern, + am Anfang für international).",
        errorEmail: "Diese E-Mail-Adresse ist ungültig.",
        errorIBAN: "Diese IBAN ist ungültig: Bitte prüfen Sie die Ziffern.",
        errorCountry: "Geben Sie das Land mit seinem Code aus zwei Buchstaben an (BE, FR, NL…)."
    )

    static let english = SelfServiceTexts(
        name: "PersoSelfService",
        navigationLabel: "PersoSelfService menu",
        homeTitle: "Home",
        welcome: { "Welcome, \($0)" },
        organisation: "Organisation",
        role: "Role",
        noOrganisation: "No organisation is registered for you.",
        managerNotice: "You are a manager: your team's requests to approve will appear here.",
        personalDataLink: "My personal data",
        personalDataLead: "View and change your address, phone, private e-mail and bank account.",
        accountTitle: "Your digital keys and logins",
        accountLead: "At the authentication gateway: activate or remove your keys, see every login to your account, change your password.",
        myKeysLink: "My digital keys",
        myActivityLink: "My activity",
        myPasswordLink: "My password",
        roleNames: { ["employee": "Employee", "manager": "Manager", "hr_officer": "HR officer", "case_handler": "Case handler", "registration_officer": "Registration officer"][$0] },
        personalTitle: "My personal data",
        personalLead: "Changes are kept with their date. A new private e-mail address only takes effect once you confirm it with the link we send you.",
        addressLegend: "Address",
        street: "Street and number",
        postalCode: "Postal code",
        municipality: "Municipality",
        country: "Country (two-letter code)",
        contactLegend: "Contact",
        phone: "Phone",
        phoneHint: "For example +32 2 740 74 74",
        privateEmail: "Private e-mail",
        privateEmailHint: "A confirmation link will be sent to this address.",
        bankLegend: "Bank account",
        iban: "IBAN",
        ibanHint: "For example BE68 5390 0754 7034",
        save: "Save",
        saved: "Your changes have been saved.",
        resumedAfterStepUp: "You have logged in again. Your changes are still here: check them, then save.",
        paymentProtection: "To change your bank account you must have logged in within the last 5 minutes with an authenticator app, itsme or your eID card. A notice goes to each of your e-mail addresses.",
        nothingChanged: "Nothing changed.",
        fixErrors: "Some data are not valid. Please correct the fields marked.",
        pendingEmail: { "The new address \($0) awaits your confirmation: click the link we sent you." },
        developmentLink: "Development mode — the link sent:",
        emailConfirmed: { "Your private e-mail address is now \($0)." },
        confirmationInvalid: "This confirmation link is not valid or has expired. Enter your address again to receive a new one.",
        historyTitle: "History of changes",
        historyNone: "No changes yet.",
        historyWhen: "Date",
        historyWhat: "Data",
        historyBefore: "Before",
        historyAfter: "After",
        fieldNames: { field in
            switch field {
            case .street: "Street and number"
            case .postalCode: "Postal code"
            case .municipality: "Municipality"
            case .country: "Country"
            case .phone: "Phone"
            case .privateEmail: "Private e-mail"
            case .iban: "IBAN"
            }
        },
        errorRequiredForAddress: "An address needs a street, a postal code and a municipality.",
        errorPostalCode: "This postal code is not valid (in Belgium: four digits).",
        errorTooLong: "This text is too long.",
        errorPhone: "This phone number is not valid (8 to 15 digits, + in front for international).",
        errorEmail: "This e-mail address is not valid.",
        errorIBAN: "This IBAN is not valid: please check the digits.",
        errorCountry: "Give the country by its two-letter code (BE, FR, NL…)."
    )
}
