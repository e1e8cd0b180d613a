extension OfficeTexts {
    static let german = OfficeTexts(
        offices: OfficeWords(
            title: "Registrierungsbüros",
            lead: "Kein eID-Kartenleser und kein itsme? Vereinbaren Sie einen Termin bei einem Registrierungsbüro Ihrer Wahl oder beim FÖD BOSA: Dort hilft man Ihnen, Ihre digitalen Schlüssel zu erstellen.",
            bring: [
                "Bringen Sie Ihren Personalausweis oder Reisepass mit: Ihre Identität wird anhand dieses Dokuments überprüft.",
                "Sie müssen über eine persönliche E-Mail-Adresse verfügen: Ihr Aktivierungslink wird dorthin gesendet.",
            ],
            languages: { "Gesprochene Sprachen: \($0.joined(separator: ", "))" },
            slotLength: { "Termine zu je \($0) Minuten" },
            hours: "Öffnungszeiten",
            weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
            closed: "Geschlossen",
            book: "Einen Termin vereinbaren"
        ),
        booking: BookingWords(
            title: { "Einen Termin vereinbaren — \($0)" },
            moveTitle: "Einen anderen Zeitpunkt wählen",
            chooseSlot: "Wählen Sie einen Zeitpunkt",
            week: { "Von \($0) bis \($1)" },
            earlier: "Früher",
            later: "Später",
            noSlots: "An diesen Tagen ist kein Zeitpunkt mehr frei. Sehen Sie sich die folgenden Tage an.",
            yourDetails: "Ihre Angaben",
            givenName: "Vorname",
            surname: "Nachname",
            email: "Persönliche E-Mail-Adresse",
            emailHint: "Die Bestätigung wird jetzt dorthin gesendet, Ihr Aktivierungslink nach dem Termin.",
            document: "Das Dokument, das Sie mitbringen werden",
            book: "Diesen Termin buchen",
            moveButton: "Meinen Termin verschieben",
            back: "Zurück",
            slotTaken: "Soeben hat jemand den letzten Platz zu dieser Uhrzeit gebucht. Wählen Sie einen anderen Zeitpunkt; Ihre Eingaben bleiben erhalten.",
            alreadyBooked: "Diese E-Mail-Adresse hat bereits einen bevorstehenden Termin. Verschieben oder stornieren Sie ihn über den Link in der Bestätigungs-E-Mail.",
            namesMissing: "Geben Sie Ihren Vornamen und Nachnamen so an, wie sie auf Ihrem Identitätsdokument stehen.",
            emailInvalid: "Geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.be."
        ),
        appointment: AppointmentWords(
            title: "Ihr Termin",
            when: "Wann",
            whereLabel: "Wo",
            who: "Für",
            document: "Mitzubringendes Dokument",
            calendar: "Zu meinem Kalender hinzufügen (.ics)",
            move: "Einen anderen Zeitpunkt wählen",
            cancel: "Den Termin absagen",
            booked: { "Ihr Termin ist gebucht. Eine Bestätigung wurde an \($0) gesendet." },
            moved: { "Ihr Termin wurde verschoben. Eine neue Bestätigung wurde an \($0) gesendet." },
            cancelled: "Ihr Termin ist abgesagt.",
            isCancelled: "Dieser Termin wurde abgesagt.",
            isMoved: "Dieser Termin wurde durch einen anderen Zeitpunkt ersetzt: Verwenden Sie den Link in der neuesten Bestätigungs-E-Mail.",
            attended: "Dieser Termin hat stattgefunden.",
            offices: "Alle Registrierungsbüros"
        ),
        mail: MailWords(
            hello: { "Guten Tag \($0)," },
            signature: "PersoPoint — die Registrierungsbüros des föderalen öffentlichen Dienstes",
            bookedSubject: { "Ihr Termin bei \($0)" },
            bookedBody: { "Ihr Termin bei \($0) ist für \($1) gebucht." },
            movedSubject: { "Ihr Termin bei \($0) wurde verschoben" },
            movedBody: { "Ihr Termin bei \($0) findet jetzt am \($1) statt." },
            address: { "Adresse: \($0)" },
            bring: { "Mitzubringen: \($0). Sie müssen außerdem über eine persönliche E-Mail-Adresse verfügen." },
            manage: { "Um Ihren Termin anzusehen, zu verschieben oder abzusagen: \($0)" },
            reminderSubject: { "Erinnerung: Ihr Termin morgen bei \($0)" },
            reminderBody: { "Wir erinnern Sie an Ihren Termin bei \($0) am \($1)." },
            reminderManage: "Um ihn zu verschieben oder abzusagen, verwenden Sie den Link in Ihrer Bestätigungs-E-Mail.",
            cancelledSubject: { "Ihr Termin bei \($0) ist abgesagt" },
            cancelledBody: { "Ihr Termin bei \($0) am \($1) ist abgesagt." },
            bookAgain: { "Um einen neuen Termin zu vereinbaren: \($0)" },
            calendarSummary: { "Termin beim Registrierungsbüro \($0)" },
            activationSubject: "Aktivieren Sie Ihre digitalen Schlüssel",
            activationBody: { "Das Registrierungsbüro \($0) hat Sie registriert. Um Ihre digitalen Schlüssel zu aktivieren, öffnen Sie diesen Link und geben Sie den Aktivierungscode ein, der auf dem Schreiben steht, das Ihnen das Büro ausgehändigt hat:" },
            activationExpiry: { "Der Link und der Code sind bis \($0) gültig und können nur einmal verwendet werden." },
            activationNotYou: "Wenn Sie nicht bei einem Registrierungsbüro waren, verwenden Sie diesen Link nicht und wenden Sie sich an den Helpdesk."
        ),
        desk: DeskWords(
            signedInAs: "Registrierungsbeamte(r):",
            logout: "Abmelden",
            menu: "Backoffice",
            workingAt: { "Büro: \($0)" },
            office: "Büro",
            switchOffice: "Wechseln",
            findLabel: "Nationalregisternummer, Name oder E-Mail-Adresse",
            find: "Suchen",
            agendaTitle: "Termine des Tages",
            previousDay: "Vorheriger Tag",
            nextDay: "Nächster Tag",
            today: "Heute",
            agendaNone: "Keine Termine an diesem Tag.",
            time: "Uhrzeit",
            name: "Name",
            document: "Angekündigtes Dokument",
            status: "Status",
            statusName: { ["booked": "Erwartet", "attended": "Registriert", "cancelled": "Abgesagt", "moved": "Verschoben"][$0] ?? $0 },
            registerAction: "Registrieren",
            open: "Öffnen",
            findTitle: "Eine Person suchen",
            resultsFor: { "Ergebnisse für „\($0)“" },
            nobody: "Niemand gefunden. Überprüfen Sie die Nummer oder registrieren Sie die Person.",
            registerNew: "Eine neue Person registrieren",
            notOfficerTitle: "Nur für Registrierungsbeamte",
            notOfficerBody: "Dieses Backoffice ist den Registrierungsbeamten eines Büros vorbehalten. Ihr Konto hat diese Rolle nicht: Fragen Sie den Administrator Ihres Büros, ob Sie sie haben sollten.",
            notAdministratorTitle: "Nur für die Administratoren des Büros",
            notAdministratorBody: "Die Einstellungen und das Personal des Büros werden von seinen Administratoren verwaltet. Wenden Sie sich an einen von ihnen, wenn sich etwas ändern soll.",
            toOffices: "Zu den Registrierungsbüros"
        ),
        register: RegisterWords(
            title: "Eine Person registrieren",
            fix: "Die Person konnte nicht registriert werden:",
            problem: { problem in
                switch problem {
                case .nrn: "Die Nationalregisternummer ist ungültig (11 Ziffern mit korrekter Prüfzahl)."
                case .names: "Geben Sie den Vornamen und den Nachnamen so an, wie sie auf dem Dokument stehen."
                case .language: "Wählen Sie eine Sprache."
                case .email: "Eine persönliche E-Mail-Adresse ist erforderlich: Der Aktivierungslink wird dorthin gesendet."
                case .organisation: "Wählen Sie eine Organisation, für die dieses Büro registriert."
                case .documentNumber: "Geben Sie die Nummer des Dokuments ein (5 bis 20 Buchstaben und Ziffern)."
                case .documentCountry: "Wählen Sie das Land, das das Dokument ausgestellt hat (eine belgische eID wird von Belgien ausgestellt)."
                case .documentExpiry: "Geben Sie das Ablaufdatum des Dokuments an."
                case .documentExpired: "Dieses Dokument ist abgelaufen: Es kann die Identität der Person nicht nachweisen. Verlangen Sie einen gültigen Personalausweis oder Reisepass."
                case .alreadyRegistered: "Eine Person mit dieser Nationalregisternummer ist bereits registriert."
                }
            },
            openExisting: "Die Seite dieser Person öffnen, um eine neue Aktivierung auszustellen",
            identity: "Identität",
            nrn: "Nationalregisternummer",
            nrnHint: "11 Ziffern, wie auf dem Identitätsdokument oder der Aufenthaltskarte.",
            givenName: "Vorname",
            surname: "Nachname",
            language: "Sprache",
            email: "Persönliche E-Mail-Adresse",
            emailHint: "Erforderlich: Der Aktivierungslink wird dorthin gesendet.",
            emailRequired: "Eine gültige persönliche E-Mail-Adresse ist erforderlich: Der Aktivierungslink wird dorthin gesendet.",
            organisation: "Organisation",
            documentSeen: "Geprüftes Identitätsdokument",
            documentType: "Art",
            documentNumber: "Nummer",
            documentCountry: "Ausstellungsland",
            documentExpiry: "Gültig bis",
            choose: "Auswählen…",
            keys: "Schlüssel, die die Person aktivieren wird",
            keysHint: "Die Person aktiviert sie zu Hause mit dem Schreiben und dem per E-Mail gesendeten Link. Eine Token-Karte kann auch hier über die Seite der Person gedruckt werden.",
            submit: "Registrieren und das Aktivierungsschreiben drucken"
        ),
        letter: LetterWords(
            title: "Aktivierung Ihrer digitalen Schlüssel",
            printNow: { "Registriert. Drucken Sie dieses Schreiben und übergeben Sie es der Person; der Link wurde per E-Mail an \($0) gesendet." },
            dear: { "Zu Händen von \($0) \($1)" },
            lead: "Sie wurden im Registrierungsbüro registriert. Um Ihre digitalen Schlüssel zu aktivieren, brauchen Sie zwei Dinge: dieses Schreiben und den Link, der an Ihre persönliche E-Mail-Adresse gesendet wurde.",
            codeLabel: "Ihr Aktivierungscode:",
            validUntil: { "Gültig bis \($0), nur einmal verwendbar." },
            steps: { email in [
                "Öffnen Sie die an \(email) gesendete E-Mail und klicken Sie auf den Link.",
                "Geben Sie den obenstehenden Aktivierungscode ein (Großbuchstaben, Ziffern und Bindestriche wie gedruckt, oder ohne Bindestriche).",
                "Wählen Sie Ihren Benutzernamen und Ihr Passwort (mindestens 12 Zeichen).",
                "Drucken Sie Ihre Token-Karte aus oder notieren Sie sie, falls Sie eine gewählt haben; melden Sie sich dann bei PersoSelfService an.",
            ] },
            keysComing: "Schlüssel, die aktiviert werden:",
            keepSecret: "Behalten Sie dieses Schreiben für sich: Zusammen mit der E-Mail öffnet es Ihr Konto.",
            toPerson: "Die Seite der Person öffnen"
        ),
        person: PersonWords(
            usernameIs: { $0.map { "Benutzername \($0)" } ?? "noch kein Benutzername" },
            done: { what in
                ["contact": "Kontaktdaten gespeichert.", "key-removed": "Der Schlüssel wurde deaktiviert.", "unlocked": "Das Passwort und die Codes sind entsperrt.",
                 "nothing-locked": "Es war nichts gesperrt.", "role-granted": "Die Rolle wurde zugewiesen.", "role-revoked": "Die Rolle wurde entzogen."][what]
            },
            contact: "Kontaktdaten",
            save: "Speichern",
            keys: "Digitale Schlüssel",
            noKeys: "Noch keine Schlüssel.",
            key: "Schlüssel",
            status: "Status",
            lastUsed: "Zuletzt verwendet",
            remove: "Deaktivieren",
            printCard: "Jetzt eine neue Token-Karte drucken",
            printCardHint: "Für eine Person, die zu Hause nicht drucken kann: Die Karte ersetzt jede frühere Karte.",
            cardPrinted: "Drucken Sie diese Karte und übergeben Sie sie der Person. Sie ersetzt jede frühere Karte.",
            unlock: "Passwort und Sicherheitscodes entsperren",
            newActivation: "Neue Aktivierung",
            newActivationHint: "Ein neues Schreiben und eine neue E-Mail: Die frühere Aktivierung funktioniert nicht mehr.",
            issueActivation: "Ein neues Aktivierungsschreiben ausstellen",
            roles: "Rollen",
            role: "Rolle",
            grant: "Zuweisen",
            revoke: "Entziehen",
            documents: "Geprüfte Identitätsdokumente",
            validUntil: { "gültig bis \($0)" },
            seenAt: { "geprüft von \($0) am \($1)" },
            activity: "Aktivität (letzte 6 Monate)",
            noActivity: "Keine Aktivität in den letzten 6 Monaten.",
            activityHeadings: ["Wann", "Was", "Schlüssel", "Anwendung", "Herkunft"]
        ),
        activation: ActivationWords(
            title: "Ihre digitalen Schlüssel aktivieren",
            lead: { "Guten Tag \($0). Das Registrierungsbüro \($1) hat Ihre digitalen Schlüssel vorbereitet. Geben Sie den Aktivierungscode aus dem Schreiben ein, das Ihnen das Büro ausgehändigt hat, und wählen Sie dann Ihren Benutzernamen und Ihr Passwort." },
            keysComing: "Diese Schlüssel werden aktiviert:",
            code: "Aktivierungscode",
            codeHint: "12 Zeichen, wie auf dem Schreiben gedruckt (Bindestriche optional).",
            username: "Benutzername",
            usernameHint: "3 bis 64 Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.",
            password: "Passwort",
            passwordHint: "Mindestens 12 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten. Nicht Ihr Name und kein gewöhnliches Wort.",
            passwordAgain: "Passwort wiederholen",
            activate: "Meine Schlüssel aktivieren",
            wrongCode: { "Dieser Aktivierungscode ist nicht richtig. Noch \($0) \($0 == 1 ? "Versuch" : "Versuche"), bevor die Aktivierung gesperrt wird." },
            wait: { "Zu viele falsche Codes von Ihrer Verbindung aus. Versuchen Sie es in \($0) \($0 == 1 ? "Sekunde" : "Sekunden") erneut." },
            passwordsDiffer: "Die beiden Passwörter stimmen nicht überein.",
            goneTitle: "Dieser Aktivierungslink kann nicht mehr verwendet werden",
            gone: { reason in
                switch reason {
                case .unknown: "Dieser Link ist unbekannt. Prüfen Sie, ob Sie ihn vollständig aus der E-Mail kopiert haben."
                case .used: "Ihre Schlüssel wurden mit diesem Link bereits aktiviert. Melden Sie sich mit Ihrem Benutzernamen und Ihrem Passwort an."
                case .replaced: "Ein neueres Aktivierungsschreiben hat dieses ersetzt: Verwenden Sie den Link aus der neuesten E-Mail."
                case .expired: "Der Link und der Code waren 14 Tage gültig. Bitten Sie Ihr Registrierungsbüro um eine neue Aktivierung."
                case .blocked: "Zu viele falsche Aktivierungscodes: Diese Aktivierung ist gesperrt. Bitten Sie Ihr Registrierungsbüro um eine neue."
                }
            },
            toOffices: "Die Registrierungsbüros",
            doneTitle: "Ihre digitalen Schlüssel sind aktiv",
            doneLead: { "Sie können sich jetzt mit Ihrem Benutzernamen „\($0)“, Ihrem Passwort und Ihrem Sicherheitscode anmelden." },
            passwordActive: "Benutzername und Passwort",
            keyActive: { "Aktiv: \($0)" },
            cardTitle: "Ihre Token-Karte",
            cardHint: "Drucken Sie diese Karte jetzt aus oder schreiben Sie die Codes ab: Sie werden nur dieses eine Mal angezeigt. Bei jeder Anmeldung werden Sie nach dem Code an einer bestimmten Position gefragt.",
            totpHint: "Scannen Sie diesen QR-Code mit Ihrer Authentifizierungs-App oder tippen Sie das unten angezeigte Geheimnis ein.",
            totpQRTitle: "QR-Code für die Authentifizierungs-App",
            toSelfService: "Zu PersoSelfService"
        ),
        settings: SettingsWords(
            title: "Einstellungen des Büros",
            done: { ["saved": "Die Einstellungen sind gespeichert. Bereits vereinbarte Termine bleiben bestehen: Rufen Sie die Personen an, deren Uhrzeit nicht mehr geöffnet ist.", "added": "Der Beamte wurde hinzugefügt.", "removed": "Der Beamte wurde entfernt."][$0] },
            office: "Das Büro",
            name: "Name",
            address: "Adresse",
            languages: "Gesprochene Sprachen",
            hoursHint: "Für jeden Tag die Öffnungszeiten, durch Kommas getrennt, zum Beispiel 09:00-12:00, 13:00-16:00; leer, wenn geschlossen. Föderale Feiertage sind immer geschlossen.",
            closedDays: "Weitere Schließtage",
            closedDaysHint: "Ein Tag pro Zeile, zum Beispiel 2026-12-24.",
            slotMinutes: "Minuten pro Termin (5 bis 240)",
            capacity: "Gleichzeitig empfangene Personen (1 bis 50)",
            save: "Einstellungen speichern",
            invalid: "Einige Einstellungen sind nicht lesbar: Prüfen Sie die Zeiten (09:00-12:00), die Tage (2026-12-24), die Zahlen und dass mindestens eine Sprache gewählt ist.",
            staff: "Beamte dieses Büros",
            administrator: "Administrator",
            removeOfficer: "Entfernen",
            officerNRN: "Nationalregisternummer einer registrierten Person",
            addOfficer: "Als Beamten hinzufügen",
            unknownPerson: "Keine registrierte Person hat diese Nationalregisternummer.",
            notYourself: "Sie können sich nicht selbst entfernen: Bitten Sie einen anderen Administrator darum."
        ),
        documentName: { type in
            switch type {
            case .eid: "Belgischer elektronischer Personalausweis (eID)"
            case .foreignEID: "Ausländischer Personalausweis"
            case .passport: "Reisepass"
            case .residenceCard: "Aufenthaltskarte"
            }
        },
        languageName: { ["fr": "Französisch", "nl": "Niederländisch", "de": "Deutsch", "en": "Englisch"][$0.rawValue] ?? $0.rawValue },
        roleName: { role in
            switch role {
            case .employee: "Mitarbeiter(in)"
            case .manager: "Vorgesetzte(r)"
            case .hrOfficer: "Personalsachbearbeiter(in)"
            case .caseHandler: "Sachbearbeiter(in)"
            case .registrationOfficer: "Registrierungsbeamte(r)"
            }
        }
    )
}
