// Die Hinweise der Fußzeile auf Deutsch.

extension FederalNoticeTexts {
    static let german = FederalNoticeTexts(
        accessibilityTitle: "Erklärung zur Barrierefreiheit",
        accessibilityLead: "Der föderale öffentliche Dienst, der diese PersoPoint-Installation betreibt, ist bestrebt, sie barrierefrei zugänglich zu machen, gemäß dem Gesetz vom 19. Juli 2018 über die Barrierefreiheit der Websites und mobilen Anwendungen öffentlicher Stellen, das die Richtlinie (EU) 2016/2102 umsetzt. Diese Erklärung gilt für das Zugangsportal, den Authentifizierungsdienst und die Anwendungen dieser Installation (PersoSelfService, PersoContact und die eBox).",
        accessibilitySections: [
            NoticeSection(heading: "Stand der Vereinbarkeit", paragraphs: [
                "PersoPoint strebt die Konformitätsstufe AA der Richtlinien für barrierefreie Webinhalte (WCAG) 2.2 an. Es ist mit dieser Stufe teilweise vereinbar: Die meisten Seiten erfüllen sie, die unten aufgeführten Inhalte jedoch noch nicht vollständig.",
                "Rechtlicher Maßstab ist die europäische Norm EN 301 549, die auf die Stufe AA der WCAG 2.1 verweist; zusätzlich wenden wir die Kriterien an, die WCAG 2.2 hinzufügt.",
            ]),
            NoticeSection(
                heading: "Nicht barrierefreie Inhalte",
                paragraphs: ["Die folgenden Inhalte sind nicht barrierefrei:"],
                items: [
                    "Das druckbare Token. Die 24 Codes eines neuen Tokens werden in einem Raster aus sechs Zeilen zu je vier Feldern angezeigt, jedes mit seiner Positionsnummer und seinem Code. Das Raster hat keine Zeilen- oder Spaltenüberschriften: Ein Screenreader liest es Feld für Feld vor, und es ist mühsam, den Code Nummer N schnell zu finden. Wenn Sie das behindert, wählen Sie stattdessen Sicherheitscodes per E-Mail oder eine Authentifizierungs-App, oder wenden Sie sich an den Helpdesk.",
                    "Der QR-Code der Authentifizierungs-App. Wenn Sie eine Authentifizierungs-App einrichten, wird der QR-Code für Screenreader nur mit seinem Zweck beschrieben („QR-Code zum Scannen mit Ihrer Authentifizierungs-App“); das Bild selbst kann nicht vorgelesen werden. Das darin enthaltene Geheimnis steht daneben als Text, sodass Sie es in die App eintippen können, statt zu scannen; die übrigen Angaben, die der Code überträgt (der Kontoname und der Aussteller „PersoPoint“), werden jedoch nicht als Text angegeben.",
                    "Der eID-Kartenleser. Wenn Sie sich mit Ihrem Personalausweis anmelden, werden das Fenster, in dem Sie das Zertifikat Ihrer Karte auswählen, und das Fenster, in dem Sie Ihren PIN-Code eingeben, von Ihrem Browser und der eID-Software angezeigt, nicht von PersoPoint. Ihre Barrierefreiheit hängt von Ihrem Browser, Ihrem Betriebssystem und der eID-Software ab; wir können sie nicht ändern.",
                    "PDF-Dokumente. Die Dokumente, die die Anwendungen bereitstellen werden, etwa Gehaltsabrechnungen und Beschlüsse in der eBox, werden von den Diensten erstellt, die sie versenden. Sie sind möglicherweise nicht für Screenreader getaggt. Wenn Sie ein solches Dokument in einer anderen Form benötigen, fragen Sie beim Helpdesk danach.",
                ]
            ),
            NoticeSection(heading: "Erstellung dieser Erklärung", paragraphs: [
                "Diese Erklärung wurde am 30. November 2026 erstellt. Sie beruht auf einer Selbstbewertung durch das Team, das PersoPoint entwickelt, anhand der Erfolgskriterien der WCAG 2.2; eine unabhängige Prüfung hat noch nicht stattgefunden. Sie wird bei jeder wesentlichen Änderung der Seiten überprüft, mindestens aber einmal im Jahr.",
            ]),
            NoticeSection(heading: "Ein Problem melden", paragraphs: [
                "Sind Sie auf diesen Seiten auf ein Problem der Barrierefreiheit gestoßen, oder benötigen Sie Inhalte in barrierefreier Form? Wenden Sie sich an den Helpdesk dieser Installation. Geben Sie an, auf welcher Seite das Problem auftritt und was Sie tun wollten; der Helpdesk antwortet Ihnen und stellt Ihnen die Information nach Möglichkeit auf anderem Weg bereit.",
            ], linksToHelpDesk: true),
            NoticeSection(heading: "Durchsetzungsverfahren", paragraphs: [
                "Sind Sie mit der Antwort nicht zufrieden oder erhalten Sie keine, können Sie beim Föderalen Ombudsmann Beschwerde einreichen, der Beschwerden über die Barrierefreiheit der Websites und Anwendungen der föderalen öffentlichen Dienste bearbeitet. Die Einreichung einer Beschwerde ist kostenlos.",
            ]),
        ],
        privacyTitle: "Datenschutzerklärung",
        privacyLead: "Diese Seite erklärt, welche personenbezogenen Daten diese PersoPoint-Installation verarbeitet, wenn Sie sich anmelden und ihre Anwendungen nutzen, warum, wie lange, wer sie erhält und welche Rechte Sie nach der Datenschutz-Grundverordnung (DSGVO) haben.",
        privacySections: { idle, max in [
            NoticeSection(heading: "Verantwortlicher", paragraphs: [
                "Verantwortlicher ist der föderale öffentliche Dienst, der diese PersoPoint-Installation betreibt. Sie erreichen ihn und seinen Datenschutzbeauftragten über den Helpdesk.",
            ]),
            NoticeSection(heading: "Welche Daten wir verarbeiten", items: [
                "Ihre Identität: Nationalregisternummer, Vor- und Nachname, bevorzugte Sprache sowie die Organisationen und Rollen, in denen Sie arbeiten, wie von Ihrem Personaldienst oder einem Registrierungsbüro erfasst.",
                "Ihre E-Mail-Adresse für den Kontakt, um Ihnen Sicherheitscodes und Mitteilungen zu senden.",
                "Ihre digitalen Schlüssel: Ihr Benutzername; Ihr Passwort, nur als Hashwert (Argon2id) gespeichert, aus dem es sich nicht zurückgewinnen lässt; die Codes Ihres Tokens und die per E-Mail gesendeten Codes, nur als Hashwerte gespeichert; das Geheimnis Ihrer Authentifizierungs-App, das wir nach dem Standard aufbewahren müssen, um ihre Codes zu prüfen. Wenn Sie sich mit Ihrer eID anmelden, wird das Zertifikat Ihrer Karte gelesen und seine Gültigkeit bei der Zertifizierungsstelle geprüft, die es ausgestellt hat.",
                "Anmeldeereignisse: Datum und Uhrzeit, verwendeter Schlüssel und verwendete Anwendung, Erfolg oder Misserfolg, Ihre IP-Adresse und die Kennung Ihres Browsers (User-Agent). Ihre eigenen sehen Sie unter „Meine Aktivität“.",
                "Schutz vor dem Erraten von Passwörtern: Zähler der Fehlversuche je Benutzername und je IP-Adresse sowie, in einem Browser, in dem Sie sich angemeldet haben, eine zufällige Markierung (ein Cookie), die wir nur als Hashwert speichern.",
                "Ihre Sitzung: eine zufällige Kennung in einem Cookie; auf dem Server, wer angemeldet ist, wie und bei welchen Anwendungen.",
                "In PersoSelfService: die Adresse, die Telefonnummer, die private E-Mail-Adresse und die Kontonummer (IBAN), die Sie angeben, mit dem Verlauf Ihrer Änderungen.",
                "Kopien der E-Mails, die Ihnen gesendet werden (Sicherheitscodes, Bestätigungen).",
            ]),
            NoticeSection(heading: "Zwecke und Rechtsgrundlage", paragraphs: [
                "Wir verarbeiten diese Daten, um Ihnen einen sicheren Zugang zu Ihren HR-Anwendungen zu geben und diese zu schützen: um festzustellen, wer Sie sind, um Ihr Konto vor Missbrauch zu schützen und damit Sie unter „Meine Aktivität“ nachprüfen können, wer sich mit Ihren Schlüsseln angemeldet hat. Rechtsgrundlagen sind Artikel 6 Absatz 1 Buchstabe c DSGVO (rechtliche Verpflichtung, insbesondere die Sicherheit der Informationssysteme der föderalen öffentlichen Dienste) und Artikel 6 Absatz 1 Buchstabe e DSGVO (Aufgabe im öffentlichen Interesse: die Personalverwaltung des föderalen öffentlichen Dienstes).",
                "Die Nationalregisternummer wird in den Grenzen des Gesetzes vom 8. August 1983 zur Organisation eines Nationalregisters der natürlichen Personen verwendet.",
            ]),
            NoticeSection(heading: "Wie lange wir sie aufbewahren", items: [
                "Anmeldeereignisse: 6 Monate (183 Tage); danach werden sie gelöscht.",
                "Sitzungen: höchstens \(max); eine Sitzung endet außerdem nach \(idle) ohne Aktivität.",
                "Per E-Mail gesendete Codes: 10 Minuten gültig; Kopien der E-Mails: 30 Tage nach dem Versand.",
                "Browsermarkierungen: 180 Tage nach Ihrer letzten Anmeldung in diesem Browser.",
                "Zähler der Fehlversuche: einen Tag nach dem letzten Fehlversuch oder, wenn sie einen Schlüssel gesperrt haben, bis zu seiner Entsperrung.",
                "Identität, Kontaktadresse und Schlüssel: solange Sie Zugang zu PersoPoint haben.",
                "Daten in PersoSelfService: solange Ihre Personalakte nach den für sie geltenden Regeln aufbewahrt wird.",
            ]),
            NoticeSection(heading: "Wer sie erhält", paragraphs: [
                "Die Anwendungen, bei denen Sie sich anmelden, erhalten nur die Daten, die ihre Registrierung erlaubt (zum Beispiel Ihren Namen, Ihre E-Mail-Adresse, Ihre Nationalregisternummer und Ihre Rollen), und nur, wenn Sie sich bei ihnen anmelden. Technische Dienstleister, etwa der Mailserver, der unsere E-Mails zustellt, verarbeiten sie nur nach den Weisungen des Dienstes, der diese Installation betreibt. Ihre Daten werden weder verkauft noch für Werbung oder Profiling verwendet.",
            ]),
            NoticeSection(heading: "Ihre Rechte", paragraphs: [
                "Sie können Auskunft über Ihre Daten, ihre Berichtigung, ihre Löschung, soweit das Gesetz sie erlaubt (Daten, die wir aufgrund einer rechtlichen Verpflichtung oder einer Aufgabe im öffentlichen Interesse aufbewahren müssen, können nicht vor Ablauf ihrer Frist gelöscht werden), und die Einschränkung ihrer Verarbeitung verlangen sowie der Verarbeitung widersprechen. Ihre Anmeldungen sehen Sie bereits unter „Meine Aktivität“, Ihre persönlichen Daten in PersoSelfService. Um Ihre Rechte auszuüben, wenden Sie sich an den Helpdesk.",
                "Wenn Sie der Ansicht sind, dass Ihre Daten nicht rechtmäßig verarbeitet werden, können Sie bei der Datenschutzbehörde Beschwerde einreichen, Rue de la Presse 35, 1000 Brüssel.",
            ], linksToHelpDesk: true),
        ] },
        cookiesTitle: "Cookies",
        cookiesLead: "PersoPoint verwendet nur Cookies, die für den von Ihnen angeforderten Dienst unbedingt erforderlich sind: um Sie angemeldet zu halten, die von Ihnen gewählte Sprache zu speichern und Ihr Konto zu schützen. Es verwendet keine Cookies für Statistik, Werbung oder Tracking und keine Cookies von Dritten. Unbedingt erforderliche Cookies bedürfen keiner Einwilligung; deshalb bittet PersoPoint Sie nicht, Cookies zu akzeptieren.",
        cookieTableCaption: "Die Cookies, die PersoPoint setzt",
        cookieNameHeader: "Name",
        cookiePurposeHeader: "Zweck",
        cookieLifetimeHeader: "Speicherdauer",
        sessionCookiePurpose: "Hält Sie angemeldet. Es enthält nur eine zufällige Kennung; wofür sie steht (wer angemeldet ist, wie und bei welchen Anwendungen), bleibt auf dem Server. Der Authentifizierungsdienst und die Anwendungen dieser Installation teilen es.",
        sessionCookieLifetime: { idle, max in "Bis Sie Ihren Browser schließen oder sich abmelden. Der Server beendet die Sitzung nach \(idle) ohne Aktivität und in jedem Fall nach \(max)." },
        preLoginCookiePurpose: "Bewahrt vor der Anmeldung auf, was ein Formular oder eine laufende Anmeldung braucht (den Schutz des Formulars vor Fälschung, die Anwendung, die Sie geschickt hat). Sein Inhalt ist vom Server verschlüsselt und versiegelt: Er kann weder gelesen noch geändert werden und enthält nichts über Sie. Sobald Sie sich anmelden, tritt das Sitzungscookie an seine Stelle.",
        preLoginCookieLifetime: { idle in "Bis Sie Ihren Browser schließen oder sich anmelden; der Server nimmt es nach \(idle) ohne Aktivität nicht mehr an." },
        languageCookiePurpose: "Speichert die Sprache, die Sie gewählt haben (Deutsch, Französisch, Niederländisch oder Englisch).",
        languageCookieLifetime: "1 Jahr",
        deviceCookiePurpose: "Markiert einen Browser, in dem Sie sich angemeldet haben, damit falsche Passwörter, die darin für Ihren Benutzernamen eingegeben werden, getrennt von den Versuchen Unbekannter gezählt werden: Wer Ihr Passwort zu erraten versucht, kann Sie nicht aus Ihrem eigenen Browser aussperren. Es enthält einen zufälligen Wert, den der Server nur als Hashwert speichert.",
        deviceCookieLifetime: "180 Tage nach Ihrer letzten Anmeldung in diesem Browser",
        employerCookiePurpose: "Speichert in PersoContact, ob Sie für BOSA oder für einen anderen föderalen öffentlichen Dienst arbeiten, damit die Frage nicht bei jedem Besuch gestellt wird.",
        employerCookieLifetime: "1 Jahr oder bis Sie Ihre Antwort ändern",
        cookiesSections: [
            NoticeSection(heading: "Wie die Cookies geschützt sind", paragraphs: [
                "Jedes Cookie wird nur an diese Website gesendet, kann von den Skripten der Seiten nicht gelesen werden (HttpOnly) und wird, wenn die Website über HTTPS bereitgestellt wird, nur über eine verschlüsselte Verbindung übertragen.",
            ]),
            NoticeSection(heading: "Ohne Cookie in Ihrem Browser gespeichert", paragraphs: [
                "Während Sie in einer Anwendung ein Formular ausfüllen, wird das Eingegebene im lokalen Speicher Ihres Browsers aufbewahrt, nur auf Ihrem Gerät, damit es nicht verloren geht, wenn Sie sich erneut anmelden müssen. Es wird gelöscht, sobald das Formular gesendet ist, wenn Sie sich abmelden, und spätestens nach 12 Stunden.",
            ]),
            NoticeSection(heading: "Cookies ablehnen oder löschen", paragraphs: [
                "Sie können diese Cookies jederzeit in den Einstellungen Ihres Browsers löschen. Ohne das Sitzungscookie können Sie sich nicht anmelden; ohne das Sprachcookie werden die Seiten in der Sprache Ihres Browsers angezeigt; ohne die Browsermarkierung werden Ihre Passwortversuche zusammen mit denen aller anderen gezählt.",
            ]),
        ],
        helpDeskTitle: "Den Helpdesk kontaktieren",
        helpDeskLead: "Der Helpdesk dieser Installation hilft Ihnen, sich anzumelden, Ihre digitalen Schlüssel zu aktivieren oder zu ersetzen und die PersoPoint-Anwendungen zu nutzen. Wenden Sie sich auch an ihn, um ein Problem der Barrierefreiheit zu melden oder Ihre Datenschutzrechte auszuüben.",
        helpDeskPhoneLabel: "Telefon",
        helpDeskEmailLabel: "E-Mail",
        helpDeskHoursLabel: "Öffnungszeiten",
        helpDeskNotPublished: "Der Helpdesk dieser Installation hat seine Kontaktdaten noch nicht veröffentlicht. Wenden Sie sich bis dahin bitte an den Personaldienst Ihrer Organisation.",
        helpDeskAdvice: [
            "Für eine Frage zu Ihrer Personalakte (Gehalt, Urlaub, Laufbahn) nutzen Sie PersoContact oder wenden Sie sich an Ihren Personaldienst.",
            "Hat Ihnen eine Fehlerseite eine Nummer der Anfrage angezeigt, nennen Sie sie dem Helpdesk: Sie hilft, den Vorgang nachzuvollziehen.",
            "Der Helpdesk wird Sie niemals nach Ihrem Passwort, dem PIN-Code Ihres Personalausweises oder Ihren Sicherheitscodes fragen.",
        ],
        helpDeskLink: "Den Helpdesk kontaktieren",
        minutes: { $0 == 1 ? "1 Minute" : "\($0) Minuten" },
        hours: { $0 == 1 ? "1 Stunde" : "\($0) Stunden" }
    )
}
