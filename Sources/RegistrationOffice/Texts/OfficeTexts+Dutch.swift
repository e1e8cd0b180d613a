extension OfficeTexts {
    static let dutch = OfficeTexts(
        offices: OfficeWords(
            title: "Registratiekantoren",
            lead: "Geen eID-kaartlezer en geen itsme? Maak een afspraak bij een registratiekantoor naar keuze of bij de FOD BOSA: daar helpt men u uw digitale sleutels aan te maken.",
            bring: [
                "Breng uw identiteitskaart of paspoort mee: uw identiteit wordt aan de hand daarvan gecontroleerd.",
                "U moet over een persoonlijk e-mailadres beschikken: uw activeringslink wordt daarnaartoe gestuurd.",
            ],
            languages: { "Gesproken talen: \($0.joined(separator: ", "))" },
            slotLength: { "Afspraken van \($0) minuten" },
            hours: "Openingsuren",
            weekdays: ["Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"],
            closed: "Gesloten",
            book: "Een afspraak maken"
        ),
        booking: BookingWords(
            title: { "Een afspraak maken — \($0)" },
            moveTitle: "Een ander tijdstip kiezen",
            chooseSlot: "Kies een tijdstip",
            week: { "Van \($0) tot \($1)" },
            earlier: "Eerder",
            later: "Later",
            noSlots: "Geen vrije tijdstippen op deze dagen. Bekijk de volgende dagen.",
            yourDetails: "Uw gegevens",
            givenName: "Voornaam",
            surname: "Naam",
            email: "Persoonlijk e-mailadres",
            emailHint: "De bevestiging wordt nu naar dit adres gestuurd, en uw activeringslink na de afspraak.",
            document: "Het document dat u zult meebrengen",
            book: "Deze afspraak vastleggen",
            moveButton: "Mijn afspraak verplaatsen",
            back: "Terug",
            slotTaken: "Iemand heeft net de laatste plaats op dit tijdstip geboekt. Kies een ander tijdstip; wat u hebt ingevuld, blijft bewaard.",
            alreadyBooked: "Dit e-mailadres heeft al een komende afspraak. Verplaats of annuleer die met de link in de bevestigingsmail.",
            namesMissing: "Vul uw voornaam en naam in zoals ze op uw identiteitsdocument staan.",
            emailInvalid: "Geef een geldig e-mailadres op, bijvoorbeeld naam@example.be."
        ),
        appointment: AppointmentWords(
            title: "Uw afspraak",
            when: "Wanneer",
            whereLabel: "Waar",
            who: "Voor",
            document: "Mee te brengen document",
            calendar: "Toevoegen aan mijn agenda (.ics)",
            move: "Een ander tijdstip kiezen",
            cancel: "De afspraak annuleren",
            booked: { "Uw afspraak is vastgelegd. Er werd een bevestiging gestuurd naar \($0)." },
            moved: { "Uw afspraak werd verplaatst. Er werd een nieuwe bevestiging gestuurd naar \($0)." },
            cancelled: "Uw afspraak is geannuleerd.",
            isCancelled: "Deze afspraak werd geannuleerd.",
            isMoved: "Deze afspraak werd vervangen door een ander tijdstip: gebruik de link in de meest recente bevestigingsmail.",
            attended: "Deze afspraak heeft plaatsgevonden.",
            offices: "Alle registratiekantoren"
        ),
        mail: MailWords(
            hello: { "Beste \($0)," },
            signature: "PersoPoint — de registratiekantoren van de federale overheidsdienst",
            bookedSubject: { "Uw afspraak bij \($0)" },
            bookedBody: { "Uw afspraak bij \($0) is vastgelegd op \($1)." },
            movedSubject: { "Uw afspraak bij \($0) werd verplaatst" },
            movedBody: { "Uw afspraak bij \($0) vindt nu plaats op \($1)." },
            address: { "Adres: \($0)" },
            bring: { "Mee te brengen: \($0). U moet ook over een persoonlijk e-mailadres beschikken." },
            manage: { "Om uw afspraak te bekijken, te verplaatsen of te annuleren: \($0)" },
            reminderSubject: { "Herinnering: uw afspraak morgen bij \($0)" },
            reminderBody: { "Dit is een herinnering aan uw afspraak bij \($0) op \($1)." },
            reminderManage: "Wilt u ze verplaatsen of annuleren, gebruik dan de link in uw bevestigingsmail.",
            cancelledSubject: { "Uw afspraak bij \($0) is geannuleerd" },
            cancelledBody: { "Uw afspraak bij \($0) op \($1) is geannuleerd." },
            bookAgain: { "Om een nieuwe afspraak te maken: \($0)" },
            calendarSummary: { "Afspraak bij het registratiekantoor \($0)" },
            activationSubject: "Activeer uw digitale sleutels",
            activationBody: { "Het registratiekantoor \($0) heeft u geregistreerd. Om uw digitale sleutels te activeren, opent u deze link en voert u de activeringscode in die gedrukt staat op de brief die u van het kantoor hebt gekregen:" },
            activationExpiry: { "De link en de code zijn geldig tot \($0), voor eenmalig gebruik." },
            activationNotYou: "Bent u niet bij een registratiekantoor langs geweest, gebruik deze link dan niet en contacteer de helpdesk."
        ),
        desk: DeskWords(
            signedInAs: "Registratiebeambte:",
            logout: "Afmelden",
            menu: "Backoffice",
            workingAt: { "Kantoor: \($0)" },
            office: "Kantoor",
            switchOffice: "Wisselen",
            findLabel: "Rijksregisternummer, naam of e-mailadres",
            find: "Zoeken",
            agendaTitle: "Agenda van de dag",
            previousDay: "Vorige dag",
            nextDay: "Volgende dag",
            today: "Vandaag",
            agendaNone: "Geen afspraken op deze dag.",
            time: "Uur",
            name: "Naam",
            document: "Aangekondigd document",
            status: "Status",
            statusName: { ["booked": "Verwacht", "attended": "Geregistreerd", "cancelled": "Geannuleerd", "moved": "Verplaatst"][$0] ?? $0 },
            registerAction: "Registreren",
            open: "Openen",
            findTitle: "Een persoon zoeken",
            resultsFor: { "Resultaten voor “\($0)”" },
            nobody: "Niemand gevonden. Controleer het nummer, of registreer de persoon.",
            registerNew: "Een nieuwe persoon registreren",
            notOfficerTitle: "Alleen voor registratiebeambten",
            notOfficerBody: "Deze backoffice is bestemd voor de registratiebeambten van een kantoor. Uw account heeft die rol niet: vraag de beheerder van uw kantoor of u hem zou moeten hebben.",
            notAdministratorTitle: "Alleen voor de beheerders van het kantoor",
            notAdministratorBody: "De instellingen en het personeel van het kantoor worden beheerd door de beheerders. Vraag het aan een van hen als er iets moet veranderen.",
            toOffices: "Naar de registratiekantoren"
        ),
        register: RegisterWords(
            title: "Een persoon registreren",
            fix: "De persoon kon niet geregistreerd worden:",
            problem: { problem in
                switch problem {
                case .nrn: "Het rijksregisternummer is niet geldig (11 cijfers met een correct controlegetal)."
                case .names: "Vul de voornaam en naam in zoals ze op het document staan."
                case .language: "Kies een taal."
                case .email: "Een persoonlijk e-mailadres is verplicht: de activeringslink wordt daarnaartoe gestuurd."
                case .organisation: "Kies een organisatie waarvoor dit kantoor registreert."
                case .documentNumber: "Vul het nummer van het document in (5 tot 20 letters en cijfers)."
                case .documentCountry: "Kies het land dat het document heeft uitgereikt (een Belgische eID wordt uitgereikt door België)."
                case .documentExpiry: "Geef de vervaldatum van het document op."
                case .documentExpired: "Dit document is vervallen: het kan de identiteit van de persoon niet bewijzen. Vraag naar een geldige identiteitskaart of een geldig paspoort."
                case .alreadyRegistered: "Er is al een persoon met dit rijksregisternummer geregistreerd."
                }
            },
            openExisting: "De pagina van deze persoon openen om een nieuwe activering uit te reiken",
            identity: "Identiteit",
            nrn: "Rijksregisternummer",
            nrnHint: "11 cijfers, zoals op het identiteitsdocument of de verblijfskaart.",
            givenName: "Voornaam",
            surname: "Naam",
            language: "Taal",
            email: "Persoonlijk e-mailadres",
            emailHint: "Verplicht: de activeringslink wordt daarnaartoe gestuurd.",
            emailRequired: "Een geldig persoonlijk e-mailadres is verplicht: de activeringslink wordt daarnaartoe gestuurd.",
            organisation: "Organisatie",
            documentSeen: "Gecontroleerd identiteitsdocument",
            documentType: "Type",
            documentNumber: "Nummer",
            documentCountry: "Land van uitgifte",
            documentExpiry: "Geldig tot",
            choose: "Kiezen…",
            keys: "Sleutels die de persoon zal activeren",
            keysHint: "De persoon activeert ze thuis met de brief en de link die per e-mail werd verstuurd. Vanaf de pagina van de persoon kan hier ook een tokenkaart afgedrukt worden.",
            submit: "Registreren en de activeringsbrief afdrukken"
        ),
        letter: LetterWords(
            title: "Activering van uw digitale sleutels",
            printNow: { "Geregistreerd. Druk deze brief af en geef hem aan de persoon; de link werd per e-mail gestuurd naar \($0)." },
            dear: { "Ter attentie van \($0) \($1)" },
            lead: "U bent geregistreerd bij het registratiekantoor. Om uw digitale sleutels te activeren, hebt u twee dingen nodig: deze brief en de link die naar uw persoonlijk e-mailadres werd gestuurd.",
            codeLabel: "Uw activeringscode:",
            validUntil: { "Geldig tot \($0), voor eenmalig gebruik." },
            steps: { email in [
                "Open de e-mail die naar \(email) werd gestuurd en klik op de link.",
                "Voer de activeringscode hierboven in (hoofdletters, cijfers en streepjes zoals afgedrukt, of zonder streepjes).",
                "Kies uw gebruikersnaam en uw wachtwoord (minstens 12 tekens).",
                "Druk uw tokenkaart af of schrijf ze over als u er een gekozen hebt; meld u daarna aan bij PersoSelfService.",
            ] },
            keysComing: "Sleutels die geactiveerd zullen worden:",
            keepSecret: "Houd deze brief voor uzelf: samen met de e-mail geeft hij toegang tot uw account.",
            toPerson: "De pagina van de persoon openen"
        ),
        person: PersonWords(
            usernameIs: { $0.map { "gebruikersnaam \($0)" } ?? "nog geen gebruikersnaam" },
            done: { what in
                ["contact": "Contactgegevens opgeslagen.", "key-removed": "De sleutel werd gedeactiveerd.", "unlocked": "Het wachtwoord en de codes zijn gedeblokkeerd.",
                 "nothing-locked": "Er was niets geblokkeerd.", "role-granted": "De rol werd toegekend.", "role-revoked": "De rol werd ingetrokken."][what]
            },
            contact: "Contactgegevens",
            save: "Opslaan",
            keys: "Digitale sleutels",
            noKeys: "Nog geen sleutels.",
            key: "Sleutel",
            status: "Status",
            lastUsed: "Laatst gebruikt",
            remove: "Deactiveren",
            printCard: "Nu een nieuwe tokenkaart afdrukken",
            printCardHint: "Voor iemand die thuis niet kan afdrukken: de kaart vervangt elke vorige kaart.",
            cardPrinted: "Druk deze kaart af en overhandig ze aan de persoon. Ze vervangt elke vorige kaart.",
            unlock: "Het wachtwoord en de beveiligingscodes deblokkeren",
            newActivation: "Nieuwe activering",
            newActivationHint: "Een nieuwe brief en e-mail: de vorige activering werkt niet meer.",
            issueActivation: "Een nieuwe activeringsbrief uitreiken",
            roles: "Rollen",
            role: "Rol",
            grant: "Toekennen",
            revoke: "Intrekken",
            documents: "Gecontroleerde identiteitsdocumenten",
            validUntil: { "geldig tot \($0)" },
            seenAt: { "gecontroleerd door \($0) op \($1)" },
            activity: "Activiteit (laatste 6 maanden)",
            noActivity: "Geen activiteit in de afgelopen 6 maanden.",
            activityHeadings: ["Wanneer", "Wat", "Sleutel", "Toepassing", "Herkomst"]
        ),
        activation: ActivationWords(
            title: "Uw digitale sleutels activeren",
            lead: { "Goedendag \($0). Het registratiekantoor \($1) heeft uw digitale sleutels voorbereid. Voer de activeringscode in van de brief die u van het kantoor hebt gekregen, en kies daarna uw gebruikersnaam en wachtwoord." },
            keysComing: "Deze sleutels worden geactiveerd:",
            code: "Activeringscode",
            codeHint: "12 tekens, zoals afgedrukt op de brief (streepjes optioneel).",
            username: "Gebruikersnaam",
            usernameHint: "3 tot 64 letters, cijfers, punten, koppeltekens of underscores.",
            password: "Wachtwoord",
            passwordHint: "Minstens 12 tekens. Een zin van meerdere woorden is makkelijk te onthouden en moeilijk te raden. Niet uw naam of een gewoon woord.",
            passwordAgain: "Wachtwoord herhalen",
            activate: "Mijn sleutels activeren",
            wrongCode: { "Deze activeringscode is niet juist. Nog \($0) \($0 == 1 ? "poging" : "pogingen") voordat de activering geblokkeerd wordt." },
            wait: { "Te veel foute codes vanaf uw verbinding. Probeer het over \($0) \($0 == 1 ? "seconde" : "seconden") opnieuw." },
            passwordsDiffer: "De twee wachtwoorden zijn verschillend.",
            goneTitle: "Deze activeringslink kan niet meer gebruikt worden",
            gone: { reason in
                switch reason {
                case .unknown: "Deze link is onbekend. Controleer of u hem volledig uit de e-mail hebt gekopieerd."
                case .used: "Uw sleutels werden al met deze link geactiveerd. Meld u aan met uw gebruikersnaam en wachtwoord."
                case .replaced: "Een recentere activeringsbrief heeft deze vervangen: gebruik de link uit de meest recente e-mail."
                case .expired: "De link en de code waren 14 dagen geldig. Vraag uw registratiekantoor om een nieuwe activering."
                case .blocked: "Te veel foute activeringscodes: deze activering is geblokkeerd. Vraag uw registratiekantoor om een nieuwe."
                }
            },
            toOffices: "De registratiekantoren",
            doneTitle: "Uw digitale sleutels zijn actief",
            doneLead: { "U kunt zich nu aanmelden met uw gebruikersnaam “\($0)”, uw wachtwoord en uw beveiligingscode." },
            passwordActive: "Gebruikersnaam en wachtwoord",
            keyActive: { "Actief: \($0)" },
            cardTitle: "Uw tokenkaart",
            cardHint: "Druk deze kaart nu af of schrijf de codes over: ze worden maar deze ene keer getoond. Bij elke aanmelding wordt u gevraagd naar de code op één bepaalde positie.",
            totpHint: "Scan deze QR-code met uw authenticatie-app, of typ het geheim hieronder.",
            totpQRTitle: "QR-code voor de authenticatie-app",
            toSelfService: "Naar PersoSelfService"
        ),
        settings: SettingsWords(
            title: "Instellingen van het kantoor",
            done: { ["saved": "De instellingen zijn opgeslagen. Afspraken die al gemaakt zijn blijven bestaan: bel de mensen van wie het tijdstip niet meer open is.", "added": "De beambte is toegevoegd.", "removed": "De beambte is verwijderd."][$0] },
            office: "Het kantoor",
            name: "Naam",
            address: "Adres",
            languages: "Gesproken talen",
            hoursHint: "Per dag de openingsperiodes, gescheiden door komma’s, bijvoorbeeld 09:00-12:00, 13:00-16:00; leeg als het kantoor gesloten is. Federale feestdagen zijn altijd gesloten.",
            closedDays: "Andere sluitingsdagen",
            closedDaysHint: "Eén dag per regel, bijvoorbeeld 2026-12-24.",
            slotMinutes: "Minuten per afspraak (5 tot 240)",
            capacity: "Personen die tegelijk ontvangen worden (1 tot 50)",
            save: "Instellingen opslaan",
            invalid: "Sommige instellingen zijn onleesbaar: controleer de periodes (09:00-12:00), de dagen (2026-12-24), de getallen en dat minstens één taal gekozen is.",
            staff: "Beambten van dit kantoor",
            administrator: "beheerder",
            removeOfficer: "Verwijderen",
            officerNRN: "Rijksregisternummer van een geregistreerde persoon",
            addOfficer: "Toevoegen als beambte",
            unknownPerson: "Geen geregistreerde persoon heeft dit rijksregisternummer.",
            notYourself: "U kunt uzelf niet verwijderen: vraag het aan een andere beheerder."
        ),
        documentName: { type in
            switch type {
            case .eid: "Belgische elektronische identiteitskaart (eID)"
            case .foreignEID: "Buitenlandse identiteitskaart"
            case .passport: "Paspoort"
            case .residenceCard: "Verblijfskaart"
            }
        },
        languageName: { ["fr": "Frans", "nl": "Nederlands", "de": "Duits", "en": "Engels"][$0.rawValue] ?? $0.rawValue },
        roleName: { role in
            switch role {
            case .employee: "Medewerker"
            case .manager: "Chef"
            case .hrOfficer: "HR-beheerder"
            case .caseHandler: "Dossierbeheerder"
            case .registrationOfficer: "Registratiebeambte"
            }
        }
    )
}
