import PersoCore
// Help articles of the access portal in Dutch, made from the sections of the user guide.

extension HelpArticle {
    static func dutch(_ topic: HelpTopic) -> HelpArticle {
        switch topic {
        case .eid:
            return HelpArticle(
                title: "Aanmelden met een eID-kaartlezer",
                summary: "Meld u aan met uw elektronische identiteitskaart, uw pincode en een eID-kaartlezer.",
                sections: [
                    HelpSection(paragraphs: [
                        "Om u aan te melden hebt u een computer met internetverbinding nodig, uw elektronische identiteitskaart (eID), uw pincode, een eID-kaartlezer en de eID-software op uw computer.",
                    ]),
                    HelpSection(
                        heading: "Hoe gaat u te werk?",
                        paragraphs: [
                            "Volg op de pagina van dit portaal waar u uw digitale sleutel kiest de onderstaande stappen.",
                        ],
                        steps: [
                            "Klik op “AANMELDEN met eID-kaartlezer”.",
                            "Steek uw identiteitskaart in de kaartlezer en klik op de knop “aanmelden”.",
                            "Uw browser vraagt u een certificaat te kiezen: bevestig het certificaat van uw kaart door op “OK” te klikken.",
                            "Voer de 4 cijfers van uw pincode in en klik op “OK”.",
                        ]
                    ),
                    HelpSection(
                        heading: "En dan?",
                        paragraphs: [
                            "U bent nu aangemeld bij de PersoPoint-toepassing van uw keuze.",
                            "Stelt uw browser geen certificaat voor? Controleer dan of de kaartlezer aangesloten is, of de kaart correct in de lezer zit en of de eID-software geïnstalleerd is, en probeer het opnieuw.",
                        ]
                    ),
                ]
            )
        case .itsme:
            return HelpArticle(
                title: "Aanmelden met itsme",
                summary: "Meld u aan met de itsme-app op uw smartphone, of maak uw itsme-account aan in 8 stappen.",
                sections: [
                    HelpSection(paragraphs: [
                        "Om u aan te melden met itsme moet de itsme-app geïnstalleerd en geactiveerd zijn op uw smartphone. Hebt u nog geen itsme-account? Lees dan hieronder “Een itsme-account aanmaken”.",
                    ]),
                    HelpSection(
                        heading: "Aanmelden",
                        paragraphs: [],
                        steps: [
                            "Klik op de pagina van dit portaal waar u uw digitale sleutel kiest op “AANMELDEN via itsme”.",
                            "Voer uw telefoonnummer in en klik op “verzenden”.",
                            "Open de itsme-app op uw smartphone en bevestig de aanmelding door op “aanmelden” te klikken.",
                        ]
                    ),
                    HelpSection(
                        heading: "Een itsme-account aanmaken",
                        paragraphs: [
                            "Om een account aan te maken hebt u een smartphone nodig, een computer met internetverbinding, uw elektronische identiteitskaart (eID), uw pincode, een eID-kaartlezer en de eID-software.",
                            "Zo gaat u te werk in 8 stappen:",
                        ],
                        steps: [
                            "Installeer de itsme-app op uw smartphone.",
                            "Ga op uw computer naar de itsme-registratiepagina van dit portaal. Voer uw telefoonnummer en uw e-mailadres in. Kies in de keuzelijst het juiste landnummer.",
                            "Sluit uw eID-kaartlezer aan en steek uw eID-kaart erin. Lees het itsme-contract en onderteken het door de pincode van uw eID in te voeren.",
                            "U ontvangt uw identificatietoken, dat u in de itsme-app op uw smartphone moet invoeren.",
                            "Neem uw smartphone, open de itsme-app en voer uw telefoonnummer in.",
                            "Voer vervolgens het identificatietoken in dat u bij stap 4 ontvangen hebt. Let op hoofdletters en leestekens.",
                            "U ontvangt een verificatiecode per sms. Voer die 5 cijfers in de itsme-app in.",
                            "Kies uw itsme-code van 5 cijfers en bevestig hem. Als u dat wenst, schakelt u de vingerafdrukherkenning van uw smartphone in.",
                        ]
                    ),
                    HelpSection(
                        heading: "En dan?",
                        paragraphs: [
                            "Uw digitale itsme-identiteit is aangemaakt: u kunt zich nu via de itsme-app aanmelden bij de PersoPoint-toepassingen.",
                        ]
                    ),
                ]
            )
        case .securityCode:
            return HelpArticle(
                title: "Aanmelden met een beveiligingscode",
                summary: "Meld u aan met uw gebruikersnaam, uw wachtwoord en een beveiligingscode via e-mail, via een mobiele app of via een token.",
                sections: [
                    HelpSection(paragraphs: [
                        "Hebt u geen elektronische identiteitskaart of itsme, dan kunt u zich aanmelden met een beveiligingscode. U voert altijd eerst uw gebruikersnaam en uw wachtwoord in, en daarna een beveiligingscode.",
                    ]),
                    HelpSection(
                        heading: "De drie digitale sleutels met beveiligingscode",
                        paragraphs: [
                            "Beveiligingscode via e-mail: na uw gebruikersnaam en wachtwoord wordt een eenmalige code naar uw e-mailadres gestuurd; voer die code in op de pagina.",
                            "Beveiligingscode via een mobiele app: na uw gebruikersnaam en wachtwoord opent u de authenticatie-app op uw smartphone en voert u de code in die de app toont.",
                            "Beveiligingscode via token: na uw gebruikersnaam en wachtwoord vermeldt de pagina welke code van uw tokenkaart u moet invoeren; zoek de code met dat nummer op uw kaart en voer hem in.",
                        ],
                        steps: [
                            "Klik op de pagina van dit portaal waar u uw digitale sleutel kiest op de knop van uw sleutel, bijvoorbeeld “AANMELDEN met beveiligingscode via token”.",
                            "Voer uw gebruikersnaam en uw wachtwoord in.",
                            "Voer de gevraagde beveiligingscode in en bevestig.",
                        ]
                    ),
                    HelpSection(
                        heading: "Geen eID of itsme?",
                        paragraphs: [
                            "Wilt u digitale sleutels aanvragen en activeren om toegang te krijgen tot de onlinediensten van de overheid? Maak dan een afspraak bij een lokaal registratiekantoor naar keuze of bij de FOD BOSA. Zij helpen u alternatieve digitale sleutels aan te maken.",
                            "Tijdens die afspraak wordt uw identiteit gecontroleerd aan de hand van uw identiteitskaart of uw paspoort. U moet over een persoonlijk e-mailadres beschikken.",
                        ],
                        steps: [
                            "Bij het registratiekantoor ontvangt u een activeringscode op papier.",
                            "Daarnaast ontvangt u per e-mail een link die 14 dagen geldig is.",
                            "Open die link binnen de 14 dagen en voer de activeringscode in om uw digitale sleutel te activeren.",
                        ]
                    ),
                ]
            )
        case .session:
            return HelpArticle(
                title: "Onderbreking van de verbinding",
                summary: "Om veiligheidsredenen wordt u na 20 minuten inactiviteit afgemeld; zo verlengt u uw sessie of meldt u zich opnieuw aan.",
                sections: [
                    HelpSection(paragraphs: [
                        "Om veiligheidsredenen wordt u na 20 minuten inactiviteit automatisch afgemeld.",
                    ]),
                    HelpSection(
                        heading: "De sessie verlengen",
                        paragraphs: [
                            "Kort voordat de 20 minuten verstreken zijn, verschijnt er een waarschuwingsvenster.",
                        ],
                        steps: [
                            "Klik op “OK” in het waarschuwingsvenster.",
                            "Uw lopende sessie wordt verlengd en u kunt verder werken.",
                        ]
                    ),
                    HelpSection(
                        heading: "De sessie kon niet worden verlengd",
                        paragraphs: [
                            "Kon de sessie niet worden verlengd, dan meldt de pagina dat en biedt ze u een link “Opnieuw aanmelden” aan. Klik op die link en meld u opnieuw aan met uw digitale sleutel.",
                            "Wat u aan het invoeren was, gaat niet verloren: na het opnieuw aanmelden wordt het u opnieuw aangeboden.",
                        ]
                    ),
                ]
            )
        case .ebox:
            return HelpArticle(
                title: "De eBox activeren",
                summary: "Activeer uw eBox om uw officiële documenten te ontvangen en bij elk nieuw document per e-mail verwittigd te worden.",
                sections: [
                    HelpSection(paragraphs: [
                        "De eBox is een elektronische brievenbus waarin u officiële documenten van de overheid ontvangt, bijvoorbeeld een beslissing over een loopbaanonderbreking of uw loonbrieven. U moet de eBox activeren om die documenten te ontvangen.",
                    ]),
                    HelpSection(
                        heading: "Hoe activeert u uw eBox?",
                        paragraphs: [],
                        steps: [
                            "Meld u op de eBox-pagina van dit portaal aan met uw eID-kaart, via itsme of met een token.",
                            "Geef uw e-mailadres op.",
                            "U ontvangt een verificatie-e-mail: bevestig uw adres zoals in die e-mail wordt uitgelegd.",
                            "Uw eBox is geactiveerd: voortaan wordt u per e-mail verwittigd zodra er een nieuw document beschikbaar is.",
                        ]
                    ),
                    HelpSection(
                        heading: "Uw documenten raadplegen",
                        paragraphs: [
                            "Om uw documenten veilig te raadplegen, meldt u zich aan met uw eID-kaart, via itsme of met een token. Een gebruikersnaam en wachtwoord alleen volstaan nooit om uw eBox te openen.",
                        ]
                    ),
                ]
            )
        }
    }
}
