// De vermeldingen van de voettekst in het Nederlands.

extension FederalNoticeTexts {
    static let dutch = FederalNoticeTexts(
        accessibilityTitle: "Toegankelijkheidsverklaring",
        accessibilityLead: "De federale overheidsdienst die deze PersoPoint-installatie beheert, verbindt zich ertoe ze toegankelijk te maken, overeenkomstig de wet van 19 juli 2018 inzake de toegankelijkheid van de websites en mobiele applicaties van overheidsinstanties, die richtlijn (EU) 2016/2102 omzet. Deze verklaring geldt voor het toegangsportaal, de authenticatiedienst en de toepassingen van deze installatie (PersoSelfService, PersoContact en de eBox).",
        accessibilitySections: [
            NoticeSection(heading: "Nalevingsstatus", paragraphs: [
                "PersoPoint streeft naar niveau AA van de richtlijnen voor de toegankelijkheid van webcontent (WCAG) 2.2. Het voldoet gedeeltelijk aan dat niveau: de meeste pagina’s voldoen, maar de hieronder opgesomde inhoud voldoet nog niet volledig.",
                "De wettelijke referentie is de Europese norm EN 301 549, die verwijst naar niveau AA van WCAG 2.1; daarnaast passen wij de criteria toe die WCAG 2.2 toevoegt.",
            ]),
            NoticeSection(
                heading: "Niet-toegankelijke inhoud",
                paragraphs: ["De volgende inhoud voldoet niet:"],
                items: [
                    "De afdrukbare token. De 24 codes van een nieuwe token worden getoond in een raster van zes rijen van vier vakjes, elk met zijn positienummer en zijn code. Het raster heeft geen rij- of kolomkoppen: een schermlezer leest het vakje per vakje voor, zodat het moeilijk is code nummer N snel terug te vinden. Hebt u daar last van, kies dan liever beveiligingscodes per e-mail of een authenticatie-app, of wend u tot de helpdesk.",
                    "De QR-code van de authenticatie-app. Wanneer u een authenticatie-app instelt, wordt de QR-code voor schermlezers enkel met haar doel beschreven (“QR-code om te scannen met uw authenticatie-app”); de afbeelding zelf kan niet worden voorgelezen. Het geheim dat ze bevat, staat ernaast als tekst, zodat u het in de app kunt intypen in plaats van te scannen, maar de andere instellingen die ze doorgeeft (de accountnaam en de uitgever “PersoPoint”) worden niet als tekst gegeven.",
                    "De eID-kaartlezer. Wanneer u zich aanmeldt met uw identiteitskaart, worden het venster waarin u het certificaat van uw kaart kiest en het venster waarin u uw pincode typt, getoond door uw browser en de eID-software, niet door PersoPoint. Hun toegankelijkheid hangt af van uw browser, uw besturingssysteem en de eID-software; wij kunnen daar niets aan veranderen.",
                    "Pdf-documenten. De documenten die de toepassingen zullen leveren, zoals loonfiches en beslissingen in de eBox, worden opgemaakt door de diensten die ze versturen. Ze zijn mogelijk niet getagd voor schermlezers. Hebt u zo’n document in een andere vorm nodig, vraag het dan aan de helpdesk.",
                ]
            ),
            NoticeSection(heading: "Opstelling van deze verklaring", paragraphs: [
                "Deze verklaring werd opgesteld op 30 november 2026. Ze steunt op een zelfevaluatie door het team dat PersoPoint ontwikkelt, aan de hand van de succescriteria van WCAG 2.2; er werd nog geen onafhankelijke audit uitgevoerd. Ze wordt herzien bij elke belangrijke wijziging van de pagina’s, en minstens eenmaal per jaar.",
            ]),
            NoticeSection(heading: "Een probleem melden", paragraphs: [
                "Ondervindt u een toegankelijkheidsprobleem op deze pagina’s, of hebt u inhoud in een toegankelijke vorm nodig? Neem contact op met de helpdesk van deze installatie. Vermeld op welke pagina het probleem zich voordoet en wat u wilde doen; de helpdesk antwoordt u en bezorgt u de informatie zo mogelijk op een andere manier.",
            ], linksToHelpDesk: true),
            NoticeSection(heading: "Handhavingsprocedure", paragraphs: [
                "Bent u niet tevreden met het antwoord, of krijgt u geen antwoord, dan kunt u een klacht indienen bij de federale Ombudsman, die klachten behandelt over de toegankelijkheid van de websites en toepassingen van de federale overheidsdiensten. Een klacht indienen is gratis.",
            ]),
        ],
        privacyTitle: "Privacyverklaring",
        privacyLead: "Deze pagina legt uit welke persoonsgegevens deze PersoPoint-installatie verwerkt wanneer u zich aanmeldt en haar toepassingen gebruikt, waarom, hoelang, wie ze ontvangt en welke rechten u hebt op grond van de algemene verordening gegevensbescherming (AVG).",
        privacySections: { idle, max in [
            NoticeSection(heading: "Verwerkingsverantwoordelijke", paragraphs: [
                "De verwerkingsverantwoordelijke is de federale overheidsdienst die deze PersoPoint-installatie beheert. U kunt die dienst en zijn functionaris voor gegevensbescherming bereiken via de helpdesk.",
            ]),
            NoticeSection(heading: "Welke gegevens wij verwerken", items: [
                "Uw identiteit: rijksregisternummer, voornaam en achternaam, voorkeurtaal, en de organisaties en rollen waarin u werkt, zoals geregistreerd door uw HR-dienst of een registratiekantoor.",
                "Uw e-mailadres voor contact, om u beveiligingscodes en berichten te sturen.",
                "Uw digitale sleutels: uw gebruikersnaam; uw wachtwoord, enkel bewaard als hash (Argon2id) waaruit het niet terug te vinden is; de codes van uw token en de per e-mail verstuurde codes, enkel bewaard als hash; het geheim van uw authenticatie-app, dat de norm ons verplicht te bewaren om de codes ervan te controleren. Wanneer u zich aanmeldt met uw eID, wordt het certificaat van uw kaart gelezen en wordt de geldigheid ervan nagegaan bij de certificeringsautoriteit die het uitgaf.",
                "Aanmeldingsgebeurtenissen: datum en uur, gebruikte sleutel en toepassing, geslaagd of mislukt, uw IP-adres en de identificatie van uw browser (user agent). U kunt de uwe bekijken in “Mijn activiteit”.",
                "Bescherming tegen het raden van wachtwoorden: tellers van mislukte pogingen per gebruikersnaam en per IP-adres en, in een browser waarin u zich hebt aangemeld, een willekeurig kenmerk (een cookie) dat wij enkel als hash bewaren.",
                "Uw sessie: een willekeurige identificatiecode in een cookie; op de server: wie aangemeld is, hoe, en bij welke toepassingen.",
                "In PersoSelfService: het adres, het telefoonnummer, het privé-e-mailadres en het bankrekeningnummer (IBAN) dat u opgeeft, met de geschiedenis van uw wijzigingen.",
                "Kopieën van de e-mails die u worden gestuurd (beveiligingscodes, bevestigingen).",
            ]),
            NoticeSection(heading: "Doeleinden en rechtsgrond", paragraphs: [
                "Wij verwerken deze gegevens om u beveiligde toegang tot uw HR-toepassingen te geven en die toepassingen te beveiligen: vaststellen wie u bent, uw account beschermen tegen misbruik, en u in “Mijn activiteit” laten nagaan wie zich met uw sleutels heeft aangemeld. De rechtsgronden zijn artikel 6, lid 1, punt c), AVG (wettelijke verplichting, met name de beveiliging van de informatiesystemen van de federale overheidsdiensten) en artikel 6, lid 1, punt e), AVG (taak van algemeen belang: het personeelsbeheer van het federaal openbaar ambt).",
                "Het rijksregisternummer wordt gebruikt binnen de grenzen van de wet van 8 augustus 1983 tot regeling van een Rijksregister van de natuurlijke personen.",
            ]),
            NoticeSection(heading: "Hoelang wij ze bewaren", items: [
                "Aanmeldingsgebeurtenissen: 6 maanden (183 dagen); daarna worden ze gewist.",
                "Sessies: hoogstens \(max); een sessie eindigt ook na \(idle) zonder activiteit.",
                "Per e-mail verstuurde codes: 10 minuten geldig; kopieën van e-mails: 30 dagen na verzending.",
                "Browserkenmerken: 180 dagen na uw laatste aanmelding in die browser.",
                "Tellers van mislukte pogingen: één dag na de laatste mislukte poging of, als ze een sleutel geblokkeerd hebben, tot die weer vrijgegeven is.",
                "Identiteit, contactadres en sleutels: zolang u toegang hebt tot PersoPoint.",
                "Gegevens in PersoSelfService: zolang uw personeelsdossier bewaard wordt volgens de regels die erop van toepassing zijn.",
            ]),
            NoticeSection(heading: "Wie ze ontvangt", paragraphs: [
                "De toepassingen waarbij u zich aanmeldt, ontvangen enkel de gegevens die hun registratie toestaat (bijvoorbeeld uw naam, uw e-mailadres, uw rijksregisternummer en uw rollen), en alleen wanneer u zich bij hen aanmeldt. Technische dienstverleners, zoals de mailserver die onze e-mails aflevert, verwerken ze enkel in opdracht van de dienst die deze installatie beheert. Uw gegevens worden niet verkocht en niet gebruikt voor reclame of profilering.",
            ]),
            NoticeSection(heading: "Uw rechten", paragraphs: [
                "U kunt vragen om inzage in uw gegevens, om verbetering ervan, om wissing waar de wet dat toelaat (gegevens die wij moeten bewaren voor een wettelijke verplichting of een taak van algemeen belang kunnen niet vóór het einde van hun termijn gewist worden) en om beperking van de verwerking, en u kunt bezwaar maken tegen de verwerking. Uw aanmeldingen ziet u al in “Mijn activiteit” en uw persoonsgegevens in PersoSelfService. Om uw rechten uit te oefenen, neemt u contact op met de helpdesk.",
                "Meent u dat uw gegevens niet rechtmatig verwerkt worden, dan kunt u een klacht indienen bij de Gegevensbeschermingsautoriteit, Drukpersstraat 35, 1000 Brussel.",
            ], linksToHelpDesk: true),
        ] },
        cookiesTitle: "Cookies",
        cookiesLead: "PersoPoint gebruikt alleen cookies die strikt noodzakelijk zijn voor de dienst die u vraagt: u aangemeld houden, de taal onthouden die u gekozen hebt en uw account beschermen. Het gebruikt geen cookies voor statistieken, reclame of tracking, en geen cookies van derden. Voor strikt noodzakelijke cookies is geen toestemming nodig; daarom vraagt PersoPoint u niet om cookies te aanvaarden.",
        cookieTableCaption: "De cookies die PersoPoint plaatst",
        cookieNameHeader: "Naam",
        cookiePurposeHeader: "Doel",
        cookieLifetimeHeader: "Bewaartermijn",
        sessionCookiePurpose: "Houdt u aangemeld. Het bevat enkel een willekeurige identificatiecode; waarvoor die staat (wie aangemeld is, hoe, en bij welke toepassingen) blijft op de server. De authenticatiedienst en de toepassingen van deze installatie delen dit cookie.",
        sessionCookieLifetime: { idle, max in "Tot u uw browser sluit of zich afmeldt. De server beëindigt de sessie na \(idle) zonder activiteit, en in elk geval na \(max)." },
        preLoginCookiePurpose: "Houdt, voordat u zich aanmeldt, bij wat een formulier of een lopende aanmelding nodig heeft (de bescherming van het formulier tegen vervalsing, de toepassing die u doorstuurde). De inhoud is door de server versleuteld en verzegeld: hij kan niet gelezen of gewijzigd worden en bevat niets over u. Zodra u zich aanmeldt, vervangt de sessiecookie hem.",
        preLoginCookieLifetime: { idle in "Tot u uw browser sluit of zich aanmeldt; de server aanvaardt hem niet meer na \(idle) zonder activiteit." },
        languageCookiePurpose: "Onthoudt de taal die u gekozen hebt (Nederlands, Frans, Duits of Engels).",
        languageCookieLifetime: "1 jaar",
        deviceCookiePurpose: "Markeert een browser waarin u zich hebt aangemeld, zodat verkeerde wachtwoorden die daarin voor uw gebruikersnaam worden ingetypt, apart geteld worden van de pogingen van onbekenden: wie uw wachtwoord probeert te raden, kan u niet buitensluiten in uw eigen browser. Het bevat een willekeurige waarde, die de server enkel als hash bewaart.",
        deviceCookieLifetime: "180 dagen na uw laatste aanmelding in deze browser",
        employerCookiePurpose: "Onthoudt in PersoContact of u voor BOSA of voor een andere federale overheidsdienst werkt, zodat de vraag niet bij elk bezoek gesteld wordt.",
        employerCookieLifetime: "1 jaar, of tot u uw antwoord wijzigt",
        cookiesSections: [
            NoticeSection(heading: "Hoe de cookies beschermd zijn", paragraphs: [
                "Elk cookie wordt alleen naar deze site gestuurd, kan niet gelezen worden door de scripts van de pagina’s (HttpOnly) en gaat, wanneer de site via HTTPS bediend wordt, enkel over een versleutelde verbinding.",
            ]),
            NoticeSection(heading: "Bewaard in uw browser zonder cookie", paragraphs: [
                "Terwijl u in een toepassing een formulier invult, wordt wat u typt bewaard in de lokale opslag van uw browser, alleen op uw toestel, zodat het niet verloren gaat als u zich opnieuw moet aanmelden. Het wordt gewist zodra het formulier verstuurd is, wanneer u zich afmeldt, en uiterlijk na 12 uur.",
            ]),
            NoticeSection(heading: "Cookies weigeren of verwijderen", paragraphs: [
                "U kunt deze cookies op elk moment verwijderen in de instellingen van uw browser. Zonder het sessiecookie kunt u zich niet aanmelden; zonder het taalcookie worden de pagina’s getoond in de taal van uw browser; zonder het browserkenmerk worden uw wachtwoordpogingen samen met die van iedereen geteld.",
            ]),
        ],
        helpDeskTitle: "Contact opnemen met de helpdesk",
        helpDeskLead: "De helpdesk van deze installatie helpt u om u aan te melden, uw digitale sleutels te activeren of te vervangen en de PersoPoint-toepassingen te gebruiken. Neem ook contact op met de helpdesk om een toegankelijkheidsprobleem te melden of om uw rechten inzake gegevensbescherming uit te oefenen.",
        helpDeskPhoneLabel: "Telefoon",
        helpDeskEmailLabel: "E-mail",
        helpDeskHoursLabel: "Openingsuren",
        helpDeskNotPublished: "De helpdesk van deze installatie heeft zijn contactgegevens nog niet bekendgemaakt. Neem intussen contact op met de HR-dienst van uw organisatie.",
        helpDeskAdvice: [
            "Voor een vraag over uw personeelsdossier (bezoldiging, verlof, loopbaan) gebruikt u PersoContact of neemt u contact op met uw HR-dienst.",
            "Toonde een foutpagina u een nummer van de aanvraag, geef het dan door aan de helpdesk: zo kan die nagaan wat er gebeurd is.",
            "De helpdesk zal u nooit vragen naar uw wachtwoord, de pincode van uw identiteitskaart of uw beveiligingscodes.",
        ],
        helpDeskLink: "Contact opnemen met de helpdesk",
        minutes: { $0 == 1 ? "1 minuut" : "\($0) minuten" },
        hours: { "\($0) uur" }
    )
}
