import PersoCore
// Help articles of the access portal in German, made from the sections of the user guide.

extension HelpArticle {
    static func german(_ topic: HelpTopic) -> HelpArticle {
        switch topic {
        case .eid:
            return HelpArticle(
                title: "Anmelden mit einem eID-Kartenleser",
                summary: "Melden Sie sich mit Ihrem elektronischen Personalausweis, Ihrem PIN-Code und einem eID-Kartenleser an.",
                sections: [
                    HelpSection(paragraphs: [
                        "Für die Anmeldung benötigen Sie einen Computer mit Internetzugang, Ihren elektronischen Personalausweis (eID), Ihren PIN-Code, einen eID-Kartenleser und die auf Ihrem Computer installierte eID-Software.",
                    ]),
                    HelpSection(
                        heading: "Wie gehen Sie vor?",
                        paragraphs: [
                            "Folgen Sie auf der Seite dieses Portals, auf der Sie Ihren digitalen Schlüssel wählen, den nachstehenden Schritten.",
                        ],
                        steps: [
                            "Klicken Sie auf „ANMELDEN mit eID-Kartenleser“.",
                            "Stecken Sie Ihren Personalausweis in den Kartenleser und klicken Sie auf die Schaltfläche „anmelden“.",
                            "Ihr Browser fordert Sie auf, ein Zertifikat auszuwählen: Bestätigen Sie das Zertifikat Ihrer Karte mit einem Klick auf „OK“.",
                            "Geben Sie die 4 Ziffern Ihres PIN-Codes ein und klicken Sie auf „OK“.",
                        ]
                    ),
                    HelpSection(
                        heading: "Und dann?",
                        paragraphs: [
                            "Sie sind jetzt bei der PersoPoint-Anwendung Ihrer Wahl angemeldet.",
                            "Schlägt Ihr Browser kein Zertifikat vor, prüfen Sie, ob der Kartenleser angeschlossen ist, ob die Karte richtig eingesteckt ist und ob die eID-Software installiert ist, und versuchen Sie es erneut.",
                        ]
                    ),
                ]
            )
        case .itsme:
            return HelpArticle(
                title: "Anmelden mit itsme",
                summary: "Melden Sie sich mit der itsme-App auf Ihrem Smartphone an oder erstellen Sie Ihr itsme-Konto in 8 Schritten.",
                sections: [
                    HelpSection(paragraphs: [
                        "Für die Anmeldung mit itsme muss die itsme-App auf Ihrem Smartphone installiert und aktiviert sein. Wenn Sie noch kein itsme-Konto haben, lesen Sie unten den Abschnitt „Ein itsme-Konto erstellen“.",
                    ]),
                    HelpSection(
                        heading: "Anmelden",
                        paragraphs: [],
                        steps: [
                            "Klicken Sie auf der Seite dieses Portals, auf der Sie Ihren digitalen Schlüssel wählen, auf „ANMELDEN über itsme“.",
                            "Geben Sie Ihre Telefonnummer ein und klicken Sie auf „senden“.",
                            "Öffnen Sie die itsme-App auf Ihrem Smartphone und bestätigen Sie die Anmeldung mit einem Klick auf „anmelden“.",
                        ]
                    ),
                    HelpSection(
                        heading: "Ein itsme-Konto erstellen",
                        paragraphs: [
                            "Um ein Konto zu erstellen, benötigen Sie ein Smartphone, einen Computer mit Internetzugang, Ihren elektronischen Personalausweis (eID), Ihren PIN-Code, einen eID-Kartenleser und die eID-Software.",
                            "So gehen Sie in 8 Schritten vor:",
                        ],
                        steps: [
                            "Installieren Sie die itsme-App auf Ihrem Smartphone.",
                            "Rufen Sie auf Ihrem Computer die itsme-Registrierungsseite dieses Portals auf. Geben Sie Ihre Telefonnummer und Ihre E-Mail-Adresse ein. Achten Sie darauf, in der Auswahlliste die richtige Ländervorwahl zu wählen.",
                            "Schließen Sie Ihren eID-Kartenleser an und stecken Sie Ihre eID-Karte ein. Lesen Sie den itsme-Vertrag und unterzeichnen Sie ihn, indem Sie den PIN-Code Ihrer eID eingeben.",
                            "Sie erhalten Ihren Identifikationstoken, den Sie in der itsme-App auf Ihrem Smartphone eingeben müssen.",
                            "Nehmen Sie Ihr Smartphone, öffnen Sie die itsme-App und geben Sie Ihre Telefonnummer ein.",
                            "Geben Sie anschließend den Identifikationstoken ein, den Sie in Schritt 4 erhalten haben. Achten Sie auf Groß- und Kleinschreibung und auf die Satzzeichen.",
                            "Sie erhalten einen Bestätigungscode per SMS. Geben Sie diese 5 Ziffern in der itsme-App ein.",
                            "Wählen Sie Ihren 5-stelligen itsme-Code und bestätigen Sie ihn. Wenn Sie möchten, aktivieren Sie die Fingerabdruckerkennung Ihres Smartphones.",
                        ]
                    ),
                    HelpSection(
                        heading: "Und dann?",
                        paragraphs: [
                            "Ihre digitale itsme-Identität ist erstellt: Sie können sich jetzt über die itsme-App bei den PersoPoint-Anwendungen anmelden.",
                        ]
                    ),
                ]
            )
        case .securityCode:
            return HelpArticle(
                title: "Anmelden mit einem Sicherheitscode",
                summary: "Melden Sie sich mit Ihrem Benutzernamen, Ihrem Passwort und einem Sicherheitscode per E-Mail, über eine mobile App oder über einen Token an.",
                sections: [
                    HelpSection(paragraphs: [
                        "Wenn Sie keinen elektronischen Personalausweis und kein itsme haben, können Sie sich mit einem Sicherheitscode anmelden. Sie geben immer zuerst Ihren Benutzernamen und Ihr Passwort ein und danach einen Sicherheitscode.",
                    ]),
                    HelpSection(
                        heading: "Die drei digitalen Schlüssel mit Sicherheitscode",
                        paragraphs: [
                            "Sicherheitscode per E-Mail: Nach Benutzername und Passwort wird ein Einmalcode an Ihre E-Mail-Adresse gesendet; geben Sie ihn auf der Seite ein.",
                            "Sicherheitscode über eine mobile App: Nach Benutzername und Passwort öffnen Sie die Authentifizierungs-App auf Ihrem Smartphone und geben den Code ein, den sie anzeigt.",
                            "Sicherheitscode über Token: Nach Benutzername und Passwort zeigt Ihnen die Seite an, welchen Code Ihrer Token-Karte Sie eingeben müssen; suchen Sie den Code mit dieser Nummer auf Ihrer Karte und geben Sie ihn ein.",
                        ],
                        steps: [
                            "Klicken Sie auf der Seite dieses Portals, auf der Sie Ihren digitalen Schlüssel wählen, auf die Schaltfläche Ihres Schlüssels, zum Beispiel „ANMELDEN mit Sicherheitscode über Token“.",
                            "Geben Sie Ihren Benutzernamen und Ihr Passwort ein.",
                            "Geben Sie den verlangten Sicherheitscode ein und bestätigen Sie.",
                        ]
                    ),
                    HelpSection(
                        heading: "Sie haben weder eID noch itsme?",
                        paragraphs: [
                            "Sie möchten digitale Schlüssel beantragen und aktivieren, um auf die Online-Dienste der Verwaltung zuzugreifen? Vereinbaren Sie einen Termin bei einem lokalen Registrierungsbüro Ihrer Wahl oder beim FÖD BOSA. Dort hilft man Ihnen, alternative digitale Schlüssel zu erstellen.",
                            "Bei diesem Termin wird Ihre Identität anhand Ihres Personalausweises oder Ihres Reisepasses überprüft. Sie müssen über eine persönliche E-Mail-Adresse verfügen.",
                        ],
                        steps: [
                            "Im Registrierungsbüro erhalten Sie einen Aktivierungscode auf Papier.",
                            "Zusätzlich erhalten Sie per E-Mail einen Link, der 14 Tage gültig ist.",
                            "Öffnen Sie diesen Link innerhalb von 14 Tagen und geben Sie den Aktivierungscode ein, um Ihren digitalen Schlüssel zu aktivieren.",
                        ]
                    ),
                ]
            )
        case .session:
            return HelpArticle(
                title: "Unterbrechung der Verbindung",
                summary: "Aus Sicherheitsgründen werden Sie nach 20 Minuten Inaktivität abgemeldet; so verlängern Sie Ihre Sitzung oder melden sich erneut an.",
                sections: [
                    HelpSection(paragraphs: [
                        "Aus Sicherheitsgründen werden Sie nach 20 Minuten Inaktivität automatisch abgemeldet.",
                    ]),
                    HelpSection(
                        heading: "Die Sitzung verlängern",
                        paragraphs: [
                            "Kurz bevor die 20 Minuten abgelaufen sind, erscheint ein Warnfenster.",
                        ],
                        steps: [
                            "Klicken Sie im Warnfenster auf „OK“.",
                            "Ihre laufende Sitzung wird verlängert und Sie können weiterarbeiten.",
                        ]
                    ),
                    HelpSection(
                        heading: "Die Sitzung konnte nicht verlängert werden",
                        paragraphs: [
                            "Konnte die Sitzung nicht verlängert werden, teilt die Seite Ihnen dies mit und bietet Ihnen einen Link „Erneut anmelden“ an. Klicken Sie auf diesen Link und melden Sie sich mit Ihrem digitalen Schlüssel erneut an.",
                            "Was Sie gerade eingegeben haben, geht nicht verloren: Nach der erneuten Anmeldung wird es Ihnen wieder angeboten.",
                        ]
                    ),
                ]
            )
        case .ebox:
            return HelpArticle(
                title: "Die eBox aktivieren",
                summary: "Aktivieren Sie Ihre eBox, um Ihre offiziellen Dokumente zu erhalten und bei jedem neuen Dokument per E-Mail benachrichtigt zu werden.",
                sections: [
                    HelpSection(paragraphs: [
                        "Die eBox ist ein elektronischer Briefkasten, in dem Sie offizielle Dokumente der Behörden erhalten, zum Beispiel einen Beschluss zu einer Laufbahnunterbrechung oder Ihre Gehaltsabrechnungen. Sie müssen die eBox aktivieren, um diese Dokumente zu erhalten.",
                    ]),
                    HelpSection(
                        heading: "Wie aktivieren Sie Ihre eBox?",
                        paragraphs: [],
                        steps: [
                            "Melden Sie sich auf der eBox-Seite dieses Portals mit Ihrer eID-Karte, über itsme oder mit einem Token an.",
                            "Geben Sie Ihre E-Mail-Adresse an.",
                            "Sie erhalten eine Bestätigungs-E-Mail: Bestätigen Sie Ihre Adresse, wie in dieser E-Mail beschrieben.",
                            "Ihre eBox ist aktiviert: Von nun an werden Sie per E-Mail benachrichtigt, sobald ein neues Dokument verfügbar ist.",
                        ]
                    ),
                    HelpSection(
                        heading: "Ihre Dokumente einsehen",
                        paragraphs: [
                            "Um Ihre Dokumente sicher einzusehen, melden Sie sich mit Ihrer eID-Karte, über itsme oder mit einem Token an. Benutzername und Passwort allein reichen niemals aus, um Ihre eBox zu öffnen.",
                        ]
                    ),
                ]
            )
        }
    }
}
