import PersoCore

/// Words of the access portal and its help pages; one value per language, checked complete by the compiler.
struct PortalTexts: Sendable {
    let portalTitle: String
    let portalLead: String
    let selfServiceName: String
    let selfServiceLine: String
    let contactName: String
    let contactLine: String
    let eboxName: String
    let eboxLine: String
    let availabilityTitle: String
    let availabilityBody: String
    let helpLink: String
    let activityLink: String
    let helpTitle: String
    let helpLead: String
    let helpBack: String

    static func texts(for language: Language) -> PortalTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }
}

extension PortalTexts {
    static let french = PortalTexts(
        portalTitle: "Vos applications RH PersoPoint",
        portalLead: "Accédez à vos applications RH depuis n’importe quel ordinateur ou smartphone connecté à internet, sans passer par le réseau de votre organisation.",
        selfServiceName: "PersoSelfService",
        selfServiceLine: "Vos données personnelles, congés et absences, télétravail, fiches de paie et dossier du personnel.",
        contactName: "PersoContact",
        contactLine: "Posez une question au service RH (rémunération, carrière, données personnelles, absences) et suivez vos dossiers.",
        eboxName: "eBox",
        eboxLine: "Votre boîte aux lettres électronique pour les documents officiels, comme une décision d’interruption de carrière.",
        availabilityTitle: "Disponibilité",
        availabilityBody: "Les applications sont accessibles à tous les utilisateurs et aux chefs, 24 heures sur 24, 7 jours sur 7, sauf cas de force majeure et interventions de maintenance annoncées.",
        helpLink: "Comment se connecter ? Aide et explications",
        activityLink: "Mon activité : mes connexions des 6 derniers mois",
        helpTitle: "Aide",
        helpLead: "Comment vous connecter aux applications PersoPoint et activer votre eBox.",
        helpBack: "Toutes les rubriques d’aide",
    )

    static let dutch = PortalTexts(
        portalTitle: "Uw HR-toepassingen PersoPoint",
        portalLead: "Gebruik uw HR-toepassingen vanaf elke computer of smartphone met internettoegang, zonder via het netwerk van uw organisatie te gaan.",
        selfServiceName: "PersoSelfService",
        selfServiceLine: "Uw persoonsgegevens, verlof en afwezigheden, telewerk, loonfiches en personeelsdossier.",
        contactName: "PersoContact",
        contactLine: "Stel een vraag aan de HR-dienst (bezoldiging, loopbaan, persoonsgegevens, afwezigheden) en volg uw dossiers op.",
        eboxName: "eBox",
        eboxLine: "Uw elektronische brievenbus voor officiële documenten, zoals een beslissing over loopbaanonderbreking.",
        availabilityTitle: "Beschikbaarheid",
        availabilityBody: "De toepassingen zijn voor alle gebruikers en chefs 24 uur op 24, 7 dagen op 7 beschikbaar, behalve bij overmacht en aangekondigd onderhoud.",
        helpLink: "Hoe aanmelden? Hulp en uitleg",
        activityLink: "Mijn activiteit: mijn aanmeldingen van de voorbije 6 maanden",
        helpTitle: "Hulp",
        helpLead: "Hoe u zich aanmeldt bij de PersoPoint-toepassingen en uw eBox activeert.",
        helpBack: "Alle hulponderwerpen",
    )

    static let german = PortalTexts(
        portalTitle: "Ihre HR-Anwendungen PersoPoint",
        portalLead: "Nutzen Sie Ihre HR-Anwendungen von jedem Computer oder Smartphone mit Internetzugang, ohne das Netzwerk Ihrer Organisation.",
        selfServiceName: "PersoSelfService",
        selfServiceLine: "Ihre persönlichen Daten, Urlaub und Abwesenheiten, Telearbeit, Gehaltsabrechnungen und Personalakte.",
        contactName: "PersoContact",
        contactLine: "Stellen Sie dem Personaldienst eine Frage (Gehalt, Laufbahn, persönliche Daten, Abwesenheiten) und verfolgen Sie Ihre Anfragen.",
        eboxName: "eBox",
        eboxLine: "Ihr elektronischer Briefkasten für offizielle Dokumente, etwa einen Beschluss zur Laufbahnunterbrechung.",
        availabilityTitle: "Verfügbarkeit",
        availabilityBody: "Die Anwendungen stehen allen Benutzern und Vorgesetzten rund um die Uhr an 7 Tagen pro Woche zur Verfügung, außer bei höherer Gewalt und angekündigten Wartungsarbeiten.",
        helpLink: "Wie melde ich mich an? Hilfe und Erklärungen",
        activityLink: "Meine Aktivität: meine Anmeldungen der letzten 6 Monate",
        helpTitle: "Hilfe",
        helpLead: "Wie Sie sich bei den PersoPoint-Anwendungen anmelden und Ihre eBox aktivieren.",
        helpBack: "Alle Hilfethemen",
    )

    static let english = PortalTexts(
        portalTitle: "Your PersoPoint HR applications",
        portalLead: "Reach your HR applications from any computer or smartphone with internet access, without being on your organisation’s network.",
        selfServiceName: "PersoSelfService",
        selfServiceLine: "Your personal data, leave and absences, telework, pay slips and personnel file.",
        contactName: "PersoContact",
        contactLine: "Ask the HR service a question (pay, career, personal data, absences) and follow your cases.",
        eboxName: "eBox",
        eboxLine: "Your electronic mailbox for official documents, such as a career-interruption decision.",
        availabilityTitle: "Availability",
        availabilityBody: "The applications are available to all users and managers 24 hours a day, 7 days a week, except in case of force majeure and announced maintenance.",
        helpLink: "How do I log in? Help and explanations",
        activityLink: "My activity: my logins over the last 6 months",
        helpTitle: "Help",
        helpLead: "How to log in to the PersoPoint applications and activate your eBox.",
        helpBack: "All help topics",
    )
}
